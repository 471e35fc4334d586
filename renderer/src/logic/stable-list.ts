import type { Finding } from '../../../shared/checks/types';

/**
 * Keeping what did not change: the checks run again on every keystroke and return new objects
 * each time. A finding equal to one of the last run (same rule, fingerprint and content) is
 * replaced by that earlier object, and a list whose items are all the earlier ones by the earlier
 * list, so that memoised components (the findings panel, each finding, the section list) re-render
 * only for the findings that changed.
 */

export const findingId = (f: Finding) => `${f.rule}:${f.fingerprint}`;

/** Findings are plain data (no functions, no cycles): equal when their JSON is. */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function reuseFindings(prev: Finding[], next: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of prev) byId.set(findingId(f), f);
  let unchanged = prev.length === next.length;
  const out = next.map((f, i) => {
    const before = byId.get(findingId(f));
    const kept = before && same(before, f) ? before : f;
    if (kept !== prev[i]) unchanged = false;
    return kept;
  });
  return unchanged ? prev : out;
}

/** A list of plain records: the earlier items (and list) where equal. */
export function reuseItems<T>(prev: T[], next: T[]): T[] {
  let unchanged = prev.length === next.length;
  const out = next.map((x, i) => {
    const kept = i < prev.length && same(prev[i], x) ? prev[i]! : x;
    if (kept !== prev[i]) unchanged = false;
    return kept;
  });
  return unchanged ? prev : out;
}

/** The items of `next` kept (same objects) when the list has the same items as `prev`. */
export function sameItems<T>(prev: T[], next: T[]): T[] {
  return prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next;
}

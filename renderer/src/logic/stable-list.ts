import type { Finding } from '../../../shared/checks/types';

/**
 * Keeping what did not change: the checks run again on every keystroke and return new objects
 * each time. A finding equal to one of the last run (same rule, fingerprint and content) is
 * replaced by that earlier object, and a list whose items are all the earlier ones by the earlier
 * list, so that memoised components (the findings panel, each finding, the section list) re-render
 * only for the findings that changed.
 */

export const findingId = (f: Finding) => `${f.rule}:${f.fingerprint}`;

/**
 * Findings are plain data (no functions, no cycles): equal when their JSON is. Compared member by
 * member rather than by building both JSON texts: this runs for every finding on every keystroke,
 * and the texts (a finding can name a whole table's cells) were most of what it allocated. Anything
 * but plain objects, arrays and primitives is still compared by its JSON.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // JSON writes undefined members as absent and non-finite numbers as null.
    return typeof a === 'number' || typeof b === 'number' ? jsonSame(a, b) : false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameInArray(a[i], b[i])) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return jsonSame(a, b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // Member order counts in JSON: walk both in order, skipping members JSON leaves out.
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && skipped(ra[ka[i]!])) i++;
    while (j < kb.length && skipped(rb[kb[j]!])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !same(ra[ka[i]!], rb[kb[j]!])) return false;
    i++;
    j++;
  }
}

const jsonSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isPlain = (x: object) => {
  const proto = Object.getPrototypeOf(x);
  return (proto === Object.prototype || proto === null) && typeof (x as { toJSON?: unknown }).toJSON !== 'function';
};
/** Members JSON does not write. */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
/** In an array JSON writes undefined, functions and symbols as null. */
const sameInArray = (a: unknown, b: unknown) => same(skipped(a) ? null : a, skipped(b) ? null : b);

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

import { describe, expect, it } from 'vitest';
import { rng } from '../../fixtures/random';
import { reuseFindings, same } from '../../../renderer/src/logic/stable-list';
import { runChecks } from '../../../shared/checks/engine';
import { sampleReport } from '../../../shared/sample/sample-report';

/**
 * `same` stands for “equal JSON” without building the JSON (it runs for every finding on every
 * keystroke). It must agree with JSON.stringify on every kind of value a finding can hold, including
 * the ones JSON treats specially (undefined members, NaN, member order, nested arrays).
 */

const json = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 7 : 10));
  switch (pick) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return [0, 1, 2, NaN, Infinity, -0][Math.floor(next() * 6)];
    case 3:
      return ['', 'a', '空白格', 't3.new.natural'][Math.floor(next() * 4)];
    case 4:
      return next() < 0.5;
    case 5:
      return Math.floor(next() * 3);
    case 6:
      return 'x';
    case 7:
    case 8: {
      const out: Record<string, unknown> = {};
      const keys = ['rule', 'cells', 'fix', 'expected', 'span'];
      for (const k of keys) if (next() < 0.6) out[k] = value(next, depth + 1);
      return out;
    }
    default:
      return Array.from({ length: Math.floor(next() * 3) }, () => value(next, depth + 1));
  }
}

/** A copy with small changes: members reordered or removed, a leaf changed, or nothing. */
function variant(next: () => number, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (next() < 0.2 ? value(next, 3) : variant(next, x)));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (next() < 0.2) entries.reverse();
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) if (next() > 0.1) out[k] = next() < 0.15 ? value(next, 3) : variant(next, x);
    return out;
  }
  return next() < 0.1 ? value(next, 3) : v;
}

describe('same (equal JSON of findings)', () => {
  it('agrees with JSON.stringify on 20,000 generated pairs, equal and not', () => {
    const next = rng(15);
    let equal = 0;
    for (let i = 0; i < 20000; i++) {
      const a = value(next, 0);
      const b = next() < 0.5 ? structuredClone(a) : variant(next, a);
      const want = json(a, b);
      if (want) equal++;
      expect(same(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(want);
    }
    // Both answers were exercised many times.
    expect(equal).toBeGreaterThan(5000);
    expect(equal).toBeLessThan(18000);
  });

  it('keeps every finding of an unchanged report and only the changed one after an edit', () => {
    const report = sampleReport();
    const first = runChecks(report, { mode: 'editor', now: new Date('2025-01-21') });
    const again = reuseFindings(first, runChecks(report, { mode: 'editor', now: new Date('2025-01-21') }));
    expect(again).toBe(first);
    const key = Object.keys(report.cells).find((k) => k.startsWith('t3.new_received.natural'))!;
    const edited = { ...report, cells: { ...report.cells, [key]: (report.cells[key] ?? 0) + 1 } };
    const after = reuseFindings(first, runChecks(edited, { mode: 'editor', now: new Date('2025-01-21') }));
    expect(after).not.toBe(first);
    const kept = after.filter((f) => first.includes(f));
    const fresh = after.filter((f) => !first.includes(f));
    expect(fresh.length).toBeGreaterThan(0);
    for (const f of fresh) expect(first.some((g) => json(g, f))).toBe(false);
    for (const f of kept) expect(json(f, after[after.indexOf(f)])).toBe(true);
  });
});

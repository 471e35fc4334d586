import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countBySeverity,
  dismissFinding,
  hasOpenErrors,
  needsConfirmation,
  RULE_IDS,
  RULE_INFO,
  RULES,
  runChecks,
  spanText,
  undismissFinding,
} from '../../../shared/checks/index';
import { createContext } from '../../../shared/checks/context';
import type { Report } from '../../../shared/model/types';
import { parseReportJson } from '../../../shared/model/schema';
import { sampleReport } from '../../../shared/sample/sample-report';
import { lastYearOf, makeReport, withBlockText, withCells, withParagraph } from '../../fixtures/factory';
import { cityGovernment2024 } from '../../fixtures/reports/city-government';
import { countyBureau2023 } from '../../fixtures/reports/county-bureau';
import { district2023, district2024 } from '../../fixtures/reports/district-government';
import { township2023 } from '../../fixtures/reports/township';

const NOW = new Date('2025-01-25T08:00:00Z');
const loud = (r: Report, last?: Report) =>
  runChecks(r, { last: last ?? null, now: NOW }).filter((f) => f.severity !== 'info');

describe('consistent reports stay quiet', () => {
  it('the sample report', () => {
    expect(runChecks(sampleReport(), { now: NOW })).toEqual([]);
  });

  it('the city report modelled on 淮安 2024 (real phrasings, PDF line breaks)', () => {
    expect(loud(cityGovernment2024())).toEqual([]);
  });

  it('fixture reports with their last year', () => {
    for (const kind of ['department', 'township', 'government', 'other'] as const) {
      const agency = {
        department: '云溪县市场监督管理局',
        township: '云溪县青禾镇人民政府',
        government: '云溪县人民政府',
        other: '云溪县档案馆',
      }[kind];
      const r = makeReport({
        agency,
        kind,
        t3: { res_open: [3, 1, 0, 0, 0, 0], carried_over: [1, 0, 0, 0, 0, 0], carry_next: [2, 0, 0, 0, 0, 0] },
        t4: { review: [1, 0, 0, 0] },
      });
      expect(loud(r, lastYearOf(r))).toEqual([]);
    }
  });

  it('a report without applications or cases, and its quiet imported counterpart (seeds/001 pattern)', () => {
    expect(loud(makeReport({ t3: {}, t4: {} }))).toEqual([]);
    const bureau = runChecks(countyBureau2023(), { mode: 'import' });
    expect(bureau.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['TITLE']);
  });
});

describe('what the samples are expected to produce (checks.md “Examples”)', () => {
  it('洪泽 2023: T4-TOTAL twice; 洪泽 2024: TEXT-NUMBER; 果林镇: TEXT-FOREIGN-AGENCY and SECTION-EMPTY', () => {
    expect(runChecks(district2023(), { mode: 'import' }).filter((f) => f.rule === 'T4-TOTAL')).toHaveLength(2);
    expect(runChecks(district2024(), { mode: 'import' }).filter((f) => f.rule === 'TEXT-NUMBER')).toHaveLength(1);
    const rules = runChecks(township2023(), { mode: 'import' }).map((f) => f.rule);
    expect(rules).toContain('TEXT-FOREIGN-AGENCY');
    expect(rules.filter((r) => r === 'SECTION-EMPTY')).toHaveLength(3);
  });
});

describe('findings', () => {
  const all = [
    district2023(),
    district2024(),
    township2023(),
    countyBureau2023(),
    withCells(makeReport(), { 't3.res_open.natural': 99 }),
  ].flatMap((r) => runChecks(r, { mode: 'import' }).map((f) => ({ r, f })));

  it('use known rule ids, Chinese messages and a fingerprint', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const { f } of all) {
      expect(RULE_IDS).toContain(f.rule);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.fingerprint).toBeTruthy();
      expect(f.fingerprint).not.toMatch(/^\d+$/);
    }
    expect(Object.keys(RULE_INFO).sort()).toEqual([...RULE_IDS].sort());
  });

  it('point at real text when they have a span', () => {
    for (const { r, f } of all) {
      if (!f.span) continue;
      expect(f.span.end).toBeGreaterThan(f.span.start);
      expect(spanText(r, f.span).length).toBe(f.span.end - f.span.start);
    }
  });

  it('are sorted errors first, then warnings, then info', () => {
    const order = { error: 0, warning: 1, info: 2 };
    const sev = runChecks(township2023(), { mode: 'import' }).map((f) => order[f.severity]);
    expect(sev).toEqual([...sev].sort((a, b) => a - b));
  });
});

describe('dismissing', () => {
  const r = withBlockText(
    makeReport({ t3: { res_open: [20, 2, 0, 0, 0, 0] } }),
    'overview',
    4,
    '全年共收到政府信息公开申请17件。',
  );

  it('needs a reason', () => {
    const f = runChecks(r).find((x) => x.rule === 'TEXT-NUMBER')!;
    expect(() => dismissFinding(r, f, '  ')).toThrow(/理由/);
  });

  it('survives re-checks, edits elsewhere and a save/load round trip; can be undone', () => {
    const f = runChecks(r).find((x) => x.rule === 'TEXT-NUMBER')!;
    let d = dismissFinding(r, f, '正文为全县数字', NOW);
    d = withParagraph(withCells(d, { 't2.licensing.decisions': 999 }), 'problems', '另一段新写的文字，与数字无关。');
    d = withBlockText(d, 'overview', 0, '改写后的第一段。');
    const reloaded = parseReportJson(JSON.stringify(d));
    expect(reloaded.ok).toBe(true);
    const again = runChecks(reloaded.ok ? reloaded.report : d).find((x) => x.rule === 'TEXT-NUMBER')!;
    expect(again.dismissed).toEqual({ reason: '正文为全县数字', at: NOW.toISOString() });
    expect(countBySeverity(runChecks(d)).warning).toBe(0);
    expect(countBySeverity(runChecks(d), true).warning).toBe(1);
    expect(runChecks(undismissFinding(d, f)).find((x) => x.rule === 'TEXT-NUMBER')!.dismissed).toBeUndefined();
  });

  it('a dismissed error no longer fails the check but is still listed for confirmation at export', () => {
    const bad = withCells(makeReport(), { 't4.review.total': 5 });
    const f = runChecks(bad).find((x) => x.severity === 'error')!;
    expect(hasOpenErrors(runChecks(bad))).toBe(true);
    const d = dismissFinding(bad, f, '按上级反馈保留原数据', NOW);
    const findings = runChecks(d);
    expect(hasOpenErrors(findings)).toBe(false);
    expect(needsConfirmation(findings).map((x) => [x.rule, x.dismissed?.reason])).toEqual([
      [f.rule, '按上级反馈保留原数据'],
    ]);
  });

  it('stops applying when the finding itself changes (another cell, another quote)', () => {
    const f = runChecks(r).find((x) => x.rule === 'TEXT-NUMBER')!;
    const d = withBlockText(dismissFinding(r, f, '理由', NOW), 'overview', 4, '全年共收到政府信息公开申请18件。');
    expect(runChecks(d).find((x) => x.rule === 'TEXT-NUMBER')!.dismissed).toBeUndefined();
  });
});

describe('robustness', () => {
  it('stays linear on a huge paragraph without full stops (a PDF page read as one line)', () => {
    const chunk =
      '2022年，云溪县民政局坚持受理政府信息公开申请12件，行政复议1件，其中结果维持1件，拱坝镇政府信息公开栏目(一)国办函[2020]109号《办法，';
    const huge = withParagraph(
      makeReport({ agency: '云溪县青禾镇人民政府', kind: 'township' }),
      'problems',
      chunk.repeat(3000),
    );
    const last = withParagraph(lastYearOf(huge), 'problems', chunk.repeat(3000));
    // No time limit (a busy machine must not fail it): quadratic work on this would run into the test timeout.
    const findings = runChecks(huge, { last, mode: 'import' });
    expect(new Set(findings.map((f) => f.rule))).toEqual(
      new Set(['ALL-ZERO', 'TEXT-NUMBER', 'TEXT-STALE-YEAR', 'TEXT-FOREIGN-AGENCY', 'X-REUSED-TEXT', 'PUNCTUATION']),
    );
  });

  const odd = fc.record({
    format: fc.constantFrom('gov-2021', 'gov-2019', 'pre-2019', 'x', undefined),
    year: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.constant(Number.NaN), fc.constant(undefined)),
    title: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
    preamble: fc.oneof(fc.string(), fc.constant(undefined)),
    agency: fc.oneof(
      fc.record({
        name: fc.oneof(fc.string(), fc.constant(undefined)),
        kind: fc.constantFrom('government', 'department', 'township', 'other', 'x'),
      }),
      fc.constant(null),
    ),
    sections: fc.oneof(
      fc.constant(undefined),
      fc.array(
        fc.record({
          id: fc.constantFrom('overview', 'requests', 'other', 'x'),
          blocks: fc.oneof(
            fc.array(
              fc.oneof(
                fc.record({
                  type: fc.constantFrom('paragraph', 'heading'),
                  text: fc.oneof(fc.string(), fc.constant('受理政府信息公开申请十七件，2019年结转（')),
                }),
                fc.constant(null),
              ),
            ),
            fc.constant(null),
          ),
        }),
      ),
    ),
    cells: fc.oneof(
      fc.constant(null),
      fc.dictionary(
        fc.constantFrom(
          't3.new_received.total',
          't3.other.natural',
          't4.review.total',
          't2.admin_fees.amount',
          'legacy.x',
          't2_2019.licensing.change',
        ),
        fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)),
      ),
    ),
    signature: fc.oneof(
      fc.constant(undefined),
      fc.record({ name: fc.string(), date: fc.oneof(fc.string(), fc.constant('2025-02-30')) }),
    ),
    meta: fc.oneof(
      fc.constant({}),
      fc.record({
        dismissals: fc.oneof(fc.constant(null), fc.array(fc.record({ rule: fc.string(), fingerprint: fc.string() }))),
        source: fc.oneof(fc.constant(undefined), fc.record({ publishedAt: fc.oneof(fc.string(), fc.integer()) })),
      }),
    ),
  });

  it('no rule throws on odd input (each rule run on its own, without the engine’s guard)', () => {
    fc.assert(
      fc.property(odd, fc.boolean(), (parts, withLast) => {
        const report = { kind: 'nianbao.report', schemaVersion: 1, ...parts } as unknown as Report;
        const ctx = createContext(report, { last: withLast ? sampleReport() : null, mode: 'import', now: NOW });
        for (const rule of RULES) expect(() => [...rule(ctx)]).not.toThrow();
        expect(() => runChecks(report)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

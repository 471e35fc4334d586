import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyChips,
  chipContext,
  reportPending,
  sectionPending,
  updateBlockYears,
  updateSectionYears,
  yearChips,
  yearContext,
  type YearContext,
} from '../../../renderer/src/rollover/year-chips';
import { rolloverReport } from '../../../shared/rollover/rollover';
import { sampleReport } from '../../../shared/sample/sample-report';
import type { Block, Report } from '../../../shared/model/types';

const PLAN = '全年受理申请数量较2023年增长12%。2025年，我局将进一步加强培训。';

function lastYear(): Report {
  const r = sampleReport();
  return {
    ...r,
    sections: r.sections.map((s) =>
      s.id === 'problems' ? { ...s, blocks: [...s.blocks, { type: 'paragraph', text: PLAN }] } : s,
    ),
  };
}

function setup() {
  const last = lastYear();
  const { report } = rolloverReport(last, { now: new Date('2026-01-08T09:00:00Z') });
  const ctx = yearContext(report, last)!;
  return { last, report, ctx };
}

const blocksOf = (r: Report, id: string) => r.sections.find((s) => s.id === id)!.blocks;
const textOf = (b: Block | undefined) => b?.text ?? '';

describe('year chips of carried paragraphs', () => {
  it('offers last year’s year and last year’s plans, keeps comparisons with their reason', () => {
    const { report, ctx } = setup();
    const chips = yearChips(PLAN, ctx, 'problems');
    expect(chips.map((c) => [c.year, c.state, c.target])).toEqual([
      [2023, 'kept', null],
      [2025, 'pending', 2026],
    ]);
    expect(chips[0]!.reason).toMatch(/比较/);
    const overview = blocksOf(report, 'overview');
    expect(yearChips(overview[0]!.text, ctx, 'overview').map((c) => [c.year, c.state, c.target])).toEqual([
      [2024, 'pending', 2025],
    ]);
  });

  it('does not offer a moved year again (2024 → 2025 is done, not 2025 → 2026)', () => {
    const { report, ctx } = setup();
    const blocks = blocksOf(report, 'overview');
    const moved = updateBlockYears(blocks, 0, ctx, 'overview');
    expect(moved[0]!.text.startsWith('2025年，')).toBe(true);
    expect(moved[0]).toMatchObject({ carried: true });
    expect(yearChips(moved[0]!.text, ctx, 'overview').map((c) => [c.year, c.state])).toEqual([[2025, 'done']]);
    // Moving again changes nothing.
    expect(updateBlockYears(moved, 0, ctx, 'overview')).toBe(moved);
  });

  it('moves one chosen mention, then the rest', () => {
    const { ctx } = setup();
    const text = '2024年收到申请；2024年办结；较2023年增长。';
    const c = { ...ctx, originals: new Map([['problems', [text]]]) } as YearContext;
    const chips = yearChips(text, c, 'problems');
    expect(chips.filter((x) => x.state === 'pending')).toHaveLength(2);
    const one = applyChips(text, chips, chips[1]!.start);
    expect(one).toBe('2024年收到申请；2025年办结；较2023年增长。');
    const after = yearChips(one, c, 'problems');
    expect(after.map((x) => x.state)).toEqual(['pending', 'done', 'kept']);
    expect(applyChips(one, after)).toBe('2025年收到申请；2025年办结；较2023年增长。');
  });

  it('counts and moves the pending years of a section and of the report; other blocks stay as they are', () => {
    const { report, ctx } = setup();
    expect(reportPending(report.sections, ctx)).toBe(2);
    const problems = blocksOf(report, 'problems');
    expect(sectionPending(problems, ctx, 'problems')).toBe(1);
    const next = updateSectionYears(problems, ctx, 'problems');
    expect(textOf(next[next.length - 1])).toBe('全年受理申请数量较2023年增长12%。2026年，我局将进一步加强培训。');
    expect(next.slice(0, -1).every((b, i) => b === problems[i])).toBe(true);
    expect(sectionPending(next, ctx, 'problems')).toBe(0);
    expect(updateSectionYears(next, ctx, 'problems')).toBe(next);
  });

  it('paragraphs that are no longer carried have no chips to update', () => {
    const { report, ctx } = setup();
    const blocks = blocksOf(report, 'overview').map((b) =>
      b.type === 'paragraph' ? { type: 'paragraph' as const, text: b.text } : b,
    );
    expect(sectionPending(blocks, ctx, 'overview')).toBe(0);
    expect(updateBlockYears(blocks, 0, ctx, 'overview')).toBe(blocks);
  });

  it('without last year’s text only last year’s own year is offered (never twice)', () => {
    const { report } = setup();
    const ctx = yearContext(report, null)!;
    expect(ctx.originals).toBeNull();
    const chips = yearChips('2024年，我局…；2025年，我局将…；较2023年增长。', ctx, 'overview');
    expect(chips.map((c) => [c.year, c.state])).toEqual([
      [2024, 'pending'],
      [2025, 'done'],
      [2023, 'kept'],
    ]);
  });

  it('a report not made from last year’s has no year context', () => {
    expect(yearContext(sampleReport(), null)).toBeNull();
  });

  it('moving years never changes anything but the digits of pending years (property)', () => {
    const { ctx } = setup();
    const piece = fc.constantFrom(
      '2024年',
      '2025年',
      '较2023年',
      '〔2024〕5号',
      '2024年结转',
      '自2024年以来',
      '，',
      '收到申请12件',
      '2019年5月15日起施行',
      '。',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const c = { ...ctx, originals: new Map([['overview', [text]]]), cache: new Map() } as YearContext;
        const chips = yearChips(text, c, 'overview');
        const moved = applyChips(text, chips);
        expect(moved.length).toBe(text.length);
        const pendingAt = new Set(
          chips.filter((x) => x.state === 'pending').flatMap((x) => [0, 1, 2, 3].map((d) => x.start + d)),
        );
        for (let i = 0; i < text.length; i++) if (!pendingAt.has(i)) expect(moved[i]).toBe(text[i]);
        // After moving, nothing is pending any more.
        expect(yearChips(moved, c, 'overview').some((x) => x.state === 'pending')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('shows a mention in a few words of its context', () => {
    const text = '全年受理申请数量较2023年增长12%，办结率100%。';
    const [chip] = yearChips(text, { from: 2024, to: 2025, originals: null, cache: new Map() }, 'overview');
    expect(chipContext(text, chip!)).toEqual({ pre: '…理申请数量较', mention: '2023年', post: '增长12%…' });
    expect(chipContext('2024年度，我局', { start: 0, end: 4 })).toEqual({
      pre: '',
      mention: '2024年度',
      post: '，我局',
    });
  });
});

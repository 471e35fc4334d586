import { describe, expect, it } from 'vitest';
import { GOV_2021 } from '../../../templates/index';
import { blankReport } from '../../../shared/model/blank';
import { sampleReport } from '../../../shared/sample/sample-report';
import { runChecks } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { EMPTY_HISTORY, cellStep, record, redo, undo } from '../../../renderer/src/logic/undo';
import { blankEditableCount, fillBlanksWithZero } from '../../../renderer/src/logic/fill-zero';
import {
  applyCells,
  confirmCarried,
  editBlockText,
  hasHeading,
  insertSubheading,
} from '../../../renderer/src/logic/report-edit';
import { computeCompleteness, pageOfFinding } from '../../../renderer/src/logic/completeness';
import { indexFindingsByCell } from '../../../renderer/src/logic/findings-index';
import { recomputeTotals, totalDisagrees } from '../../../renderer/src/logic/totals-edit';

const fresh = () =>
  blankReport({ agency: '测试县测试局', kind: 'department', year: 2024, now: new Date('2025-01-10T00:00:00Z') });

describe('undo history', () => {
  it('undoes and redoes a cell step without touching text typed since', () => {
    let report = fresh();
    let history = EMPTY_HISTORY;
    const patch = { 't3.new_received.natural': 5, 't3.new_received.commercial': 2 };
    history = record(history, cellStep('粘贴', report.cells, patch));
    report = applyCells(report, patch, GOV_2021);
    expect(report.cells['t3.new_received.total']).toBe(7);
    report = { ...report, title: '改过的标题' };

    const u = undo(history, report)!;
    expect(u.report.cells['t3.new_received.natural']).toBeNull();
    expect(u.report.title).toBe('改过的标题');
    const r = redo(u.history, u.report)!;
    expect(r.report.cells['t3.new_received.natural']).toBe(5);
    expect(r.history.past).toHaveLength(1);
    expect(redo(r.history, r.report)).toBeNull();
  });

  it('drops the redo list on a new step and ignores steps that change nothing', () => {
    const report = fresh();
    let history = record(EMPTY_HISTORY, cellStep('a', report.cells, { 't4.review.maintained': 1 }));
    history = undo(history, report)!.history;
    expect(history.future).toHaveLength(1);
    history = record(history, cellStep('b', report.cells, { 't4.review.other': 1 }));
    expect(history.future).toHaveLength(0);
    expect(record(history, cellStep('c', report.cells, { 't4.review.other': null }))).toBe(history);
  });

  it('keeps at most 200 steps', () => {
    let history = EMPTY_HISTORY;
    const report = fresh();
    for (let i = 0; i < 250; i++)
      history = record(history, cellStep(`s${i}`, report.cells, { 't4.review.other': i + 1 }));
    expect(history.past).toHaveLength(200);
    expect(history.past[0]!.label).toBe('s50');
  });
});

describe('totals after an edit', () => {
  it('follow their parts in a report written in the app, totals of totals too', () => {
    let r = fresh();
    r = applyCells(r, { 't3.res_open.natural': 3, 't3.res_partial.natural': 2 }, GOV_2021);
    expect(r.cells['t3.res_total.natural']).toBe(5);
    expect(r.cells['t3.res_open.total']).toBe(3);
    expect(r.cells['t3.res_total.total']).toBe(5);
    r = applyCells(r, { 't3.res_open.natural': 4 }, GOV_2021);
    expect(r.cells['t3.res_total.natural']).toBe(6);
    expect(r.cells['t3.res_total.total']).toBe(6);
  });

  it('keep a published total that does not add up when a part is retyped; totals that added up still follow', () => {
    const published = {
      ...fresh().cells,
      't4.review.maintained': 10,
      't4.review.corrected': 1,
      't4.review.total': 0,
      't4.lit_direct.maintained': 2,
      't4.lit_direct.total': 2,
    };
    const r = applyCells(
      { ...fresh(), cells: published },
      { 't4.review.corrected': 2, 't4.lit_direct.corrected': 1 },
      GOV_2021,
    );
    expect(r.cells['t4.review.total']).toBe(0);
    expect(totalDisagrees(r.cells, GOV_2021, 't4.review.total')).toBe(true);
    expect(r.cells['t4.lit_direct.total']).toBe(3);
    expect(totalDisagrees(r.cells, GOV_2021, 't4.lit_direct.total')).toBe(false);
  });

  it('take a total set by the edit itself as given (采用计算值, undo), and fill a blank total from its parts', () => {
    const before = { ...fresh().cells, 't4.review.maintained': 10, 't4.review.corrected': 1, 't4.review.total': 0 };
    const taken = recomputeTotals(before, { ...before, 't4.review.total': 11 }, GOV_2021, { 't4.review.total': 11 });
    expect(taken['t4.review.total']).toBe(11);
    const back = recomputeTotals(taken, { ...taken, 't4.review.total': 0 }, GOV_2021, { 't4.review.total': 0 });
    expect(back['t4.review.total']).toBe(0);
    const blankTotal = { ...before, 't4.review.total': null };
    expect(recomputeTotals(blankTotal, { ...blankTotal, 't4.review.pending': 1 }, GOV_2021)['t4.review.total']).toBe(
      12,
    );
  });
});

describe('fill blanks with 0', () => {
  it('fills only blank editable cells of one table', () => {
    const report = fresh();
    const cells = { ...report.cells, 't4.review.maintained': 3 };
    const patch = fillBlanksWithZero(cells, GOV_2021, 't4');
    expect(Object.keys(patch)).toHaveLength(11);
    expect(patch['t4.review.maintained']).toBeUndefined();
    expect(patch['t4.review.total']).toBeUndefined();
    expect(blankEditableCount(cells, GOV_2021, 't3')).toBe(24 * 6);
    expect(blankEditableCount(cells, GOV_2021)).toBe(10 + 144 + 11);
    const filled = applyCells({ ...report, cells }, patch, GOV_2021);
    expect(filled.cells['t4.review.total']).toBe(3);
    expect(filled.cells['t4.lit_direct.total']).toBe(0);
  });
});

describe('paragraph edits', () => {
  it('clears the carried mark on edit and on confirm', () => {
    const blocks = [{ type: 'paragraph' as const, text: '上年文字', carried: true }];
    expect(editBlockText(blocks, 0, '新文字')[0]).toEqual({ type: 'paragraph', text: '新文字' });
    expect(confirmCarried(blocks, 0)[0]).toEqual({ type: 'paragraph', text: '上年文字' });
  });

  it('inserts a standard sub-heading in the standard order', () => {
    const subs = GOV_2021.sections[0]!.subheadings!;
    const blocks = [
      { type: 'heading' as const, level: 2 as const, text: '（一）主动公开' },
      { type: 'paragraph' as const, text: 'a' },
      { type: 'heading' as const, level: 2 as const, text: '（三）政府信息管理方面' },
    ];
    const { blocks: out, index } = insertSubheading(blocks, subs, '（二）依申请公开');
    expect(out.map((b) => b.text)).toEqual(['（一）主动公开', 'a', '（二）依申请公开', '', '（三）政府信息管理方面']);
    expect(index).toBe(3);
    expect(hasHeading(out, '（三）政府信息管理')).toBe(true);
    expect(hasHeading(out, '（五）监督保障')).toBe(false);
  });
});

describe('completeness and finding placement', () => {
  it('reports an empty report as mostly empty and the sample as done', () => {
    const empty = fresh();
    const pages = computeCompleteness(empty, GOV_2021, runChecks(empty, { mode: 'editor' }));
    const byPage = Object.fromEntries(pages.map((p) => [p.page, p]));
    expect(byPage.overview!.progress).toBe('empty');
    expect(byPage.requests!.progress).toBe('empty');
    expect(byPage.requests!.detail).toBe('已填 0/144 格');
    expect(byPage.cover!.progress).toBe('partial'); // no signature date yet

    const sample = sampleReport();
    const done = computeCompleteness(
      sample,
      GOV_2021,
      runChecks(sample, { mode: 'editor', now: new Date('2025-01-21') }),
    );
    for (const p of done) expect(p.progress, p.page).toBe('done');
  });

  it('counts an unbalanced column as an error on page 三 and never shows 100 % with blanks', () => {
    const report = applyCells(
      fresh(),
      {
        't3.new_received.natural': 5,
        't3.carried_over.natural': 0,
        't3.res_open.natural': 3,
        't3.carry_next.natural': 0,
      },
      GOV_2021,
    );
    const findings = runChecks(report, { mode: 'editor' });
    const balance = findings.find((f) => f.rule === 'T3-BALANCE');
    expect(balance).toBeDefined();
    expect(pageOfFinding(balance!, GOV_2021)).toBe('requests');
    const page = computeCompleteness(report, GOV_2021, findings).find((p) => p.page === 'requests')!;
    expect(page.errors).toBeGreaterThan(0);
    expect(page.progress).toBe('partial');
    expect(page.percent).toBeLessThan(100);
  });

  it('places text findings on their section and marks cells by severity', () => {
    const f = (over: Partial<Finding>): Finding => ({
      rule: 'TEXT-NUMBER',
      severity: 'warning',
      message: 'm',
      fingerprint: 'x',
      ...over,
    });
    expect(
      pageOfFinding(f({ span: { where: 'section', section: 'problems', block: 0, start: 0, end: 1 } }), GOV_2021),
    ).toBe('problems');
    expect(pageOfFinding(f({ span: { where: 'title', start: 0, end: 1 } }), GOV_2021)).toBe('cover');
    // A figure in the text against a table cell leads to the text.
    expect(
      pageOfFinding(
        f({
          cells: ['t3.new_received.total'],
          span: { where: 'section', section: 'overview', block: 2, start: 0, end: 3 },
        }),
        GOV_2021,
      ),
    ).toBe('overview');
    expect(pageOfFinding(f({ cells: ['t3.new_received.total'] }), GOV_2021)).toBe('requests');
    expect(
      pageOfFinding(
        f({ rule: 'SECTION-EMPTY', severity: 'error', message: '五、存在的主要问题及改进情况没有内容' }),
        GOV_2021,
      ),
    ).toBe('problems');

    const marks = indexFindingsByCell([
      f({ cells: ['a', 'b'], message: 'warn' }),
      f({ cells: ['b'], severity: 'error', message: 'err' }),
      f({ cells: ['t', 'p1', 'p2', 'p3', 'p4'], severity: 'error', message: 'sum' }),
      f({ cells: ['c'], dismissed: { reason: 'r', at: 'now' } }),
    ]);
    expect(marks.get('a')).toEqual({ severity: 'warning', message: 'warn' });
    expect(marks.get('b')).toEqual({ severity: 'error', message: 'warn\nerr' });
    expect(marks.has('t')).toBe(true);
    expect(marks.has('p1')).toBe(false);
    expect(marks.has('c')).toBe(false);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { applyDifferences, readExportedDocx, type ParagraphDifference } from '../../../shared/import/exported-docx';
import type { Report } from '../../../shared/model/types';
import { richReport } from './fixtures';
import { cleanupTempDirs, describeWithTools, python, soffice, tempDir } from './helpers/tools';

afterAll(cleanupTempDirs);

/**
 * A leader edits the exported .docx during sign-off (python-docx stands in for Word/WPS; LibreOffice
 * re-saves it as another office suite would) and the read-back must find exactly those edits.
 */

const dir = tempDir('readback');

const blockIndex = (report: Report, section: string, prefix: string) =>
  report.sections.find((s) => s.id === section)!.blocks.findIndex((b) => b.text.startsWith(prefix));

/** The edits a leader makes, in python-docx terms (see helpers/edit_docx.py). */
const OPS = [
  { op: 'replace', find: '2024年政府信息公开', with: '2024年度政府信息公开' },
  { op: 'replace', find: '全年未发生泄密', with: '全年未发生任何泄密' },
  { op: 'delete', startswith: '持续优化政府信息公开专栏' },
  {
    op: 'insert_before',
    startswith: '将政务公开工作纳入年度绩效考核',
    text: '新增：建立政务公开工作台账，逐项销号管理。',
  },
  { op: 'insert_before', startswith: '针对上年度报告提出', text: '（三）整改落实情况', style: 'heading 2' },
  { op: 'append_after', startswith: '本年度认真落实上级', text: '补充说明：本年度无其他需要报告的事项。' },
  { op: 'cell', table: 1, row: 3, col: 3, text: '22' },
  { op: 'cell', table: 0, row: 13, col: 1, text: '0.5' },
  { op: 'cell', table: 2, row: 3, col: 0, text: '' },
  { op: 'cell', table: 1, row: 4, col: 4, text: '甲' },
  { op: 'last', text: '2025年2月3日' },
];

/** What the read-back must report for OPS, independent of order. */
function expectedSummary(report: Report): string[] {
  const overview = (p: string) => blockIndex(report, 'overview', p);
  return [
    'changed title',
    `changed section:overview:${overview('落实公文公开属性')}`,
    `removed section:overview:${overview('持续优化政府信息公开专栏')}`,
    `added section:overview:${overview('将政务公开工作纳入年度绩效考核')}`,
    `added section:problems:${blockIndex(report, 'problems', '针对上年度报告提出')}`,
    `added section:other:${report.sections.find((s) => s.id === 'other')!.blocks.length}`,
    'changed cell:t3.new_received.natural',
    'changed cell:t2.admin_fees.amount',
    'changed cell:t4.review.maintained',
    'changed cell:t3.carried_over.commercial',
    'changed signature:date',
  ].sort();
}

function summary(diffs: ParagraphDifference[]): string[] {
  return diffs
    .map((d) => {
      const l = d.location;
      const where =
        l.where === 'section'
          ? `section:${l.section}:${l.block}`
          : l.where === 'cell'
            ? `cell:${l.key}`
            : l.where === 'signature'
              ? `signature:${l.field}`
              : l.where === 'preamble'
                ? `preamble:${l.paragraph}`
                : 'title';
      return `${d.kind} ${where}`;
    })
    .sort();
}

function checkDifferences(report: Report, diffs: ParagraphDifference[]) {
  expect(summary(diffs)).toEqual(expectedSummary(report));
  const byKey = (key: string) => diffs.find((d) => d.location.where === 'cell' && d.location.key === key)!;
  expect(byKey('t3.new_received.natural')).toMatchObject({ embeddedValue: 21, visibleValue: 22, applicable: true });
  expect(byKey('t2.admin_fees.amount')).toMatchObject({
    embeddedValue: 24252.311082,
    visibleValue: 0.5,
    applicable: true,
  });
  expect(byKey('t4.review.maintained')).toMatchObject({ embeddedValue: 1, visibleValue: null, applicable: true });
  expect(byKey('t3.carried_over.commercial')).toMatchObject({ embeddedValue: 0, visible: '甲', applicable: false });
  const added = diffs.filter((d) => d.kind === 'added');
  expect(added.find((d) => d.location.where === 'section' && d.location.section === 'problems')!.block).toEqual({
    type: 'heading',
    level: 2,
    text: '（三）整改落实情况',
  });
  expect(added.find((d) => d.location.where === 'section' && d.location.section === 'overview')!.block).toEqual({
    type: 'paragraph',
    text: '新增：建立政务公开工作台账，逐项销号管理。',
  });
  expect(diffs.find((d) => d.location.where === 'title')).toMatchObject({
    embedded: '云溪县市场监督管理局2024年政府信息公开工作年度报告',
    visible: '云溪县市场监督管理局2024年度政府信息公开工作年度报告',
  });
  expect(diffs.find((d) => d.location.where === 'signature')).toMatchObject({
    embedded: '2025年1月20日',
    visible: '2025年2月3日',
    applicable: true,
  });
  for (const d of diffs) expect(d.label).toMatch(/\S/);
  // Reading order: title first, signature last.
  expect(diffs[0]!.location.where).toBe('title');
  expect(diffs[diffs.length - 1]!.location.where).toBe('signature');
}

describeWithTools(['python-docx'], 'read-back of a .docx edited with python-docx', () => {
  const report = richReport();
  let edited: string;
  beforeAll(async () => {
    const exported = join(dir, 'exported.docx');
    writeFileSync(exported, await buildDocx(report));
    writeFileSync(join(dir, 'ops.json'), JSON.stringify(OPS));
    edited = join(dir, 'edited.docx');
    await python('edit_docx.py', [exported, edited, join(dir, 'ops.json')]);
  });

  it('finds each edit: changed, deleted and added paragraphs (with heading level), cells, title, date', async () => {
    const back = (await readExportedDocx(new Uint8Array(readFileSync(edited))))!;
    expect(back.report).toEqual(report);
    checkDifferences(report, back.differences);
    expect(back.warnings).toEqual([]);
  });

  it('applyDifferences takes the chosen ones and nothing else', async () => {
    const { differences, visibleReport } = (await readExportedDocx(new Uint8Array(readFileSync(edited))))!;
    const all = applyDifferences(report, differences, () => true);
    expect(visibleReport).toEqual(all);
    const overview = all.sections.find((s) => s.id === 'overview')!.blocks.map((b) => b.text);
    expect(all.title).toBe('云溪县市场监督管理局2024年度政府信息公开工作年度报告');
    expect(overview.some((t) => t.includes('全年未发生任何泄密'))).toBe(true);
    expect(overview.some((t) => t.startsWith('持续优化政府信息公开专栏'))).toBe(false);
    expect(overview.indexOf('新增：建立政务公开工作台账，逐项销号管理。')).toBe(
      overview.findIndex((t) => t.startsWith('将政务公开工作纳入')) - 1,
    );
    const problems = all.sections.find((s) => s.id === 'problems')!.blocks;
    expect(problems.findIndex((b) => b.text === '（三）整改落实情况')).toBe(
      problems.findIndex((b) => b.text.startsWith('针对上年度报告提出')) - 1,
    );
    expect(all.sections.find((s) => s.id === 'other')!.blocks.at(-1)!.text).toBe(
      '补充说明：本年度无其他需要报告的事项。',
    );
    expect(all.cells['t3.new_received.natural']).toBe(22);
    expect(all.cells['t2.admin_fees.amount']).toBe(0.5);
    expect(all.cells['t4.review.maintained']).toBeNull();
    expect(all.cells['t3.carried_over.commercial']).toBe(0); // not a number in the document: not taken
    expect(all.signature.date).toBe('2025-02-03');
    expect(report.title).toBe('云溪县市场监督管理局2024年政府信息公开工作年度报告'); // input untouched

    // Taking the document's version of everything, then exporting again, shows no differences.
    const again = (await readExportedDocx(await buildDocx(all)))!;
    expect(again.differences).toEqual([]);

    const onlyCell = differences.find(
      (d) => d.location.where === 'cell' && d.location.key === 't3.new_received.natural',
    )!;
    const some = applyDifferences(report, differences, [onlyCell.id]);
    expect(some.cells['t3.new_received.natural']).toBe(22);
    expect(some.title).toBe(report.title);
    expect(some.sections).toEqual(report.sections);
  });

  it('a deleted table row: the other rows are matched by their labels, the lost cells reported', async () => {
    const exported = join(dir, 'exported-row.docx');
    writeFileSync(exported, await buildDocx(report));
    writeFileSync(
      join(dir, 'ops-row.json'),
      JSON.stringify([
        { op: 'delete_row', table: 1, row: 14 },
        { op: 'cell', table: 1, row: 20, col: 3, text: '7' },
      ]),
    );
    const out = join(dir, 'edited-row.docx');
    await python('edit_docx.py', [exported, out, join(dir, 'ops-row.json')]);
    const back = (await readExportedDocx(new Uint8Array(readFileSync(out))))!;
    // Row 20 after deleting row 14 is 三（五）4.无正当理由大量反复申请 (grid row 21 before).
    expect(summary(back.differences)).toEqual(['changed cell:t3.noproc_excessive.natural']);
    expect(back.warnings.some((w) => w.includes('行数'))).toBe(true);
    expect(back.warnings.some((w) => w.includes('8.属于行政查询事项'))).toBe(true);
  });
});

describeWithTools(['soffice', 'python-docx'], 'read-back after LibreOffice re-saves the .docx', () => {
  const report = richReport();

  it('an untouched export re-saved by LibreOffice keeps the report and shows no differences', async () => {
    const src = join(dir, 'lo-plain.docx');
    writeFileSync(src, await buildDocx(report));
    const outDir = join(dir, 'lo-plain-out');
    const resaved = await soffice(src, 'docx', outDir);
    const back = (await readExportedDocx(new Uint8Array(readFileSync(resaved))))!;
    expect(back).not.toBeNull();
    expect(back.report).toEqual(report);
    expect(back.differences).toEqual([]);
    expect(back.warnings).toEqual([]);
  });

  it('the python-docx edits survive a LibreOffice re-save and are found the same way', async () => {
    const exported = join(dir, 'lo-exported.docx');
    writeFileSync(exported, await buildDocx(report));
    writeFileSync(join(dir, 'lo-ops.json'), JSON.stringify(OPS));
    const edited = join(dir, 'lo-edited.docx');
    await python('edit_docx.py', [exported, edited, join(dir, 'lo-ops.json')]);
    const resaved = await soffice(edited, 'docx', join(dir, 'lo-edited-out'));
    const back = (await readExportedDocx(new Uint8Array(readFileSync(resaved))))!;
    expect(back.report).toEqual(report);
    checkDifferences(report, back.differences);
  });
});

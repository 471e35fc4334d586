import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport, type ImportResult } from '../../../shared/import/index';
import type { Report } from '../../../shared/model/types';
import { flatten, PUBLISHED_AT, type Expected, type FlattenShape } from '../../fixtures/import/flatten';
import { markdownTorn, type TornShape } from '../../fixtures/import/markdown-torn';
import { reportArb } from '../../fixtures/import/random-report';
import { bigReport, blanksReport, report2019, sampleReport, singleOtherReport } from '../../fixtures/import/reports';

/**
 * Every test report, and random ones, flattened into the shapes crawlers and CMS copies deliver
 * (one line, line breaks only here and there, digits glued, stray blanks, a crawler's metadata
 * block, furniture before/inside/after, traditional characters), imported back: every cell exact or
 * blank with a warning naming its table — never a different number — and the title, agency, year
 * and publish date right.
 */

const enc = new TextEncoder();
const NOW = new Date('2025-06-01T00:00:00Z');
const TABLE_NAME: Record<string, string> = { t2: '表二', t2_2019: '表二', t3: '表三', t4: '表四' };

/** A report that prints as its agency, year and cells in a counterexample (not the whole file). */
const compact = (r: Report): Report =>
  Object.defineProperty({ ...r }, fc.toStringMethod, {
    value: () => `${r.title} ${JSON.stringify(Object.fromEntries(Object.entries(r.cells).filter(([, v]) => v)))}`,
  });

/** Words of the furniture the generator puts before, inside and after the text. */
const FURNITURE_WORDS =
  /当前位置|浏览次数|微信 微博|QQ空间|全真版|附件下载|【打印】|【关闭】|上一篇|扫一扫|【字体|原文链接|发布机构/;

const identity = (r: Report): Expected => ({ title: r.title, agency: r.agency.name, year: r.year });

const hasBlanks = (r: Report) => Object.values(r.cells).some((v) => v === null);

/** Cells read differently from the report (the one thing that must never happen), and cells left blank. */
function compare(report: Report, res: ImportResult): { wrong: string[]; blank: string[] } {
  const wrong: string[] = [];
  const blank: string[] = [];
  for (const [k, want] of Object.entries(report.cells)) {
    const got = res.report.cells[k];
    if (got === want) continue;
    // Absent: the other layout of Table 3 was read (（六）其他处理 as three rows or one); left blank too.
    if (got === null || got === undefined) blank.push(k);
    else wrong.push(`${k}: ${want} → ${got}`);
  }
  return { wrong, blank };
}

async function check(report: Report, shape: FlattenShape | TornShape): Promise<{ res: ImportResult; blank: string[] }> {
  const { text, expected } =
    'tear' in shape
      ? {
          text: markdownTorn(report, shape),
          expected: { ...identity(report), ...(shape.metadata ? { publishedAt: PUBLISHED_AT } : {}) },
        }
      : flatten(report, shape);
  const res = await importReport(enc.encode(text), '年报.txt', { now: NOW });
  const { wrong, blank } = compare(report, res);
  const where = `shape ${JSON.stringify(shape)}`;
  expect(wrong, where).toEqual([]);
  // Blank only with a warning naming the table.
  for (const table of new Set(blank.map((k) => TABLE_NAME[k.split('.')[0]!]!)))
    expect(
      res.warnings.some((w) => w.includes(table)),
      `${where}: ${table} left blank without a warning`,
    ).toBe(true);
  expect(res.report.title, where).toBe(expected.title);
  expect(res.report.agency.name, where).toBe(expected.agency);
  expect(res.report.agency.kind, where).toBe(report.agency.kind);
  // A kind the name leaves open is said, not guessed (the publication deadline depends on it).
  expect(
    res.warnings.some((w) => w.includes('请在封面中选择机关类别')),
    where,
  ).toBe(report.agency.kind === 'other');
  expect(res.report.year, where).toBe(expected.year);
  expect(res.report.meta.source?.publishedAt, where).toBe(expected.publishedAt);
  expect(res.format, where).toBe(report.format);
  // Furniture never reaches the report's text, wherever it stood; the signature stays the signature.
  const body = res.report.sections.flatMap((sec) => sec.blocks.map((b) => b.text)).join('\n');
  expect(body, where).not.toMatch(FURNITURE_WORDS);
  if (report.signature.date) expect(res.report.signature, where).toEqual(report.signature);
  return { res, blank };
}

const shapeArb: fc.Arbitrary<FlattenShape> = fc.record({
  lineBreaks: fc.constantFrom('none', 'paragraphs', 'rows', 'cells'),
  cellSep: fc.constantFrom('space', 'none', 'mixed'),
  paraSep: fc.constantFrom('' as const, ' ' as const),
  blankAs: fc.constantFrom(' ' as const, '—' as const, '/' as const),
  metadata: fc.boolean(),
  furniture: fc.subarray(['before', 'inside', 'after'] as const),
  traditional: fc.boolean(),
  seed: fc.integer(),
});

const SHAPES: [string, Partial<FlattenShape>][] = [
  ['one line, cells glued, crawler header and furniture', { metadata: true, furniture: ['before', 'inside', 'after'] }],
  ['one line, a blank between cells', { cellSep: 'space', paraSep: ' ' }],
  ['one line, stray blanks between some cells', { cellSep: 'mixed', seed: 11 }],
  ['paragraphs on lines, tables on one line each', { lineBreaks: 'paragraphs', cellSep: 'space', metadata: true }],
  ['one line per table row, cells glued', { lineBreaks: 'rows', furniture: ['inside'] }],
  ['one cell per line', { lineBreaks: 'cells', cellSep: 'space', blankAs: '—', furniture: ['before', 'after'] }],
  ['traditional characters, one line', { traditional: true, cellSep: 'space', metadata: true }],
  ['traditional characters, glued', { traditional: true, furniture: ['before'], seed: 5 }],
];
const BASE: FlattenShape = {
  lineBreaks: 'none',
  cellSep: 'none',
  paraSep: '',
  blankAs: ' ',
  metadata: false,
  furniture: [],
  traditional: false,
  seed: 1,
};

const REPORTS: [string, () => Report][] = [
  ['sample', sampleReport],
  ['big (large figures, decimals, lawsuits)', bigReport],
  ['blank cells', blanksReport],
  ['2019 format', report2019],
  ['single （六） row', singleOtherReport],
];

describe.each(REPORTS)('%s report, flattened', (_name, make) => {
  const report = make();
  it.each(SHAPES)('%s', async (_shape, shape) => {
    const { blank } = await check(report, { ...BASE, ...shape });
    // With a blank between every cell nothing is left to chance: exact, as a line-per-row copy.
    if ((shape.cellSep === 'space' || shape.lineBreaks === 'cells') && !hasBlanks(report)) expect(blank).toEqual([]);
  });
});

describe('glued tables are cut by their own arithmetic', () => {
  it('Table 3 and Table 4 of the sample and the big report come back whole from one glued line', async () => {
    for (const report of [sampleReport(), bigReport()]) {
      const { blank } = await check(report, { ...BASE, metadata: true });
      expect(blank.filter((k) => k.startsWith('t3.'))).toEqual([]);
    }
  });
});

describe('random reports in random shapes (property)', () => {
  it('every cell exact or blank with a warning, never a different number; title, agency, year, date right', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb.map(compact), shapeArb, async (report, shape) => {
        const { blank } = await check(report, shape);
        if ((shape.cellSep === 'space' || shape.lineBreaks === 'cells') && !hasBlanks(report))
          expect(blank, JSON.stringify(shape)).toEqual([]);
      }),
      { numRuns: Number(process.env.FLATTEN_RUNS ?? 120) },
    );
  }, 120_000);
});

describe('PDF-to-Markdown conversions: rows torn from their labels', () => {
  const TORN: [string, TornShape][] = [
    ['a few labels torn, a page break', { tear: 0.3, lose: 0.2, pageBreak: true, padding: false, seed: 3 }],
    ['most labels torn or lost, extra empty cells', { tear: 0.8, lose: 0.6, pageBreak: true, padding: true, seed: 6 }],
    [
      'traditional characters under a crawler header',
      { tear: 0.5, lose: 0.3, pageBreak: true, padding: false, traditional: true, metadata: true, seed: 9 },
    ],
  ];
  it.each(REPORTS)('%s: placed by the official order only when the sums confirm it', async (_name, make) => {
    for (const [, shape] of TORN) await check(make(), shape);
  });

  it('a table whose labels are only lightly torn comes back whole', async () => {
    const { blank } = await check(bigReport(), { tear: 0.3, lose: 0.3, pageBreak: false, padding: true, seed: 1 });
    expect(blank.filter((k) => k.startsWith('t3.'))).toEqual([]);
  });

  it('random reports, random tearing (property)', async () => {
    const torn: fc.Arbitrary<TornShape> = fc.record({
      tear: fc.double({ min: 0, max: 1, noNaN: true }),
      lose: fc.double({ min: 0, max: 1, noNaN: true }),
      pageBreak: fc.boolean(),
      padding: fc.boolean(),
      traditional: fc.boolean(),
      metadata: fc.boolean(),
      seed: fc.integer(),
    });
    await fc.assert(
      fc.asyncProperty(reportArb.map(compact), torn, async (report, shape) => void (await check(report, shape))),
      { numRuns: Number(process.env.FLATTEN_RUNS ?? 60) },
    );
  }, 120_000);
});

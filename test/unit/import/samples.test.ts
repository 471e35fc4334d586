// Length: one test per published sample.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/engine';
import { importFile } from '../../../electron/services/import/node-import';
import { importReport, type ImportResult } from '../../../shared/import/index';
import { flatten, type FlattenShape } from '../../fixtures/import/flatten';
import { markdownTorn, type TornShape } from '../../fixtures/import/markdown-torn';
import { describeUnless } from '../../fixtures/skip';

/**
 * The real published reports of ../shared/samples: every table cell the source prints must come
 * back (values written here by reading the sources), and the defects of checks.md “Examples from
 * the samples” must be found when the check engine runs on the imports.
 */

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'shared', 'samples');
const present = existsSync(SAMPLES);
const noSamples = !present && `没有样本文件夹 ${SAMPLES}（../shared/samples）`;

const COLS = ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org', 'total'];
const T4 = ['review', 'lit_direct', 'lit_after_review'].flatMap((g) =>
  ['maintained', 'corrected', 'other', 'pending', 'total'].map((r) => `t4.${g}.${r}`),
);

/** Table 3 given as rows of 7 numbers; rows not listed print seven zeros. */
function t3(rows: Record<string, number[]>, layout: 'single-other' | 'three-other'): Record<string, number> {
  const all = [
    'new_received',
    'carried_over',
    'res_open',
    'res_partial',
    'deny_secret',
    'deny_law',
    'deny_safety',
    'deny_third',
    'deny_internal',
    'deny_process',
    'deny_case_file',
    'deny_query',
    'unable_not_held',
    'unable_create',
    'unable_unclear',
    'noproc_petition',
    'noproc_repeat',
    'noproc_publication',
    'noproc_excessive',
    'noproc_confirm',
    ...(layout === 'single-other' ? ['other'] : ['other_no_correction', 'other_no_fee', 'other_other']),
    'res_total',
    'carry_next',
  ];
  const out: Record<string, number> = {};
  for (const row of all) (rows[row] ?? [0, 0, 0, 0, 0, 0, 0]).forEach((v, i) => (out[`t3.${row}.${COLS[i]}`] = v));
  return out;
}
/** A row with all applications from 自然人. */
const nat = (n: number) => [n, 0, 0, 0, 0, 0, n];

function t2(v: number[]): Record<string, number> {
  const keys = [
    'regulations.issued',
    'regulations.repealed',
    'regulations.in_force',
    'normative_docs.issued',
    'normative_docs.repealed',
    'normative_docs.in_force',
    'licensing.decisions',
    'penalty.decisions',
    'coercion.decisions',
    'admin_fees.amount',
  ];
  return Object.fromEntries(keys.map((k, i) => [`t2.${k}`, v[i]!]));
}
const t4 = (v: number[]) => Object.fromEntries(T4.map((k, i) => [k, v[i]!]));

const EXPECTED: Record<
  string,
  { title: string; agency: string; kind: string; year: number; cells: Record<string, number> }
> = {
  '02_hongze_2023': {
    title: '洪泽区人民政府2023年政府信息公开工作年度报告',
    agency: '洪泽区人民政府',
    kind: 'government',
    year: 2023,
    cells: {
      ...t2([0, 0, 0, 0, 5, 5, 550, 4119, 195, 7730.28]),
      ...t3(
        {
          new_received: nat(21),
          res_partial: nat(4),
          deny_secret: nat(1),
          deny_process: nat(1),
          deny_case_file: nat(1),
          unable_not_held: nat(10),
          unable_create: nat(3),
          noproc_petition: nat(1),
          res_total: nat(21),
        },
        'single-other',
      ),
      ...t4([10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]),
    },
  },
  '03_hongze_2024': {
    title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告',
    agency: '淮安市洪泽区人民政府',
    kind: 'government',
    year: 2024,
    cells: {
      ...t2([0, 0, 0, 3, 0, 8, 9487, 2776, 84, 7545]),
      ...t3(
        {
          new_received: nat(95),
          res_open: nat(50),
          res_partial: nat(9),
          deny_safety: nat(1),
          deny_process: nat(1),
          deny_case_file: nat(1),
          unable_not_held: nat(31),
          unable_create: nat(1),
          noproc_petition: nat(1),
          res_total: nat(95),
        },
        'single-other',
      ),
      ...t4([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]),
    },
  },
  '04_huaian_2024': {
    title: '淮安市人民政府2024年政府信息公开工作年度报告',
    agency: '淮安市人民政府',
    kind: 'government',
    year: 2024,
    cells: {
      ...t2([1, 0, 11, 8, 26, 66, 447228, 3985758, 88283, 96171.6]),
      ...t3(
        {
          new_received: [3001, 53, 0, 0, 61, 4, 3119],
          carried_over: [34, 0, 0, 0, 0, 0, 34],
          res_open: [1288, 21, 0, 0, 50, 3, 1362],
          res_partial: [447, 7, 0, 0, 0, 0, 454],
          deny_secret: nat(2),
          deny_law: [30, 1, 0, 0, 0, 0, 31],
          deny_safety: nat(5),
          deny_third: nat(6),
          deny_internal: [7, 1, 0, 0, 0, 0, 8],
          deny_process: nat(12),
          deny_case_file: nat(9),
          deny_query: nat(105),
          unable_not_held: [746, 12, 0, 0, 10, 1, 769],
          unable_create: nat(11),
          unable_unclear: nat(1),
          noproc_petition: [56, 6, 0, 0, 0, 0, 62],
          noproc_repeat: nat(25),
          noproc_confirm: nat(1),
          other_no_correction: [67, 3, 0, 0, 1, 0, 71],
          other_no_fee: nat(6),
          other_other: [108, 2, 0, 0, 0, 0, 110],
          res_total: [2932, 53, 0, 0, 61, 4, 3050],
          carry_next: nat(103),
        },
        'three-other',
      ),
      ...t4([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]),
    },
  },
};

const sample = (rel: string) => join(SAMPLES, rel);
const load = (rel: string) => importFile(sample(rel), { now: new Date('2025-06-01T00:00:00Z') });

function expectCells(res: ImportResult, cells: Record<string, number>) {
  const wrong = Object.entries(cells)
    .filter(([k, v]) => res.report.cells[k] !== v)
    .map(([k, v]) => `${k}: ${v} → ${res.report.cells[k]}`);
  expect(wrong).toEqual([]);
}

const findings = (res: ImportResult) =>
  runChecks(res.report, { mode: 'import', now: new Date('2025-06-01T00:00:00Z') });

describeUnless(noSamples, 'published reports (../shared/samples/published)', () => {
  for (const [name, exp] of Object.entries(EXPECTED)) {
    describe(name, () => {
      it.each(['pdf', 'txt'])('.%s: title, agency, year, format and every table cell', async (ext) => {
        const res = await load(`published/${name}.${ext}`);
        expect(res.kind).toBe(ext === 'pdf' ? 'pdf' : 'text');
        expect(res.format).toBe('gov-2021');
        expect(res.report.title).toBe(exp.title);
        expect(res.report.agency).toMatchObject({ name: exp.agency, kind: exp.kind });
        expect(res.report.year).toBe(exp.year);
        expectCells(res, exp.cells);
        expect(Math.min(...Object.values(res.confidence))).toBeGreaterThanOrEqual(0.9);
        // The six sections have their text; page numbers (“- 1 -”) are gone.
        for (const id of ['overview', 'problems', 'other'])
          expect(res.report.sections.find((s) => s.id === id)!.blocks.length).toBeGreaterThan(0);
        const all = res.report.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
        expect(all).not.toMatch(/- \d -/);
        expect(res.report.preamble).toMatch(/^本报告由.*统计期限/);
      });
    });
  }

  it('the overview keeps its five sub-sections as paragraphs, wrapped lines joined again', async () => {
    for (const ext of ['pdf', 'txt']) {
      const res = await load(`published/04_huaian_2024.${ext}`);
      const overview = res.report.sections[0]!.blocks.map((b) => b.text);
      for (const n of ['一', '二', '三', '四', '五'])
        expect(
          overview.some((t) => t.startsWith(`（${n}）`)),
          `${ext} （${n}）`,
        ).toBe(true);
      expect(overview.find((t) => t.startsWith('（二）'))).toContain('全市共受理政府信息公开申请3119件');
    }
  });

  it('02_hongze_2023: 总计 0 beside 维持10 纠正1, and 维持5 → T4-TOTAL twice', async () => {
    for (const ext of ['pdf', 'txt']) {
      const f = findings(await load(`published/02_hongze_2023.${ext}`)).filter((x) => x.rule === 'T4-TOTAL');
      expect(f.map((x) => x.cells?.[0]).sort()).toEqual(['t4.lit_after_review.total', 't4.review.total']);
    }
  });

  it('03_hongze_2024: text says 17 applications, the table 95 → TEXT-NUMBER', async () => {
    for (const ext of ['pdf', 'txt']) {
      const f = findings(await load(`published/03_hongze_2024.${ext}`));
      expect(f.some((x) => x.rule === 'TEXT-NUMBER' && /17/.test(x.message) && /95/.test(x.message))).toBe(true);
    }
  });

  it('04_huaian_2024: consistent, no error', async () => {
    for (const ext of ['pdf', 'txt']) {
      const f = findings(await load(`published/04_huaian_2024.${ext}`));
      expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    }
  });
});

const SEEDS = [
  '000_2c9b207557eaa035',
  '001_a764da6704024da5',
  '002_e975f1ae8348e743',
  '003_83551972ef49ba1f',
  '004_d08ad58329de4230',
];

describeUnless(noSamples, 'scraped pages (../shared/samples/seeds)', () => {
  const seed = (prefix: string) => `seeds/${SEEDS.find((n) => n.startsWith(prefix))}.txt`;

  it('000: traditional characters with pinyin annotations, tables lost', async () => {
    const res = await load(seed('000'));
    expect(res.report.title).toBe('陆丰市文化广电旅游体育局2023年度政府信息公开工作年度报告');
    expect(res.report.agency).toMatchObject({ name: '陆丰市文化广电旅游体育局', kind: 'department' });
    expect(res.report.year).toBe(2023);
    expect(res.format).toBe('gov-2021');
    expect(res.report.signature).toEqual({ name: '陆丰市文化广电旅游体育局', date: '2024-01-30' });
    const text = JSON.stringify(res.report.sections);
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    expect(text).toContain('公开');
    expect(text).not.toContain('開');
    expect(Object.values(res.report.cells).every((v) => v === null)).toBe(true);
    expect(res.confidence).toEqual({ t2: 0, t3: 0, t4: 0 });
    expect(res.warnings.some((w) => w.includes('未找到表三'))).toBe(true);
    // Site chrome is gone.
    expect(text).not.toMatch(/网站支持|即将离开/);
  });

  it('001: flattened one-cell-per-line tables (第二十条第()) import; all zero; no ALL-ZERO', async () => {
    const res = await load(seed('001'));
    expect(res.report.title).toBe('和田县文旅局政府信息公开工作2023年度报告');
    expect(res.report.agency.name).toBe('和田县文旅局');
    expect(res.report.year).toBe(2023);
    expect(res.report.meta.source?.publishedAt).toBe('2024-01-19');
    expect(res.format).toBe('gov-2021');
    const zero = Object.fromEntries(
      Object.keys(res.report.cells)
        .filter((k) => /^t[234]\./.test(k))
        .map((k) => [k, 0]),
    );
    expect(Object.keys(zero)).toHaveLength(200);
    expectCells(res, zero);
    const overview = res.report.sections[0]!.blocks;
    expect(overview.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      '(一)主动公开情况',
      '(二)依申请公开工作情况',
      '(三)政府信息管理工作情况',
      '(四)政府信息公开平台建设情况',
      '(五)政府信息公开监督保障机制建设情况',
    ]);
    expect(findings(res).some((x) => x.rule === 'ALL-ZERO')).toBe(false);
  });

  it('002: a document-sharing page of an old report imports as pre-2019 text', async () => {
    const res = await load(seed('002'));
    expect(res.format).toBe('pre-2019');
    expect(res.report.sections[0]!.blocks.length).toBeGreaterThan(3);
    expect(JSON.stringify(res.report.sections)).toContain('政府信息公开');
  });

  it('003: a 2016 report (pre-2019 headings kept), site chrome removed, publish date', async () => {
    const res = await load(seed('003'));
    expect(res.format).toBe('pre-2019');
    expect(res.report.year).toBe(2016);
    expect(res.report.title).toBe('吴忠市红寺堡区文化体育旅游局2016年政府信息公开工作年度报告');
    expect(res.report.agency.name).toBe('吴忠市红寺堡区文化体育旅游局');
    expect(res.report.meta.source?.publishedAt).toBe('2017-10-23');
    const headings = res.report.sections.flatMap((s) =>
      s.blocks.filter((b) => b.type === 'heading').map((b) => `${s.id}:${b.text}`),
    );
    expect(headings).toEqual([
      'overview:一、本年度工作完成情况',
      'problems:二、目前存在问题',
      'problems:三、2017年工作打算',
    ]);
    expect(JSON.stringify(res.report)).not.toMatch(/扫一扫|用微信扫描|您当前的位置/);
  });

  it('004: 果耶镇 naming 拱坝镇 → TEXT-FOREIGN-AGENCY; tables missing → SECTION-EMPTY', async () => {
    const res = await load(seed('004'));
    expect(res.report.agency).toMatchObject({ name: '舟曲县果耶镇', kind: 'township' });
    expect(res.report.year).toBe(2023);
    expect(res.report.meta.source?.publishedAt).toBe('2024-01-22');
    // Headings run into the paragraphs on the page are found again.
    expect(res.report.sections.map((s) => s.blocks.length > 0)).toEqual([true, false, false, false, true, true]);
    const f = findings(res);
    expect(f.some((x) => x.rule === 'TEXT-FOREIGN-AGENCY' && x.message.includes('拱坝镇'))).toBe(true);
    expect(
      f
        .filter((x) => x.rule === 'SECTION-EMPTY')
        .map((x) => x.fingerprint)
        .sort(),
    ).toEqual(['proactive', 'requests', 'review']);
  });

  it('the text of the samples reads back with the same text twice (deterministic)', async () => {
    const a = await load(seed('001'));
    const b = await load(seed('001'));
    expect({ ...a.report, meta: null }).toEqual({ ...b.report, meta: null });
    expect(readFileSync(sample(seed('001')), 'utf8').length).toBeGreaterThan(1000);
  });
});

describe.skipIf(!present)('published reports flattened as crawlers and converters deliver them', () => {
  const enc = new TextEncoder();
  const SHAPES: [string, FlattenShape | TornShape][] = [
    [
      'one line, cells glued, crawler header and furniture',
      {
        lineBreaks: 'none',
        cellSep: 'none',
        paraSep: '',
        blankAs: ' ',
        metadata: true,
        furniture: ['before', 'inside', 'after'],
        traditional: false,
        seed: 1,
      },
    ],
    [
      'one line, stray blanks, traditional',
      {
        lineBreaks: 'none',
        cellSep: 'mixed',
        paraSep: ' ',
        blankAs: ' ',
        metadata: false,
        furniture: ['before'],
        traditional: true,
        seed: 2,
      },
    ],
    [
      'paragraphs on lines, a blank between cells',
      {
        lineBreaks: 'paragraphs',
        cellSep: 'space',
        paraSep: '',
        blankAs: ' ',
        metadata: true,
        furniture: ['after'],
        traditional: false,
        seed: 3,
      },
    ],
    ['Markdown with torn rows', { tear: 0.4, lose: 0.3, pageBreak: true, padding: true, seed: 4 }],
  ];
  for (const name of Object.keys(EXPECTED)) {
    it.each(SHAPES)(`${name}: %s — every cell as published or blank with a warning`, async (_label, shape) => {
      // The real report as read from its text copy (exact: see above), then flattened.
      const report = (await load(`published/${name}.txt`)).report;
      const text = 'tear' in shape ? markdownTorn(report, shape) : flatten(report, shape).text;
      const res = await importReport(enc.encode(text), `${name}.txt`);
      const wrong = Object.entries(report.cells)
        .filter(
          ([k, v]) => res.report.cells[k] !== v && res.report.cells[k] !== null && res.report.cells[k] !== undefined,
        )
        .map(([k, v]) => `${k}: ${v} → ${res.report.cells[k]}`);
      expect(wrong).toEqual([]);
      expect(res.report.title).toBe(report.title);
      expect(res.report.agency).toEqual(report.agency);
      expect(res.report.year).toBe(report.year);
      if ('cellSep' in shape && shape.cellSep === 'space') expect(res.report.cells).toEqual(report.cells);
    });
  }
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { buildHtml } from '../../../shared/export/html/build';
import type { Report, SectionId } from '../../../shared/model/types';
import { sampleReport } from '../../../shared/sample/sample-report';
import { ChromiumPdfPrinter } from '../../../electron/services/export/chromium-printer';
import { cleanupTempDirs, describeWithTools, pdfinfo, pdftotext, sofficeAll, tempDir } from './helpers/tools';

afterAll(cleanupTempDirs);

/**
 * Pagination of the exports as a reader turns the pages (issue #13 item 11): the same report with more
 * or less text before its tables, so that 表二、表三、表四 and their headings fall at every height of a page,
 * printed by LibreOffice (.docx) and by Chromium (the PDF, from the HTML). Each PDF is read page by
 * page (pdftotext per page, with word boxes) and must show:
 *
 * - each table heading on the same page as the start of its table (四 never apart from 表四);
 * - no page but the last mostly blank (the text reaches past the middle of the type area);
 * - 表二 broken, if at all, between its 第二十条 blocks with at least two blocks on each page;
 * - 表三 continued on a new page under its repeated header (申请人情况…).
 */

/** Type area of GB/T 9704 in points: 37 mm from the top, 35 mm from the bottom. */
const TOP = (37 / 25.4) * 72;
const BOTTOM = ((297 - 35) / 25.4) * 72;

// Three lines of 3号 text; eight steps move the tables through a whole page (22 lines).
const FILLER =
  '围绕优化营商环境、乡村振兴和民生保障等重点领域，细化公开事项清单，及时回应社会关切，做到应公开尽公开，切实增强公开实效。';
const VARIANTS = 8;

/** The sample report with `k` more paragraphs in 一; `intro`: a sentence before each table too. */
function variant(k: number, intro: boolean): Report {
  const r = sampleReport(new Date('2025-01-15T08:00:00+08:00'));
  const tableSections: SectionId[] = ['proactive', 'requests', 'review'];
  return {
    ...r,
    sections: r.sections.map((s) => {
      if (s.id === 'overview')
        return {
          ...s,
          blocks: [...s.blocks, ...Array.from({ length: k }, () => ({ type: 'paragraph' as const, text: FILLER }))],
        };
      if (intro && tableSections.includes(s.id))
        return { ...s, blocks: [{ type: 'paragraph' as const, text: '本年度有关情况见下表。' }] };
      return s;
    }),
  };
}

interface Page {
  /** The page's words (above the footer), in reading order, without spaces. */
  text: string;
  /** How far down the type area the text reaches (0–1). */
  fill: number;
  /** Top (pt) of the first occurrence of a string on the page, or null. */
  yOf(s: string): number | null;
}

async function readPages(pdf: string): Promise<Page[]> {
  const { pages } = await pdfinfo(pdf);
  const out: Page[] = [];
  for (let p = 1; p <= pages; p++) {
    const xml = await pdftotext(pdf, false, ['-bbox', '-f', String(p), '-l', String(p)]);
    const words = [
      ...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ]
      .map((m) => ({ y0: Number(m[1]), y1: Number(m[2]), t: m[3]! }))
      .filter((w) => w.y0 < BOTTOM);
    const text = words.map((w) => w.t).join('');
    out.push({
      text,
      fill: words.length ? (Math.max(...words.map((w) => w.y1)) - TOP) / (BOTTOM - TOP) : 0,
      yOf(s) {
        // Words are short; find the first word where the string starts by joining from it.
        for (let i = 0; i < words.length; i++) {
          let joined = '';
          for (let j = i; j < words.length && joined.length < s.length + 8; j++) joined += words[j]!.t;
          if (joined.startsWith(s)) return words[i]!.y0;
        }
        return null;
      },
    });
  }
  return out;
}

const HEADINGS: [string, string][] = [
  ['二、主动公开政府信息情况', '第二十条第（一）项'],
  ['三、收到和处理政府信息公开申请情况', '申请人情况'],
  ['四、政府信息公开行政复议、行政诉讼情况', '未经复议直接起诉'],
];
// Row labels of 表三 below its header: a page showing one continues the table.
const T3_ROWS = [
  '（三）不予公开',
  '（四）无法提供',
  '（五）不予处理',
  '（六）其他处理',
  '（七）总计',
  '四、结转下年度继续办理',
];

function problemsOf(pages: Page[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, i) => {
    const n = i + 1;
    if (i < pages.length - 1 && page.fill < 0.5)
      problems.push(`第 ${n} 页大半空白（文字只到版心的 ${Math.round(page.fill * 100)}%）`);
    for (const [heading, tableStart] of HEADINGS) {
      if (page.text.includes(heading) && !page.text.includes(tableStart))
        problems.push(`第 ${n} 页：“${heading.slice(0, 2)}”标题与表格分在两页`);
    }
    const blocks = (page.text.match(/第二十条第（/g) ?? []).length;
    const t2Parts = pages.filter((p) => p.text.includes('第二十条第（')).length;
    if (t2Parts > 1 && blocks === 1) problems.push(`第 ${n} 页：表二只有一个“第二十条”块`);
    const row = T3_ROWS.find((l) => page.text.includes(l) && !page.text.includes('三、收到和处理政府信息公开申请情况'));
    if (row) {
      const header = page.yOf('申请人情况');
      const first = Math.min(...T3_ROWS.map((l) => page.yOf(l) ?? Infinity));
      if (header === null || header > first) problems.push(`第 ${n} 页：表三续页没有重复表头`);
    }
  });
  return problems;
}

describeWithTools(['soffice', 'pdftotext', 'pdfinfo', 'chromium'], 'pagination of the .docx and the PDF', () => {
  const dir = tempDir('pagination');
  const files: { name: string; lo: string; chromium: string }[] = [];

  beforeAll(async () => {
    const docx: string[] = [];
    const printer = new ChromiumPdfPrinter();
    for (const intro of [false, true]) {
      for (let k = 0; k < VARIANTS; k++) {
        const name = `${intro ? 'intro' : 'plain'}-${k}`;
        const r = variant(k, intro);
        const file = join(dir, `${name}.docx`);
        writeFileSync(file, await buildDocx(r));
        docx.push(file);
        const chromium = join(dir, `${name}-chromium.pdf`);
        writeFileSync(chromium, await printer.printHtml(buildHtml(r, { standalone: true, forPrint: true })));
        files.push({ name, lo: join(dir, `${name}.pdf`), chromium });
      }
    }
    await sofficeAll(docx, 'pdf', dir);
  }, 900_000);

  it('LibreOffice (.docx): headings with their tables, no page mostly blank, 表二 by blocks, 表三 header repeated', async () => {
    const found: string[] = [];
    for (const f of files) for (const p of problemsOf(await readPages(f.lo))) found.push(`${f.name}.docx → ${p}`);
    expect(found).toEqual([]);
  }, 300_000);

  it('Chromium (PDF from the HTML): the same', async () => {
    const found: string[] = [];
    for (const f of files) for (const p of problemsOf(await readPages(f.chromium))) found.push(`${f.name}.pdf → ${p}`);
    expect(found).toEqual([]);
    console.info(`pagination PDFs: ${dir} (kept with NIANBAO_KEEP_TEST_FILES=1)`);
  }, 300_000);

  it('the checks themselves see the old failures (a page mostly blank, a lone block, a heading apart)', () => {
    const page = (text: string, fill: number): Page => ({ text, fill, yOf: (s) => (text.includes(s) ? 100 : null) });
    expect(
      problemsOf([
        page('正文二、主动公开政府信息情况', 0.97),
        page('第二十条第（一）项第二十条第（五）项第二十条第（六）项', 0.3),
        page('第二十条第（八）项三、收到和处理政府信息公开申请情况申请人情况', 0.9),
        page('（六）其他处理', 0.9),
        page('正文', 0.2),
      ]),
    ).toEqual([
      '第 1 页：“二、”标题与表格分在两页',
      '第 2 页大半空白（文字只到版心的 30%）',
      '第 3 页：表二只有一个“第二十条”块',
      '第 4 页：表三续页没有重复表头',
    ]);
  });
});

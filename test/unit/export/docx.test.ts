import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { readEmbeddedReport } from '../../../shared/export/docx/embedded';
import { TYPE_WIDTH } from '../../../shared/export/gbt9704';
import { tableDefFor } from '../../../shared/export/table-layout';
import type { Report } from '../../../shared/model/types';
import { GOV_2021, tableOf, type TableDef } from '../../../templates/index';
import { ALL_FIXTURES, report2019, reportLegacyOtherRow, reportPre2019, richReport } from './fixtures';
import { OFFICIAL_TEMPLATE, cleanupTempDirs, describeWithTools, python, tempDir } from './helpers/tools';
import { itUnless } from '../../fixtures/skip';

afterAll(cleanupTempDirs);

interface PyCell {
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
  text: string;
}
interface PyTable {
  grid: number[];
  rows: number;
  header: boolean[];
  cantSplit: boolean[];
  cells: PyCell[];
}
interface PyDoc {
  tables: PyTable[];
  paragraphs: { text: string; style: string | null }[];
  page: { width: number; height: number };
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    zip,
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    fontTable: await read('word/fontTable.xml'),
  };
}

const spans = (cells: { r: number; c: number; rowspan?: number; colspan?: number }[]) =>
  cells.map((c) => `${c.r},${c.c} ${c.rowspan ?? 1}x${c.colspan ?? 1}`).sort();

/** The merges of a template table, as r,c rowspan x colspan strings. */
const templateSpans = (table: TableDef) => spans(table.cells);

describe('.docx: page, fonts, styles (XML)', () => {
  let xml: Awaited<ReturnType<typeof parts>>;
  beforeAll(async () => {
    xml = await parts(await buildDocx(richReport()));
  });

  it('is A4 with the GB/T 9704 margins, written as literals', () => {
    expect(xml.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml.document)![1]!;
    // 37 / 35 / 28 / 26 mm
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
    expect(TYPE_WIDTH).toBe(8845);
  });

  it('sets ascii, hAnsi and eastAsia on every run and style, and never uses theme fonts', () => {
    for (const part of [xml.document, xml.styles]) {
      const fonts = part.match(/<w:rFonts [^>]*\/>/g) ?? [];
      expect(fonts.length).toBeGreaterThan(5);
      for (const f of fonts) {
        expect(f, f).toMatch(/w:ascii="[^"]+"/);
        expect(f, f).toMatch(/w:hAnsi="[^"]+"/);
        expect(f, f).toMatch(/w:eastAsia="[^"]+"/);
      }
      expect(part).not.toMatch(/Theme="/);
    }
    // Every run of the body carries its fonts (WPS shows 缺失字体 otherwise).
    const runs = xml.document.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(100);
    for (const r of runs) expect(r, r.slice(0, 200)).toContain('<w:rFonts');
  });

  it('uses the official fonts and sizes: title 2号 小标宋, body 3号 仿宋, headings 黑体/楷体/仿宋, Latin in Times New Roman', () => {
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(xml.styles)![0];
    expect(style('Title')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('Title')).toContain('<w:sz w:val="44"/>');
    expect(style('Title')).toContain('<w:jc w:val="center"/>');
    expect(style('Normal')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style('Normal')).toContain('<w:sz w:val="32"/>');
    expect(style('Normal')).toMatch(/w:firstLineChars="200"/);
    expect(style('Normal')).toMatch(
      /<w:spacing [^>]*w:line="579" w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="579"/,
    );
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading3')).toContain('w:eastAsia="仿宋_GB2312"');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(style(id)).toContain('<w:sz w:val="32"/>');
      expect(style(id)).not.toMatch(/<w:b\/>|<w:b w:val="(true|1)"/);
    }
    expect(style('Normal')).toContain('w:ascii="Times New Roman"');
    // Substitutes for machines without the GB2312 fonts.
    expect(xml.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('numbers pages "— 1 —" in 4号 宋体, odd pages right and even pages left', async () => {
    expect(xml.settings).toMatch(/<w:evenAndOddHeaders( w:val="(true|1)")?\/>/);
    const footers = Object.keys(xml.zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    expect(xml.document).toMatch(/<w:footerReference [^>]*w:type="default"/);
    expect(xml.document).toMatch(/<w:footerReference [^>]*w:type="even"/);
    const texts = await Promise.all(footers.map((f) => xml.zip.file(f)!.async('string')));
    const aligns = texts.map((t) => /<w:jc w:val="(\w+)"\/>/.exec(t)![1]).sort();
    expect(aligns).toEqual(['left', 'right']);
    for (const t of texts) {
      expect(t).toMatch(/PAGE/);
      expect(t).toContain('— </w:t>');
      expect(t).toContain('> —</w:t>');
      expect(t).toContain('w:eastAsia="宋体"');
      expect(t).toContain('<w:sz w:val="28"/>');
    }
  });

  it('can centre the page numbers instead', async () => {
    const { zip, settings } = await parts(await buildDocx(richReport(), { pageNumbers: 'center' }));
    expect(settings).not.toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"/);
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(1);
    expect(await zip.file(footers[0]!)!.async('string')).toContain('<w:jc w:val="center"/>');
  });

  it('has no TOC field and writes tables with explicit grids that add up to the type width', () => {
    expect(xml.document).not.toMatch(/TOC \\/);
    const grids = xml.document.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g)!;
    expect(grids).toHaveLength(3);
    for (const g of grids) {
      const widths = [...g.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    }
    expect(xml.document).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('embeds the report: the custom XML part gives back the identical report', async () => {
    for (const [, make] of ALL_FIXTURES) {
      const report = make();
      expect(await readEmbeddedReport(await buildDocx(report))).toEqual(report);
    }
    expect(await readEmbeddedReport(await buildDocx(richReport(), { embed: false }))).toBeNull();
  });
});

describeWithTools(['python-docx'], '.docx tables read back with python-docx', () => {
  const dir = tempDir('grid');
  const read = async (report: Report, name: string): Promise<PyDoc> => {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await buildDocx(report));
    return JSON.parse(await python('docx_grid.py', [file])) as PyDoc;
  };

  it('gov-2021: every cell has the template merges, header rows repeat, no row splits', async () => {
    const report = richReport();
    const doc = await read(report, 'rich');
    expect(doc.page).toEqual({ width: 11906, height: 16838 });
    expect(doc.tables).toHaveLength(3);
    GOV_2021.tables.forEach((def, i) => {
      const t = doc.tables[i]!;
      expect(t.rows, def.id).toBe(def.gridRows);
      expect(t.grid, def.id).toHaveLength(def.gridCols);
      expect(t.grid.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(spans(t.cells), def.id).toEqual(templateSpans(def));
      expect(t.header.filter(Boolean), def.id).toHaveLength(def.headerRows);
      expect(t.header.slice(0, def.headerRows).every(Boolean)).toBe(true);
      expect(t.cantSplit.every(Boolean), def.id).toBe(true);
      // Labels exactly as in the template; numbers as formatted (blank stays empty, 0 prints 0).
      for (const cell of def.cells) {
        const got = t.cells.find((c) => c.r === cell.r && c.c === cell.c)!;
        if (cell.role === 'data') {
          const v = report.cells[cell.key!];
          expect(got.text, cell.key).toBe(v === null || v === undefined ? '' : String(v));
        } else expect(got.text).toBe(cell.text);
      }
    });
    const t3 = doc.tables[1]!;
    expect(t3.cells.find((c) => c.text.startsWith('（本列数据'))).toMatchObject({ r: 0, c: 0, rowspan: 3, colspan: 3 });
    expect(t3.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowspan: 22, colspan: 1 });
    expect(doc.tables[0]!.cells.find((c) => c.text === '24252.311082')).toBeDefined();
  });

  it('gov-2019 and the legacy （六） row print with their own grids; pre-2019 statistics as a list', async () => {
    const t19 = await read(report2019(), '2019');
    expect(t19.tables[1]!.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowspan: 20 });
    expect(t19.tables[0]!.cells.some((c) => c.text === '第二十条第（九）项')).toBe(true);
    expect(t19.tables[0]!.cells.some((c) => c.text === '-8')).toBe(true);

    const legacy = reportLegacyOtherRow();
    const tl = await read(legacy, 'legacy-row');
    expect(spans(tl.tables[1]!.cells)).toEqual(templateSpans(tableDefFor(legacy, 't3')!));
    expect(tl.tables[1]!.cells.find((c) => c.text === '（六）其他处理')).toMatchObject({ colspan: 2, rowspan: 1 });

    const pre = await read(reportPre2019(), 'pre');
    expect(pre.tables).toHaveLength(1);
    expect(pre.tables[0]!.cells.map((c) => c.text)).toEqual(
      expect.arrayContaining(['主动公开政府信息数', '1234', '收费金额万元', '0.5', '空白项', '']),
    );
  });

  const officialName = 'matches the merges of the official template .docx (../shared)';
  itUnless(
    !existsSync(OFFICIAL_TEMPLATE) && '../shared 不存在，无法与官方模板比对合并单元格',
    officialName,
    async () => {
      const official = JSON.parse(await python('docx_grid.py', [OFFICIAL_TEMPLATE])) as PyDoc;
      const ours = await read(richReport(), 'vs-official');
      expect(official.tables).toHaveLength(3);
      official.tables.forEach((t, i) => {
        expect(ours.tables[i]!.grid.length).toBe(t.grid.length);
        expect(spans(ours.tables[i]!.cells), `table ${i + 2}`).toEqual(spans(t.cells));
        // Same labels in the same places (the official template leaves data cells blank).
        for (const cell of t.cells.filter((c) => c.text.trim() && !/^\s*$/.test(c.text))) {
          const mine = ours.tables[i]!.cells.find((c) => c.r === cell.r && c.c === cell.c)!;
          expect(mine.text.replace(/\s/g, '')).toBe(cell.text.replace(/[\s\u3000]/g, ''));
        }
      });
      expect(spans(ours.tables[1]!.cells)).toEqual(templateSpans(tableOf(GOV_2021, 't3')));
    },
  );
});

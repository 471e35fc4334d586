// Length: one short test per reader and quirk.
import { existsSync, readFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildHtml } from '../../../shared/export/index';
import { importReport, ImportError } from '../../../shared/import/index';
import { agencyFromTitle, agencyKind, agencyKindOf, detectFormat, detectYear } from '../../../shared/import/detect';
import { matchHeading } from '../../../shared/import/headings';
import { splitGlued } from '../../../shared/import/tables/glued';
import { parseNumber } from '../../../shared/import/tables/numbers';
import { layoutPages } from '../../../shared/import/pdf/layout';
import { cleanText, fixRadicals, labelScore, matchKey, stripPinyin } from '../../../shared/import/text-utils';
import { sampleReport } from '../../fixtures/import/reports';
import { siteHtml } from '../../fixtures/import/render';
import { itUnless } from '../../fixtures/skip';
import { OFFICIAL_TEMPLATE } from '../export/helpers/tools';

const enc = new TextEncoder();

async function importError(bytes: Uint8Array, name: string): Promise<ImportError> {
  const e = await importReport(bytes, name).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('files that are not reports get a clear Chinese message', () => {
  it.each([
    ['empty', new Uint8Array(0), '年报.pdf', 'empty', /空的/],
    [
      'old Word',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
      '年报.doc',
      'unsupported',
      /\.docx/,
    ],
    [
      'a picture',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      '年报.png',
      'scanned',
      /图片/,
    ],
    ['RTF', enc.encode('{\\rtf1\\ansi hello}'), '年报.rtf', 'unsupported', /RTF/],
    [
      'a web archive',
      enc.encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n'),
      '年报.mht',
      'unsupported',
      /mht/,
    ],
    ['a .docx that is text', enc.encode('just text'), '年报.docx', 'corrupt', /不是 Word/],
    ['binary junk', Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 32), 'x.bin', 'unsupported', /无法识别/],
    [
      'a recipe',
      enc.encode('红烧肉的做法\n五花肉500克，冰糖30克，生抽两勺。\n'),
      '菜谱.txt',
      'not-report',
      /不是政府信息公开工作年度报告/,
    ],
  ] as const)('%s', async (_n, bytes, name, code, message) => {
    const e = await importError(bytes, name);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.fileName).toBe(name);
  });

  it('a notice page whose report is an attachment points to the attachment', async () => {
    const html =
      '<html><body><h1>关于发布2023年政府信息公开工作年度报告的通知</h1><p>附件：<a href="/u/2023%E5%B9%B4%E6%8A%A5.pdf">2023年年报.pdf</a></p></body></html>';
    const e = await importError(enc.encode(html), 'notice.html');
    expect(e.code).toBe('not-report');
    expect(e.message).toContain('2023年年报.pdf');
    expect(e.message).toContain('下载附件');
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('data.csv', 'a,b');
    const e = await importError(await zip.generateAsync({ type: 'uint8array' }), 'x.docx');
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('不是 Word 文档');
  });
});

describe('HTML', () => {
  it('tables published as images: the gap is named (D8), cells stay blank', async () => {
    const res = await importReport(enc.encode(siteHtml(sampleReport(), { imagesForTables: true })), 'page.html');
    expect(Object.values(res.report.cells).every((v) => v === null)).toBe(true);
    expect(res.warnings.filter((w) => w.includes('以图片形式发布'))).toHaveLength(3);
    expect(res.confidence).toEqual({ t2: 0, t3: 0, t4: 0 });
  });

  it('blank cells written as &nbsp; stay blank, a printed 0 is 0, marks like — are blank', async () => {
    const html = buildHtml(sampleReport(), { standalone: true })
      .replace(/(<td[^>]*>)0(<\/td>)/, '$1&nbsp;$2')
      .replace(/(<td[^>]*>)1865(<\/td>)/, '$1—$2');
    const res = await importReport(enc.encode(html), 'a.html');
    expect(res.report.cells['t2.regulations.issued']).toBeNull();
    expect(res.report.cells['t2.regulations.repealed']).toBe(0);
    expect(res.report.cells['t2.licensing.decisions']).toBeNull();
  });
});

describe('.docx written by a clerk', () => {
  it('headings typed as automatic numbering (一、 （一）) and a table with merged cells', async () => {
    const r = sampleReport();
    const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...opts });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun(r.title)] }),
            new Paragraph(r.preamble!),
            new Paragraph({ text: '总体情况', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ text: '主动公开', numbering: { reference: 'outline', level: 1 } }),
            new Paragraph('全年主动公开政府信息1268条。'),
            new Paragraph({ text: '依申请公开', numbering: { reference: 'outline', level: 1 } }),
            new Paragraph('全年共收到政府信息公开申请28件。'),
            new Paragraph({ text: '主动公开政府信息情况', numbering: { reference: 'outline', level: 0 } }),
            new Table({
              rows: [
                new TableRow({ children: [cell('第二十条第（一）项', { columnSpan: 4 })] }),
                new TableRow({
                  children: [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')],
                }),
                new TableRow({ children: [cell('规章'), cell('0'), cell('0'), cell('0')] }),
                new TableRow({ children: [cell('行政规范性文件'), cell('3'), cell(''), cell('12')] }),
                new TableRow({ children: [cell('第二十条第（五）项', { columnSpan: 4 })] }),
                new TableRow({ children: [cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })] }),
                new TableRow({ children: [cell('行政许可'), cell('1865', { columnSpan: 3 })] }),
              ],
            }),
            new Paragraph({ text: '收到和处理政府信息公开申请情况', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({
              text: '政府信息公开行政复议、行政诉讼情况',
              numbering: { reference: 'outline', level: 0 },
            }),
            new Paragraph({ text: '存在的主要问题及改进情况', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph('政策解读形式较为单一。'),
            new Paragraph({ text: '其他需要报告的事项', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph('本年度未收取信息处理费。'),
          ],
        },
      ],
    });
    const res = await importReport(await Packer.toBuffer(doc).then((b) => new Uint8Array(b)), 'clerk.docx');
    expect(res.kind).toBe('docx');
    expect(res.report.sections.map((s) => s.blocks.length > 0)).toEqual([true, false, false, false, true, true]);
    expect(res.report.sections[0]!.blocks).toEqual([
      { type: 'heading', level: 2, text: '（一）主动公开' },
      { type: 'paragraph', text: '全年主动公开政府信息1268条。' },
      { type: 'heading', level: 2, text: '（二）依申请公开' },
      { type: 'paragraph', text: '全年共收到政府信息公开申请28件。' },
    ]);
    expect(res.report.cells).toMatchObject({
      't2.regulations.issued': 0,
      't2.normative_docs.issued': 3,
      't2.normative_docs.repealed': null,
      't2.normative_docs.in_force': 12,
      't2.licensing.decisions': 1865,
    });
  });

  itUnless(
    !existsSync(OFFICIAL_TEMPLATE) && `没有官方模板 ${OFFICIAL_TEMPLATE}（../shared/samples/template）`,
    'the official blank template (made in WPS, vMerge/gridSpan): the 2021 format, every cell blank',
    async () => {
      const res = await importReport(new Uint8Array(readFileSync(OFFICIAL_TEMPLATE)), 'official-template-2021.docx');
      expect(res.format).toBe('gov-2021');
      expect(Object.keys(res.report.cells).filter((k) => /^t[234]\./.test(k))).toHaveLength(200);
      expect(Object.values(res.report.cells).every((v) => v === null)).toBe(true);
      // All three tables were recognised (by their labels), only their cells are empty.
      expect(res.warnings.some((w) => w.includes('未找到表'))).toBe(false);
    },
  );
});

describe('our own exported .docx, edited in Word/WPS', () => {
  it('reads as the document shows it, and lists the edits against the embedded copy', async () => {
    const { buildDocx } = await import('../../../shared/export/index');
    const r = sampleReport();
    const zip = await JSZip.loadAsync(await buildDocx(r));
    const xml = (await zip.file('word/document.xml')!.async('string'))
      .replace('全年通过县政府', '全年通过县人民政府')
      .replace(/(<w:t[^>]*>)1865(<\/w:t>)/, '$11866$2');
    zip.file('word/document.xml', xml);
    const res = await importReport(await zip.generateAsync({ type: 'uint8array' }), 'signed.docx');
    expect(res.kind).toBe('exported-docx');
    expect(res.report.cells['t2.licensing.decisions']).toBe(1866);
    expect(res.report.sections[0]!.blocks[2]!.text).toMatch(/^全年通过县人民政府门户网站/);
    expect(res.embedded).toEqual(r);
    expect(res.differences!.map((d) => [d.kind, d.embedded, d.visible].map(String)[0])).toEqual(['changed', 'changed']);
    expect(res.warnings[0]).toContain('改动过 2 处');
  });
});

describe('detection', () => {
  it('format: 2021 words, then 2019 words, then older phrases, then the year', () => {
    expect(detectFormat('本年制发件数 本年新制作数量', 2022)).toMatchObject({ format: 'gov-2021', by: 'gov-2021' });
    expect(detectFormat('本年新制作数量', 2022)).toMatchObject({ format: 'gov-2019' });
    expect(detectFormat('（九）政府集中采购', 2020)).toMatchObject({ format: 'gov-2019' });
    expect(detectFormat('四、政府信息公开的收费及减免情况', 2012)).toMatchObject({ format: 'pre-2019' });
    expect(detectFormat('无表格', 2020)).toEqual({ format: 'gov-2019', by: 'year' });
    expect(detectFormat('无表格', 2015)).toEqual({ format: 'pre-2019', by: 'year' });
    // Half-width punctuation does not hide the words.
    expect(detectFormat('2.申请人逾期未按收费通知要求缴纳费用,行政机关不再处理', 2023).format).toBe('gov-2021');
  });

  it('year from the title, the statistics period, or the text', () => {
    expect(detectYear('和田县文旅局政府信息公开工作2023年度报告', '')).toEqual({ year: 2023, from: '标题' });
    expect(detectYear('', '报告中所列数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。').year).toBe(2024);
    expect(detectYear('', '本年报所列数据的统计截止日期为2006年12月31日。').year).toBe(2006);
    expect(detectYear('', '', '2024-01-19').year).toBe(2023);
  });

  it('agency from the title, and its kind', () => {
    expect(agencyFromTitle('陆丰市文化广电旅游体育局2023年度政府信息公开工作年度报告')).toBe(
      '陆丰市文化广电旅游体育局',
    );
    expect(agencyFromTitle('和田县文旅局政府信息公开工作2023年度报告')).toBe('和田县文旅局');
    expect(agencyFromTitle('2023年洪泽区人民政府政府信息公开工作年度报告')).toBe('洪泽区人民政府');
    expect(agencyFromTitle('关于2023年政府信息公开工作年度报告')).toBe('');
    expect(agencyKind('舟曲县果耶镇')).toBe('township');
    expect(agencyKind('白石镇人民政府')).toBe('township');
    expect(agencyKind('淮安市人民政府')).toBe('government');
    expect(agencyKind('云溪县市场监督管理局')).toBe('department');
    // Area committees report for their whole area, as county-level governments do.
    expect(agencyKind('江川经济开发区管理委员会')).toBe('government');
    expect(agencyKind('某某新区')).toBe('government');
    expect(agencyKind('某某高新区管委会')).toBe('government');
    expect(agencyKind('长岭综合实验区')).toBe('government');
    expect(agencyKind('淮安市')).toBe('government');
    expect(agencyKind('东湖街道办事处')).toBe('township');
    expect(agencyKind('某某区农业农村局')).toBe('department');
    expect(agencyKind('某某新区经济发展局')).toBe('department');
    expect(agencyKind('某某高新区管委会办公室')).toBe('department');
    expect(agencyKind('某某市城市管理委员会')).toBe('department');
    expect(agencyKind('某某新区党工委、管委会')).toBe('government');
    expect(agencyKind('某某经济技术开发区管委')).toBe('government');
    expect(agencyKind('某某保税港区管理委员会')).toBe('government');
    expect(agencyKind('东湖街道办')).toBe('township');
    expect(agencyKind('某某区东湖街道办事处')).toBe('township');
    expect(agencyKind('东湖街道办事处（东湖镇）')).toBe('township');
    expect(agencyKind('某某区城市管理委员会')).toBe('department');
    expect(agencyKind('某某市国有资产监督管理委员会')).toBe('department');
    // A committee of an area the name does not place (新城, 片区, a bare 管委会): not guessed.
    for (const open of ['某某新城管委会', '某某片区管理委员会', '某某管委会']) {
      expect(agencyKindOf(open).kind, open).toBe('other');
      expect(agencyKindOf(open).open, open).toContain('看不出该管理委员会是代表所辖区域发布年报');
    }
    expect(agencyKindOf('青禾公路养护段').kind).toBe('other');
    expect(agencyKindOf('青禾公路养护段').open).toContain('看不出机关类别');
  });

  it('section headings: official, variants, run-in text, older wording; table rows are not headings', () => {
    expect(matchHeading('一、总体情况')).toMatchObject({ section: 'overview', how: 'exact', rest: '' });
    expect(matchHeading('五、存在的主要问题及改进情况 存在的问题:一是信息公开形式单一')).toMatchObject({
      section: 'problems',
      rest: '存在的问题:一是信息公开形式单一',
    });
    expect(matchHeading('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')).toMatchObject({
      section: 'review',
      how: 'exact',
    });
    expect(matchHeading('五、政府信息公开工作存在的主要问题及改进情况')).toMatchObject({ section: 'problems' });
    expect(matchHeading('四、政府信息公开的收费及减免情况')).toMatchObject({ section: 'other', how: 'words' });
    expect(matchHeading('三、2017年工作打算')).toMatchObject({ section: 'problems', how: 'words' });
    expect(matchHeading('一、本年新收政府信息公开申请数量')).toBeNull();
    expect(matchHeading('一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21')).toBeNull();
    expect(matchHeading('四、结转下年度继续办理')).toBeNull();
    expect(matchHeading('（一）主动公开')).toBeNull();
  });
});

describe('numbers and labels', () => {
  it('cell values as printed', () => {
    expect(parseNumber('21')).toEqual({ value: 21 });
    expect(parseNumber('7730.28')).toEqual({ value: 7730.28 });
    expect(parseNumber('1,234')).toEqual({ value: 1234 });
    expect(parseNumber('２１')).toEqual({ value: 21 });
    expect(parseNumber('-8')).toEqual({ value: -8 });
    expect(parseNumber('251000元')).toEqual({ value: 251000, unit: '元' });
    expect(parseNumber('')).toEqual({ value: null });
    expect(parseNumber('—')).toEqual({ value: null, mark: true });
    expect(parseNumber('属于国家秘密')).toBeNull();
    expect(parseNumber('12a')).toBeNull();
  });

  it('digits run together are cut only as the sums allow', () => {
    const row = (v: number[]) => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);
    expect(splitGlued([{ raw: '210000021', cut: true }], 7, row)).toEqual([[21, 0, 0, 0, 0, 0, 21]]);
    expect(splitGlued([{ raw: '214002128', cut: true }], 7, row)).toEqual([
      [2, 1, 4, 0, 0, 21, 28],
      [21, 4, 0, 0, 2, 1, 28],
    ]);
    expect(splitGlued([{ raw: '0000000', cut: true }], 7, row)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    // Separate numbers are never cut.
    expect(
      splitGlued(
        [
          { raw: '21', cut: false },
          { raw: '0', cut: false },
        ],
        7,
        row,
      ),
    ).toEqual([]);
    // No leading zeros: “05” is never a number.
    expect(splitGlued([{ raw: '105', cut: true }], 2, () => true)).toEqual([[10, 5]]);
  });

  it('label keys ignore width, punctuation and line breaks; radicals and pinyin are repaired', () => {
    expect(matchKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(
      matchKey('(二)部分公开(区分处理的,只计这一情 形,不\n计其他情形)'),
    );
    expect(labelScore(matchKey('其他法律行政法规禁止公开'), matchKey('2.其他法律行政止公开'))).toBeGreaterThan(0.7);
    expect(cleanText('2023 年，洪泽区  只计这一情 形')).toBe('2023年，洪泽区只计这一情形');
    expect(cleanText('email hzzwgk@126.com now')).toBe('email hzzwgk@126.com now');
    expect(fixRadicals('⼯作⼈⺠⽉⽇⻔⼾')).toBe('工作人民月日门户');
    expect(stripPinyin('政府信息公開(kāi)工作年度報(bào)告 (a)组织')).toBe('政府信息公開工作年度報告 (a)组织');
  });
});

describe('PDF layout (pure)', () => {
  it('rebuilds lines by baseline, splits numbers into words, drops page numbers and marks paragraphs', () => {
    const it = (str: string, x: number, y: number, w: number, size = 16) => ({ str, x, y, w, size });
    const { lines } = layoutPages([
      {
        width: 595,
        height: 842,
        items: [
          it('一、本年新收政府信息公开申请数量', 80, 300, 160, 10),
          it('21 0 0 0 0 0 21', 300, 301.5, 210, 14),
          it('    本报告根据条例编制，全文包括总体情况、主动公', 90, 100, 390),
          it('开政府信息情况等六部分。', 58, 128, 190),
          it('- 1 -', 280, 800, 30),
        ],
      },
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      '本报告根据条例编制，全文包括总体情况、主动公',
      '开政府信息情况等六部分。',
      '一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21',
    ]);
    expect(lines[2]!.cells!.map((c) => c.text)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '21',
      '0',
      '0',
      '0',
      '0',
      '0',
      '21',
    ]);
    expect(lines.map((l) => l.para)).toEqual(['start', 'cont', 'start']);
  });
});

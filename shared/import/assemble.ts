// Length: sections, tables, metadata and warnings of an import are made from the same detection results.
import { GOV_2019, SECTIONS, type FormatId, type SectionId, type TableId } from '../../templates/index';
import { blankCells, newId } from '../model/blank';
import { REPORT_KIND, SCHEMA_VERSION, SECTION_IDS, type Block, type Cells, type Report } from '../model/types';
import { validateReport, formatIssues } from '../model/schema';
import { agencyFromTitle, agencyKindOf, detectFormat, detectYear } from './detect';
import { ImportError } from './errors';
import { locateTables } from './locate-tables';
import { buildBlocks } from './narrative';
import { simplifierFor } from './simplify';
import type { ImportKind, SourceDoc, SrcBlock, SrcLine } from './source-doc';
import { detectNotReport } from './not-report';
import { structure } from './structure';
import { segmentDoc } from './text/segment';
import { extractT2, extractT3, type PendingRow, type TableResult } from './tables/extract';
import { extractT4 } from './tables/extract-t4';
import { cleanText, fixRadicals, matchKey, stripPinyin } from './text-utils';
import { parseNumber } from './tables/numbers';

/**
 * From a reader's document to a report: normalise the text (traditional characters, pinyin
 * annotations), find the parts, read the tables, detect format/year/agency, and record what was
 * uncertain in `meta.source`.
 */

export interface ImportOutcome {
  report: Report;
  warnings: string[];
  confidence: Record<string, number>;
  format: FormatId;
  kind: ImportKind;
  /** Table 2 rows left blank with several possible cuts (last year's report may decide them). */
  pending: PendingRow[];
}

const TABLE_NAMES: Record<TableId, string> = {
  t2: '表二（主动公开政府信息情况）',
  t3: '表三（收到和处理政府信息公开申请情况）',
  t4: '表四（行政复议、行政诉讼情况）',
};

async function normalise(doc: SourceDoc): Promise<{ doc: SourceDoc; traditional: boolean; pinyin: boolean }> {
  const sample: string[] = [];
  let size = 0;
  for (const b of doc.blocks) {
    if (size > 60000) break;
    const t =
      b.type === 'line'
        ? b.text
        : b.type === 'table'
          ? b.rows
              .flat()
              .map((c) => c.text)
              .join(' ')
          : '';
    sample.push(t);
    size += t.length;
  }
  const joined = fixRadicals(sample.join('\n'));
  const pinyin = stripPinyin(joined) !== joined;
  const s = await simplifierFor(pinyin ? stripPinyin(joined) : joined);
  const fix = (t: string) => s.convert(pinyin ? stripPinyin(fixRadicals(t)) : fixRadicals(t));
  const blocks: SrcBlock[] = doc.blocks.map((b) => {
    if (b.type === 'line')
      return {
        ...b,
        text: fix(b.text),
        ...(b.cells ? { cells: b.cells.map((c) => ({ ...c, text: fix(c.text) })) } : {}),
      };
    if (b.type === 'table') return { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: fix(c.text) }))) };
    return { ...b, alt: fix(b.alt) };
  });
  const hints = doc.hints
    ? Object.fromEntries(Object.entries(doc.hints).map(([k, v]) => [k, typeof v === 'string' ? fix(v) : v]))
    : undefined;
  return { doc: { ...doc, blocks, ...(hints ? { hints } : {}) }, traditional: s.traditional, pinyin };
}

export async function assemble(
  input: SourceDoc,
  fileName: string,
  now: Date,
  options: { last?: Report | null } = {},
): Promise<ImportOutcome> {
  const normalised = await normalise(input);
  const { traditional, pinyin } = normalised;
  const doc = input.kind === 'pdf' ? normalised.doc : segmentDoc(normalised.doc);
  const warnings: string[] = [...doc.warnings];
  if (traditional) warnings.push('原文为繁体字，已转换为简体字；请核对专有名词（机关名称、人名、地名）是否转换正确。');
  if (pinyin) warnings.push('原文在汉字后附有拼音注音（如“公开(kāi)”），已去除。');

  const allLines = doc.blocks.filter((b): b is SrcLine => b.type === 'line');
  const tableText = doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().map((c) => c.text) : []));
  const allText = [...allLines.map((l) => l.text), ...tableText].join('\n');
  if (!allText.trim())
    throw new ImportError(
      'empty',
      '文件中没有文字内容。如果这是扫描件或图片，请先进行文字识别（OCR），或改用网页版、Word 版年报导入。',
      fileName,
    );

  const attachments = [...new Set(doc.hints?.attachments ?? [])];
  const attached = attachments.length
    ? `网页附有文件：${attachments.slice(0, 3).join('、')}${attachments.length > 3 ? ' 等' : ''}。年报可能在附件中，请下载附件后导入。`
    : '';
  const s = structure(doc);
  const located = locateTables(s, !!doc.wrapped);
  const foundTables = Object.keys(located.tables).length;
  const titleOk = /报告|年报/.test(s.title);
  if (!titleOk && s.found.length < 2 && foundTables === 0 && !/政府信息公开/.test(allText)) {
    throw new ImportError(
      'not-report',
      attached
        ? `这个网页上没有年报正文。${attached}`
        : '这个文件看起来不是政府信息公开工作年度报告：没有找到报告标题、“一、总体情况”等章节或统计表格。请确认选择的文件。',
      fileName,
    );
  }
  const bodyChars =
    s.body.reduce((n, b) => n + (b.type === 'line' ? b.text.length : 0), 0) +
    s.preamble.reduce((n, l) => n + l.text.length, 0);
  if (s.found.length === 0 && foundTables === 0 && (attached || bodyChars < 200)) {
    throw new ImportError(
      'not-report',
      attached
        ? `这个网页上没有年报正文。${attached}`
        : '这个文件只有很少的文字，没有年报的六个部分和统计表格，看起来不是年报正文（可能是发布通知或目录页）。请打开年报正文页面或下载附件后再导入。',
      fileName,
    );
  }
  const mentions = (allText.match(/政府信息公开|政务公开/g) ?? []).length;
  if (
    !titleOk &&
    s.found.length === 0 &&
    foundTables === 0 &&
    !(mentions >= 3 && /年报|年度报告|工作报告/.test(allText))
  ) {
    throw new ImportError(
      'not-report',
      attached
        ? `这个网页上没有年报正文。${attached}`
        : '这个文件看起来不是政府信息公开工作年度报告：提到了政府信息公开，但没有找到年报标题、六个部分的标题或统计表格。请确认选择的文件。',
      fileName,
    );
  }

  // Year and format.
  const bodyText = s.body.map((b) => (b.type === 'line' ? b.text : '')).join('\n');
  const y = detectYear(s.title, [s.preamble.map((l) => l.text).join(''), bodyText].join('\n'), s.publishedAt);
  let year = y.year;
  if (year === null || year < 2000 || year > 2100) {
    year = now.getFullYear() - 1;
    warnings.push(`未能识别报告年度，暂按 ${year} 年处理，请修改。`);
  } else if (y.from !== '标题') warnings.push(`标题中没有年度，按${y.from}识别为 ${year} 年，请核对。`);
  const guess = detectFormat(`${s.title}\n${allText}`, year);
  const format = guess.format;
  if (guess.by === 'year') {
    warnings.push(
      format === 'pre-2019'
        ? `按年度（${year} 年）识别为 2019 年以前的报告：没有统一表格，只保留文字和能识别的统计数字。`
        : `未找到能判断格式的表格用语，按年度（${year} 年）推定为${format === 'gov-2021' ? '2021 年版' : '2019 年版'}格式。`,
    );
  }

  // Tables.
  const cells: Cells = format === 'pre-2019' ? {} : blankCells(format);
  const confidence: Record<string, number> = {};
  const results: Partial<Record<TableId, TableResult>> = {};
  const t2Key = located.tables.t2?.key ?? '';
  const t2is2019 =
    GOV_2019.detect.some((w) => t2Key.includes(matchKey(w))) ||
    (format === 'gov-2019' && !/本年制发件数|本年废止件数|现行有效件数/.test(t2Key));
  if (located.tables.t2) results.t2 = extractT2(located.tables.t2, t2is2019, options.last?.cells);
  if (located.tables.t3) results.t3 = extractT3(located.tables.t3, format === 'gov-2019');
  if (located.tables.t4) results.t4 = extractT4(located.tables.t4);
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    const r = results[id];
    if (r?.found) {
      if (id === 't2' && r.layout === '2019' && format === 'gov-2021') {
        for (const k of Object.keys(cells)) if (k.startsWith('t2.')) delete cells[k];
      }
      if (id === 't2' && r.layout === '2021' && format === 'gov-2019') {
        for (const k of Object.keys(cells)) if (k.startsWith('t2_2019.')) delete cells[k];
      }
      Object.assign(cells, r.cells);
      confidence[id] = r.confidence;
      warnings.push(...r.warnings);
      if (id === 't3' && r.layout === '2019' && format === 'gov-2021') {
        warnings.push('表三的“（六）其他处理”印为一行（2019 年版格式），已保存为“其他处理”一行，三个子项留空。');
      }
    } else if (format !== 'pre-2019') {
      confidence[id] = 0;
      warnings.push(
        located.imageInstead[id]
          ? `未找到${TABLE_NAMES[id]}的文字内容，该部分只有图片：表格可能以图片形式发布（不可检索、不可复制），数字无法读取。`
          : `未找到${TABLE_NAMES[id]}，其单元格留空。原文可能缺少该表，或表格在网页转载时丢失、以图片形式发布。`,
      );
    }
  }
  if (attached && Object.values(confidence).some((c) => c === 0))
    warnings.push(attached.replace('年报可能在附件中', '缺少的表格可能在附件中'));
  if (format === 'pre-2019')
    Object.assign(
      cells,
      legacyCells(
        located.otherTables.flatMap((t) => t.rows.map((r) => r.map((c) => c.text))),
        bodyText,
      ),
    );

  // Agency.
  let agencyName = agencyFromTitle(s.title);
  if (!agencyName) {
    agencyName = s.signature?.name || s.agencyHint || '';
    if (agencyName)
      warnings.push(`标题中没有机关名称，按${s.signature?.name ? '落款' : '网页信息'}识别为“${agencyName}”，请核对。`);
    else warnings.push('未能识别机关名称，请填写。');
  }
  if (!s.title) warnings.push('未找到报告标题（应为“XX机关XXXX年政府信息公开工作年度报告”）。');
  const kindOf = agencyKindOf(agencyName);
  if (kindOf.open && agencyName)
    warnings.push(
      `${kindOf.open}，发布期限因类别而不同（县级以上人民政府及开发区、新区等管委会为次年3月31日前，政府部门、乡镇（街道）为1月31日前），请在封面中选择机关类别。`,
    );

  // Sections.
  const wrapped = !!doc.wrapped;
  const sectionBlocks = new Map<SectionId, Block[]>();
  for (const id of SECTION_IDS) sectionBlocks.set(id, buildBlocks(s.zones[id], { wrapped, skip: located.used }));
  const missing = SECTIONS.filter((sec) => !s.found.includes(sec.id));
  if (missing.length && format !== 'pre-2019') {
    warnings.push(
      `未找到以下部分的标题：${missing.map((m) => m.heading).join('、')}。${missing.length === 6 ? '全文已放入“一、总体情况”，请手工分段。' : ''}`,
    );
  } else if (missing.length === 6) warnings.push('未找到分部分的标题，全文已放入“一、总体情况”，请手工分段。');
  if (missing.length === 6) {
    sectionBlocks.set(
      'overview',
      buildBlocks(s.preamble, { wrapped, skip: located.used }).concat(sectionBlocks.get('overview') ?? []),
    );
  }
  const preamble =
    missing.length === 6
      ? ''
      : buildBlocks(s.preamble, { wrapped, skip: located.used })
          .map((b) => b.text)
          .join('\n');

  const stamp = now.toISOString();
  const title = cleanText(s.title);
  const report: Report = {
    kind: REPORT_KIND,
    schemaVersion: SCHEMA_VERSION,
    format,
    year,
    agency: { name: agencyName, kind: kindOf.kind },
    title,
    preamble,
    sections: SECTION_IDS.map((id) => ({ id, blocks: sectionBlocks.get(id) ?? [] })),
    cells,
    signature: s.signature
      ? { name: s.signature.name || agencyName, date: s.signature.date }
      : { name: agencyName, date: '' },
    meta: {
      id: newId(),
      status: 'published',
      createdAt: stamp,
      updatedAt: stamp,
      source: {
        fileName,
        detectedFormat: format,
        warnings,
        confidence,
        kind: doc.kind,
        ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
      },
    },
  };
  // A blank template or an outline: said first, and its empty tables are not “read with confidence”.
  const notReport = detectNotReport(report, s.found.length);
  if (notReport) {
    warnings.unshift(notReport.message);
    for (const id of Object.keys(confidence)) confidence[id] = 0;
    report.meta.source = { ...report.meta.source!, notReport };
  }
  const valid = validateReport(report);
  if (!valid.ok)
    throw new ImportError(
      'internal',
      `导入结果未通过校验（程序问题，请反馈）：\n${formatIssues(valid.issues)}`,
      fileName,
    );
  return { report: valid.report, warnings, confidence, format, kind: doc.kind, pending: results.t2?.pending ?? [] };
}

/** Pre-2019 statistics: label + one number rows of any table, and a few phrases of the text. */
function legacyCells(rows: string[][], text: string): Cells {
  const out: Cells = {};
  for (const row of rows) {
    const nums = row.map((c) => parseNumber(c)).filter((n) => n && n.value !== null);
    const labels = row.filter((c) => c.trim() && !parseNumber(c));
    if (nums.length !== 1 || !labels.length) continue;
    const key = `legacy.${matchKey(labels.join('')).slice(0, 40)}`;
    if (key.length > 'legacy.'.length && !(key in out)) out[key] = nums[0]!.value;
  }
  const phrase = (re: RegExp, key: string) => {
    const m = re.exec(text);
    if (m && !(key in out)) out[key] = Number(m[1]);
  };
  phrase(/主动公开[^。；]{0,20}?(\d{1,7})\s*条/, 'legacy.主动公开信息数');
  phrase(/(?:受理|收到)[^。；]{0,20}?申请\s*(\d{1,6})\s*件/, 'legacy.收到申请数');
  phrase(
    /(\d{1,6})\s*件[^。；]{0,6}?(?:打电话|来访|来信)?[^。；]{0,10}?(?:政务|政府)信息公开申请/,
    'legacy.收到申请数',
  );
  phrase(/行政复议\s*(\d{1,5})\s*[件起]/, 'legacy.行政复议数');
  phrase(/行政诉讼\s*(\d{1,5})\s*[件起]/, 'legacy.行政诉讼数');
  return out;
}

// Length: the small completeness and form rules, grouped as in spec/checks.md.
import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import type { SectionId } from '../../../templates/types';
import { formatForYear, GOV_2019, GOV_2021 } from '../../../templates/index';
import { formatChineseDate } from '../../model/format';
import { spanOf, wholeSpan } from '../text/blocks';
import { isAbbreviation, parseAgencyName } from '../text/agency';
import { paragraphWords, sectionBlocks, sectionHeadings } from './util';

/**
 * Completeness and form: SECTION-EMPTY, FORMAT-VERSION, CITATION-OUTDATED, PUBLISH-DEADLINE, TITLE
 * (OVERVIEW-TOPICS and FEE-STATEMENT: section-content.ts).
 */

const TEXT_SECTIONS: SectionId[] = ['overview', 'problems', 'other'];
const TABLE_SECTIONS: { id: SectionId; table: 't2' | 't3' | 't4' }[] = [
  { id: 'proactive', table: 't2' },
  { id: 'requests', table: 't3' },
  { id: 'review', table: 't4' },
];

// 五 that says nothing: 无, 暂无, 没有, 略, 无问题…
const NOTHING = /^(?:无|暂无|没有|略|无问题|没有问题|不存在问题|本年度无|本年度暂无|无相关情况|无其他情况)$/;

function* sectionEmpty(ctx: CheckContext): Iterable<Finding> {
  yield* missingSignature(ctx);
  if (ctx.report.format === 'pre-2019') return; // old reports have their own structure
  const headings = sectionHeadings(ctx);
  for (const id of TEXT_SECTIONS) {
    const text = paragraphWords(sectionBlocks(ctx, id));
    if (text.length >= 2 && !(id === 'problems' && (NOTHING.test(text) || text.length < 8))) continue;
    const heading = headings[id]!;
    yield {
      rule: 'SECTION-EMPTY',
      severity: 'error',
      message:
        id === 'problems' && text.length
          ? `${heading}只写了“${text}”，没有实际内容。请写明本年度存在的具体问题和改进措施，以及上一年度问题的整改情况。`
          : `${heading}还没有内容。${id === 'overview' ? '请概述本年度政府信息公开工作的总体情况。' : id === 'problems' ? '请写明本年度存在的主要问题和改进情况。' : '请至少写明信息处理费的收取情况（国办函〔2020〕109号）。'}`,
      fingerprint: id,
    };
  }
  const layout = ctx.layout;
  if (!layout) return;
  for (const { id, table } of TABLE_SECTIONS) {
    const keys = layout.tableKeys[table];
    if (keys.some((k) => ctx.num(k) !== null)) continue;
    yield {
      rule: 'SECTION-EMPTY',
      severity: 'error',
      message:
        ctx.mode === 'import'
          ? `${headings[id]}：导入的报告中没有这张表的数字。原文如以图片或附件发布表格，请对照原文录入；原文确实没有这张表时，这是缺项：这一部分须按统一表格填报数字，没有发生的事项填 0。`
          : `${headings[id]}的表格还没有填写。这一部分须按统一表格填报数字，只写文字不够；没有发生的事项填 0。`,
      cells: keys,
      fingerprint: id,
    };
  }
}

/**
 * A report without 落款 (署名机关). The format does not require one (format-2021.md §1: optional), so a
 * hint only, and only for reports written in the app or read from a report file: an imported report
 * gets the agency as its 署名 from the importer, and many published reports rightly print none.
 */
function* missingSignature(ctx: CheckContext): Iterable<Finding> {
  if (ctx.mode === 'import') return;
  const name = ctx.report.signature?.name;
  if (typeof name === 'string' && name.trim()) return;
  const agency = (ctx.report.agency?.name ?? '').trim();
  yield {
    rule: 'SECTION-EMPTY',
    severity: 'info',
    message: `报告没有落款（署名机关）。格式不强制要求落款，但报告通常在文末署机关名称${agency ? `“${agency}”` : ''}并注明成文日期；如需落款，请在封面页填写。`,
    span: { where: 'signature', start: 0, end: 0 },
    fingerprint: 'signature',
  };
}

const FORMAT_NAMES: Record<string, string> = {
  'gov-2021': '2021年版格式（国办公开办函〔2021〕30号）',
  'gov-2019': '2019年版格式（国办公开办函〔2019〕60号）',
  'pre-2019': '2019年以前的格式（无统一表格）',
};
// Table vocabulary that only one format has (format-2021.md §4.1); prose words such as 政府集中采购 are left out.
const VOCAB_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '第二十条第（九）项',
  '其他对外管理服务事项',
];
const VOCAB_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '申请人逾期未按收费通知要求缴纳费用'];
/** Whether a text has any word of the list: one scan instead of one per word (most texts have none). */
const VOCAB_ANY = new Map([VOCAB_2019, VOCAB_2021].map((words) => [words, new RegExp(words.join('|'))]));

function* formatVersion(ctx: CheckContext): Iterable<Finding> {
  const { report } = ctx;
  if (!Number.isInteger(report.year)) return;
  const expected = formatForYear(report.year);
  if (report.format !== expected) {
    yield {
      rule: 'FORMAT-VERSION',
      severity: 'error',
      message: `本报告是${report.year}年度的，应使用${FORMAT_NAMES[expected]}，但现在是${FORMAT_NAMES[report.format] ?? report.format}。请按${FORMAT_NAMES[expected]}的表格重新填写。`,
      expected,
      actual: report.format,
      fingerprint: 'format',
    };
    return;
  }
  if (expected === 'pre-2019') return;
  const filled = (prefix: string) => Object.keys(ctx.cells).filter((k) => k.startsWith(prefix) && ctx.num(k) !== null);
  const foreignCells =
    expected === 'gov-2021'
      ? filled('t2_2019.')
      : [
          ...filled('t2.'),
          ...GOV_2021.resultRows.filter((r) => !GOV_2019.resultRows.includes(r)).flatMap((r) => filled(`t3.${r}.`)),
        ];
  if (foreignCells.length) {
    yield {
      rule: 'FORMAT-VERSION',
      severity: 'error',
      message:
        expected === 'gov-2021'
          ? `表二填的是2019年版格式的栏目（本年新制作数量、上一年项目数量等，共 ${foreignCells.length} 格），${report.year}年度报告应使用2021年版表二（本年制发件数、本年废止件数、现行有效件数等）。请按新表格重新填写。`
          : `${report.year}年度报告应使用2019年版格式，但填了2021年版才有的栏目（共 ${foreignCells.length} 格）。请核对报告年度或格式。`,
      cells: foreignCells,
      fingerprint: 'cells',
    };
  }
  const vocab = expected === 'gov-2021' ? VOCAB_2019 : VOCAB_2021;
  const any = VOCAB_ANY.get(vocab)!;
  for (const block of ctx.blocks) {
    if (!any.test(block.norm.text)) continue;
    const word = vocab.find((w) => block.norm.text.includes(w));
    if (!word) continue;
    const at = block.norm.text.indexOf(word);
    yield {
      rule: 'FORMAT-VERSION',
      severity: 'error',
      message: `正文出现了“${word}”，这是${expected === 'gov-2021' ? '2019年版' : '2021年版'}表格的栏目名称，${report.year}年度报告应使用${FORMAT_NAMES[expected]}。请改用现行格式的表格。`,
      span: spanOf(block, at, at + word.length),
      fingerprint: `vocab|${word}`,
    };
    break;
  }
  const layout = ctx.layout;
  if (layout?.legacy.length) {
    yield {
      rule: 'FORMAT-VERSION',
      severity: 'warning',
      message:
        '表三“（六）其他处理”只填了一行，这是2019年版格式的写法。2021年版格式分为三项（1.逾期不补正、2.逾期未按收费通知缴费、3.其他），请分项填写；检查时暂按这一行核对合计。',
      cells: layout.legacy.flatMap((lr) => layout.template.t3Columns.map((c) => `t3.${lr.row}.${c.key}`)),
      fingerprint: 'mixed-other',
    };
  } else if (layout?.ignoredLegacy.length) {
    yield {
      rule: 'FORMAT-VERSION',
      severity: 'warning',
      message:
        '表三同时填了“（六）其他处理”合计行（2019年版写法）和三个分项；检查时按三个分项计算，合计行未计入。请删去合计行。',
      cells: layout.ignoredLegacy.flatMap((lr) => layout.template.t3Columns.map((c) => `t3.${lr.row}.${c.key}`)),
      fingerprint: 'mixed-other-ignored',
    };
  }
}

const CITATIONS = [
  {
    id: '492',
    from: 2020,
    re: /国务院令第?492号|国令第?492号|492号令/,
    message:
      '引用了已被修订的《中华人民共和国政府信息公开条例》（国务院令第492号，2008年施行）。现行条例是2019年修订的版本（国务院令第711号），请改正引用。',
  },
  {
    id: '60',
    from: 2021,
    re: /国办公开办函[〔[［（【]?2019[〕\]］）】]?第?60号/,
    message:
      '引用了国办公开办函〔2019〕60号（2019年版年报格式，已由国办公开办函〔2021〕30号取代）。请改为引用现行文件。',
  },
];

function* citationOutdated(ctx: CheckContext): Iterable<Finding> {
  const blocks = ctx.blocks;
  for (let i = 0; i < CITATIONS.length; i++) {
    const c = CITATIONS[i]!;
    if (ctx.report.year < c.from) continue;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      const text = block.norm.text;
      const m = c.re.exec(text);
      if (!m) continue;
      // Named as history (原《条例》（国务院令第492号）已于2019年修订): not cited as the basis.
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (
        /(?:原|旧|修订前的?|废止的|已废止的)[^，。；]{0,8}$/.test(before) ||
        /^[）)]?(?:已于|已被|已经|已)?[^，。；]{0,6}(?:修订|废止|取代|替代)/.test(after)
      )
        continue;
      yield {
        rule: 'CITATION-OUTDATED',
        severity: 'warning',
        message: c.message,
        span: spanOf(block, m.index, m.index + m[0].length),
        actual: m[0],
        fingerprint: c.id,
      };
      break;
    }
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** The publication date when the importer found one (any of these names), else the signature date. */
function reportDate(ctx: CheckContext): { date: string; what: string } | null {
  const source = ctx.report.meta?.source as Record<string, unknown> | undefined;
  for (const k of ['publishedAt', 'publishDate', 'published', 'publicationDate']) {
    const v = source?.[k];
    if (typeof v === 'string' && ISO.test(v)) return { date: v.slice(0, 10), what: '发布日期' };
  }
  const sig = ctx.report.signature?.date;
  if (typeof sig === 'string' && ISO.test(sig)) return { date: sig.slice(0, 10), what: '落款日期' };
  return null;
}

function* publishDeadline(ctx: CheckContext): Iterable<Finding> {
  const { year, agency } = ctx.report;
  if (!Number.isInteger(year)) return;
  const d = reportDate(ctx);
  if (!d) return;
  // 2019 Regulation art. 49: departments by 31 Jan, governments by 31 Mar; before 2019 all by 31 Mar.
  // A kind not known ('other') is not guessed: only a date late for every kind is reported.
  const unknown = agency?.kind !== 'government' && agency?.kind !== 'department' && agency?.kind !== 'township';
  const government = agency?.kind === 'government' || year < 2019;
  const deadline = `${year + 1}-${government || unknown ? '03-31' : '01-31'}`;
  if (d.date <= deadline) return;
  const who =
    year < 2019
      ? '原《条例》规定各机关应在每年3月31日前'
      : government
        ? '县级以上人民政府应在每年3月31日前'
        : unknown
          ? '机关类别未定；即使是县级以上人民政府，也应在每年3月31日前'
          : '政府部门、乡镇（街道）等应在每年1月31日前';
  yield {
    rule: 'PUBLISH-DEADLINE',
    severity: 'warning',
    message: `${d.what}${formatChineseDate(d.date)}晚于发布期限${formatChineseDate(deadline)}（${who}公布上一年度报告）。请核对日期；如已按时发布，请填写实际日期。`,
    expected: deadline,
    actual: d.date,
    fingerprint: 'deadline',
  };
}

const TITLE_SUFFIX = '政府信息公开工作年度报告';

/** The agency's name as a title may carry it: in full, or without the leading province/city. */
function titleHasAgency(title: string, name: string): boolean {
  if (!name) return true;
  if (title.includes(name)) return true;
  const parsed = parseAgencyName(name);
  for (let i = 1; i < parsed.places.length; i++) {
    if (title.includes(parsed.places.slice(i).join('') + parsed.organ)) return true;
  }
  return false;
}

/** Whether the title names the agency in a short form (和田县文旅局 for 和田县文化体育广播电视和旅游局). */
function titleHasShortName(title: string, name: string): boolean {
  const own = parseAgencyName(name);
  const head = title.split(/(?:19|20)\d{2}|政府信息公开/)[0] ?? '';
  const cand = parseAgencyName(head);
  return head.length >= 3 && isAbbreviation(cand.organ, own.organ) && cand.places.every((p) => own.places.includes(p));
}

function* title(ctx: CheckContext): Iterable<Finding> {
  const block = ctx.blocks.find((b) => b.kind === 'title');
  if (!block) return;
  const text = block.norm.text;
  const year = ctx.report.year;
  const name = (ctx.report.agency?.name ?? '').replace(/\s+/g, '');
  const problems: string[] = [];
  if (!text) problems.push(ctx.mode === 'import' ? '没有找到' : '为空');
  else {
    if (!titleHasAgency(text, name))
      problems.push(titleHasShortName(text, name) ? `中的机关名称不是全称“${name}”` : `没有机关名称“${name}”`);
    const years = [...text.matchAll(/(?:19|20)\d{2}(?=年)/g)].map((m) => Number(m[0]));
    if (!years.includes(year))
      problems.push(years.length ? `年份写的是${years[0]}年，本报告是${year}年度` : `没有年份“${year}年”`);
    if (!text.endsWith(TITLE_SUFFIX)) problems.push(`没有以“${TITLE_SUFFIX}”结尾`);
  }
  if (!problems.length) return;
  yield {
    rule: 'TITLE',
    severity: 'warning',
    message: `标题${problems.join('，')}。标题应为“机关全称 + 年份 + ${TITLE_SUFFIX}”，例如“${name || '××局'}${year}年${TITLE_SUFFIX}”。`,
    span: wholeSpan(block),
    expected: `${name}${year}年${TITLE_SUFFIX}`,
    actual: block.original,
    fingerprint: 'title',
  };
}

export const formRules: Rule[] = [sectionEmpty, formatVersion, citationOutdated, publishDeadline, title];

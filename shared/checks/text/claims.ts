/**
 * What the text says about the tables: “figure claims” (受理政府信息公开申请 3119 件 → Table 3 一、本年新收
 * 总计 = 3119) and “statements” (未收到政府信息公开申请, 均获维持, 未收取信息处理费).
 *
 * Extraction is deliberately narrow: a figure counts only when the words right before it (in the same
 * clause) say unambiguously what it is. Anything else (政策性文件 11 件, 主动公开信息 1268 条, 同比增加 5 件)
 * is ignored. One pass over each sentence; each figure looks back at most one clause.
 */

import { parseArabicNumber, parseChineseNumber } from './numerals';

/**
 * What a figure is about:
 * - Table 3: `received` (受理/收到… may include 上年结转), `new_received` (本年新收), `carried`, `answered`
 *   (答复/办结 = 三（七）总计), `carry_next`, result groups `res_open`, `res_partial`, `deny`, `unable`, `noproc`,
 *   `other`, and `applicant:<column>` / `applicant:org` (法人或其他组织);
 * - Table 4: `t4:<group>:<result>` with group review | lit (直接起诉 + 复议后起诉) | lit_direct | lit_after_review;
 * - Table 2: `t2:<row>:<column>` (regulations | normative_docs × issued | repealed | in_force).
 */
export type ClaimKind = string;

export interface FigureClaim {
  kind: ClaimKind;
  value: number;
  /** 余/多/近/约/以上: not compared. */
  approx: boolean;
  /** Normalised offsets in the block. */
  start: number;
  end: number;
  /** Index of the sentence in the block (claims of one sentence are judged together). */
  sentence: number;
  /** The words of the claim as they read (normalised), e.g. 受理政府信息公开申请3119件. */
  quote: string;
}

export type StatementKind = 'no_requests' | 'no_cases' | 'all_maintained' | 'no_fee';

export interface Statement {
  kind: StatementKind;
  /** Table 4 groups the statement is about (no_cases, all_maintained). */
  review?: boolean;
  lit?: boolean;
  start: number;
  end: number;
  sentence: number;
  quote: string;
}

export interface TextAnalysis {
  claims: FigureClaim[];
  statements: Statement[];
}

const SENTENCE_END = /[。；！？]/g;
const CLAUSE_DELIMS = new Set('，。；！？：（）【】、“”'.split(''));

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇○一二两三四五六七八九十百千万亿廿卅]+)(万)?(余|多)?(件|起|宗|个|份)(次)?/g;

const FILLERS = /(?:共计|合计|总计|累计|共|计|为|达到|达|了|的|有|数量|件数|总数|分别为|分别|约|近|超过|逾|将近|大约)+$/;
const APPROX_BEFORE = /(?:约|近|超过|逾|将近|大约|超)$/;
const APPROX_AFTER = /^(?:以上|左右|多)/;

type Rule = { re: RegExp; kind: ClaimKind | ((m: RegExpExecArray, ctx: SentenceContext) => ClaimKind | null) };

interface SentenceContext {
  year: number;
  /** Text of the sentence up to the figure. */
  before: string;
  /** Kind of the previous claim of the sentence (for 其中自然人… and 废止1件). */
  lastKind: ClaimKind | null;
}

const yearIs = (captured: string | undefined, want: number) => captured === undefined || Number(captured) === want;

const NOT_REQUESTS = /复议|诉讼|咨询|信访|投诉|举报|许可|审批|留言|来信|热线|结转|不予|办理|答复|办结|转办|依法|件/;
const NOT_DOC_MIDDLE = /政策|文件|不/;

function t4Group(before: string): string | null {
  // The last mention of a Table 4 group before the figure decides (其中结果维持 72 件 after 行政复议 351 件).
  const re = /复议后(?:提起|起诉)|直接(?:提起|起诉)|诉讼|复议/g;
  let last: string | null = null;
  for (const m of before.matchAll(re)) last = m[0];
  if (!last) return null;
  if (last.startsWith('复议后')) return 'lit_after_review';
  if (last.startsWith('直接')) return 'lit_direct';
  return last === '诉讼' ? 'lit' : 'review';
}

function t2Subject(before: string): string | null {
  let last: string | null = null;
  for (const m of before.matchAll(/规范性文件|规章/g)) last = m[0];
  return last === null ? null : last === '规章' ? 'regulations' : 'normative_docs';
}

const t4Result = (result: string) => (_m: RegExpExecArray, ctx: SentenceContext) => {
  const g = t4Group(ctx.before);
  return g ? `t4:${g}:${result}` : null;
};

const applicant = (col: string) => (_m: RegExpExecArray, ctx: SentenceContext) =>
  ctx.lastKind === 'received' || ctx.lastKind === 'new_received' || (ctx.lastKind?.startsWith('applicant:') ?? false) ? `applicant:${col}` : null;

const t2Continuation = (col: string) => (_m: RegExpExecArray, ctx: SentenceContext) => {
  const subject = t2Subject(ctx.before);
  return subject && ctx.lastKind?.startsWith('t2:') ? `t2:${subject}:${col}` : null;
};

const docRule = (row: string, col: string) => (m: RegExpExecArray) => (NOT_DOC_MIDDLE.test(m[1] ?? '') ? null : `t2:${row}:${col}`);

/** Words right before a figure (anchored at the end of the clause text, fillers stripped). First match wins. */
const LEFT_RULES: Rule[] = [
  // Table 3 carry-over
  {
    re: /(?:结转|顺延|转入|转)(?:到|至|入)?(?:下一?年度?|下年|次年|(\d{4})年度?)(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?$/,
    kind: (m, ctx) => (yearIs(m[1], ctx.year + 1) ? 'carry_next' : null),
  },
  {
    re: /(?:上一?年度?|去年|前一年度?|(\d{4})年度?)(?:年底|底)?(?:结转|转结)(?:过来|而来)?(?:的)?(?:政府信息公开)?(?:申请)?$/,
    kind: (m, ctx) => (yearIs(m[1], ctx.year - 1) ? 'carried' : null),
  },
  // Table 4
  { re: /复议后(?:提起|起诉)(?:的)?(?:行政诉讼)?(?:案件)?$/, kind: 't4:lit_after_review:total' },
  { re: /直接(?:提起|起诉)(?:的)?(?:行政诉讼)?(?:案件)?$/, kind: 't4:lit_direct:total' },
  { re: /行政诉讼(?:案件)?$/, kind: 't4:lit:total' },
  { re: /行政复议(?:案件)?(?:申请)?$/, kind: 't4:review:total' },
  { re: /(?:结果)?维持(?:原(?:行政行为|答复|决定))?$/, kind: t4Result('maintained') },
  { re: /(?:结果)?纠正$/, kind: t4Result('corrected') },
  { re: /其他结果$/, kind: t4Result('other') },
  { re: /(?:尚未审结|未审结|尚在审理中?|正在审理中?|审理中)$/, kind: t4Result('pending') },
  // Table 3 results
  { re: /予以公开(?:的)?(?:申请)?$/, kind: 'res_open' },
  { re: /部分公开(?:的)?(?:申请)?$/, kind: 'res_partial' },
  { re: /不予公开(?:的)?(?:申请)?$/, kind: 'deny' },
  { re: /无法提供(?:的)?(?:申请)?$/, kind: 'unable' },
  { re: /不予处理(?:的)?(?:申请)?$/, kind: 'noproc' },
  { re: /其他处理(?:的)?(?:申请)?$/, kind: 'other' },
  // Table 3 applicants (only right after a figure of received applications)
  { re: /自然人(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('natural') },
  { re: /法人(?:或|和|及)?其他组织(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('org') },
  { re: /商业企业(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('commercial') },
  { re: /科研机构(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('research') },
  { re: /社会公益组织(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('public_interest') },
  { re: /法律服务机构(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('legal_service') },
  // Table 2
  { re: /现行有效(?:的)?()(?:行政)?规范性文件$/, kind: 't2:normative_docs:in_force' },
  { re: /(?:行政)?规范性文件(?:现行)?有效$/, kind: 't2:normative_docs:in_force' },
  { re: /(?:制发|印发|出台|制定|新增|发布)(?:了)?([^，。；、]{0,6}?)(?:行政)?规范性文件$/, kind: docRule('normative_docs', 'issued') },
  { re: /废止(?:了)?([^，。；、]{0,6}?)(?:行政)?规范性文件$/, kind: docRule('normative_docs', 'repealed') },
  { re: /现行有效(?:的)?([^，。；、]{0,6}?)规章$/, kind: docRule('regulations', 'in_force') },
  { re: /(?:制定|制发|出台|新增|颁布)(?:了)?([^，。；、]{0,8}?)规章$/, kind: docRule('regulations', 'issued') },
  { re: /废止(?:了)?([^，。；、]{0,8}?)规章$/, kind: docRule('regulations', 'repealed') },
  { re: /^(?:本年|全年|今年)?度?(?:新)?(?:制发|印发|出台|新增|制定)$/, kind: t2Continuation('issued') },
  { re: /^(?:本年|全年|今年)?度?废止$/, kind: t2Continuation('repealed') },
  { re: /^(?:现行)?有效$/, kind: t2Continuation('in_force') },
  // Table 3 received / answered
  { re: /新收(?:到)?([^，。；]{0,14}?)申请(?:公开(?:政府信息)?(?:申请)?)?$/, kind: (m) => (NOT_REQUESTS.test(m[1] ?? '') ? null : 'new_received') },
  {
    re: /(?:受理|收到|接收|接到|收悉|登记)(?:了|到)?([^，。；]{0,16}?)申请(?:公开(?:政府信息)?(?:申请)?)?$/,
    kind: (m) => (NOT_REQUESTS.test(m[1] ?? '') ? null : 'received'),
  },
  {
    re: /(?:答复|办结|办理完毕|处理完毕|已办结|已答复)(?:了)?(?:申请)?$/,
    kind: (_m, ctx) => (/申请/.test(ctx.before) && !/复议|诉讼/.test(ctx.before) ? 'answered' : null),
  },
];

/** Verb before, noun after: 受理了 61 件…申请. */
const VERB_BEFORE = /(?:受理|收到|接收|接到)(?:了|到)?(?:各类)?$/;
const NOUN_AFTER = /^[^，。；]{0,20}?申请/;
/** Figure before the carry-over words: 另有 103 件顺延到下年度答复. */
const CARRY_AFTER = /^(?:的)?(?:申请)?(?:结转|顺延|转入|转)(?:到|至|入)?(?:下一?年度?|下年|次年|(\d{4})年度?)/;

function clauseStart(text: string, from: number, floor: number): number {
  for (let i = from - 1; i >= floor; i--) if (CLAUSE_DELIMS.has(text[i]!)) return i + 1;
  return floor;
}

function clauseEnd(text: string, from: number, ceil: number): number {
  for (let i = from; i < ceil; i++) if (CLAUSE_DELIMS.has(text[i]!)) return i;
  return ceil;
}

const STATEMENT_RULES: { re: RegExp; kind: StatementKind; reject?: RegExp }[] = [
  {
    re: /(?:未|没有|无|暂无|尚未)(?:收到|接到|受理|接收|发生|产生)(?:过)?(?:任何)?[^，。；]{0,30}申请/g,
    kind: 'no_requests',
    reject: /复议|诉讼|正当理由|未经/,
  },
  { re: /(?:无|没有)(?:任何)?(?:政府信息公开|依申请公开)(?:的)?申请/g, kind: 'no_requests' },
  {
    re: /(?:未|没有|无|暂无|尚未)(?:发生|出现|产生|收到|接到|涉及|被申请|被提起|被|有)?(?:过)?(?:任何)?[^，。；]{0,20}?(?:行政复议|行政诉讼)/g,
    kind: 'no_cases',
    reject: /正当|未经|无法|审结|不予|降低|减少|避免|防止/,
  },
  { re: /(?:行政复议|行政诉讼)[^，。；]{0,14}?(?:均)?为(?:0|零)(?:件)?(?![0-9])/g, kind: 'no_cases' },
  { re: /(?:均|全部|都|皆)(?:已)?(?:获|被|予以|得到|为|是)?(?:结果)?维持/g, kind: 'all_maintained' },
  {
    re: /(?:未|没有|无|不|未曾|并未)(?:向申请人)?(?:收取|产生|收)(?:过)?(?:任何)?[^，。；]{0,16}?(?:处理费|费用)/g,
    kind: 'no_fee',
  },
  { re: /收取[^，。；]{0,16}?(?:处理费|费用)[^，。；]{0,4}?(?<![0-9.])(?:0|零)元/g, kind: 'no_fee' },
];

function sentenceBounds(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    out.push([start, m.index! + 1]);
    start = m.index! + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function groupsOf(text: string): { review: boolean; lit: boolean } {
  const lit = /诉讼|起诉/.test(text);
  // 复议 inside 复议后起诉 / 未经复议 names a litigation column, not the review group.
  const review = /复议/.test(text.replace(/复议后(?:提起|起诉)|未经复议/g, ''));
  return { review, lit };
}

/** Claims and statements of one normalised text. `year` is the report year (for 2023年结转 and the like). */
export function analyzeText(text: string, year: number): TextAnalysis {
  const claims: FigureClaim[] = [];
  const statements: Statement[] = [];
  const sentences = sentenceBounds(text);
  sentences.forEach(([s, e], si) => {
    const sentence = text.slice(s, e);
    let lastKind: ClaimKind | null = null;
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
      const raw = m[1]!;
      let value = /^[0-9]/.test(raw) ? parseArabicNumber(raw) : parseChineseNumber(raw);
      if (value === null) continue;
      if (m[2]) value *= 1e4;
      const tokStart = s + m.index;
      const tokEnd = tokStart + m[0].length;
      // A figure glued to more digits or a decimal point is something else (1.5万元, 2024.1).
      const prevCh = text[tokStart - 1];
      if (prevCh && /[0-9.]/.test(prevCh)) continue;
      const cStart = clauseStart(text, tokStart, s);
      const leftRaw = text.slice(cStart, tokStart);
      const left = leftRaw.replace(FILLERS, '');
      const approx = Boolean(m[3]) || APPROX_BEFORE.test(leftRaw) || APPROX_AFTER.test(text.slice(tokEnd, tokEnd + 2));
      const ctx: SentenceContext = { year, before: text.slice(s, tokStart), lastKind };
      let kind: ClaimKind | null = null;
      let kStart = tokStart;
      for (const rule of LEFT_RULES) {
        const r = rule.re.exec(left);
        if (!r) continue;
        kind = typeof rule.kind === 'string' ? rule.kind : rule.kind(r, ctx);
        if (kind) kStart = cStart + r.index;
        break;
      }
      let qEnd = tokEnd;
      if (!kind) {
        const after = text.slice(tokEnd, clauseEnd(text, tokEnd, e));
        const carry = CARRY_AFTER.exec(after);
        if (carry && yearIs(carry[1], year + 1)) {
          kind = 'carry_next';
          qEnd = tokEnd + carry[0].length;
        } else if (VERB_BEFORE.test(left)) {
          const noun = NOUN_AFTER.exec(after);
          if (noun && !NOT_REQUESTS.test(noun[0].slice(0, -2))) {
            kind = 'received';
            kStart = cStart + (VERB_BEFORE.exec(left)?.index ?? 0);
            qEnd = tokEnd + noun[0].length;
          }
        }
      }
      if (!kind) continue;
      lastKind = kind;
      claims.push({ kind, value, approx, start: kStart, end: qEnd, sentence: si, quote: text.slice(kStart, qEnd) });
    }
    for (const rule of STATEMENT_RULES) {
      rule.re.lastIndex = 0;
      for (const m of sentence.matchAll(rule.re)) {
        if (rule.reject?.test(m[0])) continue;
        const start = s + m.index!;
        const end = start + m[0].length;
        const st: Statement = { kind: rule.kind, start, end, sentence: si, quote: m[0] };
        if (rule.kind === 'no_cases') {
          // The groups named up to the end of the clause (未发生行政复议、行政诉讼 names both).
          const tail = text.slice(end, e).search(/[，。；！？]/);
          Object.assign(st, groupsOf(text.slice(start, tail < 0 ? e : end + tail)));
        } else if (rule.kind === 'all_maintained') {
          // The groups named before 均获维持 in the same sentence; none named = all of Table 4.
          const g = groupsOf(text.slice(s, start));
          Object.assign(st, g.review || g.lit ? g : { review: true, lit: true });
        }
        statements.push(st);
      }
    }
  });
  return { claims, statements };
}

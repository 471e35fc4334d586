/**
 * What the text says about the tables: “figure claims” (受理政府信息公开申请 3119 件 → Table 3 一、本年新收
 * 总计 = 3119) and “statements” (未收到政府信息公开申请, 均获维持, 未收取信息处理费).
 *
 * Extraction is deliberately narrow: a figure counts only when the words right before it (in the same
 * clause) say unambiguously what it is. Anything else (政策性文件 11 件, 主动公开信息 1268 条, 同比增加 5 件)
 * is ignored. One pass over each sentence; each figure looks back at most one clause.
 *
 * Length: one pass over each sentence with the phrase tables it matches; the tables, the scope and
 * year tests and the pass share hot-path lookups (char-code tables), kept together so the pass
 * stays cheap.
 */

import { parseArabicNumber, parseChineseNumber } from '../../model/numerals';

/**
 * What a figure is about:
 * - Table 3: `received` (受理/收到… may include 上年结转), `new_received` (本年新收), `carried`, `answered`
 *   (答复/办结 = 三（七）总计), `carry_next`, result groups `res_open`, `res_partial`, `deny`, `unable`, `noproc`,
 *   `other`, and `applicant:<column>` / `applicant:org` (法人或其他组织);
 * - Table 4: `t4:<group>:<result>` with group review | lit (直接起诉 + 复议后起诉) | lit_direct | lit_after_review;
 * - Table 2: `t2:<row>:<column>` (regulations | normative_docs × issued | repealed | in_force);
 * - `fee_notices`: 发出收费通知 X 件 (not a table figure: compared with 三（六）2 by TEXT-CLAIM).
 */
export type ClaimKind = string;

export interface FigureClaim {
  kind: ClaimKind;
  value: number;
  /** 余/多/近/约/以上: not compared. */
  approx: boolean;
  /**
   * The clause gives the figure of another scope than the agency's table: wider (全县各级行政机关共受理…213 件,
   * 全市…, 各乡镇…, 市直各部门…) or, for applications received, a part of them (通过信函收到申请 6 件,
   * 收到涉及征地补偿的申请 20 件). Not compared.
   */
  otherScope: boolean;
  /**
   * The wider scope's words when it is a territory alone (全县, 全市), '*' for all bodies of one
   * (全县各级行政机关, 各乡镇…), '' for none. A government's own territory may be its table's scope.
   */
  wide: string;
  /**
   * The clause gives another year's figure (与上年相比，上年度共受理申请 30 件; 2023年共收到申请 30 件 in a
   * 2024 report): not compared. 上年结转 is this year's Table 3 row.
   */
  otherYear: boolean;
  /** Normalised offsets in the block. */
  start: number;
  end: number;
  /** Index of the sentence in the block (claims of one sentence are judged together). */
  sentence: number;
  /** The words of the claim as they read (normalised), e.g. 受理政府信息公开申请3119件. */
  quote: string;
}

/**
 * no_requests (未收到政府信息公开申请), no_cases (未发生行政复议、行政诉讼), all_maintained (均获维持),
 * no_fee_notice (未发出收费通知). “未收取信息处理费” is no statement about the tables: fee notices that
 * were not paid (三（六）2) mean no fee was collected.
 */
export type StatementKind = 'no_requests' | 'no_cases' | 'all_maintained' | 'no_fee_notice';

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

/** Clause delimiters by char code (a lookup table: this is on the hot path of every figure). */
const CLAUSE_DELIMS = new Uint8Array(65536);
for (const ch of '，。；！？：（）【】、“”') CLAUSE_DELIMS[ch.charCodeAt(0)] = 1;

/** Units a counted figure ends with. */
const UNIT_RE = /[件起宗个份]/g;
/** 1 = Arabic digit or separator, 2 = Chinese numeral character. */
const NUMERAL = new Uint8Array(65536);
for (const ch of '0123456789.,') NUMERAL[ch.charCodeAt(0)] = 1;
for (const ch of '零〇○一二两三四五六七八九十百千万亿廿卅') NUMERAL[ch.charCodeAt(0)] = 2;

/**
 * The counted figures of the text read last by readFigures (数字 + 万? + 余/多? + 件/起/宗/个/份): where each
 * starts and where its unit (with 次) ends, its value, whether 余/多 stands between figure and unit. Kept in
 * module-level arrays, reused from text to text (no object per figure); analyzeText reads them before
 * reading another text.
 */
let figStart = new Int32Array(64);
let figEnd = new Int32Array(64);
let figValue = new Float64Array(64);
let figApprox = new Uint8Array(64);

/** Value of the digits text[start, end) when they are at most nine plain digits (as `+raw` reads them), else -1. */
function plainDigits(text: string, start: number, end: number): number {
  if (end - start >= 10) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Reads every counted figure of a text into the figure arrays and returns how many there are: found from
 * the units, which are rare, reading the figure backwards. One pass over the text.
 */
function readFigures(text: string): number {
  // The units are found by a regular expression (a native scan, faster than a loop over the characters).
  const re = UNIT_RE;
  re.lastIndex = 0;
  let count = 0;
  while (re.test(text)) {
    const u = re.lastIndex - 1;
    let i = u;
    let approx = false;
    const before = text.charCodeAt(i - 1);
    if (before === 0x4f59 /* 余 */ || before === 0x591a /* 多 */) {
      approx = true;
      i--;
    }
    let wan = false;
    if (text.charCodeAt(i - 1) === 0x4e07 /* 万 */ && NUMERAL[text.charCodeAt(i - 2)] === 1) {
      wan = true;
      i--;
    }
    const kind = NUMERAL[text.charCodeAt(i - 1)];
    if (!kind) continue;
    let start = i - 1;
    while (start > 0 && NUMERAL[text.charCodeAt(start - 1)] === kind) start--;
    let value: number | null;
    if (kind === 1) {
      if (text.charCodeAt(start) > 57 || text.charCodeAt(i - 1) > 57) continue; // “.5”, “3,”
      const plain = plainDigits(text, start, i);
      value = plain >= 0 ? plain : parseArabicNumber(text.slice(start, i));
    } else value = parseChineseNumber(text.slice(start, i));
    if (value === null) continue;
    if (count === figStart.length) {
      const size = count * 2;
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      figStart = grow(figStart, new Int32Array(size));
      figEnd = grow(figEnd, new Int32Array(size));
      figValue = grow(figValue, new Float64Array(size));
      figApprox = grow(figApprox, new Uint8Array(size));
    }
    figStart[count] = start;
    figEnd[count] = text.charCodeAt(u + 1) === 0x6b21 /* 次 */ ? u + 2 : u + 1;
    figValue[count] = wan ? value * 1e4 : value;
    figApprox[count] = approx ? 1 : 0;
    count++;
  }
  return count;
}

/** Words between a noun and its figure (共计, 为, 达到 …), stripped from the end of the words before a figure. */
const FILLERS = [
  '共计',
  '合计',
  '总计',
  '累计',
  '分别为',
  '分别',
  '达到',
  '数量',
  '件数',
  '总数',
  '超过',
  '将近',
  '大约',
  '共',
  '计',
  '为',
  '达',
  '了',
  '的',
  '有',
  '约',
  '近',
  '逾',
];

/** Last characters of the fillers (char codes): most texts end otherwise and are returned at once. */
const FILLER_ENDS = new Set(FILLERS.map((f) => f.charCodeAt(f.length - 1)));

/** End of text[start, end) with the fillers stripped from its end. */
function stripFillers(text: string, start: number, end: number): number {
  outer: while (end > start && FILLER_ENDS.has(text.charCodeAt(end - 1))) {
    for (const f of FILLERS) {
      if (end - start >= f.length && text.startsWith(f, end - f.length)) {
        end -= f.length;
        continue outer;
      }
    }
    break;
  }
  return end;
}
/**
 * Whether the words text[start, end) before a figure end with 约/近/超过/逾/将近/大约/超 (the figure is
 * approximate): read from the end (a regular expression ending in $ would try every starting position).
 */
function approxBefore(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const last = text.charCodeAt(end - 1);
  return (
    last === YUE ||
    last === JIN ||
    last === YU ||
    last === CHAO ||
    (last === GUO && end - 2 >= start && text.charCodeAt(end - 2) === CHAO)
  );
}
const YUE = '约'.charCodeAt(0);
const JIN = '近'.charCodeAt(0);
const YU = '逾'.charCodeAt(0);
const CHAO = '超'.charCodeAt(0);
const GUO = '过'.charCodeAt(0);

type Rule = {
  re: RegExp;
  /** Words of which the text must contain one for the rule to match (a fast test before the regex); empty = no test. */
  need: string[];
  /** Every character a match can end with: rules are tried only when the words before a figure end so (cheap dispatch). */
  ends: string;
  kind: ClaimKind | ((m: RegExpExecArray, ctx: SentenceContext) => ClaimKind | null);
};

interface SentenceContext {
  year: number;
  /** Text of the sentence up to the figure (computed when a rule asks): text[beforeStart, to). */
  readonly before: string;
  readonly text: string;
  readonly beforeStart: number;
  readonly to: number;
  /** Kind of the previous claim of the sentence (for 其中自然人… and 废止1件). */
  lastKind: ClaimKind | null;
}

/** How far back in its sentence a figure's context is read (a few clauses). */
const BEFORE_MAX = 160;

class FigureContext implements SentenceContext {
  from = 0;
  to = 0;
  lastKind: ClaimKind | null = null;
  constructor(
    readonly text: string,
    readonly year: number,
  ) {}
  get beforeStart(): number {
    // A sentence may be a whole PDF page without a full stop: look back a bounded way (keeps it linear).
    return Math.max(this.from, this.to - BEFORE_MAX);
  }
  get before(): string {
    return this.text.slice(this.beforeStart, this.to);
  }
}

const yearIs = (captured: string | undefined, want: number) => captured === undefined || Number(captured) === want;

const NOT_REQUESTS = /复议|诉讼|咨询|信访|投诉|举报|许可|审批|留言|来信|热线|结转|不予|办理|答复|办结|转办|依法|件/;
const NOT_DOC_MIDDLE = /政策|文件|不/;

const code = (ch: string) => ch.charCodeAt(0);
const FU = code('复');
const YI = code('议');
const ZHI = code('直');
const JIE = code('接');
const SU = code('诉');
const SONG = code('讼');
const GUI = code('规');

/** Whether `word` stands at `at` and ends by `end`. */
const wordAt = (text: string, at: number, end: number, word: string) =>
  at + word.length <= end && text.startsWith(word, at);

/**
 * The Table 4 group of the last mention of one in text[start, end) (其中结果维持 72 件 after 行政复议 351 件):
 * the last match of /复议后(?:提起|起诉)|直接(?:提起|起诉)|诉讼|复议/g, read left to right as the regular
 * expression would (no slice, no match objects).
 */
function t4Group(text: string, start: number, end: number): string | null {
  let last: string | null = null;
  for (let p = start; p < end - 1;) {
    const c = text.charCodeAt(p);
    if (c === FU && text.charCodeAt(p + 1) === YI) {
      if (wordAt(text, p + 2, end, '后提起') || wordAt(text, p + 2, end, '后起诉')) {
        last = 'lit_after_review';
        p += 5;
      } else {
        last = 'review';
        p += 2;
      }
    } else if (
      c === ZHI &&
      text.charCodeAt(p + 1) === JIE &&
      (wordAt(text, p + 2, end, '提起') || wordAt(text, p + 2, end, '起诉'))
    ) {
      last = 'lit_direct';
      p += 4;
    } else if (c === SU && text.charCodeAt(p + 1) === SONG) {
      last = 'lit';
      p += 2;
    } else p++;
  }
  return last;
}

/** The Table 2 row of the last mention of one in text[start, end): the last match of /规范性文件|规章/g. */
function t2Subject(text: string, start: number, end: number): string | null {
  let last: string | null = null;
  for (let p = start; p < end - 1; p++) {
    if (text.charCodeAt(p) !== GUI) continue;
    if (wordAt(text, p, end, '规范性文件')) {
      last = 'normative_docs';
      p += 4;
    } else if (wordAt(text, p, end, '规章')) {
      last = 'regulations';
      p += 1;
    }
  }
  return last;
}

const t4Result = (result: string) => (_m: RegExpExecArray, ctx: SentenceContext) => {
  const g = t4Group(ctx.text, ctx.beforeStart, ctx.to);
  if (!g) return null;
  // 被提起行政诉讼 4 件，其中直接起诉 3 件、复议后起诉 1 件，结果维持 3 件: results after both kinds of
  // litigation were named may be of the last one or of all litigation (`t4:<group>|lit:<result>`).
  if ((g === 'lit_direct' || g === 'lit_after_review') && bothLitigations(ctx.text, ctx.beforeStart, ctx.to))
    return `t4:${g}|lit:${result}`;
  return `t4:${g}:${result}`;
};

function bothLitigations(text: string, start: number, end: number): boolean {
  const part = text.slice(start, end);
  return /直接(?:提起|起诉)/.test(part) && /复议后(?:提起|起诉)/.test(part);
}

const applicant = (col: string) => (_m: RegExpExecArray, ctx: SentenceContext) =>
  ctx.lastKind === 'received' || ctx.lastKind === 'new_received' || (ctx.lastKind?.startsWith('applicant:') ?? false)
    ? `applicant:${col}`
    : null;

const t2Continuation = (col: string) => (_m: RegExpExecArray, ctx: SentenceContext) => {
  const subject = t2Subject(ctx.text, ctx.beforeStart, ctx.to);
  return subject && ctx.lastKind?.startsWith('t2:') ? `t2:${subject}:${col}` : null;
};

const docRule = (row: string, col: string) => (m: RegExpExecArray) =>
  NOT_DOC_MIDDLE.test(m[1] ?? '') ? null : `t2:${row}:${col}`;

/** Words right before a figure (anchored at the end of the clause text, fillers stripped). First match wins. */
const LEFT_RULES: Rule[] = [
  // Table 3 carry-over
  {
    need: ['转', '顺延'],
    re: /(?:结转|顺延|转入|转)(?:到|至|入)?(?:下一?年度?|下年|次年|(\d{4})年度?)(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?$/,
    ends: '年度续理复请的',
    kind: (m, ctx) => (yearIs(m[1], ctx.year + 1) ? 'carry_next' : null),
  },
  {
    need: ['结转', '转结'],
    re: /(?:上一?年度?|去年|前一年度?|(\d{4})年度?)(?:年底|底)?(?:结转|转结)(?:过来|而来)?(?:的)?(?:政府信息公开)?(?:申请)?$/,
    ends: '转结来的开请',
    kind: (m, ctx) => (yearIs(m[1], ctx.year - 1) ? 'carried' : null),
  },
  // Table 4
  {
    ends: '诉讼件的',
    need: ['复议后'],
    re: /复议后(?:提起|起诉)(?:的)?(?:行政诉讼)?(?:案件)?$/,
    kind: 't4:lit_after_review:total',
  },
  {
    ends: '诉讼件的',
    need: ['直接'],
    re: /直接(?:提起|起诉)(?:的)?(?:行政诉讼)?(?:案件)?$/,
    kind: 't4:lit_direct:total',
  },
  { ends: '讼件', need: ['行政诉讼'], re: /行政诉讼(?:案件)?$/, kind: 't4:lit:total' },
  { ends: '议件请', need: ['行政复议'], re: /行政复议(?:案件)?(?:申请)?$/, kind: 't4:review:total' },
  { ends: '持为复定', need: ['维持'], re: /(?:结果)?维持(?:原(?:行政行为|答复|决定))?$/, kind: t4Result('maintained') },
  { ends: '正', need: ['纠正'], re: /(?:结果)?纠正$/, kind: t4Result('corrected') },
  { ends: '果', need: ['其他结果'], re: /其他结果$/, kind: t4Result('other') },
  {
    ends: '结理中',
    need: ['审'],
    re: /(?:尚未审结|未审结|尚在审理中?|正在审理中?|审理中)$/,
    kind: t4Result('pending'),
  },
  // Table 3 results
  { ends: '开的请', need: ['予以公开'], re: /予以公开(?:的)?(?:申请)?$/, kind: 'res_open' },
  { ends: '开的请', need: ['部分公开'], re: /部分公开(?:的)?(?:申请)?$/, kind: 'res_partial' },
  { ends: '开的请', need: ['不予公开'], re: /不予公开(?:的)?(?:申请)?$/, kind: 'deny' },
  { ends: '供的请', need: ['无法提供'], re: /无法提供(?:的)?(?:申请)?$/, kind: 'unable' },
  { ends: '理的请', need: ['不予处理'], re: /不予处理(?:的)?(?:申请)?$/, kind: 'noproc' },
  { ends: '理的请', need: ['其他处理'], re: /其他处理(?:的)?(?:申请)?$/, kind: 'other' },
  // Table 3 applicants (only right after a figure of received applications)
  { ends: '人出的请', need: ['自然人'], re: /自然人(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('natural') },
  {
    ends: '织出的请',
    need: ['法人'],
    re: /法人(?:或|和|及)?其他组织(?:提出)?(?:的)?(?:申请)?$/,
    kind: applicant('org'),
  },
  { ends: '业出的请', need: ['商业企业'], re: /商业企业(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('commercial') },
  { ends: '构出的请', need: ['科研机构'], re: /科研机构(?:提出)?(?:的)?(?:申请)?$/, kind: applicant('research') },
  {
    ends: '织出的请',
    need: ['社会公益组织'],
    re: /社会公益组织(?:提出)?(?:的)?(?:申请)?$/,
    kind: applicant('public_interest'),
  },
  {
    ends: '构出的请',
    need: ['法律服务机构'],
    re: /法律服务机构(?:提出)?(?:的)?(?:申请)?$/,
    kind: applicant('legal_service'),
  },
  // Table 2
  { ends: '件', need: ['现行有效'], re: /现行有效(?:的)?()(?:行政)?规范性文件$/, kind: 't2:normative_docs:in_force' },
  { ends: '效', need: ['规范性文件'], re: /(?:行政)?规范性文件(?:现行)?有效$/, kind: 't2:normative_docs:in_force' },
  {
    ends: '件',
    need: ['规范性文件'],
    re: /(?:制发|印发|出台|制定|新增|发布)(?:了)?([^，。；、]{0,6}?)(?:行政)?规范性文件$/,
    kind: docRule('normative_docs', 'issued'),
  },
  {
    ends: '件',
    need: ['废止'],
    re: /废止(?:了)?([^，。；、]{0,6}?)(?:行政)?规范性文件$/,
    kind: docRule('normative_docs', 'repealed'),
  },
  {
    ends: '章',
    need: ['现行有效'],
    re: /现行有效(?:的)?([^，。；、]{0,6}?)规章$/,
    kind: docRule('regulations', 'in_force'),
  },
  {
    ends: '章',
    need: ['规章'],
    re: /(?:制定|制发|出台|新增|颁布)(?:了)?([^，。；、]{0,8}?)规章$/,
    kind: docRule('regulations', 'issued'),
  },
  { ends: '章', need: ['废止'], re: /废止(?:了)?([^，。；、]{0,8}?)规章$/, kind: docRule('regulations', 'repealed') },
  {
    ends: '发台增定',
    need: [],
    re: /^(?:本年|全年|今年)?度?(?:新)?(?:制发|印发|出台|新增|制定)$/,
    kind: t2Continuation('issued'),
  },
  { ends: '止', need: [], re: /^(?:本年|全年|今年)?度?废止$/, kind: t2Continuation('repealed') },
  { ends: '效', need: [], re: /^(?:现行)?有效$/, kind: t2Continuation('in_force') },
  // Fee notices sent (TEXT-CLAIM: at least as many as 三（六）2)
  {
    ends: '知书',
    need: ['通知'],
    re: /(?:发出|发送|送达|出具|下发|开具)(?:了)?(?:缴费|收费)通知(?:书)?$/,
    kind: 'fee_notices',
  },
  // Table 3 received / answered
  {
    ends: '请开息',
    need: ['新收'],
    re: /新收(?:到)?([^，。；]{0,14}?)申请(?:公开(?:政府信息)?(?:申请)?)?$/,
    kind: (m) => (NOT_REQUESTS.test(m[1] ?? '') ? null : 'new_received'),
  },
  {
    need: ['受理', '收到', '接收', '接到', '收悉', '登记'],
    re: /(?:受理|收到|接收|接到|收悉|登记)(?:了|到)?([^，。；]{0,16}?)申请(?:公开(?:政府信息)?(?:申请)?)?$/,
    ends: '请开息',
    kind: (m) => (NOT_REQUESTS.test(m[1] ?? '') ? null : 'received'),
  },
  {
    need: ['答复', '办结', '完毕'],
    re: /(?:答复|办结|办理完毕|处理完毕|已办结|已答复)(?:了)?(?:申请)?$/,
    ends: '复结毕请',
    kind: (_m, ctx) => (/申请/.test(ctx.before) && !/复议|诉讼/.test(ctx.before) ? 'answered' : null),
  },
];

/** Rules by the char code of the last character they can match (order kept: first match wins). */
const BY_END = new Map<number, Rule[]>();
for (const rule of LEFT_RULES) {
  for (const ch of rule.ends) {
    let list = BY_END.get(ch.charCodeAt(0));
    if (!list) BY_END.set(ch.charCodeAt(0), (list = []));
    list.push(rule);
  }
}

/** Verb before, noun after: 受理了 61 件…申请. */
const VERB_BEFORE = /(?:受理|收到|接收|接到)(?:了|到)?(?:各类)?$/;
const VERB_ENDS = '理到收了类';
const VERB_END_CODES = new Set([...VERB_ENDS].map((ch) => ch.charCodeAt(0)));

function containsAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}
const NOUN_AFTER = /^[^，。；]{0,20}?申请/;
/** Figure before the carry-over words: 另有 103 件顺延到下年度答复. */
const CARRY_FIRST = new Set([...'的申结顺转'].map((ch) => ch.charCodeAt(0)));
const CARRY_AFTER = /^(?:的)?(?:申请)?(?:结转|顺延|转入|转)(?:到|至|入)?(?:下一?年度?|下年|次年|(\d{4})年度?)/;

/** Whether a char code is a clause delimiter; ideographs (most characters) are told apart without the table. */
const isClauseDelim = (c: number) => (c < 0x4e00 || c > 0x9fff) && CLAUSE_DELIMS[c] === 1;

function clauseStart(text: string, from: number, floor: number): number {
  for (let i = from - 1; i >= floor; i--) if (isClauseDelim(text.charCodeAt(i))) return i + 1;
  return floor;
}

function clauseEnd(text: string, from: number, ceil: number): number {
  for (let i = from; i < ceil; i++) if (isClauseDelim(text.charCodeAt(i))) return i;
  return ceil;
}

/**
 * `need`: groups of words; a text must contain a word of every group for the rule to apply (a fast
 * test before the regex, which then runs on few paragraphs).
 */
const NEG = ['未', '没有', '无'];

/**
 * Words that may stand between “未收到” and “申请” without narrowing the statement to some of the
 * applications: 未收到公民、法人或其他组织要求公开政府信息的申请 is all of them; 未收到通过信函方式提交的申请,
 * 未收到法人或其他组织的申请, 未收到涉及…的申请 are only some (and do not contradict new applications).
 */
const GENERIC_REQUEST_WORDS =
  /(?:公民|公众|群众|个人|自然人)、?法人(?:或者?|和|及|、)其他组织|(?:政府)?信息公开|公开政府信息|依申请公开|政府信息|任何|有关|要求|提出|提交|申请人|书面|正式|新的?|本机关|本单位|我局|我委|我办|我镇|我乡|我街道|我区|我县|我市|本局|本镇|本级|过|的|到|了|类|、/g;
const isGenericRequest = (middle: string) => middle.replace(GENERIC_REQUEST_WORDS, '') === '';

const STATEMENT_RULES: {
  re: RegExp;
  kind: StatementKind;
  need: string[][];
  reject?: RegExp;
  /** Further test of the match (after `reject`). */
  accept?: (match: string) => boolean;
}[] = [
  {
    re: /(?:未|没有|无|暂无|尚未)(?:收到|接到|受理|接收|发生|产生)(?:过)?(?:任何)?([^，。；]{0,30})申请/g,
    need: [['申请'], NEG, ['收到', '接到', '受理', '接收', '发生', '产生']],
    kind: 'no_requests',
    reject: /复议|诉讼|正当理由|未经/,
    accept: (m) =>
      isGenericRequest(
        m.replace(/^(?:未|没有|无|暂无|尚未)(?:收到|接到|受理|接收|发生|产生)/, '').replace(/申请$/, ''),
      ),
  },
  {
    need: [
      ['无', '没有'],
      ['公开申请', '公开的申请'],
    ],
    re: /(?:无|没有)(?:任何)?(?:政府信息公开|依申请公开)(?:的)?申请/g,
    kind: 'no_requests',
  },
  {
    re: /(?:未|没有|无|暂无|尚未)(?:发生|出现|产生|收到|接到|涉及|被申请|被提起|被|有)?(?:过)?(?:任何)?[^，。；]{0,20}?(?:行政复议|行政诉讼)/g,
    need: [['行政复议', '行政诉讼'], NEG],
    kind: 'no_cases',
    // Not “no case”: 未经复议, 无法…, a narrower statement (未发生…被纠错, 未因公开不及时引发…), or a wish (避免…).
    reject:
      /正当|未经|无法|审结|不予|降低|减少|避免|防止|纠错|纠正|败诉|撤销|确认违法|不及时|不规范|不准确|不当|不到位|违规|违法|泄密|错误|出庭/,
  },
  {
    need: [
      ['行政复议', '行政诉讼'],
      ['为0', '为零'],
    ],
    re: /(?:行政复议|行政诉讼)[^，。；]{0,14}?(?:均)?为(?:0|零)(?:件)?(?![0-9])/g,
    kind: 'no_cases',
  },
  {
    need: [['维持'], ['均', '全部', '都', '皆']],
    re: /(?:均|全部|都|皆)(?:已)?(?:获|被|予以|得到|为|是)?(?:结果)?维持/g,
    kind: 'all_maintained',
  },
  {
    re: /(?:未|没有|无|未曾|并未|均未)(?:向申请人)?(?:发出|发送|送达|出具|下发|产生|开具)(?:过)?(?:任何)?(?:缴费|收费)通知/g,
    need: [['通知'], ['收费', '缴费'], NEG],
    kind: 'no_fee_notice',
  },
];

/** The rest of the clause after `end`, at most 12 characters. */
function clauseTail(text: string, end: number): string {
  return text.slice(end, clauseEnd(text, end, Math.min(text.length, end + 12)));
}

/** Whether the text contains a word of every group. */
function needsMet(text: string, groups: readonly string[][]): boolean {
  for (let g = 0; g < groups.length; g++) if (!containsAny(text, groups[g]!)) return false;
  return true;
}

const SENTENCE_END = /[。；！？]/g;

/**
 * Sentence ends of the text read last by sentenceBounds: sentence i is [sentenceEnds[i − 1] (0 for the first),
 * sentenceEnds[i]). Reused from text to text (no pair per sentence).
 */
let sentenceEnds = new Int32Array(64);

/** Reads the sentence ends of a text (a native scan) and returns the number of sentences (at least one). */
function sentenceBounds(text: string): number {
  let count = 0;
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.test(text)) {
    const end = SENTENCE_END.lastIndex;
    if (count === sentenceEnds.length) {
      const grown = new Int32Array(count * 2);
      grown.set(sentenceEnds);
      sentenceEnds = grown;
    }
    sentenceEnds[count++] = end;
    start = end;
  }
  if (start < text.length || !count) {
    if (count === sentenceEnds.length) {
      const grown = new Int32Array(count * 2);
      grown.set(sentenceEnds);
      sentenceEnds = grown;
    }
    sentenceEnds[count++] = text.length;
  }
  return count;
}

function groupsOf(text: string): { review: boolean; lit: boolean } {
  const lit = /诉讼|起诉/.test(text);
  // 复议 inside 复议后起诉 / 未经复议 names a litigation column, not the review group.
  const review = /复议/.test(text.replace(/复议后(?:提起|起诉)|未经复议/g, ''));
  return { review, lit };
}

// A wider scope than the reporting agency's own, in the clause of a figure (after the last 其中/本级…).
const WIDE_SCOPE =
  /全(?:国|省|市|州|县|区|旗|盟)|各级(?:行政机关|政府|机关|部门|单位)|各(?:县|区|市|乡镇|乡|镇|街道|部门|单位|成员单位|地)|[省市州县区]直(?:各)?(?:部门|单位|机关)|[省市州县区]级(?:各)?(?:行政机关|部门|单位)|全系统|系统内|(?:所属|下属)(?:各)?(?:单位|部门|机构)/;
const OWN_SCOPE = /其中|本级|本机关|本单位|本部门|本局|本委|我局|我委|我办|我中心/g;

/**
 * The words of a wider scope than the agency in the clause of the figure at `at` (from the last 其中/本级…
 * on), or '' when there are none. Only a territory alone (全县, 全市: '全县') may be a government's own scope.
 */
function wideScope(text: string, floor: number, at: number): string {
  let i = at - 1;
  while (i >= floor && at - i < 48) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c /* ， */ || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f) break;
    i--;
  }
  let clause = text.slice(i + 1, at);
  if (!WIDE_SCOPE.test(clause)) return '';
  let own = -1;
  OWN_SCOPE.lastIndex = 0;
  for (let m = OWN_SCOPE.exec(clause); m; m = OWN_SCOPE.exec(clause)) own = m.index + m[0].length;
  if (own >= 0) clause = clause.slice(own);
  const m = WIDE_SCOPE.exec(clause);
  if (!m) return '';
  // 全县 alone names the territory; with 各级行政机关, 各部门… (anywhere in the clause) all its bodies.
  return /^全[省市州县区旗盟]$/.test(m[0]) && WIDE_SCOPE.exec(clause.slice(m.index + 2)) === null ? m[0] : '*';
}

const isReceived = (kind: ClaimKind) => kind === 'received' || kind === 'new_received';

// How a part of the applications is named: by channel (通过信函收到申请 6 件, 网上申请 38 件) or by what the
// words between verb and 申请 leave once the generic ones are dropped (收到涉及征地补偿的申请 20 件).
const CHANNEL =
  /(?:通过|经由|经|以|采用|利用)[^，。；]{0,10}?(?:网站|网上|在线|网络|互联网|信函|邮寄|邮政|当面|现场|窗口|传真|电子邮件|邮件|电话|平台|系统)|(?:网上|在线|线上|线下|信函|当面|现场|传真|邮寄)(?:方式|渠道)?(?:提交|提出|申请|收到|受理)/;
const GENERIC_EXTRA = /[省市州县区镇乡]|群众|公众|社会各界|各类|各种|有效|公开/g;

// After 其中, who received the part: the agency itself (本级, 县政府本级, 局机关, 我局) gives its own figure;
// anything else left once these words go (县政府办公室, 涉及征地拆迁的, 县自然资源局) names a part of the whole.
const OWN_PART_WORDS =
  /本级|本机关|本单位|本部门|[本我](?:局|委|办|中心|院|校|镇|乡|街道|区|县|市)|机关|人民政府|政府|街道|办事处|管委会|[省市州盟县区旗镇乡局委]|共计?|合计|累计|全年|本年度?|今年|依法|新|已|均|直接|的/g;

function partOfReceived(text: string, floor: number, at: number, middle: string): boolean {
  if (middle && middle.replace(GENERIC_REQUEST_WORDS, '').replace(GENERIC_EXTRA, '') !== '') return true;
  let i = at - 1;
  while (i >= floor && at - i < 40 && !isClauseDelim(text.charCodeAt(i))) i--;
  const clause = text.slice(i + 1, at);
  if (CHANNEL.test(clause)) return true;
  // 其中 in the clause (…，其中县政府本级受理 45 件), or earlier in the sentence: each clause after it names
  // one part (…其中局机关受理 52 件，各分局受理 34 件; …。其中，县政府办公室受理…).
  const k = clause.lastIndexOf('其中');
  const after = k < 0 && i > floor && text.lastIndexOf('其中', i) >= Math.max(floor, i - 80);
  const sub = k >= 0 ? clause.slice(k + 2) : after ? clause : null;
  return sub !== null && sub.replace(OWN_PART_WORDS, '') !== '';
}

const OTHER_YEAR_WORDS = /上一?年度?|去年|前一年度?|往年/;
const SAME_AS_LAST_YEAR = /(?:与|同|和|跟)(?:上一?年度?|去年)(?:一样|相同|一致)|(?:同|如)上年/;
const YEAR_IN_LEAD = /((?:19|20)\d{2})年/g;

/** Whether the clause before a figure's words (`from` on) dates it to another year than the report's. */
function otherYearLead(text: string, from: number, at: number, year: number): boolean {
  const cs = clauseStart(text, at, Math.max(from, at - 40));
  const y = text.indexOf('年', cs);
  if (y < 0 || y >= at) return false; // every other-year word has 年 (most clauses have none)
  const lead = text.slice(cs, at);
  if (OTHER_YEAR_WORDS.test(lead) && !SAME_AS_LAST_YEAR.test(lead)) return true;
  YEAR_IN_LEAD.lastIndex = 0;
  for (let m = YEAR_IN_LEAD.exec(lead); m; m = YEAR_IN_LEAD.exec(lead)) if (Number(m[1]) !== year) return true;
  return false;
}

/** Claims and statements of one normalised text. `year` is the report year (for 2023年结转 and the like). */
export function analyzeText(text: string, year: number): TextAnalysis {
  const claims: FigureClaim[] = [];
  const statements: Statement[] = [];
  const sentenceCount = sentenceBounds(text);
  const ends = sentenceEnds;
  // One pass of each pattern over the whole text; a pointer follows the sentence a match is in.
  let si = 0;
  let lastKind: ClaimKind | null = null;
  const lastSentence = sentenceCount - 1;
  // One context object per text, updated per figure (no allocation per figure).
  const ctx = new FigureContext(text, year);
  const figureCount = readFigures(text);
  for (let f = 0; f < figureCount; f++) {
    const tokStart = figStart[f]!;
    const tokEnd = figEnd[f]!;
    const value = figValue[f]!;
    // The sentence the figure is in (a new sentence forgets the previous claim's kind).
    while (si < lastSentence && tokStart >= ends[si]!) {
      si++;
      lastKind = null;
    }
    const s = si > 0 ? ends[si - 1]! : 0;
    const e = ends[si]!;
    // The longest rule needs about 30 characters: look no further back (keeps each figure O(1)).
    const lStart = clauseStart(text, tokStart, Math.max(s, tokStart - 36));
    // The words before the figure, fillers stripped: text[lStart, lEnd) (sliced only when a rule reads them).
    const lEnd = stripFillers(text, lStart, tokStart);
    const lastCode = lEnd > lStart ? text.charCodeAt(lEnd - 1) : -1;
    let left: string | null = null;
    ctx.from = s;
    ctx.to = tokStart;
    ctx.lastKind = lastKind;
    let kind: ClaimKind | null = null;
    let kStart = tokStart;
    let middle = '';
    const rules = lastCode < 0 ? undefined : BY_END.get(lastCode);
    if (rules) {
      left = text.slice(lStart, lEnd);
      for (const rule of rules) {
        if (rule.need.length && !containsAny(left, rule.need)) continue;
        const r = rule.re.exec(left);
        if (!r) continue;
        kind = typeof rule.kind === 'string' ? rule.kind : rule.kind(r, ctx);
        if (kind) {
          kStart = lStart + r.index;
          if (isReceived(kind)) middle = r[1] ?? '';
        }
        break;
      }
    }
    let qEnd = tokEnd;
    if (!kind) {
      const verb = VERB_END_CODES.has(lastCode);
      if (verb || CARRY_FIRST.has(text.charCodeAt(tokEnd))) {
        const after = text.slice(tokEnd, clauseEnd(text, tokEnd, Math.min(e, tokEnd + 24)));
        const carry = CARRY_AFTER.exec(after);
        if (carry && yearIs(carry[1], year + 1)) {
          kind = 'carry_next';
          qEnd = tokEnd + carry[0].length;
        } else if (verb && VERB_BEFORE.test((left ??= text.slice(lStart, lEnd)))) {
          const noun = NOUN_AFTER.exec(after);
          if (noun && !NOT_REQUESTS.test(noun[0].slice(0, -2))) {
            kind = 'received';
            kStart = lStart + (VERB_BEFORE.exec(left)?.index ?? 0);
            qEnd = tokEnd + noun[0].length;
            middle = noun[0].slice(0, -2);
          } else if (!noun && (lastKind === 'received' || lastKind === 'new_received')) {
            // 全县共受理申请 213 件，其中县政府本级受理 45 件: the applications of the sentence.
            kind = lastKind;
            kStart = lStart + (VERB_BEFORE.exec(left)?.index ?? 0);
          }
        }
      }
    }
    if (!kind) continue;
    const approx =
      figApprox[f] === 1 ||
      approxBefore(text, lStart, tokStart) ||
      text.startsWith('以上', tokEnd) ||
      text.startsWith('左右', tokEnd) ||
      text.startsWith('多', tokEnd);
    lastKind = kind;
    const wideWords = kind === 'fee_notices' ? '' : wideScope(text, s, kStart);
    const part = kind !== 'fee_notices' && isReceived(kind) && partOfReceived(text, s, kStart, middle);
    const otherScope = wideWords !== '' || part;
    // A part of a territory's figure is no territory figure.
    const wide = part && wideWords ? '*' : wideWords;
    const otherYear = kind !== 'carried' && kind !== 'carry_next' && otherYearLead(text, s, kStart, year);
    claims.push({
      kind,
      value,
      approx,
      otherScope,
      wide,
      otherYear,
      start: kStart,
      end: qEnd,
      sentence: si,
      quote: text.slice(kStart, qEnd),
    });
  }
  for (const rule of STATEMENT_RULES) {
    if (!needsMet(text, rule.need)) continue;
    rule.re.lastIndex = 0;
    si = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (rule.accept && !rule.accept(m[0])) continue;
      // The words right after count too: 未发生行政诉讼败诉案件 is not 未发生行政诉讼.
      if (rule.reject && (rule.reject.test(m[0]) || rule.reject.test(clauseTail(text, end)))) continue;
      while (si < lastSentence && start >= ends[si]!) si++;
      const s = si > 0 ? ends[si - 1]! : 0;
      const e = ends[si]!;
      const st: Statement = { kind: rule.kind, start, end, sentence: si, quote: m[0] };
      if (rule.kind === 'no_cases') {
        // The groups named up to the end of the clause (未发生行政复议、行政诉讼 names both).
        const tail = text.slice(end, e).search(/[，。；！？]/);
        Object.assign(st, groupsOf(text.slice(start, tail < 0 ? e : end + tail)));
      } else if (rule.kind === 'all_maintained') {
        // The groups named before 均获维持 in the same sentence; none named = all of Table 4.
        const g = groupsOf(text.slice(Math.max(s, start - BEFORE_MAX), start));
        Object.assign(st, g.review || g.lit ? g : { review: true, lit: true });
      }
      statements.push(st);
    }
  }
  statements.sort((a, b) => a.start - b.start);
  return { claims, statements };
}

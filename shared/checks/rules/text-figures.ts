// Length: TEXT-NUMBER and TEXT-CLAIM share the sentence reading and the mapping of a claim to its cells.
import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import type { FigureClaim } from '../text/claims';
import { spanOf } from '../text/blocks';
import { parseAgencyName } from '../text/agency';
import { fmt } from './util';

/** How far back a sentence is read (as the claims do). */
const BEFORE = 160;

/** Where the sentence that `at` is in ends (at most BEFORE characters on). */
function sentenceEnd(text: string, at: number): number {
  const ceil = Math.min(text.length, at + BEFORE);
  for (let i = at; i < ceil; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3002 || ch === 0xff1b || ch === 0xff01 || ch === 0xff1f) return i;
  }
  return ceil;
}

/** The sentence of `text` up to `at` (at most BEFORE characters back). */
function sentenceBefore(text: string, at: number): string {
  let i = at - 1;
  const floor = Math.max(0, at - BEFORE);
  while (i >= floor) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3002 /* 。 */ || ch === 0xff1b /* ； */ || ch === 0xff01 || ch === 0xff1f) break;
    i--;
  }
  return text.slice(i + 1, at);
}

/** The clause before `at` with years other than the report's marked as 〇〇〇〇 (for OTHER_YEAR). */
function clauseBefore(text: string, at: number, year: number): string {
  let i = at - 1;
  while (i >= 0 && at - i < 40) {
    const ch = text[i]!;
    if (ch === '，' || ch === '。' || ch === '；' || ch === '！' || ch === '？') break;
    i--;
  }
  return text.slice(i + 1, at).replace(/(?:19|20)\d{2}(?=年)/g, (y) => (Number(y) === year ? y : '〇〇〇〇'));
}
const OTHER_YEAR = /上一?年度?|去年|前一年度?|往年|〇〇〇〇年/;
/** 与上年一样未收到…: this year too. */
const SAME_AS_LAST_YEAR = /(?:与|同|和|跟)(?:上一?年度?|去年)(?:一样|相同|一致)|(?:同|如)上年/;

// A Table 4 figure counts only where the sentence is about the agency's own cases over disclosure: in
// 四, or with 信息公开/被申请/被起诉 around it. A government also decides reviews of others' cases
// (全年办理行政复议案件 156 件) and answers lawsuits of every kind (行政诉讼出庭应诉 80 件): not Table 4.
const T4_ABOUT_DISCLOSURE = /信息公开|政府信息|公开申请|被申请|被提起|被起诉|被诉|作为被申请人|因公开/;
const T4_AS_REVIEWER = /(?:办理|受理|收到|审理|审结|作出|处理|接收|承办|纠错)[^，。；被]{0,12}(?:行政复议|复议)/;

/** Text against tables: TEXT-NUMBER (a figure differs) and TEXT-CLAIM (a statement contradicts). */

interface Target {
  cells: string[];
  label: string;
  /** Values the claim may rightly have; the first is the one to suggest. */
  candidates: number[];
}

const ORG_COLS = ['commercial', 'research', 'public_interest', 'legal_service', 'other_org'];
const GROUP_ROWS: Record<string, { prefix: string; label: string }> = {
  deny: { prefix: 'deny_', label: '三（三）不予公开各项合计' },
  unable: { prefix: 'unable_', label: '三（四）无法提供各项合计' },
  noproc: { prefix: 'noproc_', label: '三（五）不予处理各项合计' },
};
const T4_GROUP_LABELS: Record<string, string> = {
  review: '行政复议',
  lit_direct: '行政诉讼·未经复议直接起诉',
  lit_after_review: '行政诉讼·复议后起诉',
};
const T4_RESULT_LABELS: Record<string, string> = {
  total: '总计',
  maintained: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};
const T2_LABELS: Record<string, string> = {
  regulations: '规章',
  normative_docs: '行政规范性文件',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
};
const APPLICANT_LABELS: Record<string, string> = {
  natural: '自然人',
  org: '法人或其他组织（五列合计）',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
};

/** A row total, or the sum of the row's applicant cells when the printed total is blank. */
function rowTotal(ctx: CheckContext, row: string): number | null {
  const t = ctx.num(`t3.${row}.total`);
  if (t !== null) return t;
  return ctx.sum(['natural', ...ORG_COLS].map((c) => `t3.${row}.${c}`));
}

function t4Value(ctx: CheckContext, group: string, result: string): number | null {
  const v = ctx.num(`t4.${group}.${result}`);
  if (v !== null || result !== 'total') return v;
  return ctx.sum(['maintained', 'corrected', 'other', 'pending'].map((r) => `t4.${group}.${r}`));
}

const sumOrNull = (xs: (number | null)[]): number | null =>
  xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null;

function target(ctx: CheckContext, kind: string): Target | null {
  const layout = ctx.layout;
  if (!layout) return null;
  const t3 = (row: string, label: string, extra?: number | null): Target | null => {
    const v = rowTotal(ctx, row);
    if (v === null) return null;
    return {
      cells: [`t3.${row}.total`],
      label,
      candidates: extra === undefined || extra === null ? [v] : [v, v + extra],
    };
  };
  switch (kind) {
    case 'received':
      return t3('new_received', '表三“一、本年新收政府信息公开申请数量”总计', rowTotal(ctx, 'carried_over'));
    case 'new_received':
      return t3('new_received', '表三“一、本年新收政府信息公开申请数量”总计');
    case 'carried':
      return t3('carried_over', '表三“二、上年结转政府信息公开申请数量”总计');
    case 'answered':
      return t3('res_total', '表三“三（七）总计”');
    case 'carry_next':
      return t3('carry_next', '表三“四、结转下年度继续办理”总计');
    case 'res_open':
      return t3('res_open', '表三“三（一）予以公开”总计');
    case 'res_partial':
      return t3('res_partial', '表三“三（二）部分公开”总计');
    case 'deny':
    case 'unable':
    case 'noproc':
    case 'other': {
      const rows =
        kind === 'other'
          ? layout.legacy.length
            ? ['other']
            : ['other_no_correction', 'other_no_fee', 'other_other']
          : layout.resultRows.filter((r) => r.startsWith(GROUP_ROWS[kind]!.prefix));
      const v = sumOrNull(rows.map((r) => rowTotal(ctx, r)));
      if (v === null) return null;
      return {
        cells: rows.map((r) => `t3.${r}.total`),
        label: kind === 'other' ? '三（六）其他处理各项合计' : GROUP_ROWS[kind]!.label,
        candidates: [v],
      };
    }
  }
  if (kind.startsWith('applicant:')) {
    const col = kind.slice('applicant:'.length);
    const cols = col === 'org' ? ORG_COLS : [col];
    const now = ctx.sum(cols.map((c) => `t3.new_received.${c}`));
    if (now === null) return null;
    const carried = ctx.sum(cols.map((c) => `t3.carried_over.${c}`));
    return {
      cells: cols.map((c) => `t3.new_received.${c}`),
      label: `表三“一、本年新收”${APPLICANT_LABELS[col] ?? col}`,
      candidates: carried ? [now, now + carried] : [now],
    };
  }
  if (kind.startsWith('t4:')) {
    const [, group, result] = kind.split(':') as [string, string, string];
    const either = group.indexOf('|');
    if (either > 0) {
      // Of the last named kind of litigation, or of all litigation (see claims.ts, t4Result).
      const one = target(ctx, `t4:${group.slice(0, either)}:${result}`);
      const all = target(ctx, `t4:${group.slice(either + 1)}:${result}`);
      if (!one || !all) return one ?? all;
      return { ...one, cells: [...one.cells], candidates: [...one.candidates, ...all.candidates] };
    }
    if (group === 'lit') {
      const v = sumOrNull([t4Value(ctx, 'lit_direct', result), t4Value(ctx, 'lit_after_review', result)]);
      if (v === null) return null;
      return {
        cells: [`t4.lit_direct.${result}`, `t4.lit_after_review.${result}`],
        label: `表四行政诉讼“${T4_RESULT_LABELS[result]}”（未经复议直接起诉与复议后起诉之和）`,
        candidates: [v],
      };
    }
    const v = t4Value(ctx, group, result);
    if (v === null) return null;
    return {
      cells: [`t4.${group}.${result}`],
      label: `表四“${T4_GROUP_LABELS[group]} · ${T4_RESULT_LABELS[result]}”`,
      candidates: [v],
    };
  }
  if (kind.startsWith('t2:')) {
    if (layout.template.id !== 'gov-2021') return null;
    const [, row, col] = kind.split(':') as [string, string, string];
    const v = ctx.num(`t2.${row}.${col}`);
    if (v === null) return null;
    return { cells: [`t2.${row}.${col}`], label: `表二“${T2_LABELS[row]}”${T2_LABELS[col]}`, candidates: [v] };
  }
  return null;
}

/** Whether Table 3 is all zero (then ALL-ZERO speaks for the Table 3 figures of the text). */
function table3AllZero(ctx: CheckContext): boolean {
  const keys = ctx.layout?.tableKeys.t3 ?? [];
  let any = false;
  for (const k of keys) {
    const v = ctx.num(k);
    if (v === null) continue;
    if (v !== 0) return false;
    any = true;
  }
  return any;
}

const isTable3Kind = (kind: string) => !kind.startsWith('t2:') && !kind.startsWith('t4:');

/** Claims not compared: approximate figures, and Table 3 figures when Table 3 is all zero (ALL-ZERO speaks). */
const skip = (c: FigureClaim, allZero: boolean) =>
  c.approx || c.otherScope || c.otherYear || (allZero && isTable3Kind(c.kind));

/**
 * A government's own territory (全县 in a 县政府's report): its table may be the territory's sum (汇总), so
 * “全县共收到申请 10 件” is compared — unless the sentence gives another figure of the kind (其中县政府本级受理…,
 * 其中涉及征地拆迁的…), which then says the table's scope. Marks such claims in `out` (1 = compare).
 */
function territoryClaims(claims: readonly FigureClaim[], territory: string, out: Uint8Array): boolean {
  let any = false;
  for (let k = 0; k < claims.length; k++) {
    const c = claims[k]!;
    out[k] = 0;
    if (c.wide !== territory || c.approx || c.otherYear) continue;
    let alone = true;
    for (let h = 0; h < claims.length && alone; h++)
      if (h !== k && claims[h]!.sentence === c.sentence && claims[h]!.kind === c.kind) alone = false;
    if (alone) {
      out[k] = 1;
      any = true;
    }
  }
  return any;
}

/** 全县 for a 县's government, 全市 for a 市's…; '' for other agencies. */
function ownTerritory(ctx: CheckContext): string {
  const agency = ctx.report.agency;
  if (!agency || typeof agency.name !== 'string') return '';
  const own = parseAgencyName(agency.name, agency.kind);
  const government = agency.kind === 'government' || /^(?:人民政府|政府)$/.test(own.organ);
  return government && own.own && own.level !== 'township' ? `全${own.own.unit.slice(-1)}` : '';
}

function* numbers(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.layout) return;
  const allZero = table3AllZero(ctx);
  const territory = ownTerritory(ctx);
  const blocks = ctx.blocks;
  const analysis = ctx.analysis;
  const seen = new Set<string>();
  const targets = new Map<string, Target | null>();
  let t4Block = -1;
  let t4Sentence = -1;
  let t4Own = false;
  for (let b = 0; b < blocks.length; b++) {
    const all = analysis[b]!.claims;
    if (!all.length) continue;
    // A government's territory figures standing alone are compared: kept as not other-scope.
    let claims = all;
    if (territory && all.some((c) => c.wide === territory)) {
      const mark = new Uint8Array(all.length);
      if (territoryClaims(all, territory, mark))
        claims = all.map((c, k) => (mark[k] ? { ...c, otherScope: false } : c));
    }
    // Claims of one sentence with the same meaning are judged together: 全县受理 120 件，其中本机关 30 件.
    // Claims come sentence by sentence (in text order): the groups of a sentence are its claims of one
    // kind, taken in the order their first claims come.
    for (let g = 0, run = 0; g < claims.length; g++) {
      const first = claims[g]!;
      if (first.sentence !== claims[run]!.sentence) run = g; // a new sentence starts at g
      if (skip(first, allZero)) continue;
      let earlier = false;
      for (let h = run; h < g && !earlier; h++) earlier = claims[h]!.kind === first.kind && !skip(claims[h]!, allZero);
      if (earlier) continue; // judged with the first claim of its kind
      const list: FigureClaim[] = [];
      for (let h = g; h < claims.length && claims[h]!.sentence === first.sentence; h++) {
        if (claims[h]!.kind === first.kind && !skip(claims[h]!, allZero)) list.push(claims[h]!);
      }
      const kind = first.kind;
      if (kind.charCodeAt(1) === 0x34 /* t4: */ && kind.startsWith('t4:') && blocks[b]!.section !== 'review') {
        // Judged once per sentence (a sentence often holds a whole Table 4 row of figures).
        if (t4Block !== b || t4Sentence !== first.sentence) {
          const text = blocks[b]!.norm.text;
          const sentence = sentenceBefore(text, sentenceEnd(text, first.end));
          t4Block = b;
          t4Sentence = first.sentence;
          t4Own = T4_ABOUT_DISCLOSURE.test(sentence) && !T4_AS_REVIEWER.test(sentence);
        }
        if (!t4Own) continue;
      }
      let t = targets.get(kind);
      if (t === undefined) targets.set(kind, (t = target(ctx, kind)));
      if (!t) continue;
      if (list.some((c) => t.candidates.some((v) => Math.abs(v - c.value) < 1e-9))) continue;
      for (const c of list) {
        const fingerprint = `${c.kind}|${c.quote}`;
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        yield {
          rule: 'TEXT-NUMBER',
          severity: 'warning',
          message: `正文“${c.quote}”与${t.label}（${fmt(t.candidates[0])} 件）不一致。请核对正文或表格，改成一致的数字。`,
          cells: t.cells,
          span: spanOf(blocks[b]!, c.start, c.end),
          expected: t.candidates[0]!,
          actual: c.value,
          fingerprint,
        };
      }
    }
  }
}

function* claims(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.layout) return;
  const blocks = ctx.blocks;
  const analysis = ctx.analysis;
  const seen = new Set<string>();
  const review = () => t4Value(ctx, 'review', 'total');
  const lit = () => sumOrNull([t4Value(ctx, 'lit_direct', 'total'), t4Value(ctx, 'lit_after_review', 'total')]);
  // Fee notices can only contradict applications dropped for unpaid fees (三（六）2 > 0).
  const noFee = ctx.layout.legacy.length ? null : rowTotal(ctx, 'other_no_fee');
  const feeDropped = noFee !== null && noFee > 0;
  for (let b = 0; b < blocks.length; b++) {
    const blockClaims = feeDropped ? analysis[b]!.claims : [];
    for (let k = 0; k < blockClaims.length; k++) {
      const c = blockClaims[k]!;
      if (c.kind !== 'fee_notices' || c.approx) continue;
      const v = noFee;
      // Applications dropped for unpaid fees cannot outnumber the fee notices sent.
      if (v === null || c.value >= v) continue;
      const fingerprint = `fee_notices|${c.quote}`;
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      yield {
        rule: 'TEXT-CLAIM',
        severity: 'warning',
        message: `正文说“${c.quote}”，但表三“三（六）2.申请人逾期未按收费通知要求缴纳费用”有 ${fmt(v)} 件，多于发出的收费通知。请改正文字或表格。`,
        cells: ['t3.other_no_fee.total'],
        span: spanOf(blocks[b]!, c.start, c.end),
        expected: v,
        actual: c.value,
        fingerprint,
      };
    }
    for (const st of analysis[b]!.statements) {
      let problem: { message: string; cells: string[]; actual: number } | null = null;
      const quote = st.quote;
      // About another year (上年度未收到申请，本年度收到6件; 2023年未发生…): not this report's tables.
      const lead = clauseBefore(blocks[b]!.norm.text, st.start, ctx.report.year);
      if (OTHER_YEAR.test(lead) && !SAME_AS_LAST_YEAR.test(lead)) continue;
      if (st.kind === 'no_requests') {
        const n = rowTotal(ctx, 'new_received');
        if (n && n > 0) {
          problem = {
            message: `正文说“${quote}”，但表三“一、本年新收政府信息公开申请数量”为 ${fmt(n)} 件。请改正文字或表格。`,
            cells: ['t3.new_received.total'],
            actual: n,
          };
        }
      } else if (st.kind === 'no_cases') {
        const r = st.review ? (review() ?? 0) : 0;
        const l = st.lit ? (lit() ?? 0) : 0;
        if (r > 0 || l > 0) {
          const parts = [
            st.review && r > 0 ? `行政复议 ${fmt(r)} 件` : '',
            st.lit && l > 0 ? `行政诉讼 ${fmt(l)} 件` : '',
          ]
            .filter(Boolean)
            .join('、');
          problem = {
            message: `正文说“${quote}”，但表四填有${parts}。请改正文字或表格。`,
            cells: [
              ...(st.review && r > 0 ? ['t4.review.total'] : []),
              ...(st.lit && l > 0 ? ['t4.lit_direct.total', 't4.lit_after_review.total'] : []),
            ],
            actual: r + l,
          };
        }
      } else if (st.kind === 'all_maintained') {
        // “其余均维持” speaks of the rest only; “已审结的…均获维持” leaves the pending cases aside.
        const text = blocks[b]!.norm.text;
        const before = text.slice(Math.max(0, st.start - 24), st.start);
        if (/(?:其余|其他|剩余|另|余下)[^，。；]{0,6}$/.test(before)) continue;
        const decided = /已审结|审结的|已结案|结案的|办结的|已办结/.test(sentenceBefore(text, st.start));
        const groups = [...(st.review ? ['review'] : []), ...(st.lit ? ['lit_direct', 'lit_after_review'] : [])];
        const bad: string[] = [];
        let count = 0;
        for (const g of groups) {
          for (const res of decided ? ['corrected'] : ['corrected', 'pending']) {
            const v = ctx.num(`t4.${g}.${res}`) ?? 0;
            if (v > 0) {
              bad.push(`t4.${g}.${res}`);
              count += v;
            }
          }
        }
        if (bad.length) {
          problem = {
            message: `正文说“${quote}”，但表四有${bad.map((k) => `${T4_GROUP_LABELS[k.split('.')[1]!]}${T4_RESULT_LABELS[k.split('.')[2]!]} ${fmt(ctx.num(k))} 件`).join('、')}，并非全部维持。请改正文字或表格。`,
            cells: bad,
            actual: count,
          };
        }
      } else if (st.kind === 'no_fee_notice') {
        const v = noFee;
        if (v && v > 0) {
          problem = {
            message:
              `正文说“${quote}”，但表三“三（六）2.申请人逾期未按收费通知要求缴纳费用”有 ${fmt(v)} 件，即有申请因逾期未缴费而不再处理，说明发出过收费通知。` +
              '请改正文字或表格。',
            cells: ['t3.other_no_fee.total'],
            actual: v,
          };
        }
      }
      if (!problem) continue;
      const fingerprint = `${st.kind}|${quote}`;
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      yield {
        rule: 'TEXT-CLAIM',
        severity: 'warning',
        message: problem.message,
        cells: problem.cells,
        span: spanOf(blocks[b]!, st.start, st.end),
        actual: problem.actual,
        fingerprint,
      };
    }
  }
}

export const textFigureRules: Rule[] = [numbers, claims];

import type { Rule } from '../engine';
import type { Report } from '../../model/types';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { spanOf, type TextBlock } from '../text/blocks';
import { clip, normalizeText } from '../text/normalize';
import { ReuseIndex, type Match } from '../text/similarity';
import type { NormalizedText } from '../text/normalize';
import { fmt, hash, isNumber } from './util';
import { slotMemo, weakMemo } from '../text/cache';

/** Cross-year rules (options.last): X-CARRY, X-IN-FORCE, X-REUSED-TEXT. */

function* carry(ctx: CheckContext): Iterable<Finding> {
  const last = ctx.last;
  if (!last || !ctx.template || !last.cells) return;
  const diffs: { key: string; col: string; now: number; before: number }[] = [];
  for (const col of ctx.template.t3Columns) {
    const now = ctx.num(`t3.carried_over.${col.key}`);
    const before = last.cells[`t3.carry_next.${col.key}`];
    if (now === null || !isNumber(before) || now === before) continue;
    diffs.push({ key: `t3.carried_over.${col.key}`, col: col.label, now, before });
  }
  if (!diffs.length) return;
  const total = diffs.find((d) => d.key.endsWith('.total')) ?? diffs[0]!;
  yield {
    rule: 'X-CARRY',
    severity: 'warning',
    message:
      `表三“二、上年结转”与${last.year}年度报告“四、结转下年度继续办理”不一致：` +
      diffs.map((d) => `${d.col} 本年填 ${fmt(d.now)}，上年结转下年度 ${fmt(d.before)}`).join('；') +
      '。两者通常应相等；如因机构改革、数据更正等原因不同，请忽略并说明理由。',
    cells: diffs.map((d) => d.key),
    expected: total.before,
    actual: total.now,
    fingerprint: 'carried_over',
    fix: { label: '改为上年结转下年度的数字', cells: Object.fromEntries(diffs.map((d) => [d.key, d.before])) },
  };
}

const T2_ROWS = [
  { row: 'regulations', label: '规章' },
  { row: 'normative_docs', label: '行政规范性文件' },
];

function* inForce(ctx: CheckContext): Iterable<Finding> {
  const last = ctx.last;
  if (!last || ctx.template?.id !== 'gov-2021' || !last.cells) return;
  for (const { row, label } of T2_ROWS) {
    const now = ctx.num(`t2.${row}.in_force`);
    const before = last.cells[`t2.${row}.in_force`];
    if (now === null || !isNumber(before)) continue;
    const issuedRaw = ctx.num(`t2.${row}.issued`);
    const repealedRaw = ctx.num(`t2.${row}.repealed`);
    if (ctx.mode === 'editor' && (issuedRaw === null || repealedRaw === null)) continue;
    const issued = issuedRaw ?? 0;
    const repealed = repealedRaw ?? 0;
    const expected = before + issued - repealed;
    if (expected === now) continue;
    yield {
      rule: 'X-IN-FORCE',
      severity: 'warning',
      message:
        `表二“${label}”现行有效件数应为上年现行有效 ${fmt(before)} 件 + 本年制发 ${fmt(issued)} 件 − 本年废止 ${fmt(repealed)} 件 = ${fmt(expected)} 件，` +
        `实际填写 ${fmt(now)} 件。请核对；如因清理、修改、失效等原因不一致，请忽略并说明理由。`,
      cells: [`t2.${row}.in_force`, `t2.${row}.issued`, `t2.${row}.repealed`],
      expected,
      actual: now,
      fingerprint: row,
    };
  }
}

/** Sentences every report repeats by design (legal basis, statistics period, contact, fee formula). */
const FORMULA =
  /本报告|统计期限|统计期间|统计时限|统计时间|有疑问|处理费|联系电话|联系方式|电子邮箱|邮编|邮政编码|电子版|全文包括|组成。?$|下载/;
const MIN_CHARS = 40;
const THRESHOLD = 0.9;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Years masked: every 19xx/20xx written in digits right before 年 becomes #, as
 * `text.replace(/(?:19|20)\d{2}(?=年)/g, '#')` would (two such years cannot overlap: 年 is no digit), found
 * from each 年 by indexOf rather than by a regular expression tried at every character.
 */
function maskYears(text: string): string {
  let out = '';
  let seg = 0;
  for (let i = text.indexOf('年', 4); i >= 0; i = text.indexOf('年', i + 1)) {
    const a = text.charCodeAt(i - 4);
    const b = text.charCodeAt(i - 3);
    if (
      ((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30)) &&
      isDigit(text.charCodeAt(i - 2)) &&
      isDigit(text.charCodeAt(i - 1))
    ) {
      out += text.slice(seg, i - 4) + '#';
      seg = i;
    }
  }
  return seg === 0 ? text : out + text.slice(seg);
}

/** The part of a normalised text that should differ from year to year: formula sentences dropped, years masked. */
function reusableText(norm: string): string {
  if (norm.length < MIN_CHARS) return '';
  let out = norm;
  if (FORMULA.test(norm)) {
    // Sentences as norm.split(/(?<=[。；！？])/) cuts them: each ends after its mark, the last one at the end.
    out = '';
    const n = norm.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = norm.charCodeAt(i);
      if (c !== 0x3002 && c !== 0xff1b && c !== 0xff01 && c !== 0xff1f) continue;
      const sentence = norm.slice(start, i + 1);
      if (!FORMULA.test(sentence)) out += sentence;
      start = i + 1;
    }
    if (start < n) {
      const sentence = norm.slice(start);
      if (!FORMULA.test(sentence)) out += sentence;
    }
  }
  out = maskYears(out);
  return out.length < MIN_CHARS ? '' : out;
}

const reusables = slotMemo<NormalizedText, string>();

/** The reusable part of a paragraph of this year (memoised on its normalised text). */
function reusable(nt: NormalizedText): string {
  return reusables(nt, () => reusableText(nt.text));
}

const paragraphs = (blocks: TextBlock[]) => blocks.filter((b) => b.kind === 'paragraph');

/** Last year's paragraphs and their index, built once per last-year report object. */
const indexes = weakMemo<object, { texts: string[]; index: ReuseIndex } | null>();
/** The best match of a paragraph of this year in the index it was last looked up in. */
const matches = slotMemo<NormalizedText, { index: ReuseIndex | null; match: Match | null }>();

/**
 * The reusable parts of last year's paragraphs (the paragraphs collectBlocks lists, in its order), read
 * straight from the report: only paragraphs are normalised, and no text block is built for them.
 */
function lastYearTexts(last: Report): string[] {
  const texts: string[] = [];
  const sections = Array.isArray(last.sections) ? last.sections : [];
  for (const section of sections) {
    if (!section || typeof section !== 'object' || !Array.isArray(section.blocks)) continue;
    for (const block of section.blocks) {
      if (!block || typeof block !== 'object' || block.type === 'heading') continue;
      const text = reusableText(normalizeText(typeof block.text === 'string' ? block.text : '').text);
      if (text.length > 0) texts.push(text);
    }
  }
  return texts;
}

function lastYearIndex(last: Report) {
  return indexes(last, () => {
    const texts = lastYearTexts(last);
    return texts.length ? { texts, index: new ReuseIndex(texts, THRESHOLD) } : null;
  });
}

function* reused(ctx: CheckContext): Iterable<Finding> {
  if (!ctx.last) return;
  const last = lastYearIndex(ctx.last);
  if (!last) return;
  const reported = new Set<string>();
  for (const block of paragraphs(ctx.blocks)) {
    const text = reusable(block.norm);
    if (!text) continue;
    const known = matches(block.norm, () => ({ index: null, match: null }));
    if (known.index !== last.index) {
      known.index = last.index;
      known.match = last.index.best(text);
    }
    const match = known.match;
    if (!match) continue;
    const previous = last.texts[match.index]!;
    const score = previous === text ? 1 : match.score;
    const fingerprint = `p:${hash(previous)}`;
    if (reported.has(fingerprint)) continue;
    reported.add(fingerprint);
    const section = ctx.report.sections?.find((s) => s.id === block.section);
    const carried =
      block.loc.where === 'section' && (section?.blocks[block.loc.block] as { carried?: boolean } | undefined)?.carried;
    yield {
      rule: 'X-REUSED-TEXT',
      severity: 'warning',
      message:
        `这一段与${ctx.last!.year}年度报告的一段${score === 1 ? '相同' : `几乎相同（相似度 ${Math.floor(score * 100)}%）`}：“${clip(block.norm.text, 24)}”。` +
        `${carried ? '本段沿用上年，尚待核改。' : ''}年度报告不能内容雷同，请按本年度的实际工作改写。`,
      span: spanOf(block, 0, block.norm.text.length),
      actual: Math.round(score * 100) / 100,
      fingerprint,
    };
  }
}

export const crossYearRules: Rule[] = [carry, inForce, reused];

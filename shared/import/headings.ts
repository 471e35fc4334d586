import { SECTIONS, type SectionId } from '../../templates/index';
import { SPECS } from './tables/spec';
import {
  displayWidth,
  enumeratorOf,
  LABEL_SCORE_MAX_EXPECTED,
  LABEL_SCORE_MAX_OBSERVED,
  labelScore,
  labelScoreOf,
  matchKey,
  type ObservedChars,
  observedChars,
  stripEnumerator,
} from './text-utils';

/**
 * Recognises the six section headings (templates/sections.ts, with the variants accepted there),
 * also when a site ran the heading and its first paragraph together (“一、总体情况 2023年，…”),
 * and the headings of older reports (一、概述, 四、政府信息公开的收费及减免情况 …) by their words.
 */

export interface HeadingMatch {
  section: SectionId;
  /** Text after the heading on the same line (run-in paragraph). */
  rest: string;
  /** The heading as printed (without the run-in text). */
  heading: string;
  /** 'exact': an official heading or accepted variant; 'words': recognised by its words (older reports). */
  how: 'exact' | 'words';
  ordinal?: number;
}

const KNOWN = SECTIONS.flatMap((s, i) =>
  [s.heading, ...(s.aliases ?? [])].map((h) => ({
    section: s.id,
    index: i,
    core: matchKey(stripEnumerator(h)),
    printed: stripEnumerator(h),
  })),
);

const LONGEST_CORE = Math.max(...KNOWN.map((k) => k.core.length));
/** First characters of the headings' words (and of older headings' words): a quick test before `matchHeading`. */
const FIRST = new Set(
  [
    ...KNOWN.map((k) => k.core),
    '概述',
    '概况',
    '基本',
    '工作',
    '完成',
    '依申请',
    '申请',
    '复议',
    '诉讼',
    '问题',
    '改进',
    '不足',
    '打算',
    '下一步',
    '收费',
    '需要',
    '附表',
  ]
    .map((w) => w[0]!)
    .filter(Boolean),
);

/** Whether the text at `at` (an enumerator such as 一、) may start a section heading. */
export function mayBeHeading(text: string, at: number): boolean {
  const m = /^[一二三四五六七八九十]{1,3}\s*[、.．,，]\s*[“"（(]?(.)/.exec(text.slice(at, at + 12));
  return !!m && FIRST.has(m[1]!);
}

/** Words that place an older or unusual heading in one of the six sections, most specific first. */
const WORDS: { section: SectionId; re: RegExp }[] = [
  { section: 'review', re: /复议|诉讼/ },
  { section: 'requests', re: /依申请|收到和处理|申请公开|公开申请|申请情况|申请的情况/ },
  { section: 'proactive', re: /主动公开/ },
  { section: 'problems', re: /问题|改进|不足|打算|工作计划|努力方向|下一步|措施/ },
  { section: 'other', re: /其他需要|其他事项|需要说明|需要报告|收费|减免|附表/ },
  { section: 'overview', re: /总体|概述|概况|基本情况|工作情况|完成情况|总述/ },
];

/** Table row labels that look like headings (一、本年新收政府信息公开申请数量, 四、结转下年度继续办理). */
export const TABLE_LABELS = [...SPECS.t3_2021.rows, ...SPECS.t3_2019.rows]
  .map((r) => matchKey(stripEnumerator(r.label)))
  .filter((k) => k.length >= 4);

const LABEL_MEMO = new Map<string, boolean>();

/** The labels' character codes, read once (every line of a report is tested against all of them). */
const TABLE_LABEL_CODES = TABLE_LABELS.map((t) => Uint16Array.from(t, (_, i) => t.charCodeAt(i)));
/**
 * The characters of the key being tested, marked by stamp (`MARKS[code] === stamp`): a typed array
 * read per label character instead of a Set lookup — this test runs for every line, mostly before
 * the optimising compiler has seen it.
 */
const MARKS = new Uint32Array(65536);
let stamp = 0;

/** Whether a line's start (a match key) is a Table 3 row label: the printed label first, then a close wording. */
export function isTableLabel(key: string): boolean {
  let hit = LABEL_MEMO.get(key);
  if (hit !== undefined) return hit;
  if (containsTableLabel(key)) hit = true;
  else if (key.length > LABEL_SCORE_MAX_OBSERVED) {
    const chars = observedChars(key);
    hit = TABLE_LABELS.some((t) => key.length <= t.length + 6 && labelScore(t, key, 0.8, chars) >= 0.8);
  } else hit = closeToTableLabel(key);
  if (LABEL_MEMO.size > 2000) LABEL_MEMO.clear();
  LABEL_MEMO.set(key, hit);
  return hit;
}

/** Marks the key's characters in MARKS (read by the two tests below, in that order). */
function markChars(key: string): void {
  if (++stamp === 0xffffffff) {
    MARKS.fill(0);
    stamp = 1;
  }
  for (let i = 0; i < key.length; i++) MARKS[key.charCodeAt(i)] = stamp;
}

/**
 * `TABLE_LABELS.some((t) => key.length <= t.length + 6 && key.includes(t))`, searching the key only
 * for a label whose first, middle and last characters all occur in it: most lines hold none, and
 * sixty substring searches per line were the headings' largest cost in a first import. Marks the
 * key's characters for closeToTableLabel.
 */
export function containsTableLabel(key: string): boolean {
  markChars(key);
  for (let k = 0; k < TABLE_LABELS.length; k++) {
    const t = TABLE_LABELS[k]!;
    if (key.length > t.length + 6) continue;
    const codes = TABLE_LABEL_CODES[k]!;
    const last = codes.length - 1;
    if (MARKS[codes[0]!] !== stamp || MARKS[codes[last]!] !== stamp || MARKS[codes[last >> 1]!] !== stamp) continue;
    if (key.includes(t)) return true;
  }
  return false;
}

/**
 * `TABLE_LABELS.some((t) => key.length <= t.length + 6 && labelScore(t, key, 0.8) >= 0.8)` for a key
 * labelScore reads whole and that contains no label: the same upper bound on the score (the label's
 * characters that occur in the key, labelScoreOf), the LCS only for the labels that pass it. Reads
 * the marks containsTableLabel left.
 */
function closeToTableLabel(key: string): boolean {
  if (!key) return false;
  for (let k = 0; k < TABLE_LABELS.length; k++) {
    const t = TABLE_LABELS[k]!;
    if (key.length > t.length + 6) continue;
    const codes = TABLE_LABEL_CODES[k]!;
    const n = Math.min(codes.length, LABEL_SCORE_MAX_EXPECTED);
    let found = 0;
    for (let i = 0; i < n; i++) if (MARKS[codes[i]!] === stamp) found++;
    if (labelScoreOf(found, n, key.length) >= 0.8 && labelScore(t, key) >= 0.8) return true;
  }
  return false;
}

/** The text without the numbers (and blanks, bars, dashes) at its end; a scan, linear on long lines. */
function trimNumbers(text: string): string {
  let i = text.length;
  while (i > 0 && /[\s\d.,|—-]/.test(text[i - 1]!)) i--;
  return text.slice(0, i);
}

export function matchHeading(line: string): HeadingMatch | null {
  const text = line.trim();
  if (!text || text.length > 4000) return null;
  const en = enumeratorOf(text);
  if (en && en.kind !== 'chinese') return null;
  const body = en ? text.slice(en.length).trim() : text;
  // Headings sit at the start of a line: the first characters decide (long lines stay cheap).
  // (A key longer than every heading by a few characters says “long line”: no need to key it all.)
  const bodyKey = matchKey(body.slice(0, LONGEST_CORE + 16));
  // Without “一、” only a heading alone on its line is one: a paragraph is never looked at further.
  if (!en && bodyKey.length > LONGEST_CORE + 2) return null;
  if (!bodyKey) return null;
  const label = trimNumbers(body);
  const found = headingOf(body, bodyKey, en, label);
  // A table row (label and its numbers) is never a heading. Asked only of a line that would be one:
  // the label test is the costliest part, and most lines are no heading anyway.
  return found && !isTableLabel(matchKey(label.slice(0, 40))) ? found : null;
}

/** The heading a line's start is (matchHeading without its table-row test). */
function headingOf(
  body: string,
  bodyKey: string,
  en: ReturnType<typeof enumeratorOf>,
  label: string,
): HeadingMatch | null {
  const endsWithNumbers = label.length < body.length && /\d/.test(body.slice(label.length));

  // An official heading (or accepted variant) at the start of the line.
  for (const k of KNOWN) {
    if (bodyKey.startsWith(k.core)) {
      if (!en && bodyKey.length > k.core.length + 2) continue; // without “一、”, only a heading alone on its line
      const cut = cutAfter(body, k.core);
      return {
        section: k.section,
        heading: body.slice(0, cut).trim(),
        rest: body.slice(cut).replace(/^[\s:：。.,，]+/, ''),
        how: 'exact',
        ...(en ? { ordinal: en.ordinal } : {}),
      };
    }
  }
  // A slightly different wording, alone on its line (“二、主动公开政府信息的情况”).
  let chars: ObservedChars | undefined;
  for (const k of KNOWN) {
    if (
      bodyKey.length <= k.core.length + 4 &&
      labelScore(k.core, bodyKey, 0.88, (chars ??= observedChars(bodyKey))) >= 0.88 &&
      (en || bodyKey.length <= k.core.length + 1)
    ) {
      return { section: k.section, heading: body, rest: '', how: 'exact', ...(en ? { ordinal: en.ordinal } : {}) };
    }
  }
  if (!en || endsWithNumbers) return null;
  // Other headings: short, a phrase rather than a sentence.
  if (displayWidth(body) > 32 || /[。；;!！?？]/.test(body.slice(0, -1))) return null;
  for (const w of WORDS)
    if (w.re.test(body)) return { section: w.section, heading: body, rest: '', how: 'words', ordinal: en.ordinal };
  return null;
}

/** Position in `text` just after the characters of `core` (a match key of its start). */
function cutAfter(text: string, core: string): number {
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const k = matchKey(text[i]!);
    if (!k) {
      if (j >= core.length) return i;
      continue;
    }
    if (j < core.length && k === core[j]) {
      j++;
      if (j === core.length) {
        // Keep a closing bracket or the word 情况 that belongs to the heading.
        let e = i + 1;
        while (e < text.length && /[)）】”]/.test(text[e]!)) e++;
        return e;
      }
    } else if (j >= core.length) return i;
  }
  return text.length;
}

export const SECTION_ORDER: SectionId[] = SECTIONS.map((s) => s.id);

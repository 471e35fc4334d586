import type { Rule } from '../engine';
import type { Finding, TextSpan } from '../types';
import type { CheckContext } from '../context';
import type { TextBlock } from '../text/blocks';

/**
 * PUNCTUATION (info): half-width punctuation in Chinese text, document numbers without 〔〕,
 * unbalanced brackets and quotes. Read on the original text (normalisation would hide half-width marks);
 * one finding per kind and paragraph, pointing at the first case.
 */

interface Kind {
  id: string;
  /** Cheap test: the kind can only occur in a text that matches it. */
  pre: RegExp;
  /** A character every case has (checked before `pre`, a scan for one character being the cheapest). */
  has?: string;
  re: RegExp;
  /** Message for the first match `m` and the number of cases. */
  message: (m: RegExpExecArray, count: number) => string;
}

const HAN = '[\\u4e00-\\u9fff]';
const DOC_PREFIX = '([\\u4e00-\\u9fff]{1,8}?[发函字])';

const KINDS: Kind[] = [
  {
    id: 'enum',
    pre: /\(/,
    re: /\(([一二三四五六七八九十]{1,3})\)/g,
    message: (m, n) => `序号“${m[0]}”用了半角括号${n > 1 ? `（本段共 ${n} 处）` : ''}，公文中应写作“（${m[1]}）”。`,
  },
  {
    id: 'comma',
    pre: /[,;:?!]/,
    re: new RegExp(`(?<=${HAN}\\s*)([,;:?!])(?=\\s*${HAN})`, 'g'),
    message: (m, n) =>
      `汉字之间用了半角标点“${m[1]}”${n > 1 ? `（本段共 ${n} 处）` : ''}，应使用全角标点“${{ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }[m[1]!]}”。`,
  },
  {
    id: 'paren',
    pre: /\(/,
    re: new RegExp(`\\((?![一二三四五六七八九十]{1,3}\\))[^()]{0,40}${HAN}[^()]{0,40}\\)`, 'g'),
    message: (m, n) =>
      `“${m[0].length > 16 ? `${m[0].slice(0, 16)}…` : m[0]}”用了半角括号${n > 1 ? `（本段共 ${n} 处）` : ''}，中文括注应使用全角括号“（）”。`,
  },
  {
    id: 'docno',
    has: '号',
    pre: /\d\s*[\]］】)）]\s*\d{1,4}\s*号/,
    re: new RegExp(`${DOC_PREFIX}\\s*[\\[［【(（]\\s*((?:19|20)\\d{2})\\s*[\\]］】)）]\\s*(\\d{1,4})\\s*号`, 'g'),
    message: (m) => `文号“${m[0]}”的年份应使用六角括号，写作“${m[1]}〔${m[2]}〕${m[3]}号”。`,
  },
  {
    id: 'docno-open',
    has: '〔',
    pre: /〔\s*(?:19|20)\d{2}\s*\d{1,4}\s*号/,
    re: new RegExp(`${DOC_PREFIX}〔\\s*((?:19|20)\\d{2})\\s*(\\d{1,4})\\s*号`, 'g'),
    message: (m) => `文号“${m[0]}”缺少后半个六角括号，应写作“${m[1]}〔${m[2]}〕${m[3]}号”。`,
  },
];

const PAIRS: [string, string, string][] = [
  ['（', '）', '括号'],
  ['《', '》', '书名号'],
  ['“', '”', '引号'],
];
const PAIR_MARK = /[（）《》“”]/g;
/** Char code → 1 + pair index × 2 (+1 for the closing mark); 0 for every other character. */
const PAIR_INDEX = new Uint8Array(65536);
PAIRS.forEach(([o, c], i) => {
  PAIR_INDEX[o.charCodeAt(0)] = 1 + 2 * i;
  PAIR_INDEX[c.charCodeAt(0)] = 2 + 2 * i;
});

/**
 * In the editor every paragraph gets its own findings (the clerk fixes them where they are). An imported
 * report is judged as a whole: one finding per kind for the report, at its first case, with the count.
 */
function* punctuation(ctx: CheckContext): Iterable<Finding> {
  const found = paragraphFindings(ctx);
  if (ctx.mode !== 'import') {
    yield* found;
    return;
  }
  const byKind = new Map<string, { first: Finding; blocks: number }>();
  for (const f of found) {
    const kind = f.fingerprint.split('|')[0]!;
    const seen = byKind.get(kind);
    if (seen) seen.blocks++;
    else byKind.set(kind, { first: f, blocks: 1 });
  }
  for (const [kind, { first, blocks }] of byKind) {
    yield {
      ...first,
      message:
        blocks > 1
          ? `${first.message.replace(/（本段共 \d+ 处）/, '')}全文有 ${blocks} 段存在这一问题。`
          : first.message,
      fingerprint: `${kind}|all`,
    };
  }
}

/** A character every case of the kinds enum, comma and paren has (one scan rules all three out). */
const HALF_WIDTH = /[(,;:?!]/;

function* paragraphFindings(ctx: CheckContext): Iterable<Finding> {
  const blocks = ctx.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const text = block.original;
    if (!text || block.kind === 'signature') continue;
    const halfWidth = HALF_WIDTH.test(text);
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[k]!;
      if (k < 3 && !halfWidth) continue; // enum, comma and paren: their `pre` needs one of HALF_WIDTH
      if ((kind.has && !text.includes(kind.has)) || !kind.pre.test(text)) continue;
      kind.re.lastIndex = 0;
      let first: RegExpExecArray | null = null;
      let count = 0;
      for (let m = kind.re.exec(text); m; m = kind.re.exec(text)) {
        if (!first) first = m;
        count++;
        if (m[0].length === 0) kind.re.lastIndex++;
      }
      if (!first) continue;
      yield finding(block, kind.id, kind.message(first, count), first.index, first.index + first[0].length, first[0]);
    }
    // Balance on the normalised text (half-width brackets count as full-width ones), one pass for all pairs
    // (a regular expression finds the marks: a native scan, faster than a loop over every character).
    const norm = block.norm.text;
    PAIR_MARK.lastIndex = 0;
    if (!PAIR_MARK.test(norm)) continue;
    const depth = [0, 0, 0];
    const firstBad = [-1, -1, -1];
    const lastOpen = [-1, -1, -1];
    do {
      const i = PAIR_MARK.lastIndex - 1;
      const k = PAIR_INDEX[norm.charCodeAt(i)]! - 1;
      const p = k >> 1;
      if ((k & 1) === 0) {
        if (depth[p] === 0) lastOpen[p] = i;
        depth[p]!++;
      } else if (depth[p]! > 0) depth[p]!--;
      else if (firstBad[p]! < 0) firstBad[p] = i;
    } while (PAIR_MARK.test(norm));
    for (let p = 0; p < PAIRS.length; p++) {
      const at = firstBad[p]! >= 0 ? firstBad[p]! : depth[p]! > 0 ? lastOpen[p]! : -1;
      if (at < 0) continue;
      const [open, close, name] = PAIRS[p]!;
      const s = block.norm.map[at]!;
      const quote = norm.slice(Math.max(0, at - 6), at + 8);
      yield finding(
        block,
        `pair${open}`,
        `${name}不成对：“${quote}”附近${firstBad[p]! >= 0 ? `多了“${close}”` : `的“${open}”没有对应的“${close}”`}。请补全或删去。`,
        s,
        s + 1,
        quote,
      );
    }
  }
}

function finding(block: TextBlock, kind: string, message: string, start: number, end: number, quote: string): Finding {
  return {
    rule: 'PUNCTUATION',
    severity: 'info',
    message,
    span: { ...block.loc, start, end } as TextSpan,
    actual: quote,
    fingerprint: `${kind}|${quote}`,
  };
}

export const punctuationRules: Rule[] = [punctuation];

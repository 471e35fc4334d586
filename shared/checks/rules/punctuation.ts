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
  re: RegExp;
  /** Message for the first match `m` and the number of cases. */
  message: (m: RegExpExecArray, count: number) => string;
}

const HAN = '[\\u4e00-\\u9fff]';
const DOC_PREFIX = '([\\u4e00-\\u9fff]{1,8}?[发函字])';

const KINDS: Kind[] = [
  {
    id: 'enum',
    re: /\(([一二三四五六七八九十]{1,3})\)/g,
    message: (m, n) => `序号“${m[0]}”用了半角括号${n > 1 ? `（本段共 ${n} 处）` : ''}，公文中应写作“（${m[1]}）”。`,
  },
  {
    id: 'comma',
    re: new RegExp(`${HAN}\\s*([,;:?!])\\s*(?=${HAN})`, 'g'),
    message: (m, n) => `汉字之间用了半角标点“${m[1]}”${n > 1 ? `（本段共 ${n} 处）` : ''}，应使用全角标点“${{ ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }[m[1]!]}”。`,
  },
  {
    id: 'paren',
    re: new RegExp(`\\((?![一二三四五六七八九十]{1,3}\\))[^()]{0,40}${HAN}[^()]{0,40}\\)`, 'g'),
    message: (m, n) => `“${m[0].length > 16 ? `${m[0].slice(0, 16)}…` : m[0]}”用了半角括号${n > 1 ? `（本段共 ${n} 处）` : ''}，中文括注应使用全角括号“（）”。`,
  },
  {
    id: 'docno',
    re: new RegExp(`${DOC_PREFIX}\\s*[\\[［【(（]\\s*((?:19|20)\\d{2})\\s*[\\]］】)）]\\s*(\\d{1,4})\\s*号`, 'g'),
    message: (m) => `文号“${m[0]}”的年份应使用六角括号，写作“${m[1]}〔${m[2]}〕${m[3]}号”。`,
  },
  {
    id: 'docno-open',
    re: new RegExp(`${DOC_PREFIX}〔\\s*((?:19|20)\\d{2})\\s*(\\d{1,4})\\s*号`, 'g'),
    message: (m) => `文号“${m[0]}”缺少后半个六角括号，应写作“${m[1]}〔${m[2]}〕${m[3]}号”。`,
  },
];

const PAIRS: [string, string, string][] = [
  ['（', '）', '括号'],
  ['《', '》', '书名号'],
  ['“', '”', '引号'],
];

function* punctuation(ctx: CheckContext): Iterable<Finding> {
  for (const block of ctx.blocks) {
    const text = block.original;
    if (!text || block.kind === 'signature') continue;
    for (const kind of KINDS) {
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
    // Balance on the normalised text, where half-width brackets count as full-width ones.
    const norm = block.norm.text;
    for (const [open, close, name] of PAIRS) {
      let depth = 0;
      let firstBad = -1;
      let lastOpen = -1;
      for (let i = 0; i < norm.length; i++) {
        const ch = norm[i];
        if (ch === open) {
          if (depth === 0) lastOpen = i;
          depth++;
        } else if (ch === close) {
          if (depth === 0 && firstBad < 0) firstBad = i;
          else if (depth > 0) depth--;
        }
      }
      const at = firstBad >= 0 ? firstBad : depth > 0 ? lastOpen : -1;
      if (at < 0) continue;
      const s = block.norm.map[at]!;
      const quote = norm.slice(Math.max(0, at - 6), at + 8);
      yield finding(
        block,
        `pair${open}`,
        `${name}不成对：“${quote}”附近${firstBad >= 0 ? `多了“${close}”` : `的“${open}”没有对应的“${close}”`}。请补全或删去。`,
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

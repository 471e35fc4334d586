import type { SrcBlock } from '../source-doc';

/**
 * The metadata block that crawlers and “save article” tools put above the text:
 *
 *   标题: 某某新区2023年度政府信息公开工作年度报告
 *   发布时间: 2024-03-05 08:58
 *   文号:
 *   发布机构: 某某新区管委会办公室
 *   栏目: 政府信息公开年报
 *   原文链接: https://www.example.gov.cn/…
 *   ==================== 正文 ====================
 *
 * one key per line or all on one line with the text. It feeds the title, the publish date and the
 * publishing agency, and is never part of the report's text.
 */

export interface CrawlerHeader {
  title?: string;
  publishedAt?: string;
  agency?: string;
}

const KEYS = [
  '标题',
  '文章标题',
  '题目',
  '发布时间',
  '发布日期',
  '成文日期',
  '采集时间',
  '抓取时间',
  '文号',
  '发文字号',
  '索引号',
  '发布机构',
  '发文机关',
  '来源',
  '作者',
  '栏目',
  '所属栏目',
  '分类',
  '主题分类',
  '关键词',
  '原文链接',
  '原文地址',
  '链接',
  '网址',
  'URL',
  'url',
];
const KEY_RE = new RegExp(`(?:^|\\s)(${KEYS.join('|')})\\s*[:：]`, 'g');
const SEPARATOR = /^\s*[=＝\-—*#_~]{3,}[^=＝\-—*#_~]{0,12}[=＝\-—*#_~]{0,60}\s*/;
/** Keys only crawlers print (a report's own text never has them as the first line). */
const CRAWLER_ONLY = /^(标题|文章标题|题目|栏目|所属栏目|原文链接|原文地址|链接|网址|URL|url|采集时间|抓取时间)$/;

/**
 * Reads and removes the metadata block at the top of the lines (in place); returns what it says,
 * or null when the text does not start with one.
 */
export function takeCrawlerHeader(blocks: SrcBlock[]): CrawlerHeader | null {
  let first = 0;
  while (first < blocks.length && blocks[first]!.type === 'line' && !(blocks[first] as { text: string }).text.trim())
    first++;
  const b0 = blocks[first];
  if (!b0 || b0.type !== 'line') return null;
  const fields: { key: string; value: string }[] = [];
  let i = first;
  let rest: string | null = null;
  for (; i < blocks.length && i < first + 40; i++) {
    const b = blocks[i]!;
    if (b.type !== 'line') break;
    const text = b.text;
    if (!text.trim()) continue;
    const parsed = parseKeys(text);
    if (!parsed) {
      const sep = SEPARATOR.exec(text);
      if (sep && fields.length) {
        // “==== 正文 ====”: the text may follow on the same line.
        const after = text.slice(sep[0].length).trim();
        if (after) rest = after;
        i++;
      }
      break;
    }
    fields.push(...parsed.fields);
    if (parsed.rest) {
      rest = parsed.rest;
      i++;
      break;
    }
  }
  if (fields.length < 2 || !fields.some((f) => CRAWLER_ONLY.test(f.key))) return null;
  blocks.splice(first, i - first, ...(rest ? [{ type: 'line' as const, text: rest }] : []));
  const get = (re: RegExp) => fields.find((f) => re.test(f.key) && f.value)?.value;
  const header: CrawlerHeader = {};
  const title = get(/^(标题|文章标题|题目)$/);
  const date = get(/^(发布时间|发布日期|成文日期)$/);
  const agency = get(/^(发布机构|发文机关|来源)$/);
  if (title) header.title = title;
  if (date) header.publishedAt = date;
  if (agency) header.agency = agency;
  return header;
}

/**
 * A line of `key: value` pairs starting with a key; a value runs to the next key. When the text of
 * the report follows on the same line, it is what comes after a separator, or after the last
 * value's first word (a link or a short name).
 */
function parseKeys(text: string): { fields: { key: string; value: string }[]; rest?: string } | null {
  KEY_RE.lastIndex = 0;
  const hits: { key: string; at: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = KEY_RE.exec(text)) && hits.length < 40)
    hits.push({ key: m[1]!, at: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length });
  if (!hits.length || text.slice(0, hits[0]!.at).trim()) return null;
  // The block ends at the first value too long to be one (the report's own text, where a word
  // such as 来源： may appear again).
  let last = 0;
  while (last + 1 < hits.length && hits[last + 1]!.at - hits[last]!.end <= 100) last++;
  const fields: { key: string; value: string }[] = [];
  let rest: string | undefined;
  for (let n = 0; n <= last; n++) {
    const h = hits[n]!;
    let value = text.slice(h.end, n < last ? hits[n + 1]!.at : text.length);
    if (n === last) {
      const sep = /\s*[=＝\-—*#_~]{3,}/.exec(value);
      if (sep) {
        const after = value.slice(sep.index).replace(SEPARATOR, '').trim();
        value = value.slice(0, sep.index);
        if (after) rest = after;
      } else if (value.trim().length > 60) {
        // All on one line without a separator: the value is its first word.
        const v = /^\s*(\S*)/.exec(value)![1]!;
        const after = value.slice(value.indexOf(v) + v.length).trim();
        if (after) rest = after;
        value = v;
      }
    }
    fields.push({ key: h.key, value: value.trim() });
  }
  return { fields, ...(rest ? { rest } : {}) };
}

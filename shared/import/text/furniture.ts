/**
 * Website furniture wherever it stands in a line — before the title, between paragraphs, after
 * the signature — when a page was saved or copied as one stream of text: breadcrumbs (当前位置…),
 * 来源/时间, share buttons (微信 微博 QQ空间), version switches (全真版 文字版 文件下载), 附件下载,
 * 【打印】【关闭】, counters (浏览次数). Each is recognised by its own wording, never by position, so
 * that report text is not cut by accident; the spans found become lines of their own that the
 * structure step drops (and reads the publish date and source from).
 */

export interface Span {
  start: number;
  end: number;
}

const HAN_BEFORE = '(?<![\\u4e00-\\u9fff])';
const DATE = '\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?';
/** Words after which a source/author value ends even without a blank. */
const NEXT_KEY =
  '(?:发布时间|发布日期|更新时间|时间|日期|浏览|点击|阅读|作者|字号|字体|【|来源|分享|打印|编辑|责任编辑)';

const PATTERNS: RegExp[] = [
  new RegExp(
    `(?:发布时间|发布日期|更新时间|发表时间|发文日期|${HAN_BEFORE}时间|${HAN_BEFORE}日期)\\s*[:：]\\s*${DATE}`,
    'g',
  ),
  // A date the way sites print it (2024-03-05 08:58) after 时间：, also glued to the text before.
  /(?:时间|日期)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/g,
  new RegExp(
    `${HAN_BEFORE}(?:来源|信息来源|文章来源|稿件来源|作者|责任编辑|编辑)\\s*[:：]\\s*(?:[^\\s:：。，；]{0,40}?(?=\\s|$|${NEXT_KEY}|[:：])|…{1,2}|\\.{3,6})`,
    'g',
  ),
  /(?:浏览次数|浏览量|点击数|点击量|点击率|阅读次数|访问量|阅读量|访问次数|阅读数)\s*[:：]?\s*(?:\d+\s*次?)?/g,
  /(?:【\s*(?:打印|关闭|字体|字号|收藏|大|中|小|默认|返回|顶部|分享|纠错|打印本页|关闭窗口|打印文章)[^】]{0,14}】\s*)+/g,
  /[[［]\s*(?:打印|关闭|打印本页|关闭窗口)\s*[\]］]/g,
  /(?:分享到|分享至)\s*[:：]?/g,
  /(?:微信|微博|QQ空间|QQ|朋友圈|新浪微博|腾讯微博|人人网|豆瓣)(?:\s+(?:微信|微博|QQ空间|QQ|朋友圈|新浪微博|腾讯微博|人人网|豆瓣))+/g,
  /QQ空间/g,
  /全真版\s*文字版(?:\s*(?:文件下载|下载))?/g,
  /附件下载(?:\s*[:：]\s*[^\s。，；]{0,60}\.(?:pdf|docx?|wps|xlsx?|zip|rar|ofd))?/gi,
  /(?<=^|\s)文件下载(?=\s|$)/g,
  /(?:字号|字体)\s*[:：]\s*(?:[大中小]\s*){0,3}/g,
  /(?:打印本页|打印此页|关闭窗口|返回顶部|返回列表|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|用微信扫描二维码|分享至好友和朋友圈|手机扫一扫|网站地图|无障碍浏览|长者模式|适老化模式)/g,
];

const CRUMB_START = /(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置|当前页面)\s*[:：]/g;

/** Lines from which on a page holds nothing of the report: the split puts each on a line of its own. */
export const END_MARK =
  /(?:(?:上一篇|下一篇)\s*[:：]|相关链接\s*[:：]?|相关文章\s*[:：]?|版权所有\s*[:：©]?|网站标识码|ICP备|公网安备|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：])/g;

/** Spans of furniture in a line, in order, not overlapping. */
/** A word of one of the patterns: lines without any (most of a report) are not searched further. */
const HINT =
  /时间|日期|来源|作者|编辑|浏览|点击|阅读|访问|【|\[|［|分享|微信|微博|QQ|朋友圈|全真版|下载|字号|字体|打印|关闭|返回|扫一扫|网站地图|无障碍|长者模式|适老化|位置|当前页面/;

export function furnitureSpans(text: string): Span[] {
  if (text.length < 2 || !HINT.test(text)) return [];
  if (text.length <= 600) return spansIn(text);
  // A long line (a whole page on one line): only the stretches around a hint are searched.
  const hints = new RegExp(HINT.source, 'g');
  const windows: { from: number; to: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = hints.exec(text))) {
    const from = Math.max(0, m.index - 40);
    const to = Math.min(text.length, m.index + 220);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else windows.push({ from, to });
  }
  const out: Span[] = [];
  for (const w of windows)
    for (const sp of spansIn(text.slice(w.from, w.to))) out.push({ start: sp.start + w.from, end: sp.end + w.from });
  return out;
}

function spansIn(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(text)) && n++ < 200) {
      if (m[0].trim()) spans.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  // Breadcrumbs run to the next furniture nearby, or to the first blank after the last crumb.
  CRUMB_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CRUMB_START.exec(text))) {
    const from = m.index;
    const after = m.index + m[0].length;
    const next = spans.filter((s) => s.start >= after && s.start - after <= 100).sort((a, b) => a.start - b.start)[0];
    let end: number;
    if (next) end = next.start;
    else {
      const window = text.slice(after, after + 120);
      const lastSep = Math.max(...['>', '＞', '»', '›', '/', '\\'].map((c) => window.lastIndexOf(c)));
      const from2 = lastSep >= 0 ? lastSep + 1 : 0;
      const blank = /\S\s/.exec(window.slice(from2));
      end = after + (blank ? from2 + blank.index + 1 : Math.min(window.length, 40));
    }
    if (/[。；]/.test(text.slice(after, end))) continue;
    spans.push({ start: from, end });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

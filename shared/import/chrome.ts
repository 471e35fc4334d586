/**
 * Website furniture around a report (breadcrumbs, counters, font-size switches, share buttons,
 * footers) and the metadata lines some sites print (发布时间, 索引号 …). Recognised by wording,
 * never by position alone, so that report text is not dropped by accident.
 */

const CHROME: RegExp[] = [
  /^(您当前的位置|您现在的位置|当前位置|您的位置|所在位置|位置)[:：]/,
  /首页\s*[>＞»›]/,
  /(浏览次数|浏览量|点击数|点击量|阅读次数|访问量|阅读量)\s*[:：]/,
  /【\s*(字体|字号|打印|关闭|大|中|小)/,
  /^字号[:：]?/,
  /^(打印本页|打印|关闭窗口|关闭|返回顶部|分享到|分享|收藏|扫一扫|用微信扫描|微信扫一扫|二维码|打印本文|【关闭窗口】|×)/,
  /^(网站支持|技术支持|主办单位|承办单位|版权所有|网站标识码|网站地图|联系我们|无障碍|适老化|关于我们)/,
  /(ICP备|公网安备|网站标识码|版权所有)/,
  /您访问的链接即将离开/,
  /^(文档简介|版权说明|版权声明|免责声明)[:：]?/,
  /^(上一篇|下一篇|相关文章|相关链接|相关阅读|责任编辑|编辑|审核|校对)[:：]/,
  /^(作者|来源|信息来源|发布机构|发文机关|索引号|文号|发布文号|主题分类|主题词|公开方式|公开时限|公开范围|有效性|生成日期|成文日期|发布日期|发布时间|时间|日期|所属机构|组配分类|体裁分类|信息分类)[:：]/,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*(作者|来源|点击|浏览|发布|【)/,
  // A line of buttons only: 附件下载, 全真版 文字版 文件下载, 微信 微博 QQ空间.
  /^(?:(?:附件下载|全真版|文字版|文件下载|微信|微博|QQ空间|朋友圈)\s*)+$/,
];

/** Lines after which a page holds nothing of the report (footer, related articles). */
const END_MARKERS = [
  /^(温馨提示|最新文档|相关文档|猜你喜欢|热门推荐|提交评论|发表评论|网友评论)$/,
  /^(上一篇|下一篇|相关文章|相关链接|相关阅读)/,
  /(版权所有|ICP备|网站标识码|公网安备|主办单位)/,
  /您访问的链接即将离开/,
];

const unbullet = (text: string) => text.replace(/^[\s\-–—•·*]+/, '');

export const isChrome = (text: string): boolean => {
  if (text.length > 100) return false;
  const t = unbullet(text);
  return CHROME.some((re) => re.test(t));
};

export const isEndMarker = (text: string): boolean =>
  text.length <= 160 && END_MARKERS.some((re) => re.test(unbullet(text)));

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function isoDate(y: string | number, m: string | number, d: string | number): string | null {
  const Y = Number(y);
  const M = Number(m);
  const D = Number(d);
  if (!(Y >= 1990 && Y <= 2100 && M >= 1 && M <= 12 && D >= 1 && D <= 31)) return null;
  const dt = new Date(Date.UTC(Y, M - 1, D));
  if (dt.getUTCMonth() !== M - 1) return null;
  return `${Y}-${String(M).padStart(2, '0')}-${String(D).padStart(2, '0')}`;
}

export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

/** A publish date printed by the site: “发布时间:2024-01-19”, “时间：2017-10-23”, “2024-01-22 作者:”. */
export function publishDateOf(text: string): string | null {
  if (text.length > 200) return null;
  const m =
    /(发布时间|发布日期|发表时间|公开日期|发文日期|时间|日期|生成日期)\s*[:：]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/.exec(
      text,
    );
  if (m) return parseDate(m[2]!);
  const lead = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*(作者|来源|点击|浏览|发布|【|$)/.exec(
    text.trim(),
  );
  return lead ? parseDate(lead[1]!) : null;
}

/** The agency printed in a metadata line (发布机构：…, 来源：…). */
export function agencyOf(text: string): string | null {
  const m = /^(发布机构|发文机关|所属机构|来源|信息来源)\s*[:：]\s*(\S{2,40})/.exec(text.trim());
  if (!m) return null;
  const name = m[2]!.replace(/\s.*$/, '');
  return /(局|委|办|厅|政府|院|镇|乡|街道|中心|部|会|所|处)$/.test(name) ? name : null;
}

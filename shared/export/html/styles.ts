/**
 * The look of the HTML export (and of the app's 预览 and of the PDF printed from it): the printed
 * report's fonts with fallbacks, 3号 text, 2-character indents. Each entry is one class of the
 * standalone file's style sheet; the website fragment writes the same declarations inline (a
 * fragment cannot carry a <style> element validly).
 */

const LATIN = "'Times New Roman', 'Liberation Serif'";
export const FONTS = {
  body: `${LATIN}, '仿宋_GB2312', '仿宋', FangSong, STFangsong, 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', serif`,
  title: `${LATIN}, '方正小标宋简体', '方正小标宋_GBK', '华文中宋', STZhongsong, 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', serif`,
  heading1: `${LATIN}, '黑体', SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`,
  heading2: `${LATIN}, '楷体_GB2312', '楷体', KaiTi, STKaiti, 'AR PL UKai CN', 'Kaiti SC', serif`,
  table: `${LATIN}, '宋体', SimSun, 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', serif`,
  tableNote: `${LATIN}, '楷体_GB2312', '楷体', KaiTi, STKaiti, 'AR PL UKai CN', serif`,
} as const;

/** 3号 = 16 pt; 28.95 pt line pitch as in the .docx (22 lines a page). */
const TEXT = `margin:0;font-size:16pt;line-height:28.95pt;text-indent:2em;text-align:justify;font-weight:normal`;

export const CSS = {
  report: `box-sizing:border-box;max-width:210mm;margin:0 auto;padding:37mm 26mm 35mm 28mm;background:#fff;color:#000;font-family:${FONTS.body};font-size:16pt;line-height:28.95pt`,
  // Bold picks the bold face of the fallback fonts; no synthesis, so a real 方正小标宋 (no bold face) is not thickened.
  title: `margin:0 0 28.95pt;font-family:${FONTS.title};font-size:22pt;line-height:35pt;font-weight:bold;font-synthesis:none;text-align:center`,
  titleLine: `display:block`,
  p: `${TEXT};font-family:${FONTS.body}`,
  part: `margin:0`,
  h1: `${TEXT};font-family:${FONTS.heading1}`,
  h2: `${TEXT};font-family:${FONTS.heading2}`,
  h3: `${TEXT};font-family:${FONTS.body}`,
  wrap: `overflow-x:auto;max-width:100%;margin:0 0 14pt`,
  table: `border-collapse:collapse;width:100%;table-layout:fixed;font-family:${FONTS.table};font-size:10.5pt;line-height:1.25;text-indent:0`,
  tableWide: `min-width:42em`,
  tableWidest: `min-width:56em`,
  caption: `position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0`,
  th: `border:1px solid #000;padding:1px 3px;font-weight:normal;text-align:center;vertical-align:middle`,
  thLeft: `border:1px solid #000;padding:1px 3px;font-weight:normal;text-align:left;vertical-align:middle`,
  note: `border:1px solid #000;padding:1px 3px;text-align:left;vertical-align:middle;font-family:${FONTS.tableNote}`,
  td: `border:1px solid #000;padding:1px 3px;text-align:center;vertical-align:middle`,
  signature: `margin:57.9pt 0 0`,
  sigLine: `margin:0;font-size:16pt;line-height:28.95pt;text-indent:0;text-align:right`,
} as const;

export type StyleName = keyof typeof CSS;

/**
 * Rules only a style sheet can hold: the printed page (A4, GB/T 9704 margins, "— 1 —" page
 * numbers outside, or centred), page breaks, and the phone layout.
 */
export function sheetExtras(pageNumbers: 'outside' | 'center'): string {
  const number = `content:"— " counter(page) " —";font-family:${FONTS.table.replace(`${LATIN}, `, '')};font-size:14pt;vertical-align:top;padding-top:10.5mm`;
  const pages =
    pageNumbers === 'center'
      ? `@page{@bottom-center{${number}}}`
      : `@page :right{@bottom-right{${number};padding-right:14pt}}@page :left{@bottom-left{${number};padding-left:14pt}}`;
  return [
    'html{background:#f3f3f3}',
    'body{margin:0}',
    '@page{size:A4;margin:37mm 26mm 35mm 28mm}',
    pages,
    '@media screen and (max-width:640px){.nb-report{padding:16px 14px;font-size:17px;line-height:1.75}.nb-title{font-size:22px;line-height:1.5}.nb-p,.nb-h1,.nb-h2,.nb-h3,.nb-sigLine{font-size:17px;line-height:1.75}}',
    // Tables break between rows with the header repeated (thead), never inside a row; rows and
    // paragraphs marked nb-kn stay with what follows (pagination.ts); Table 2's blocks and small
    // tables are kept whole (nb-keep); headings stay with the next paragraph or table.
    '.nb-jt{border-top-style:none}.nb-jb{border-bottom-style:none}',
    // The visually hidden caption would let a heading part from its table (Chromium ignores break-after: avoid then).
    '@media print{html{background:#fff}.nb-caption{display:none}.nb-report{max-width:none;padding:0}.nb-wrap{overflow:visible}.nb-table{min-width:0}tr{break-inside:avoid}thead{display:table-header-group}.nb-keep{break-inside:avoid}.nb-kn{break-after:avoid}.nb-h1,.nb-h2,.nb-h3{break-after:avoid}.nb-signature{break-inside:avoid;break-before:avoid}}',
  ].join('\n');
}

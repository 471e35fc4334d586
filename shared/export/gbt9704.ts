/**
 * GB/T 9704—2012 page layout as numbers (format-2021.md §5.1, export.md). Twips are written as
 * literals: millimetre helpers round down, and A4 must be exactly 11906 × 16838.
 */

/** 1 mm = 56.6929 twips. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  /** 天头 37 mm */
  marginTop: 2098,
  /** 297 − 37 − 225 = 35 mm */
  marginBottom: 1984,
  /** 订口 28 mm */
  marginLeft: 1587,
  /** 210 − 28 − 156 = 26 mm */
  marginRight: 1474,
  /**
   * Bottom edge to the footer's last line: the page number line (4号, about 6 mm high) then sits
   * with its 一字线 about 7 mm below the type area, as §7.5 asks.
   */
  footer: 1247,
  header: 851,
} as const;

/** The type area is 156 mm wide: 11906 − 1587 − 1474 = 8845 twips. */
export const TYPE_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Point sizes of the Chinese size names, in half-points as OOXML wants them. */
export const SIZE = {
  /** 2号 22 pt */
  er: 44,
  /** 3号 16 pt */
  san: 32,
  /** 4号 14 pt */
  si: 28,
  /** 小四 12 pt */
  xiaosi: 24,
  /** 五号 10.5 pt */
  wu: 21,
} as const;

/**
 * 22 lines in the 225 mm type area: 637.8 pt / 22 = 28.99 pt; 579 twips (28.95 pt) is the
 * largest fixed spacing that still fits 22 lines.
 */
export const LINE_PITCH = 579;

export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  table: '宋体',
  tableNote: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Reading order on the page: odd pages right, even pages left (§7.5), or all centred. */
export type PageNumberPlacement = 'outside' | 'center';

import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/**
 * The class scoping antd's CSS variables, named rather than generated so that the library's rows
 * can give their plain buttons antd's look (library/RowButton.tsx).
 */
export const CSS_VAR_KEY = 'css-var-nianbao';

/** A calm, official look: white and grey surfaces, one restrained blue accent, the seal red only for the brand. */
export const theme: ThemeConfig = {
  cssVar: { key: CSS_VAR_KEY },
  token: {
    colorPrimary: '#1f4e8c',
    colorInfo: '#1f4e8c',
    colorError: '#c0392b',
    colorWarning: '#c77700',
    colorSuccess: '#2e7d32',
    borderRadius: 4,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    colorBgLayout: '#f3f4f6',
    // Secondary text dark enough for 4.5:1 on white (the default grey is 3.3:1).
    colorTextDescription: '#5f6b7a',
    colorTextTertiary: '#5f6b7a',
    colorTextPlaceholder: '#767f8a',
    // Light, quiet surfaces for alerts (the derived ones are too dark for these seed colours).
    colorSuccessBg: '#f1f8f1',
    colorSuccessBorder: '#b9dcbb',
    colorWarningBg: '#fff8ea',
    colorWarningBorder: '#f2d29b',
    colorErrorBg: '#fdf2f0',
    colorErrorBorder: '#efbcb4',
    colorInfoBg: '#f0f5fb',
    colorInfoBorder: '#c3d5ec',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 48, headerPadding: '0 16px', siderBg: '#fafafa', bodyBg: '#f3f4f6' },
    Table: { headerBg: '#f5f6f8' },
  },
};

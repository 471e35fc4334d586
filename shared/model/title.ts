/**
 * The fixed end of every report's title (机关全称 + 年份 + this). On its own so that what needs only
 * the words (file names, the browser page's first script) does not load the format templates.
 */
export const TITLE_SUFFIX = '政府信息公开工作年度报告';

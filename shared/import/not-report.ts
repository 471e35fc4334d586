import type { Cells, Report } from '../model/types';

/**
 * Documents that look like a report but are not one: the blank official template (the six
 * headings, empty tables, “（文字描述）” where the text goes) and outlines that have the headings
 * and nothing else. They are named as such — in `batch` and the import preview — instead of being
 * counted as reports full of errors.
 */

export interface NotReport {
  reason: 'template' | 'no-figures';
  /** Chinese, says what the document is and what to do. */
  message: string;
}

const PLACEHOLDER =
  /[（(]\s*(?:文字描述|文字说明|此处|请填写|填写|单位名称|机关名称|机关全称|部门名称|具体内容|内容)[^）)]{0,24}[）)]|[XＸ]{2,}|×{2,}|○{2,}|〇{3,}|\*{3,}/;
const TEMPLATE_TITLE = /模板|格式|样表|样式|范本|范例|参考文本/;

/** Whether a report's tables hold any figure at all. */
export function hasFigures(cells: Cells): boolean {
  for (const [k, v] of Object.entries(cells)) if (typeof v === 'number' && /^(t2|t3|t4|t2_2019)\./.test(k)) return true;
  return false;
}

/** What the import read, when it is a template or an outline rather than a report. */
export function detectNotReport(report: Report, sectionsFound: number): NotReport | null {
  if (report.format === 'pre-2019' || hasFigures(report.cells)) return null;
  const texts = [report.preamble ?? '', ...report.sections.flatMap((s) => s.blocks.map((b) => b.text))];
  const placeholders = texts.filter((t) => PLACEHOLDER.test(t)).length;
  const prose = texts
    .filter((t) => !PLACEHOLDER.test(t))
    .join('')
    .replace(/\s/g, '').length;
  if (TEMPLATE_TITLE.test(report.title) || (placeholders > 0 && prose < 600))
    return {
      reason: 'template',
      message:
        '这是空白的年报格式模板（表格中没有数字，正文是“（文字描述）”一类的占位文字），不是已填写的年报，没有可检查的内容。编写年报请在年报库中“新建”；检查年报请选择已填写并发布的年报文件。',
    };
  if (sectionsFound >= 3 && prose < 300)
    return {
      reason: 'no-figures',
      message:
        '这份文件只有年报的章节标题，没有统计表格中的数字，正文也很少（可能是提纲、目录或空白模板），不是一份完整的年报，没有可检查的内容。请选择已发布的年报全文。',
    };
  return null;
}

/** The not-a-report note an import left on a report (meta.source.notReport), if any. */
export function notReportOf(report: Pick<Report, 'meta'> | null | undefined): NotReport | null {
  const n = (report?.meta?.source as { notReport?: unknown } | undefined)?.notReport as NotReport | undefined;
  return n &&
    typeof n === 'object' &&
    typeof n.message === 'string' &&
    (n.reason === 'template' || n.reason === 'no-figures')
    ? n
    : null;
}

import type { Report } from '../../../shared/model/types';
import type { ExportFormat } from '../../../shared/service/api';
import { exportFileName } from '../../../shared/export/file-name';

/** The four export formats as the clerk reads them, in the order offered. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html', 'pdf', 'fragment'];

/** Sign-off, website, print: what most clerks need every time. */
const DEFAULT_FORMATS: readonly ExportFormat[] = ['docx', 'html', 'pdf'];

export const FORMAT_INFO: Record<ExportFormat, { label: string; hint: string }> = {
  docx: { label: 'Word 文档（.docx）', hint: '送领导审签、打印；在 WPS 或 Word 中打开和修改。' },
  html: { label: '网页（.html）', hint: '在网站发布的完整网页，与预览相同。' },
  pdf: { label: 'PDF（.pdf）', hint: '打印或存档，A4 版式，带页码。' },
  fragment: { label: '网站版片段（.html）', hint: '贴到网站后台编辑器“源代码”中的正文部分（不含标题）。' },
};

export function fileNameOf(report: Pick<Report, 'agency' | 'year'>, format: ExportFormat): string {
  return exportFileName(report, format === 'fragment' ? 'fragment.html' : format);
}

/** The formats remembered in the settings, or the defaults (unknown values dropped). */
export function rememberedFormats(value: unknown): ExportFormat[] {
  if (!Array.isArray(value)) return [...DEFAULT_FORMATS];
  const list = EXPORT_FORMATS.filter((f) => value.includes(f));
  return list.length ? list : [...DEFAULT_FORMATS];
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

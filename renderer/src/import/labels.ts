import type { FormatId } from '../../../shared/model/types';
import type { ImportPreview } from '../../../shared/service/api';
import { KIND_NAMES } from '../../../shared/import/batch-summary';

/** How the import screens name what was read (one place, so the preview and the batch agree). */

/** The same names as the batch summary page and CSV use. */
export const KIND_LABELS: Record<ImportPreview['kind'], string> = KIND_NAMES;

export const FORMAT_LABELS: Record<FormatId, string> = {
  'gov-2021': '2021年版格式',
  'gov-2019': '2019年版格式',
  'pre-2019': '2019年以前',
};

export const TABLE_LABELS: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };

export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** 高 from 0.9 (a table whose sums hold is at least 0.97), 中 from 0.6, else 低. */
export function confidenceLevel(value: number): ConfidenceLevel {
  return value >= 0.9 ? 'high' : value >= 0.6 ? 'medium' : 'low';
}

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = { high: '高', medium: '中', low: '低' };

/**
 * Why a table's confidence is what it is (the tooltip of its tag): a clerk seeing 表四 95% asks
 * what the missing 5% is. 100% only when every figure's place is certain (our own files).
 */
export function confidenceExplanation(table: string, value: number): string {
  if (value >= 1) return '每个数字都按官方格式的行和列对应上了，没有需要推定的地方。';
  const level = confidenceLevel(value);
  if (level === 'high') {
    if (table === 't4')
      return (
        '表四原文只有一行数字，列名印在表头里，数字本身不带列名：程序按官方格式的列序读取，并用各组“总计”核对无误。' +
        '列的对应是按顺序推定的，不是逐格确认的，所以不是 100%。一般无需改动，核对一眼即可。'
      );
    return (
      `${TABLE_LABELS[table] ?? '这张表'}的行与官方格式对上了，表内的合计与勾稽关系也吻合；` +
      '但原文的行名与官方文字不完全相同（或有行未印出），部分行是按相似的行名推定的，所以不是 100%。一般无需改动。'
    );
  }
  return (
    '部分行或数字是推定对应的（原文的行名、数字位置或合计不能完全印证），具体见下方“导入提示”；' +
    '没有把握的格已留空。请对照原文逐格核对。'
  );
}

export function percent(value: number): string {
  return `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
}

/** “表二 高（98%）” for lists and the batch summary. */
export function confidenceText(confidence: Record<string, number> | undefined): string {
  if (!confidence) return '';
  return Object.entries(confidence)
    .filter(([t]) => TABLE_LABELS[t])
    .map(([t, v]) => `${TABLE_LABELS[t]} ${CONFIDENCE_LABELS[confidenceLevel(v)]}（${percent(v)}）`)
    .join('，');
}

/** The publish date the importer found (meta.source.publishedAt), as printed or ISO. */
export function publishedAt(preview: Pick<ImportPreview, 'report'>): string | undefined {
  const v = (preview.report.meta.source as { publishedAt?: unknown } | undefined)?.publishedAt;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

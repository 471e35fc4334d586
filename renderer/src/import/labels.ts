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

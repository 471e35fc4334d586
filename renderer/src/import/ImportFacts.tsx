import { Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import type { ImportPreview } from '../../../shared/service/api';
import { templateFor } from '../../../templates/index';
import {
  CONFIDENCE_LABELS,
  FORMAT_LABELS,
  KIND_LABELS,
  TABLE_LABELS,
  confidenceExplanation,
  confidenceLevel,
  percent,
  publishedAt,
} from './labels';

const LEVEL_COLOR = { high: 'success', medium: 'warning', low: 'error' } as const;

/** 识别结果, 表格识别可信度 and 导入提示 of the file being previewed. */
export function ImportFacts({ preview, report }: { preview: ImportPreview; report: Report }) {
  const template = report.format !== 'pre-2019' ? templateFor(report.format) : null;
  const confidence = Object.entries(preview.confidence ?? {}).filter(([t]) => TABLE_LABELS[t]);
  const date = publishedAt({ report });
  return (
    <>
      <h2 className="import-h2">识别结果</h2>
      <dl className="import-facts">
        <dt>文件类型</dt>
        <dd>{KIND_LABELS[preview.kind]}</dd>
        <dt>格式</dt>
        <dd>{FORMAT_LABELS[report.format]}</dd>
        <dt>年度</dt>
        <dd>{report.year}年度</dd>
        <dt>机关</dt>
        <dd>{report.agency.name || <span className="muted">（未识别）</span>}</dd>
        <dt>标题</dt>
        <dd>{report.title || <span className="muted">（未识别）</span>}</dd>
        <dt>发布日期</dt>
        <dd>{date ?? <span className="muted">（未找到）</span>}</dd>
      </dl>
      <h2 className="import-h2">表格识别可信度</h2>
      {report.format === 'pre-2019' ? (
        <p className="muted">
          2019 年以前的格式没有现行的三张统计表，只导入了文字
          {Object.keys(report.cells).length ? '和能对应上的统计数字' : ''}。
        </p>
      ) : (
        <ul className="import-confidence">
          {confidence.map(([t, v]) => {
            const level = confidenceLevel(v);
            const caption = template?.tables.find((x) => x.id === t)?.caption ?? '';
            return (
              <li key={t}>
                <span className="import-table-name">
                  {TABLE_LABELS[t]} <span className="muted small">{caption}</span>
                </span>
                <Tooltip title={confidenceExplanation(t, v)}>
                  <Tag
                    color={LEVEL_COLOR[level]}
                    variant="outlined"
                    tabIndex={0}
                    className="import-confidence-tag"
                    aria-label={`${TABLE_LABELS[t]}可信度${CONFIDENCE_LABELS[level]}（${percent(v)}）：${confidenceExplanation(t, v)}`}
                  >
                    {CONFIDENCE_LABELS[level]}（{percent(v)}）
                    {v < 1 ? <QuestionCircleOutlined aria-hidden="true" className="import-confidence-why" /> : null}
                  </Tag>
                </Tooltip>
              </li>
            );
          })}
        </ul>
      )}
      {confidence.some(([, v]) => confidenceLevel(v) !== 'high') ? (
        <p className="muted small">可信度不高的表格，请对照原文核对数字；没有把握的格留空，不会猜测。</p>
      ) : null}
      {preview.warnings.length ? (
        <>
          <h2 className="import-h2">导入提示（{preview.warnings.length}）</h2>
          <details className="import-warnings" open={preview.warnings.length <= 6}>
            <summary>请核对这些地方的原文</summary>
            <ul>
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </>
  );
}

import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { notReportOf } from '../../../shared/import/not-report';
import { FORMAT_LABELS, KIND_LABELS } from '../import/labels';
import { duplicateNote, verdictOf, VERDICT_LABELS, type BatchRow, type Verdict } from './batch-logic';

const VERDICT_COLOR: Record<Verdict, string> = {
  unreadable: 'default',
  'not-report': 'default',
  error: 'error',
  warning: 'warning',
  clean: 'success',
  pending: 'processing',
};

/** One row per file: the verdict, what was read, the counts, the file (and why it could not be read). */
export function BatchTable(props: { rows: BatchRow[]; running: boolean; onOpen(row: BatchRow): void }) {
  const { rows, running, onOpen } = props;

  const verdict = (row: BatchRow) => {
    const v = verdictOf(row);
    const label =
      v === 'pending'
        ? row.state === 'reading'
          ? '读取中…'
          : running
            ? '等待中'
            : '未检查（已停止）'
        : VERDICT_LABELS[v];
    return (
      <Tag color={VERDICT_COLOR[v]} variant="outlined">
        {label}
      </Tag>
    );
  };

  // A blank template or an outline is not checked as a report: no counts.
  const count = (r: BatchRow, severity: 'error' | 'warning') =>
    r.state === 'done' && !notReportOf(r.preview?.report) ? (
      <span className={r.counts[severity] ? `batch-num ${severity}` : 'batch-num'}>{r.counts[severity]}</span>
    ) : (
      '—'
    );

  const columns: ColumnsType<BatchRow> = [
    { title: '结论', width: 120, render: (_, r) => verdict(r) },
    {
      title: '机关',
      width: 220,
      render: (_, r) =>
        r.preview ? (
          <Button
            type="link"
            className="batch-open"
            onClick={() => onOpen(r)}
            aria-label={`查看${r.fileName}的导入预览`}
          >
            {r.preview.report.agency.name || '（未识别机关）'}
          </Button>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { title: '年度', width: 76, render: (_, r) => (r.preview ? `${r.preview.report.year}年` : '—') },
    { title: '格式', width: 118, render: (_, r) => (r.preview ? FORMAT_LABELS[r.preview.report.format] : '—') },
    { title: '来源', width: 128, render: (_, r) => (r.preview ? KIND_LABELS[r.preview.kind] : '—') },
    { title: '错误', width: 64, align: 'right', render: (_, r) => count(r, 'error') },
    { title: '警告', width: 64, align: 'right', render: (_, r) => count(r, 'warning') },
    {
      title: '文件',
      render: (_, r) => (
        <div className="batch-file">
          <span>{r.fileName}</span>
          {r.duplicateOf ? (
            <div className="batch-duplicate">
              <Tag color="warning" variant="outlined">
                重复
              </Tag>
              {duplicateNote(r.duplicateOf)}
            </div>
          ) : null}
          {r.error ? <div className="batch-error">{r.error}</div> : null}
          {notReportOf(r.preview?.report) ? (
            <div className="muted">{notReportOf(r.preview?.report)!.message}</div>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <Table<BatchRow>
      rowKey="index"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      className="library-table batch-table"
      onRow={(r) =>
        r.preview
          ? {
              onClick: (e) => !(e.target as HTMLElement).closest('button') && onOpen(r),
              className: 'batch-row-open',
            }
          : {}
      }
    />
  );
}

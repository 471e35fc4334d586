import { useEffect, useState } from 'react';
import { Input, Modal, Select, Space, Table } from 'antd';
import { AGENCY_KIND_LABELS, type Report } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';

/** Picks unit reports from the library: one year (this report's by default), all but this report. */
export function LibraryPicker(props: {
  open: boolean;
  report: Report;
  /** Library ids already added. */
  added: ReadonlySet<string>;
  onCancel(): void;
  onPick(ids: string[]): void;
}) {
  const { api } = useServices();
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [year, setYear] = useState(props.report.year);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);

  useEffect(() => {
    if (!props.open) return;
    setChosen([]);
    api.listReports().then(
      (lib) => setReports(lib.reports.filter((r) => r.id !== props.report.meta.id)),
      (e) => setError(errorText(e)),
    );
  }, [api, props.open, props.report.meta.id]);

  const years = [...new Set((reports ?? []).map((r) => r.year))].sort((a, b) => b - a);
  const shown = (reports ?? [])
    .filter((r) => r.year === year && (!query.trim() || r.agency.includes(query.trim())))
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));

  return (
    <Modal
      open={props.open}
      width={760}
      title="从年报库添加单位报告"
      okText={chosen.length ? `添加 ${chosen.length} 份` : '添加'}
      okButtonProps={{ disabled: !chosen.length }}
      cancelText="取消"
      onCancel={props.onCancel}
      onOk={() => props.onPick(chosen)}
    >
      {error ? <p className="error-text">{error}</p> : null}
      <Space className="gap-bottom" wrap>
        <Select
          value={year}
          style={{ width: 120 }}
          aria-label="年度"
          options={[...new Set([props.report.year, ...years])].map((y) => ({ value: y, label: `${y}年度` }))}
          onChange={(y) => {
            setYear(y);
            setChosen([]);
          }}
        />
        <Input
          allowClear
          placeholder="按机关名称筛选"
          aria-label="按机关名称筛选"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </Space>
      <Table<ReportSummary>
        rowKey="id"
        size="small"
        loading={reports === null && !error}
        dataSource={shown}
        pagination={shown.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
        scroll={{ y: 360 }}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setChosen(keys as string[]),
          getCheckboxProps: (r) => ({ disabled: props.added.has(r.id), 'aria-label': `选择${r.agency}` }),
        }}
        columns={[
          {
            title: '机关',
            dataIndex: 'agency',
            render: (a: string, r) => (props.added.has(r.id) ? `${a}（已添加）` : a),
          },
          {
            title: '类型',
            dataIndex: 'agencyKind',
            width: 110,
            render: (k: ReportSummary['agencyKind']) => AGENCY_KIND_LABELS[k],
          },
          { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
          {
            title: '检查',
            key: 'c',
            width: 110,
            render: (_: unknown, r: ReportSummary) =>
              r.errors ? `${r.errors} 个错误` : r.warnings ? `${r.warnings} 个警告` : '未发现问题',
          },
        ]}
        locale={{ emptyText: `年报库中没有${year}年度的其他报告。` }}
      />
    </Modal>
  );
}

import { Button, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApartmentOutlined, CopyOutlined, DeleteOutlined, ForwardOutlined, HistoryOutlined } from '@ant-design/icons';
import { AGENCY_KIND_LABELS, STATUS_LABELS, type ReportStatus } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { formatTime } from '../logic/format-time';
import { openReport } from './useLibrary';
import { CheckCounts, SampleTag } from './CheckCounts';
import { navigate } from '../app/router';

const STATUS_ORDER: ReportStatus[] = ['draft', 'review', 'approved', 'published'];

export interface LibraryRowActions {
  busyId: string | null;
  onStatus(r: ReportSummary, status: ReportStatus): void;
  onRollover(r: ReportSummary): void;
  onDuplicate(r: ReportSummary): void;
  onBackups(r: ReportSummary): void;
  onDelete(r: ReportSummary): void;
}

/** The library's list: one row per report with its status, check result, time and actions. */
export function LibraryTable(props: LibraryRowActions & { reports: ReportSummary[]; emptyText: string }) {
  const { busyId } = props;
  const columns: ColumnsType<ReportSummary> = [
    {
      title: '机关',
      dataIndex: 'agency',
      sorter: (a, b) => a.agency.localeCompare(b.agency, 'zh-CN'),
      render: (_, r) => (
        <div className="lib-agency">
          <Button
            type="link"
            className="lib-open-link"
            onClick={() => openReport(r.id)}
            aria-label={`打开${r.agency}${r.year}年度年报`}
            data-open-id={r.id}
          >
            {r.agency || '（未填写机关）'}
          </Button>
          {r.sample ? <SampleTag /> : null}
          <div className="muted small">{AGENCY_KIND_LABELS[r.agencyKind] ?? ''}</div>
        </div>
      ),
    },
    {
      title: '年度',
      dataIndex: 'year',
      width: 96,
      sorter: (a, b) => a.year - b.year,
      render: (y: number) => `${y}年`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 132,
      // A native select: 200 rows of antd Selects would slow the library's first paint.
      render: (status: ReportStatus, r) => (
        <select
          className={`status-select status-${status}`}
          value={status}
          disabled={busyId === r.id}
          aria-label={`${r.agency}${r.year}年度年报的状态`}
          onChange={(e) => props.onStatus(r, e.target.value as ReportStatus)}
        >
          {STATUS_ORDER.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      ),
    },
    {
      title: '检查结果',
      width: 170,
      render: (_, r) => <CheckCounts summary={r} />,
    },
    {
      title: '修改时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (t: string) => <span className="muted">{formatTime(t)}</span>,
    },
    {
      title: '操作',
      width: 340,
      render: (_, r) => (
        <Space size={2}>
          <Button size="small" type="primary" ghost onClick={() => openReport(r.id)}>
            打开
          </Button>
          {r.sample ? null : (
            <Tooltip title={`以这份年报为基础新建${r.year + 1}年度年报`}>
              <Button
                size="small"
                type="text"
                icon={<ForwardOutlined />}
                aria-label={`以此为基础新建下一年：${r.agency}${r.year + 1}年度`}
                onClick={() => props.onRollover(r)}
              >
                新建下一年
              </Button>
            </Tooltip>
          )}
          {r.agencyKind === 'government' ? (
            <Tooltip title="汇总各部门、乡镇（街道）的年报">
              <Button
                size="small"
                type="text"
                icon={<ApartmentOutlined />}
                aria-label={`汇总下级单位：${r.agency}${r.year}年度`}
                onClick={() => navigate({ screen: 'aggregate', id: r.id })}
              >
                汇总
              </Button>
            </Tooltip>
          ) : null}
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            loading={busyId === r.id}
            onClick={() => props.onDuplicate(r)}
          >
            复制
          </Button>
          <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => props.onBackups(r)}>
            备份
          </Button>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => props.onDelete(r)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<ReportSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.reports}
      pagination={props.reports.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(r) => ({ onDoubleClick: () => openReport(r.id) })}
      locale={{ emptyText: props.emptyText }}
      className="library-table"
    />
  );
}

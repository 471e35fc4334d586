import { useState } from 'react';
import { Button, Dropdown, Modal, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MoreOutlined } from '@ant-design/icons';
import {
  KEY_FIGURES,
  KEY_FIGURE_LABELS,
  ROSTER_STATUS_LABELS,
  FORMAT_NAMES,
  type AggregateView,
  type UnitRow,
} from '../../../shared/aggregate/index';
import { STATUS_COLORS } from './labels';

/**
 * One row per unit report, then the roster's units that have not reported: status against the
 * roster, its own check results, its key figures, whether it counts; the row's menu prefers a
 * duplicate, switches 本级/下级, assigns it to a roster entry or removes it.
 */
export function UnitsPanel(props: {
  view: AggregateView;
  onInclude(key: string, on: boolean): void;
  onPrefer(key: string): void;
  onRole(key: string, role: 'own' | 'unit'): void;
  onAssign(key: string, rosterName: string | undefined): void;
  onRemove(key: string): void;
  onAddToRoster(row: UnitRow): void;
}) {
  const { view } = props;
  const unitOf = (key: string) => view.state.units.find((u) => u.key === key);
  const rosterOptions = view.state.roster.map((e) => ({ value: e.name, label: e.name }));
  const [assigning, setAssigning] = useState<{ key: string; value: string | undefined } | null>(null);

  const columns: ColumnsType<UnitRow> = [
    {
      title: '单位',
      key: 'agency',
      width: 206,
      fixed: 'left',
      render: (_, r) => (
        <div className="agg-unit">
          <span className={r.key ? '' : 'muted'}>{r.agency || '（未识别机关）'}</span>
          {r.role === 'own' ? (
            <Tag className="agg-own-tag" color="blue" variant="outlined">
              本级
            </Tag>
          ) : null}
          {r.rosterName && r.rosterName !== r.agency ? <div className="muted small">名单：{r.rosterName}</div> : null}
          {r.key ? <div className="muted small agg-source">{r.source}</div> : null}
        </div>
      ),
    },
    {
      title: '名单状态',
      key: 'status',
      width: 84,
      render: (_, r) => (
        <Tag color={STATUS_COLORS[r.status]} variant="outlined">
          {ROSTER_STATUS_LABELS[r.status]}
        </Tag>
      ),
    },
    {
      title: '年度',
      key: 'year',
      width: 68,
      render: (_, r) => (r.year ? `${r.year}年` : '—'),
    },
    { title: '格式', key: 'format', width: 84, render: (_, r) => (r.format ? FORMAT_NAMES[r.format] : '—') },
    {
      title: '检查',
      key: 'checks',
      width: 88,
      render: (_, r) => {
        if (!r.key) return '—';
        const u = unitOf(r.key);
        const tip = u ? [...u.errors.map((m) => `错误：${m}`), ...u.warnings.map((m) => `警告：${m}`)].join('\n') : '';
        const tags = (
          <Space size={2} wrap>
            {r.errors ? (
              <Tag color="error" variant="outlined">
                {r.errors} 错误
              </Tag>
            ) : null}
            {r.warnings ? (
              <Tag color="warning" variant="outlined">
                {r.warnings} 警告
              </Tag>
            ) : null}
            {!r.errors && !r.warnings ? (
              <Tag color="success" variant="outlined">
                通过
              </Tag>
            ) : null}
          </Space>
        );
        return tip ? (
          <Tooltip title={<div className="agg-tip">{tip}</div>} styles={{ root: { maxWidth: 520 } }}>
            <span tabIndex={0}>{tags}</span>
          </Tooltip>
        ) : (
          tags
        );
      },
    },
    ...KEY_FIGURES.map((k) => ({
      title: KEY_FIGURE_LABELS[k],
      key: k,
      width: k === 'res_total' ? 92 : 72,
      align: 'right' as const,
      render: (_: unknown, r: UnitRow) => (r.key ? (r.figures[k] ?? '—') : ''),
    })),
    {
      title: '计入',
      key: 'include',
      width: 52,
      render: (_, r) =>
        r.key ? (
          <Switch
            size="small"
            checked={r.include}
            aria-label={`${r.agency}计入汇总`}
            onChange={(on) => props.onInclude(r.key!, on)}
          />
        ) : null,
    },
    {
      title: '说明',
      key: 'note',
      width: 162,
      ellipsis: { showTitle: true },
      render: (_, r) => <span className={r.counted ? 'small' : 'small muted'}>{r.note}</span>,
    },
    {
      title: '',
      key: 'menu',
      width: 40,
      fixed: 'right',
      render: (_, r) => {
        if (!r.key) return null;
        const key = r.key;
        const items = [
          ...(r.status === 'duplicate' ? [{ key: 'prefer', label: '改用这份（不用另一份）' }] : []),
          r.role === 'own' ? { key: 'unit', label: '改为下级单位' } : { key: 'own', label: '设为本级（政府办公室）' },
          ...(r.status === 'not_on_roster' ? [{ key: 'roster', label: '加入报送名单' }] : []),
          ...(view.state.roster.length ? [{ key: 'assign', label: '对应名单中的单位…' }] : []),
          { key: 'remove', label: '移除这份报告', danger: true },
        ];
        return (
          <Dropdown
            trigger={['click']}
            menu={{
              items,
              onClick: ({ key: action }) => {
                if (action === 'prefer') props.onPrefer(key);
                else if (action === 'own' || action === 'unit') props.onRole(key, action);
                else if (action === 'roster') props.onAddToRoster(r);
                else if (action === 'assign') setAssigning({ key, value: unitOf(key)?.rosterName });
                else if (action === 'remove') props.onRemove(key);
              },
            }}
          >
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={`${r.agency}的更多操作`} />
          </Dropdown>
        );
      },
    },
  ];

  return (
    <>
      <Modal
        open={assigning !== null}
        title="对应名单中的单位"
        okText="确定"
        cancelText="取消"
        onCancel={() => setAssigning(null)}
        onOk={() => {
          if (assigning) props.onAssign(assigning.key, assigning.value);
          setAssigning(null);
        }}
      >
        <p className="muted small">
          名称写法不同、未能自动对应时，为这份报告选择名单中的单位（清空则按名称自动对应）。
        </p>
        <Select
          allowClear
          showSearch
          style={{ width: '100%' }}
          placeholder="选择名单中的单位"
          aria-label="名单中的单位"
          value={assigning?.value}
          options={rosterOptions}
          onChange={(v: string | undefined) => setAssigning((a) => (a ? { ...a, value: v } : a))}
        />
      </Modal>
      <Table<UnitRow>
        rowKey={(r) => r.key ?? `missing:${r.agency}`}
        size="small"
        columns={columns}
        dataSource={view.rows}
        // Fits the window at 1366 px wide (the 说明 column included); narrower windows scroll.
        scroll={{ x: 1240 }}
        pagination={view.rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        className="agg-units-table"
        rowClassName={(r) => (r.counted ? '' : 'agg-row-out')}
        locale={{ emptyText: <span className="agg-empty">还没有添加单位报告。</span> }}
      />
    </>
  );
}

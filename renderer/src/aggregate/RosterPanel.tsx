import { useState } from 'react';
import { App as AntApp, Button, Checkbox, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  guessKind,
  readAggregateState,
  rosterFromNames,
  type AggregateView,
  type RosterEntry,
} from '../../../shared/aggregate/index';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type AgencyKind, type Report } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';

/**
 * 报送名单: the units expected to report, kept with the report and carried to next year. Typed,
 * pasted from a spreadsheet, or taken from last year (last year's 汇总 and the library's reports of
 * that year).
 */
export function RosterPanel(props: { report: Report; view: AggregateView; onChange(roster: RosterEntry[]): void }) {
  const { api } = useServices();
  const { message } = AntApp.useApp();
  const { view, report } = props;
  const roster = view.state.roster;
  const [paste, setPaste] = useState<string | null>(null);
  const [fromLast, setFromLast] = useState<{ names: string[]; chosen: string[]; note: string } | null>(null);

  const outside = [
    ...new Set(view.match.units.filter((u) => u.status === 'not_on_roster' && u.unit.agency).map((u) => u.unit.agency)),
  ];
  const set = (i: number, patch: Partial<RosterEntry>) =>
    props.onChange(roster.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  const addNames = (text: string) => {
    const added = rosterFromNames(text, roster, report);
    props.onChange([...roster, ...added]);
    return added.length;
  };

  const openFromLast = async () => {
    try {
      const { reports } = await api.listReports();
      const year = report.year - 1;
      const names = new Set<string>();
      let note = '';
      // Last year's government report of the same agency: its roster and the units it summed.
      const lastGov = reports.find((r: ReportSummary) => r.year === year && r.agency === report.agency.name);
      if (lastGov) {
        const st = readAggregateState(await api.getReport(lastGov.id)).state;
        for (const e of st.roster) names.add(e.name);
        for (const u of st.units) if (u.agency) names.add(u.agency);
        note = `来自${year}年度本级年报的名单和已汇总单位`;
      }
      for (const r of reports)
        if (r.year === year && r.id !== lastGov?.id && r.agencyKind !== 'government') names.add(r.agency);
      const list = [...names].filter((n) => n && n !== report.agency.name);
      if (!list.length) {
        void message.info(`年报库中没有${year}年度的报告，无法从上年导入名单。可以粘贴名单或逐个添加。`);
        return;
      }
      const fresh = list.filter((n) => rosterFromNames(n, roster, report).length > 0);
      setFromLast({ names: list, chosen: fresh, note: note || `年报库中${year}年度的报告` });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const columns: ColumnsType<RosterEntry & { index: number }> = [
    { title: '序号', key: 'n', width: 60, render: (_, e) => e.index + 1 },
    {
      title: '单位名称',
      key: 'name',
      render: (_, e) => (
        <Input
          defaultValue={e.name}
          aria-label={`第 ${e.index + 1} 个单位的名称`}
          onBlur={(ev) => {
            const v = ev.target.value.trim();
            if (v && v !== e.name) set(e.index, { name: v });
          }}
        />
      ),
    },
    {
      title: '类型',
      key: 'kind',
      width: 150,
      render: (_, e) => (
        <Select<AgencyKind>
          value={e.kind}
          style={{ width: 136 }}
          aria-label={`${e.name}的类型`}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
          onChange={(kind) => set(e.index, { kind })}
        />
      ),
    },
    {
      title: '本级',
      key: 'own',
      width: 70,
      render: (_, e) => (
        <Checkbox
          checked={e.own === true}
          aria-label={`${e.name}是本级`}
          onChange={(ev) => set(e.index, { own: ev.target.checked ? true : undefined })}
        />
      ),
    },
    {
      title: '其他写法（别名）',
      key: 'aliases',
      width: 240,
      render: (_, e) => (
        <Input
          defaultValue={(e.aliases ?? []).join('、')}
          placeholder="如更名前的名称，用顿号分隔"
          aria-label={`${e.name}的其他写法`}
          onBlur={(ev) => {
            const aliases = ev.target.value
              .split(/[、,，;；]/)
              .map((s) => s.trim())
              .filter(Boolean);
            set(e.index, { aliases: aliases.length ? aliases : undefined });
          }}
        />
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, e) =>
        view.match.roster[e.index]?.status === 'submitted' ? (
          <Tag color="success" variant="outlined">
            已提交
          </Tag>
        ) : (
          <Tag color="error" variant="outlined">
            未提交
          </Tag>
        ),
    },
    {
      title: '',
      key: 'del',
      width: 56,
      render: (_, e) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`从名单中删除${e.name}`}
          onClick={() => props.onChange(roster.filter((_x, j) => j !== e.index))}
        />
      ),
    },
  ];

  return (
    <div className="agg-roster">
      <Space wrap className="gap-bottom">
        <Button icon={<PlusOutlined />} onClick={() => setPaste('')}>
          添加或粘贴名单…
        </Button>
        <Button onClick={() => void openFromLast()}>从上年导入…</Button>
        {outside.length ? (
          <Button
            onClick={() => {
              const n = addNames(outside.join('\n'));
              void message.success(`已把 ${n} 个已报送但不在名单中的单位加入名单。`);
            }}
          >
            把已报送、不在名单中的 {outside.length} 个单位加入名单
          </Button>
        ) : null}
        <span className="muted small">名单随本报告保存，以本报告为基础新建下一年时一并带过去。</span>
      </Space>
      <Table
        rowKey={(e) => `${e.index}:${e.name}`}
        size="small"
        columns={columns}
        dataSource={roster.map((e, index) => ({ ...e, index }))}
        pagination={roster.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: '还没有报送名单。可以粘贴一列单位名称，或从上年导入。' }}
      />
      <Modal
        open={paste !== null}
        title="添加或粘贴名单"
        okText="加入名单"
        cancelText="取消"
        onCancel={() => setPaste(null)}
        onOk={() => {
          const n = addNames(paste ?? '');
          setPaste(null);
          void message.success(n ? `已加入 ${n} 个单位。` : '没有新的单位（名单中已有或为空）。');
        }}
      >
        <p className="muted small">
          每行一个单位名称（可从 Excel、WPS 表格中复制一列粘贴）。已在名单中的不会重复加入。
        </p>
        <Input.TextArea
          rows={10}
          value={paste ?? ''}
          aria-label="单位名称，每行一个"
          onChange={(e) => setPaste(e.target.value)}
          placeholder={'云溪县财政局\n云溪县教育局\n城关镇人民政府'}
        />
      </Modal>
      <Modal
        open={fromLast !== null}
        title="从上年导入名单"
        okText="加入名单"
        cancelText="取消"
        onCancel={() => setFromLast(null)}
        onOk={() => {
          const n = addNames((fromLast?.chosen ?? []).join('\n'));
          setFromLast(null);
          void message.success(`已加入 ${n} 个单位。`);
        }}
      >
        <p className="muted small">{fromLast?.note}。勾选要加入名单的单位：</p>
        <Checkbox.Group
          className="agg-pick-list"
          value={fromLast?.chosen ?? []}
          onChange={(v) => setFromLast((s) => (s ? { ...s, chosen: v as string[] } : s))}
          options={(fromLast?.names ?? []).map((n) => ({
            value: n,
            label: `${n}（${AGENCY_KIND_LABELS[guessKind(n)]}）`,
          }))}
        />
      </Modal>
    </div>
  );
}

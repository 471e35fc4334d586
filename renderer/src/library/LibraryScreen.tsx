import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Input, Space, Table, Tag, Tooltip, Spin, Result } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  DeleteOutlined,
  CopyOutlined,
  PlusOutlined,
  ImportOutlined,
  HistoryOutlined,
  ReadOutlined,
  SearchOutlined,
  RestOutlined,
  ForwardOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import { AGENCY_KIND_LABELS, STATUS_LABELS, type ReportStatus } from '../../../shared/model/types';
import type { DamagedReport, Library, ReportSummary, Settings } from '../../../shared/service/api';
import { SAMPLE_AGENCY } from '../../../shared/sample/sample-report';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { navigate } from '../app/router';
import { useImportActions } from '../import/useImportActions';
import { useFileDrop } from '../import/FileDrop';
import '../import/import.css';
import { useCommandHandler } from '../app/commands';
import { NewReportDialog, type NewReportValues } from './NewReportDialog';
import { TrashDrawer } from './TrashDrawer';
import { BackupDialog } from './BackupDialog';
import { formatTime } from '../logic/format-time';
import { WelcomePanel } from './WelcomePanel';
import { RolloverDialog } from '../rollover/RolloverDialog';

const STATUS_ORDER: ReportStatus[] = ['draft', 'review', 'approved', 'published'];

export function LibraryScreen({ openCreate }: { openCreate: boolean }) {
  const { api, saves } = useServices();
  const { message, modal } = AntApp.useApp();
  const [library, setLibrary] = useState<Library | null>(null);
  const [settings, setSettings] = useState<Settings>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [createOpen, setCreateOpen] = useState(openCreate);
  const [trashOpen, setTrashOpen] = useState(false);
  const [backupFor, setBackupFor] = useState<{ id: string; label: string; damaged?: DamagedReport } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const imports = useImportActions();
  // A file dropped anywhere on the library is imported (several: checked as a batch).
  const drop = useFileDrop(imports.importDropped, '松开鼠标，导入这个文件');
  // 以上年为基础新建: closed, open (the latest report preselected) or open for one report.
  const [rollover, setRollover] = useState<{ fromId?: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      // Edits still on their way to the disk must be in the list (and its check counts).
      await saves.flush();
      const lib = await api.listReports();
      setLibrary(lib);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [api, saves]);

  useEffect(() => {
    void reload();
    api.getSettings().then(setSettings, () => undefined);
  }, [reload, api]);

  useEffect(() => setCreateOpen(openCreate), [openCreate]);

  useCommandHandler((command) => {
    if (command === 'new-report') {
      setCreateOpen(true);
      return true;
    }
    if (command === 'library') return true;
    if (command === 'find') {
      document.querySelector<HTMLInputElement>('input[aria-label="搜索年报"]')?.focus();
      return true;
    }
    return false;
  });

  const open = (id: string) => navigate({ screen: 'editor', id, page: 'cover' });

  const create = async (values: NewReportValues) => {
    try {
      const report = await api.createReport(values);
      void api.updateSettings({ defaultAgency: values.agency, defaultKind: values.kind }).catch(() => undefined);
      setCreateOpen(false);
      navigate({ screen: 'editor', id: report.meta.id, page: 'cover' }, true);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const openSample = async () => {
    // One sample is enough: open the one already in the library rather than adding another copy.
    const existing = library?.reports
      .filter((r) => r.agency === SAMPLE_AGENCY)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (existing) {
      open(existing.id);
      return;
    }
    try {
      const report = await api.createSampleReport();
      navigate({ screen: 'editor', id: report.meta.id, page: 'cover' });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const duplicate = async (r: ReportSummary) => {
    setBusyId(r.id);
    try {
      const copy = await api.duplicateReport(r.id);
      void message.success(`已复制“${r.agency}”${r.year}年度年报，副本在列表中。`);
      await reload();
      return copy;
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  const restore = async (id: string, label: string) => {
    try {
      await api.restoreReport(id);
      void message.success(`已恢复${label}。`);
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const remove = async (r: ReportSummary) => {
    const label = `“${r.agency}”${r.year}年度年报`;
    try {
      await api.deleteReport(r.id);
      await reload();
      const key = `deleted-${r.id}`;
      void message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            已将{label}移到回收站。
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                void restore(r.id, label);
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const confirmRemove = (r: ReportSummary) =>
    modal.confirm({
      title: `删除“${r.agency}”${r.year}年度年报？`,
      content: '删除后可在回收站中找回。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => remove(r),
    });

  const setStatus = async (r: ReportSummary, status: ReportStatus) => {
    setBusyId(r.id);
    try {
      const report = saves.unsaved(r.id) ?? (await api.getReport(r.id));
      await api.saveReport({ ...report, meta: { ...report.meta, status } });
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  const reports = useMemo(() => library?.reports ?? [], [library]);
  const filtered = useMemo(() => {
    const q = query.trim();
    const list = q
      ? reports.filter((r) => r.agency.includes(q) || r.title.includes(q) || String(r.year).includes(q))
      : reports;
    return [...list].sort((a, b) => b.year - a.year || a.agency.localeCompare(b.agency, 'zh-CN'));
  }, [reports, query]);

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
            onClick={() => open(r.id)}
            aria-label={`打开${r.agency}${r.year}年度年报`}
          >
            {r.agency || '（未填写机关）'}
          </Button>
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
          onChange={(e) => void setStatus(r, e.target.value as ReportStatus)}
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
      render: (_, r) =>
        r.errors === 0 && r.warnings === 0 ? (
          <Tag color="success" variant="outlined">
            未发现问题
          </Tag>
        ) : (
          <Space size={4}>
            {r.errors > 0 ? (
              <Tag color="error" variant="outlined">
                {r.errors} 个错误
              </Tag>
            ) : null}
            {r.warnings > 0 ? (
              <Tag color="warning" variant="outlined">
                {r.warnings} 个警告
              </Tag>
            ) : null}
          </Space>
        ),
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
          <Button size="small" type="primary" ghost onClick={() => open(r.id)}>
            打开
          </Button>
          <Tooltip title={`以这份年报为基础新建${r.year + 1}年度年报`}>
            <Button
              size="small"
              type="text"
              icon={<ForwardOutlined />}
              aria-label={`以此为基础新建下一年：${r.agency}${r.year + 1}年度`}
              onClick={() => setRollover({ fromId: r.id })}
            >
              新建下一年
            </Button>
          </Tooltip>
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            loading={busyId === r.id}
            onClick={() => void duplicate(r)}
          >
            复制
          </Button>
          <Button
            size="small"
            type="text"
            icon={<HistoryOutlined />}
            onClick={() => setBackupFor({ id: r.id, label: `“${r.agency}”${r.year}年度年报` })}
          >
            备份
          </Button>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => confirmRemove(r)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];

  const trashCount = library?.trash.length ?? 0;
  const isEmpty = library !== null && reports.length === 0 && library.damaged.length === 0;

  const actions = (
    <Space wrap size={8}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
        新建年报
      </Button>
      <Button icon={<ForwardOutlined />} onClick={() => setRollover({})}>
        以上年为基础新建
      </Button>
      <Button icon={<ImportOutlined />} onClick={() => void imports.pickAndImport()}>
        导入…
      </Button>
      <Button icon={<FileSearchOutlined />} onClick={() => navigate({ screen: 'batch' })}>
        批量检查…
      </Button>
      <Button icon={<ReadOutlined />} onClick={() => void openSample()}>
        打开示例年报
      </Button>
    </Space>
  );

  return (
    <div className="screen">
      <AppHeader>
        <h1 className="screen-title">年报库</h1>
      </AppHeader>
      <main className="library-main file-drop-host" aria-label="年报库" {...drop.handlers}>
        {drop.overlay}
        {loadError ? (
          <Result
            status="warning"
            title="年报库没有打开"
            subTitle={loadError}
            extra={
              <Button type="primary" onClick={() => void reload()}>
                重试
              </Button>
            }
          />
        ) : library === null ? (
          <div className="center-fill">
            <Spin description="正在读取年报库…" />
          </div>
        ) : isEmpty ? (
          <WelcomePanel
            onCreate={() => setCreateOpen(true)}
            onSample={() => void openSample()}
            onRollover={() => setRollover({})}
            onImport={() => void imports.pickAndImport()}
            onBatch={() => navigate({ screen: 'batch' })}
            trashCount={trashCount}
            onTrash={() => setTrashOpen(true)}
          />
        ) : (
          <>
            <div className="library-toolbar">
              {actions}
              <Space size={8}>
                <Input
                  allowClear
                  prefix={<SearchOutlined aria-hidden="true" />}
                  placeholder="搜索机关、标题或年度"
                  aria-label="搜索年报"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  style={{ width: 240 }}
                />
                <Button icon={<RestOutlined />} onClick={() => setTrashOpen(true)}>
                  回收站{trashCount ? `（${trashCount}）` : ''}
                </Button>
              </Space>
            </div>
            {library.damaged.map((d) => (
              <Alert
                key={d.id}
                type="error"
                showIcon
                className="damaged-alert"
                title={`有一份年报文件无法读取：${d.file}`}
                description={d.problem}
                action={
                  <Button size="small" danger onClick={() => setBackupFor({ id: d.id, label: d.file, damaged: d })}>
                    从备份恢复…
                  </Button>
                }
              />
            ))}
            <Table<ReportSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={filtered}
              pagination={filtered.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
              locale={{ emptyText: query ? `没有与“${query}”匹配的年报。` : '年报库是空的。' }}
              className="library-table"
            />
            <p className="muted small library-foot">
              共 {reports.length} 份年报。双击一行或点“打开”进入填写；状态可直接在列表中修改。
            </p>
          </>
        )}
      </main>
      <NewReportDialog
        open={createOpen}
        reports={reports}
        defaultAgency={settings.defaultAgency}
        defaultKind={settings.defaultKind}
        onCancel={() => {
          setCreateOpen(false);
          if (openCreate) navigate({ screen: 'library' }, true);
        }}
        onCreate={create}
      />
      <RolloverDialog
        open={rollover !== null}
        fromId={rollover?.fromId}
        reports={library?.reports}
        onClose={() => setRollover(null)}
      />
      <TrashDrawer
        open={trashOpen}
        trash={library?.trash ?? []}
        onClose={() => setTrashOpen(false)}
        onRestore={restore}
      />
      <BackupDialog
        target={backupFor}
        onClose={() => setBackupFor(null)}
        onRestored={(label) => {
          setBackupFor(null);
          void message.success(`已从备份恢复${label}。`);
          void reload();
        }}
        confirm={modal.confirm}
      />
    </div>
  );
}

import { lazy, useEffect, useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Spin, Result } from 'antd';
import type { DamagedReport, ReportSummary } from '../../../shared/service/api';
import { AppHeader } from '../app/AppHeader';
import { navigate } from '../app/router';
import { useCommandHandler } from '../app/commands';
import { useImportActions } from '../import/useImportActions';
import { useFileDrop } from '../import/FileDrop';
import '../import/import.css';
import { OnceOpened, preloadScreens } from '../app/lazy-screens';
import { WelcomePanel } from './WelcomePanel';
import { LibraryToolbar } from './LibraryToolbar';
import { LibraryTable } from './LibraryTable';
import { reportLabel, useLibrary } from './useLibrary';
import { compareChinese } from './library-sort';
import { loadTooltip } from './LazyTooltip';

// The dialogs come in chunks of their own, loaded the first time one opens.
const loadNewReport = () => import('./NewReportDialog');
const NewReportDialog = lazy(() => loadNewReport().then((m) => ({ default: m.NewReportDialog })));
const RolloverDialog = lazy(() => import('../rollover/RolloverDialog').then((m) => ({ default: m.RolloverDialog })));
const TrashDrawer = lazy(() => import('./TrashDrawer').then((m) => ({ default: m.TrashDrawer })));
const BackupDialog = lazy(() => import('./BackupDialog').then((m) => ({ default: m.BackupDialog })));

/** 年报库: every report of the library, the first-run panel when there is none, and their dialogs. */
export function LibraryScreen({ openCreate }: { openCreate: boolean }) {
  const { message, modal } = AntApp.useApp();
  const lib = useLibrary();
  const { library } = lib;
  const [query, setQuery] = useState('');
  const [createOpen, setCreateOpen] = useState(openCreate);
  const [trashOpen, setTrashOpen] = useState(false);
  const [backupFor, setBackupFor] = useState<{ id: string; label: string; damaged?: DamagedReport } | null>(null);
  const imports = useImportActions();
  // A file dropped anywhere on the library is imported (several: checked as a batch).
  const drop = useFileDrop(imports.importDropped, '松开鼠标，导入这个文件');
  // 以上年为基础新建: closed, open (the latest report preselected) or open for one report.
  const [rollover, setRollover] = useState<{ fromId?: string } | null>(null);

  useEffect(() => setCreateOpen(openCreate), [openCreate]);
  useEffect(() => {
    if (library) preloadScreens([loadNewReport, loadTooltip]);
  }, [library]);

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

  const reports = useMemo(() => library?.reports ?? [], [library]);
  const filtered = useMemo(() => {
    const q = query.trim();
    const list = q
      ? reports.filter((r) => r.agency.includes(q) || r.title.includes(q) || String(r.year).includes(q))
      : reports;
    return [...list].sort((a, b) => b.year - a.year || compareChinese(a.agency, b.agency));
  }, [reports, query]);

  const confirmRemove = (r: ReportSummary) => {
    // Once the row is gone the keyboard goes on to its neighbour (cancelled: back to 删除, as antd does).
    const at = filtered.findIndex((x) => x.id === r.id);
    const neighbour = filtered[at + 1] ?? filtered[at - 1];
    let removed = false;
    modal.confirm({
      title: `删除${reportLabel(r)}？`,
      content: '删除后可在回收站中找回。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        await lib.remove(r);
        removed = true;
      },
      afterClose: () => {
        if (!removed) return;
        const next = neighbour && document.querySelector<HTMLElement>(`[data-open-id="${CSS.escape(neighbour.id)}"]`);
        (next ?? document.querySelector<HTMLElement>('input[aria-label="搜索年报"]'))?.focus();
      },
    });
  };

  const trashCount = library?.trash.length ?? 0;
  const isEmpty = library !== null && reports.length === 0 && library.damaged.length === 0;
  const startImport = () => void imports.pickAndImport();
  const toBatch = () => navigate({ screen: 'batch' });

  return (
    <div className="screen">
      <AppHeader>
        <h1 className="screen-title">年报库</h1>
      </AppHeader>
      <main className="library-main file-drop-host" aria-label="年报库" {...drop.handlers}>
        {drop.overlay}
        {lib.loadError ? (
          <Result
            status="warning"
            title="年报库没有打开"
            subTitle={lib.loadError}
            extra={
              <Button type="primary" onClick={() => void lib.reload()}>
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
            onSample={() => void lib.openSample()}
            onRollover={() => setRollover({})}
            onImport={startImport}
            onBatch={toBatch}
            trashCount={trashCount}
            onTrash={() => setTrashOpen(true)}
          />
        ) : (
          <>
            <LibraryToolbar
              query={query}
              onQuery={setQuery}
              trashCount={trashCount}
              onCreate={() => setCreateOpen(true)}
              onRollover={() => setRollover({})}
              onImport={startImport}
              onBatch={toBatch}
              onSample={() => void lib.openSample()}
              onTrash={() => setTrashOpen(true)}
            />
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
            <LibraryTable
              reports={filtered}
              emptyText={query ? `没有与“${query}”匹配的年报。` : '年报库是空的。'}
              busyId={lib.busyId}
              onStatus={(r, s) => void lib.setStatus(r, s)}
              onRollover={(r) => setRollover({ fromId: r.id })}
              onDuplicate={(r) => void lib.duplicate(r)}
              onBackups={(r) => setBackupFor({ id: r.id, label: reportLabel(r) })}
              onDelete={confirmRemove}
            />
            <p className="muted small library-foot">
              共 {reports.length} 份年报。双击一行或点“打开”进入填写；状态可直接在列表中修改。
            </p>
          </>
        )}
      </main>
      <OnceOpened open={createOpen}>
        <NewReportDialog
          open={createOpen}
          reports={reports}
          defaultAgency={lib.settings.defaultAgency}
          defaultKind={lib.settings.defaultKind}
          onCancel={() => {
            setCreateOpen(false);
            if (openCreate) navigate({ screen: 'library' }, true);
          }}
          onCreate={async (values) => {
            if (await lib.create(values)) setCreateOpen(false);
          }}
        />
      </OnceOpened>
      <OnceOpened open={rollover !== null}>
        <RolloverDialog
          open={rollover !== null}
          fromId={rollover?.fromId}
          reports={library?.reports}
          onClose={() => setRollover(null)}
        />
      </OnceOpened>
      <OnceOpened open={trashOpen}>
        <TrashDrawer
          open={trashOpen}
          trash={library?.trash ?? []}
          onClose={() => setTrashOpen(false)}
          onRestore={lib.restore}
        />
      </OnceOpened>
      <OnceOpened open={backupFor !== null}>
        <BackupDialog
          target={backupFor}
          onClose={() => setBackupFor(null)}
          onRestored={(label) => {
            setBackupFor(null);
            void message.success(`已从备份恢复${label}。`);
            void lib.reload();
          }}
        />
      </OnceOpened>
    </div>
  );
}

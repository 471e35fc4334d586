// Length: the 汇总 screen's tabs share one state (roster, units, sums, findings); the views inside
// are components of their own.
import { useMemo, useRef, useState } from 'react';
import { App as AntApp, Alert, Button, Progress, Result, Space, Spin, Tabs, Tag } from 'antd';
import {
  DatabaseOutlined,
  DownloadOutlined,
  FileAddOutlined,
  FolderAddOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  addUnits,
  applySums,
  computeAggregate,
  ownFromReport,
  planApply,
  preferUnit,
  removeUnit,
  unitRowsCsv,
  updateUnit,
  withAggregateState,
  type AggregateUnit,
  type AggregateState,
} from '../../../shared/aggregate/index';
import { newId } from '../../../shared/model/blank';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { BackButton } from '../app/BackButton';
import { navigate } from '../app/router';
import { bytesToBase64, chooseFiles } from '../import/file-read';
import { useFileDrop } from '../import/FileDrop';
import { saveBase64 } from '../export/download';
import { chooseFolder, readFiles, reportFiles, type ReadProgress } from './aggregate-io';
import { useAggregate } from './useAggregate';
import { UnitsPanel } from './UnitsPanel';
import { RosterPanel } from './RosterPanel';
import { SummedTables } from './SummedTables';
import { ApplyDialog } from './ApplyDialog';
import { LibraryPicker } from './LibraryPicker';
import { FindingsList } from './FindingsList';
import '../import/import.css';
import './aggregate.css';

/**
 * 汇总下级单位 (#/aggregate/<id>), for the 政务公开办 of a county or city government: add the units'
 * reports (library, files, a folder), see who has reported and whose figures are wrong, look at the
 * summed tables cell by cell, and write them into the government report. docs/ui.md (中文) and
 * docs/aggregate.md describe it.
 */
export function AggregateScreen({ id }: { id: string }) {
  const { api, shell, saves } = useServices();
  const { message, modal } = AntApp.useApp();
  const { report, loadError, view, viewError, commit, setState, latest } = useAggregate(id);
  const [tab, setTab] = useState('units');
  const [reading, setReading] = useState<ReadProgress | null>(null);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const [picker, setPicker] = useState(false);
  const [applying, setApplying] = useState(false);
  const stop = useRef(false);

  const government = () => {
    const r = latest.current!;
    return { agency: r.agency.name, year: r.year, roster: view?.state.roster ?? [] };
  };

  const add = (units: AggregateUnit[], failed: { name: string; message: string }[]) => {
    let skipped = 0;
    setState((s) => {
      const out = addUnits(s, units);
      skipped = out.skipped.length;
      return out.state;
    });
    setFailures((f) => [...failed, ...f]);
    const parts = [`已添加 ${units.length - skipped} 份单位报告`];
    if (skipped) parts.push(`${skipped} 份已在列表中（内容相同），未重复添加`);
    if (failed.length) parts.push(`${failed.length} 个文件无法读取（原因见列表上方）`);
    void message[failed.length ? 'warning' : 'success'](`${parts.join('；')}。`);
  };

  const addFiles = async (files: File[]) => {
    const list = reportFiles(files);
    if (!list.length) {
      if (files.length)
        void message.warning('所选位置没有可读取的年报文件（.docx、.html、.pdf、.txt、.json、.nianbao）。');
      return;
    }
    stop.current = false;
    setReading({ done: 0, total: list.length });
    try {
      const res = await readFiles(api, government(), list, setReading, () => stop.current);
      add(res.units, res.failures);
    } finally {
      setReading(null);
    }
  };

  const addLibrary = async (ids: string[]) => {
    setPicker(false);
    if (!ids.length) return;
    setReading({ done: 0, total: ids.length });
    try {
      const res = await api.aggregateReadUnits({ government: government(), ids });
      add(res.units, res.failures);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setReading(null);
    }
  };

  /** Library reports saved again since they were added: read anew (the old version is kept until 写入). */
  const refreshLibrary = async () => {
    const ids = (view?.state.units ?? [])
      .filter((u) => !u.removed && u.source.type === 'library')
      .map((u) => (u.source as { id: string }).id);
    if (!ids.length) return;
    setReading({ done: 0, total: ids.length });
    try {
      const res = await api.aggregateReadUnits({ government: government(), ids });
      let changed = 0;
      setState((s) => {
        const out = addUnits(s, res.units);
        changed = out.added.length;
        return out.state;
      });
      setFailures((f) => [...res.failures, ...f]);
      void message.success(changed ? `${changed} 份报告有更新，已改用新的数字。` : '年报库中的报告没有变化。');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setReading(null);
    }
  };

  const useOwnFigures = () => {
    try {
      const unit = ownFromReport(latest.current!, view!.state, newId(), new Date());
      setState((s) => addUnits(s, [unit]).state);
      void message.success('已把本报告现有的数字作为本级数字。');
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const apply = async (state: AggregateState) => {
    const r = latest.current!;
    const withState = withAggregateState(r, state);
    const next = computeAggregate(withState, state);
    const plan = planApply(r, state, next.result);
    const written = applySums(withState, state, next.result, plan, new Date());
    commit(written);
    setApplying(false);
    const ok = await saves.flush();
    const key = 'agg-written';
    void message.open({
      key,
      type: ok ? 'success' : 'warning',
      duration: 8,
      content: (
        <span>
          {ok ? `已写入 ${plan.changes.length} 个数字并保存。` : '已写入，但暂未保存成功（会自动重试）。'}
          <Button type="link" size="small" onClick={() => navigate({ screen: 'editor', id, page: 'requests' })}>
            打开年报
          </Button>
        </span>
      ),
    });
  };

  const exportXlsx = async () => {
    try {
      await saves.flush();
      const file = await api.aggregateWorkbook(id);
      const done = await saveBase64(shell, file.name, file.data, file.mime, 'xlsx');
      if (done && !done.download) void message.success(`已保存到 ${done.path}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const exportCsv = async () => {
    if (!view || !report) return;
    const name = `${report.agency.name}${report.year}年度汇总单位一览.csv`;
    try {
      const data = bytesToBase64(new TextEncoder().encode(unitRowsCsv(view.rows)));
      const done = await saveBase64(shell, name, data, 'text/csv;charset=utf-8', 'csv');
      if (done && !done.download) void message.success(`已保存到 ${done.path}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const drop = useFileDrop((files) => void addFiles(files), '松开鼠标，添加这些单位报告');
  const addedIds = useMemo(
    () =>
      new Set(
        (view?.state.units ?? [])
          .filter((u) => !u.removed && u.source.type === 'library')
          .map((u) => (u.source as { id: string }).id),
      ),
    [view],
  );

  if (loadError)
    return (
      <div className="screen">
        <Result
          status="warning"
          title="无法打开这份年报"
          subTitle={loadError}
          extra={<Button onClick={() => navigate({ screen: 'library' })}>回到年报库</Button>}
        />
      </div>
    );
  if (!report)
    return (
      <div className="screen center-fill">
        <Spin description="正在读取年报…" />
      </div>
    );

  const counts = view
    ? {
        roster: view.state.roster.length,
        submitted: view.match.roster.filter((r) => r.status === 'submitted').length,
        missing: view.match.roster.filter((r) => r.status === 'missing').length,
        counted: view.rows.filter((r) => r.counted).length,
        errors: view.findings.filter((f) => f.severity === 'error').length,
        warnings: view.findings.filter((f) => f.severity === 'warning').length,
      }
    : null;
  const hasSelf = view?.state.units.some((u) => u.source.type === 'self' && !u.removed);

  return (
    <div className="screen">
      <AppHeader
        extra={
          <Space size={8}>
            <Button icon={<DownloadOutlined />} disabled={!view?.state.units.length} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
            <Button icon={<DownloadOutlined />} disabled={!view} onClick={() => void exportCsv()}>
              导出 CSV
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!view || !counts?.counted}
              onClick={() => setApplying(true)}
            >
              写入年报…
            </Button>
          </Space>
        }
      >
        <BackButton onClick={() => navigate({ screen: 'editor', id, page: 'cover' })}>返回年报</BackButton>
        <h1 className="screen-title">汇总下级单位</h1>
        <span className="doc-agency">{report.agency.name}</span>
        <span className="doc-year">{report.year}年度</span>
      </AppHeader>
      <main className="library-main agg-main file-drop-host" aria-label="汇总下级单位" {...drop.handlers}>
        {drop.overlay}
        {report.agency.kind !== 'government' ? (
          <Alert
            type="info"
            showIcon
            className="gap-bottom"
            title="这份年报不是人民政府的年报。汇总通常用于县（市、区）人民政府汇总所属部门和乡镇（街道）的数字；如确需汇总，可继续。"
          />
        ) : null}
        {viewError ? <Alert type="error" showIcon className="gap-bottom" title={viewError} /> : null}
        {counts ? (
          <div className="agg-summary" role="status" aria-live="polite">
            <span>
              名单 <b>{counts.roster}</b> 个单位，已提交 <b>{counts.submitted}</b>，未提交{' '}
              <b className={counts.missing ? 'error-text' : ''}>{counts.missing}</b>
            </span>
            <span>
              计入汇总 <b>{counts.counted}</b> 份报告
            </span>
            <span>
              问题：
              <Tag color={counts.errors ? 'error' : 'default'} variant="outlined">
                {counts.errors} 错误
              </Tag>
              <Tag color={counts.warnings ? 'warning' : 'default'} variant="outlined">
                {counts.warnings} 警告
              </Tag>
            </span>
            <span className="muted small">
              {view?.state.applied
                ? `最近一次写入：${new Date(view.state.applied.at).toLocaleString('zh-CN', { hour12: false })}`
                : '尚未写入年报'}
            </span>
          </div>
        ) : null}
        {reading ? (
          <div className="agg-progress" role="status">
            <Progress
              percent={Math.round((reading.done / Math.max(1, reading.total)) * 100)}
              status="active"
              aria-label="读取进度"
            />
            <span>
              正在读取：{reading.done} / {reading.total}
            </span>
            <Button size="small" onClick={() => (stop.current = true)}>
              停止
            </Button>
          </div>
        ) : null}
        {failures.length ? (
          <Alert
            type="warning"
            showIcon
            closable
            className="gap-bottom"
            onClose={() => setFailures([])}
            title={`${failures.length} 个文件或报告无法读取`}
            description={
              <ul className="agg-failures">
                {failures.slice(0, 10).map((f, i) => (
                  <li key={i}>{f.message.includes(f.name) ? f.message : `${f.name}：${f.message}`}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {view ? (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'units',
                label: `单位报告（${view.state.units.filter((u) => !u.removed).length}）`,
                children: (
                  <>
                    <Space wrap className="gap-bottom">
                      <Button icon={<DatabaseOutlined />} disabled={!!reading} onClick={() => setPicker(true)}>
                        从年报库添加…
                      </Button>
                      <Button
                        icon={<FileAddOutlined />}
                        disabled={!!reading}
                        onClick={async () => void addFiles(await chooseFiles({ multiple: true }))}
                      >
                        添加文件…
                      </Button>
                      <Button
                        icon={<FolderAddOutlined />}
                        disabled={!!reading}
                        onClick={async () => void addFiles(await chooseFolder())}
                      >
                        添加文件夹…
                      </Button>
                      {addedIds.size ? (
                        <Button icon={<ReloadOutlined />} disabled={!!reading} onClick={() => void refreshLibrary()}>
                          更新年报库中的报告
                        </Button>
                      ) : null}
                      {!hasSelf && !view.state.applied ? (
                        <Button
                          onClick={() =>
                            modal.confirm({
                              title: '把本报告现有的数字作为本级数字？',
                              content:
                                '适用于已在本报告中填好政府办公室自身数字的情况。写入汇总结果后，本报告的数字将变为全县（区、市）合计。',
                              okText: '作为本级数字',
                              cancelText: '取消',
                              onOk: useOwnFigures,
                            })
                          }
                        >
                          把本报告现有数字作为本级
                        </Button>
                      ) : null}
                      <span className="muted small">
                        也可以把文件或文件夹拖到这里。支持网页、Word、PDF、文本和年报文件。
                      </span>
                    </Space>
                    <UnitsPanel
                      view={view}
                      onInclude={(key, on) => setState((s) => updateUnit(s, key, { include: on }))}
                      onPrefer={(key) => setState((s) => preferUnit(s, view.match, key))}
                      onRole={(key, role) => setState((s) => updateUnit(s, key, { role }))}
                      onAssign={(key, rosterName) =>
                        setState((s) => updateUnit(s, key, rosterName ? { rosterName } : { rosterName: undefined }))
                      }
                      onRemove={(key) => setState((s) => removeUnit(s, key))}
                      onAddToRoster={(row) =>
                        setState((s) => ({
                          ...s,
                          roster: [
                            ...s.roster,
                            {
                              name: row.agency,
                              kind: view.state.units.find((u) => u.key === row.key)?.kind ?? 'department',
                            },
                          ],
                        }))
                      }
                    />
                  </>
                ),
              },
              {
                key: 'roster',
                label: `报送名单（${view.state.roster.length}）`,
                children: (
                  <RosterPanel report={report} view={view} onChange={(roster) => setState((s) => ({ ...s, roster }))} />
                ),
              },
              {
                key: 'tables',
                label: '汇总结果',
                children: (
                  <SummedTables
                    report={report}
                    view={view}
                    onIncludeOwn={(t, on) => setState((s) => ({ ...s, includeOwn: { ...s.includeOwn, [t]: on } }))}
                  />
                ),
              },
              {
                key: 'checks',
                label: `检查（${view.findings.length}）`,
                children: <FindingsList findings={view.findings} />,
              },
            ]}
          />
        ) : null}
      </main>
      {view ? (
        <ApplyDialog
          open={applying}
          report={report}
          view={view}
          onCancel={() => setApplying(false)}
          onApply={(s) => void apply(s)}
        />
      ) : null}
      <LibraryPicker
        open={picker}
        report={report}
        added={addedIds}
        onCancel={() => setPicker(false)}
        onPick={(ids) => void addLibrary(ids)}
      />
    </div>
  );
}

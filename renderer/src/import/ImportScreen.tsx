import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Alert, Button, Empty, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, ForwardOutlined, ImportOutlined, SaveOutlined } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import type { ReportFileInput } from '../../../shared/service/api';
import { runChecks } from '../../../shared/checks/engine';
import { SEVERITY_LABELS } from '../../../shared/checks/catalog';
import type { Finding, Severity } from '../../../shared/checks/types';
import { applyDifferences } from '../../../shared/import/exported-docx/differences';
import { newId } from '../../../shared/model/blank';
import { templateFor } from '../../../templates/index';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { navigate } from '../app/router';
import { ReportView } from '../export/ReportView';
import { RolloverDialog } from '../rollover/RolloverDialog';
import { formatTime } from '../logic/format-time';
import { setImportSession, useImportSession, type ImportSession } from './import-store';
import {
  CONFIDENCE_LABELS,
  FORMAT_LABELS,
  KIND_LABELS,
  TABLE_LABELS,
  confidenceLevel,
  percent,
  publishedAt,
} from './labels';
import { DifferencesList } from './DifferencesList';
import { useImportActions } from './useImportActions';
import './import.css';

/**
 * 导入预览 (#/import): what was read from the file — kind, format, year, agency, title, publish
 * date, how sure the table reading is, the importer's notes, the checks, the report itself, and
 * for an edited exported .docx the edits to take or leave — before anything is saved.
 */

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const LEVEL_COLOR = { high: 'success', medium: 'warning', low: 'error' } as const;

function FindingGroups({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="import-ok">未发现问题。</p>;
  return (
    <>
      {SEVERITIES.map((s) => {
        const list = findings.filter((f) => f.severity === s);
        if (!list.length) return null;
        const items = (
          <ul className="import-findings">
            {list.map((f, i) => (
              <li key={`${f.rule}:${f.fingerprint}:${i}`}>{f.message}</li>
            ))}
          </ul>
        );
        return (
          <details key={s} className={`import-finding-group sev-${s}`} open={s !== 'info'}>
            <summary>
              {SEVERITY_LABELS[s]}（{list.length}）
            </summary>
            {items}
          </details>
        );
      })}
    </>
  );
}

function ImportPreviewBody({ session }: { session: ImportSession }) {
  const { api, saves } = useServices();
  const { message } = AntApp.useApp();
  const { preview } = session;
  const differences = useMemo(() => preview.differences ?? [], [preview]);
  const hasDiffs = differences.length > 0 && !!preview.embedded;
  const [accepted, setAccepted] = useState<Set<string>>(
    () => new Set(differences.filter((d) => d.applicable).map((d) => d.id)),
  );
  const [last, setLast] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'new' | 'update' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rollover, setRollover] = useState<ReportFileInput | null>(null);

  // The report as it will be saved: with differences, the exported copy plus the edits taken.
  const report = useMemo(
    () => (hasDiffs ? applyDifferences(preview.embedded!, differences, accepted) : preview.report),
    [hasDiffs, preview, differences, accepted],
  );

  // Last year's report of the agency in the library enables the cross-year checks.
  const agency = report.agency.name;
  const year = report.year;
  useEffect(() => {
    let live = true;
    api
      .listReports()
      .then((lib) => {
        const prev = lib.reports.find((r) => r.agency === agency && r.year === year - 1 && r.id !== report.meta.id);
        return prev ? api.getReport(prev.id) : null;
      })
      .then(
        (r) => live && setLast(r),
        () => live && setLast(null),
      );
    return () => {
      live = false;
    };
  }, [api, agency, year]); // eslint-disable-line react-hooks/exhaustive-deps

  const findings = useMemo(() => runChecks(report, { last, mode: 'import' }), [report, last]);
  const counts = useMemo(
    () => ({
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
    }),
    [findings],
  );

  const back = () => {
    navigate(session.from === 'batch' ? { screen: 'batch' } : { screen: 'library' });
    if (session.from !== 'batch') setImportSession(null);
  };

  const save = async (mode: 'new' | 'update') => {
    setBusy(mode);
    setProblem(null);
    try {
      // A pending autosave of the same report must not overwrite what is saved here.
      await saves.flush();
      const toSave = mode === 'new' && preview.existing ? { ...report, meta: { ...report.meta, id: newId() } } : report;
      await api.saveReport(toSave);
      setImportSession(null);
      void message.success(
        mode === 'update'
          ? `已更新“${toSave.agency.name}”${toSave.year}年度年报（原内容已留作备份）。`
          : `已将“${toSave.agency.name || session.fileName}”${toSave.year}年度年报保存到年报库。`,
      );
      navigate({ screen: 'editor', id: toSave.meta.id, page: 'cover' }, true);
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const startRollover = async () => {
    try {
      setRollover(await session.file());
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  const template = report.format !== 'pre-2019' ? templateFor(report.format) : null;
  const confidence = Object.entries(preview.confidence ?? {}).filter(([t]) => TABLE_LABELS[t]);
  const date = publishedAt({ report });

  const diffTab = hasDiffs
    ? [
        {
          key: 'diff',
          label: `Word / WPS 中的修改（${differences.length}）`,
          children: <DifferencesList differences={differences} accepted={accepted} onChange={setAccepted} />,
        },
      ]
    : [];

  return (
    <div className="screen">
      <AppHeader
        extra={
          <Space size={8}>
            <Button onClick={back}>取消</Button>
            <Button icon={<ForwardOutlined />} onClick={() => void startRollover()}>
              以此为上年报告新建…
            </Button>
            {preview.existing ? (
              <>
                <Button loading={busy === 'new'} disabled={busy !== null} onClick={() => void save('new')}>
                  另存为新报告
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={busy === 'update'}
                  disabled={busy !== null}
                  onClick={() => void save('update')}
                >
                  更新原报告
                </Button>
              </>
            ) : (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={busy === 'new'}
                disabled={busy !== null}
                onClick={() => void save('new')}
              >
                保存到年报库
              </Button>
            )}
          </Space>
        }
      >
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} className="back-button">
          {session.from === 'batch' ? '批量检查' : '年报库'}
        </Button>
        <h1 className="screen-title import-title" title={session.fileName}>
          导入预览：{session.fileName}
        </h1>
      </AppHeader>
      <div className="import-body">
        <aside className="import-side" aria-label="识别结果">
          {problem ? (
            <Alert type="error" showIcon title="没有保存" description={problem} className="gap-bottom" />
          ) : null}
          {preview.existing ? (
            <Alert
              type="info"
              showIcon
              className="gap-bottom"
              title="年报库中已有这份年报"
              description={`“${preview.existing.agency}”${preview.existing.year}年度，修改于 ${formatTime(preview.existing.updatedAt)}。“更新原报告”用导入的内容替换它（原内容留作备份，可在“备份”中恢复）；“另存为新报告”则两份都保留。`}
            />
          ) : null}
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
                    <Tag color={LEVEL_COLOR[level]} variant="outlined">
                      {CONFIDENCE_LABELS[level]}（{percent(v)}）
                    </Tag>
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
          <h2 className="import-h2">
            检查结果
            <span className="import-counts">
              {counts.error ? (
                <Tag color="error" variant="outlined">
                  {counts.error} 个错误
                </Tag>
              ) : null}
              {counts.warning ? (
                <Tag color="warning" variant="outlined">
                  {counts.warning} 个警告
                </Tag>
              ) : null}
            </span>
          </h2>
          {last ? <p className="muted small">已与年报库中的上年报告对照。</p> : null}
          <FindingGroups findings={findings} />
        </aside>
        <main className="import-main" aria-label="导入的内容">
          <Tabs
            defaultActiveKey={hasDiffs ? 'diff' : 'text'}
            items={[
              ...diffTab,
              {
                key: 'text',
                label: hasDiffs ? '全文与表格（按所选修改）' : '全文与表格',
                children: <ReportView report={report} label="导入的年报全文" />,
              },
            ]}
          />
        </main>
      </div>
      <RolloverDialog
        open={rollover !== null}
        file={rollover ?? undefined}
        fileReport={report}
        onClose={() => setRollover(null)}
      />
    </div>
  );
}

export function ImportScreen() {
  const session = useImportSession();
  const { pickAndImport } = useImportActions();
  if (!session) {
    return (
      <div className="screen">
        <AppHeader>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate({ screen: 'library' })}
            className="back-button"
          >
            年报库
          </Button>
          <h1 className="screen-title">导入预览</h1>
        </AppHeader>
        <div className="center-fill">
          <Empty description="没有正在导入的文件（预览不会保存，刷新页面后需要重新选择文件）。">
            <Button type="primary" icon={<ImportOutlined />} onClick={() => void pickAndImport()}>
              导入…
            </Button>
          </Empty>
        </div>
      </div>
    );
  }
  return <ImportPreviewBody key={session.key} session={session} />;
}

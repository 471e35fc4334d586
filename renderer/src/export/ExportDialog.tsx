import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Alert, Button, Checkbox, Input, Modal, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, FileOutlined, FolderOpenOutlined, WarningFilled } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import type { ExportFormat, ExportOutcome } from '../../../shared/service/api';
import { needsConfirmation } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { errorText, useServices } from '../api/context';
import { EXPORT_FORMATS, FORMAT_INFO, fileNameOf, formatBytes, rememberedFormats } from './formats';
import { saveReportFileAs } from './save-as';
import './export.css';

/**
 * 导出: Word for sign-off, the web page, PDF, the website fragment, written into a folder in one go.
 * `quick` (the toolbar button, Ctrl+E): exports at once with the remembered formats and folder
 * when there is no error; otherwise, and for `options`, the choices come first. Errors are listed
 * and must be acknowledged before the export button enables.
 */

export type ExportStart = 'quick' | 'options';

type Phase = 'loading' | 'options' | 'running' | 'done';

export function ExportDialog({
  open,
  start,
  report,
  findings,
  onClose,
}: {
  open: boolean;
  start: ExportStart;
  report: Report;
  findings: Finding[];
  onClose(): void;
}) {
  const { api, shell, saves } = useServices();
  const { message } = AntApp.useApp();
  const [phase, setPhase] = useState<Phase>('loading');
  const [formats, setFormats] = useState<ExportFormat[]>([]);
  const [dir, setDir] = useState('');
  const [defaultDir, setDefaultDir] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealNote, setRevealNote] = useState<string | null>(null);
  const [savingAs, setSavingAs] = useState(false);
  const errors = needsConfirmation(findings);
  const reportRef = useRef(report);
  reportRef.current = report;

  const run = useCallback(
    async (chosen: ExportFormat[], folder: string) => {
      setPhase('running');
      setError(null);
      setRevealNote(null);
      // The service exports the saved report: everything typed must be on disk first.
      if (!(await saves.flush())) {
        setError(
          `年报还没有保存成功（${saves.getState().error ?? '保存失败'}），导出的会是旧内容，所以没有导出。请先按状态栏的提示解决保存问题，再导出。`,
        );
        setPhase('options');
        return;
      }
      try {
        const result = await api.exportReport({
          id: reportRef.current.meta.id,
          formats: chosen,
          ...(folder.trim() ? { dir: folder.trim() } : {}),
        });
        setOutcome(result);
        setDir(result.dir);
        setPhase('done');
        void api.updateSettings({ exportFormats: chosen }).catch(() => undefined);
      } catch (e) {
        setError(errorText(e));
        setPhase('options');
      }
    },
    [api, saves],
  );

  // Each opening starts from the remembered choices.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setPhase('loading');
    setConfirmed(false);
    setOutcome(null);
    setError(null);
    setRevealNote(null);
    Promise.all([api.getSettings().catch(() => ({}) as Record<string, unknown>), api.appInfo().catch(() => null)]).then(
      ([settings, info]) => {
        if (!live) return;
        const chosen = rememberedFormats(settings.exportFormats);
        const fallback = info?.defaultExportDir ?? '';
        const folder = typeof settings.exportDir === 'string' && settings.exportDir ? settings.exportDir : fallback;
        setFormats(chosen);
        setDir(folder);
        setDefaultDir(fallback);
        if (start === 'quick' && needsConfirmation(findings).length === 0) void run(chosen, folder);
        else setPhase('options');
      },
    );
    return () => {
      live = false;
    };
    // Only on opening: later edits of the report do not restart the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const toggle = (f: ExportFormat, on: boolean) =>
    setFormats((cur) => EXPORT_FORMATS.filter((x) => (x === f ? on : cur.includes(x))));

  const chooseFolder = async () => {
    if (!shell) return;
    try {
      const picked = await shell.pickFolder(dir || defaultDir);
      if (picked) setDir(picked);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const reveal = async () => {
    if (!outcome) return;
    const target = outcome.files[0]?.path ?? outcome.dir;
    try {
      await api.revealExport(target);
    } catch (e) {
      const code = (e as { code?: string }).code;
      setRevealNote(code === 'unsupported' ? outcome.dir : null);
      if (code !== 'unsupported') void message.error(errorText(e));
    }
  };

  const saveAs = async () => {
    setSavingAs(true);
    try {
      const note = await saveReportFileAs({ api, shell, saves }, report.meta.id);
      if (note) void message.success(note);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSavingAs(false);
    }
  };

  const needConfirm = errors.length > 0 && !confirmed;
  const canExport = formats.length > 0 && !needConfirm && (shell ? true : dir.trim() !== '');

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (phase === 'loading' || phase === 'running') {
    body = (
      <div className="export-running" role="status">
        <Spin />
        <span>
          {phase === 'loading'
            ? '正在准备…'
            : formats.includes('pdf')
              ? '正在导出…（生成 PDF 需要几秒钟）'
              : '正在导出…'}
        </span>
      </div>
    );
    footer = null;
  } else if (phase === 'done' && outcome) {
    const ok = outcome.files.length > 0;
    body = (
      <div className="export-done">
        <p className="export-done-title">
          {ok && !outcome.failures.length ? (
            <CheckCircleFilled className="ok-icon" aria-hidden="true" />
          ) : (
            <WarningFilled className="warn-icon" aria-hidden="true" />
          )}
          {ok
            ? `已导出 ${outcome.files.length} 个文件${outcome.failures.length ? `，${outcome.failures.length} 个没有导出` : ''}。`
            : '没有导出任何文件。'}
        </p>
        <div className="export-folder-line">
          <span className="muted">保存在：</span>
          <Typography.Text copyable={{ text: outcome.dir, tooltips: ['复制路径', '已复制'] }} className="export-path">
            {outcome.dir}
          </Typography.Text>
        </div>
        {ok ? (
          <ul className="export-files" aria-label="导出的文件">
            {outcome.files.map((f) => (
              <li key={f.path}>
                <FileOutlined aria-hidden="true" />
                <span className="export-file-name">{f.name}</span>
                <span className="muted small">{formatBytes(f.bytes)}</span>
                {f.renamed ? (
                  <span className="export-renamed small">
                    文件夹中已有同名文件，新文件另起了这个名字，原文件未改动。
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {outcome.failures.map((f) => (
          <Alert
            key={f.format}
            type="warning"
            showIcon
            className="gap-top"
            title={`${FORMAT_INFO[f.format].label}没有导出`}
            description={f.message}
          />
        ))}
        {revealNote ? (
          <Alert
            type="info"
            showIcon
            className="gap-top"
            title="在浏览器中使用时，程序不能直接打开文件夹"
            description={
              <span>
                请在文件管理器中打开这个文件夹：
                <Typography.Text copyable={{ text: revealNote, tooltips: ['复制路径', '已复制'] }} code>
                  {revealNote}
                </Typography.Text>
              </span>
            }
          />
        ) : null}
      </div>
    );
    footer = (
      <div className="export-footer">
        <Button onClick={() => setPhase('options')}>更改格式或位置…</Button>
        <Space>
          {ok ? (
            <Button icon={<FolderOpenOutlined />} onClick={() => void reveal()}>
              打开所在文件夹
            </Button>
          ) : null}
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        </Space>
      </div>
    );
  } else {
    body = (
      <div className="export-options">
        {errors.length ? (
          <div className="export-errors" role="group" aria-labelledby="export-errors-title">
            <p id="export-errors-title" className="export-errors-title">
              <WarningFilled aria-hidden="true" /> 这份年报还有 {errors.length} 个错误，导出的文件会带着这些问题：
            </p>
            {/* Focusable: a long list scrolls, and keyboard users must be able to scroll it. */}
            <ol className="export-error-list" tabIndex={0} aria-label="未解决的错误">
              {errors.map((f) => (
                <li key={`${f.rule}:${f.fingerprint}`}>
                  {f.message}
                  {f.dismissed ? <span className="muted">（已忽略：{f.dismissed.reason}）</span> : null}
                </li>
              ))}
            </ol>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
              我已知晓以上问题，仍要导出
            </Checkbox>
          </div>
        ) : null}
        <fieldset className="export-formats">
          <legend>导出哪些文件</legend>
          {EXPORT_FORMATS.map((f) => (
            <Checkbox
              key={f}
              className="export-format"
              checked={formats.includes(f)}
              onChange={(e) => toggle(f, e.target.checked)}
            >
              <span className="export-format-text">
                <span>
                  <strong>{FORMAT_INFO[f].label}</strong>
                  <span className="muted small export-format-hint">{FORMAT_INFO[f].hint}</span>
                </span>
                <span className="export-format-name small">{fileNameOf(report, f)}</span>
              </span>
            </Checkbox>
          ))}
          {formats.length === 0 ? <p className="field-error small">请至少选择一种格式。</p> : null}
        </fieldset>
        <div className="export-dir">
          <label htmlFor="export-dir-input" className="export-dir-label">
            保存到文件夹
          </label>
          <div className="export-dir-row">
            <Input
              id="export-dir-input"
              value={dir}
              readOnly={!!shell}
              placeholder={defaultDir}
              onChange={(e) => setDir(e.target.value)}
            />
            {shell ? (
              <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()}>
                选择…
              </Button>
            ) : null}
          </div>
          <p className="muted small">
            {shell ? '' : '填写本机文件夹的完整路径；文件夹不存在时会自动建立。'}
            已有同名文件时不会覆盖，新文件名后加“(2)”“(3)”…
          </p>
        </div>
        {error ? <Alert type="error" showIcon title="没有导出" description={error} /> : null}
      </div>
    );
    footer = (
      <div className="export-footer">
        <Button type="link" onClick={() => void saveAs()} loading={savingAs} className="export-save-as">
          另存为年报文件（.nianbao）…
        </Button>
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!canExport} onClick={() => void run(formats, dir)}>
            导出
          </Button>
        </Space>
      </div>
    );
  }

  return (
    <Modal
      open={open}
      title="导出年报"
      width={640}
      onCancel={phase === 'running' ? undefined : onClose}
      closable={phase !== 'running'}
      mask={{ closable: false }}
      keyboard={phase !== 'running'}
      footer={footer}
      centered
      styles={{ body: { maxHeight: 'calc(100vh - 160px)', overflowY: 'auto', paddingRight: 4 } }}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}

import { useState } from 'react';
import { App as AntApp, Button, Space, Spin } from 'antd';
import { KeyModal } from '../common/KeyModal';
import { FolderOpenOutlined } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import { needsConfirmation } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { errorText, useServices } from '../api/context';
import { saveReportFileAs } from './save-as';
import { useExport, type ExportStart } from './useExport';
import { ExportOptions } from './ExportOptions';
import { ExportDone } from './ExportDone';
import './export.css';

/**
 * 导出: Word for sign-off, the web page, PDF, the website fragment, written into a folder in one go.
 * `quick` (the toolbar button, Ctrl+E): exports at once with the remembered formats and folder
 * when there is no error; otherwise, and for `options`, the choices come first. Errors are listed
 * and must be acknowledged before the export button enables.
 */

export type { ExportStart };

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
  const ex = useExport(open, start, report, findings);
  const { phase, outcome } = ex;
  const [savingAs, setSavingAs] = useState(false);
  const errors = needsConfirmation(findings);

  const chooseFolder = async () => {
    if (!shell) return;
    try {
      const picked = await shell.pickFolder(ex.dir || ex.defaultDir);
      if (picked) ex.setDir(picked);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const reveal = async () => {
    if (!outcome) return;
    const target = outcome.files[0]?.path ?? outcome.dir;
    try {
      await api.revealExport(target);
      // The desktop app's file manager window is feedback enough; a browser page cannot see it.
      if (!shell) ex.setRevealNote({ dir: outcome.dir, opened: true });
    } catch (e) {
      const code = (e as { code?: string }).code;
      ex.setRevealNote(code === 'unsupported' ? { dir: outcome.dir, opened: false } : null);
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

  const needConfirm = errors.length > 0 && !ex.confirmed;
  const canExport = ex.formats.length > 0 && !needConfirm && (shell ? true : ex.dir.trim() !== '');

  let body: React.ReactNode;
  let footer: React.ReactNode = null;
  if (phase === 'loading' || phase === 'running') {
    body = (
      <div className="export-running" role="status">
        <Spin />
        <span>
          {phase === 'loading'
            ? '正在准备…'
            : ex.formats.includes('pdf')
              ? '正在导出…（生成 PDF 需要几秒钟）'
              : '正在导出…'}
        </span>
      </div>
    );
  } else if (phase === 'done' && outcome) {
    body = <ExportDone outcome={outcome} revealNote={ex.revealNote} />;
    footer = (
      <div className="export-footer">
        <Button onClick={() => ex.setPhase('options')}>更改格式或位置…</Button>
        <Space>
          {outcome.files.length ? (
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
      <ExportOptions
        report={report}
        errors={errors}
        confirmed={ex.confirmed}
        onConfirmed={ex.setConfirmed}
        formats={ex.formats}
        onToggle={ex.toggle}
        dir={ex.dir}
        onDir={ex.setDir}
        defaultDir={ex.defaultDir}
        {...(shell ? { onChooseFolder: () => void chooseFolder() } : {})}
        error={ex.error}
      />
    );
    footer = (
      <div className="export-footer">
        <Button type="link" onClick={() => void saveAs()} loading={savingAs} className="export-save-as">
          另存为年报文件（.nianbao）…
        </Button>
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!canExport} onClick={() => void ex.run(ex.formats, ex.dir)}>
            导出
          </Button>
        </Space>
      </div>
    );
  }

  return (
    <KeyModal
      open={open}
      focusKey={phase}
      onEnter={
        phase === 'done'
          ? onClose
          : phase === 'options' && canExport
            ? () => void ex.run(ex.formats, ex.dir)
            : () => undefined
      }
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
    </KeyModal>
  );
}

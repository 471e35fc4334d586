import { Alert, Typography } from 'antd';
import { CheckCircleFilled, FileOutlined, WarningFilled } from '@ant-design/icons';
import type { ExportOutcome } from '../../../shared/service/api';
import { FORMAT_INFO, formatBytes } from './formats';
import type { RevealNote } from './useExport';

/** What the export wrote (and what it could not), with the folder to copy. */
export function ExportDone({ outcome, revealNote }: { outcome: ExportOutcome; revealNote: RevealNote | null }) {
  const ok = outcome.files.length > 0;
  return (
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
                <span className="export-renamed small">文件夹中已有同名文件，新文件另起了这个名字，原文件未改动。</span>
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
      {(outcome.warnings ?? []).map((w) => (
        <Alert key={w} type="info" showIcon className="gap-top" title="导出已完成，另有一点提醒" description={w} />
      ))}
      {revealNote ? (
        <Alert
          type={revealNote.opened ? 'success' : 'info'}
          showIcon
          className="gap-top"
          role="status"
          title={revealNote.opened ? '已请系统的文件管理器打开这个文件夹' : '在浏览器中使用时，程序不能直接打开文件夹'}
          description={
            <span>
              {revealNote.opened
                ? '如果没有看到文件管理器的窗口，请复制下面的路径，在文件管理器的地址栏中打开：'
                : '请在文件管理器中打开这个文件夹：'}
              <Typography.Text copyable={{ text: revealNote.dir, tooltips: ['复制路径', '已复制'] }} code>
                {revealNote.dir}
              </Typography.Text>
            </span>
          }
        />
      ) : null}
    </div>
  );
}

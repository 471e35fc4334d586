import { memo } from 'react';
import { Button } from 'antd';
import { CheckOutlined, LoadingOutlined, WarningFilled, EditOutlined } from '@ant-design/icons';
import type { SaveState } from '../logic/save-queue';
import { formatTime } from '../logic/format-time';
import { CONNECTION_MESSAGES } from '../../../shared/service/http-client';

/**
 * A failed save in one sentence: the reason without its own full stop (no “。。”) and what happens
 * to the edit. A lost connection is said briefly: the banner above the page says what to do.
 */
export function failureText(error: string | undefined): string {
  if (error === CONNECTION_MESSAGES.offline)
    return '保存失败：与年报编制助手的连接中断了。修改保留在本页中，连接恢复后自动保存。';
  if (error === CONNECTION_MESSAGES.denied)
    return '保存失败：本页已不能连接年报编制助手。请按页面上方的提示下载未保存的修改。';
  // Read-only: the banner above says who holds the folder, or why it cannot be written.
  if (error?.startsWith('没有保存。只读：'))
    return '保存失败：本窗口只能查看（原因见页面上方）。修改保留在本页中，可以下载为文件。';
  const reason = (error ?? '未知原因').trim().replace(/[。.]+$/, '');
  return `保存失败：${reason}。修改保留在本页中，会自动重试。`;
}

// Created once: a keystroke re-renders the status bar (its counts), not these icons.
const SAVED_ICON = <CheckOutlined aria-hidden="true" />;
const DIRTY_ICON = <EditOutlined aria-hidden="true" />;
const SAVING_ICON = <LoadingOutlined aria-hidden="true" />;
const FAILED_ICON = <WarningFilled aria-hidden="true" />;

/** Save state (已保存 / 保存中 / 保存失败 with 重试), the check counts and the format in use. */
export const StatusBar = memo(function StatusBar(props: {
  save: SaveState;
  onRetry(): void;
  errors: number;
  warnings: number;
  infos: number;
  /** Table cells still blank (tallyChecks: what the library and the comparison also count). */
  blankCells: number;
  onShowFindings(): void;
  formatName: string;
  /** Share (0..1) of the text still last year's, when last year's report is known. */
  carriedShare?: number | null;
  compareHref?: string;
}) {
  const { save } = props;
  const counts = { error: props.errors, warning: props.warnings, info: props.infos };
  return (
    <footer className="status-bar">
      <div className="status-inner">
        <div className={`save-state ${save.status}`} role="status" aria-live="polite">
          {save.status === 'saved' ? (
            <>
              {SAVED_ICON} 已保存
              {save.savedAt ? `（${formatTime(save.savedAt).slice(11)}）` : ''}
            </>
          ) : save.status === 'dirty' ? (
            <>{DIRTY_ICON} 有修改，稍后自动保存</>
          ) : save.status === 'saving' ? (
            <>{SAVING_ICON} 保存中…</>
          ) : (
            <>
              {FAILED_ICON} {failureText(save.error)}
              <Button size="small" type="link" onClick={props.onRetry}>
                立即重试
              </Button>
            </>
          )}
        </div>
        <button
          type="button"
          className="status-counts"
          onClick={props.onShowFindings}
          aria-label={`检查结果：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示${props.blankCells ? `，表格中 ${props.blankCells} 格未填` : ''}。打开检查结果`}
        >
          <span className={`count-chip error${counts.error ? '' : ' zero'}`}>错误 {counts.error}</span>
          <span className={`count-chip warning${counts.warning ? '' : ' zero'}`}>警告 {counts.warning}</span>
          <span className={`count-chip info${counts.info ? '' : ' zero'}`}>提示 {counts.info}</span>
          {props.blankCells ? <span className="count-chip blank">未填 {props.blankCells} 格</span> : null}
        </button>
        {props.carriedShare !== null && props.carriedShare !== undefined && props.compareHref ? (
          <a className="status-carried" href={props.compareHref} title="查看与上年报告的逐段、逐格对比">
            沿用上年未修改的文字：{Math.round(props.carriedShare * 100)}%
            <span className="status-carried-link">对比上年</span>
          </a>
        ) : null}
        <div className="status-format">{props.formatName}</div>
      </div>
    </footer>
  );
});

import { memo } from 'react';
import { Button } from 'antd';
import { CheckOutlined, LoadingOutlined, WarningFilled, EditOutlined } from '@ant-design/icons';
import type { SaveState } from '../logic/save-queue';
import { formatTime } from '../logic/format-time';

/** Save state (已保存 / 保存中 / 保存失败 with 重试), the check counts and the format in use. */
export const StatusBar = memo(function StatusBar(props: {
  save: SaveState;
  onRetry(): void;
  errors: number;
  warnings: number;
  infos: number;
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
              <CheckOutlined aria-hidden="true" /> 已保存
              {save.savedAt ? `（${formatTime(save.savedAt).slice(11)}）` : ''}
            </>
          ) : save.status === 'dirty' ? (
            <>
              <EditOutlined aria-hidden="true" /> 有修改，稍后自动保存
            </>
          ) : save.status === 'saving' ? (
            <>
              <LoadingOutlined aria-hidden="true" /> 保存中…
            </>
          ) : (
            <>
              <WarningFilled aria-hidden="true" /> 保存失败：{save.error ?? '未知原因'}
              。修改仍保留在本窗口中，会自动重试，请不要关闭程序。
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
          aria-label={`检查结果：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示。打开检查结果`}
        >
          <span className={`count-chip error${counts.error ? '' : ' zero'}`}>错误 {counts.error}</span>
          <span className={`count-chip warning${counts.warning ? '' : ' zero'}`}>警告 {counts.warning}</span>
          <span className={`count-chip info${counts.info ? '' : ' zero'}`}>提示 {counts.info}</span>
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

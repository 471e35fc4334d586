import { Tag } from 'antd';
import { useLazyTooltip } from './LazyTooltip';
import type { ReportSummary } from '../../../shared/service/api';

/**
 * A report's check result in the library: the counts the editor's status bar shows for it (the
 * service counts them with tallyChecks and last year's report, as the editor does).
 */
export function CheckCounts({ summary: r }: { summary: Pick<ReportSummary, 'errors' | 'warnings' | 'blankCells'> }) {
  const blank = r.blankCells ? <span className="lib-blank muted small">未填 {r.blankCells} 格</span> : null;
  if (r.errors === 0 && r.warnings === 0) {
    return (
      <span className="lib-counts">
        <Tag color="success" variant="outlined">
          未发现问题
        </Tag>
        {blank}
      </span>
    );
  }
  return (
    <span className="lib-counts">
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
      {blank}
    </span>
  );
}

/** The mark of the app's sample report wherever it is listed. */
export function SampleTag() {
  const tip = useLazyTooltip('程序自带的示例，内容是虚构的：不会作为任何年报的上年报告，也不计入历年趋势。可以删除。');
  return (
    <Tag color="purple" className="sample-tag" tabIndex={0} {...tip.hover}>
      示例
      {tip.anchor}
    </Tag>
  );
}

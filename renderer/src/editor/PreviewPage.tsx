import { Empty } from 'antd';
import type { Report } from '../../../shared/model/types';
import { LATER } from '../app/placeholders';

/**
 * 预览全文. Placeholder: the lead wires the HTML export's rendering in here (the report as it will be
 * printed), see docs/ui.md “接入点”.
 */
export function PreviewPage({ report }: { report: Report }) {
  return (
    <div className="preview-page">
      <Empty description={`预览${LATER}。`}>
        <p className="muted">届时这里会按打印版式显示《{report.title}》全文。</p>
      </Empty>
    </div>
  );
}

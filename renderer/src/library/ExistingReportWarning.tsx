import { Alert } from 'antd';
import type { ReportSummary } from '../../../shared/service/api';

/** Shown by 新建 and 以上年为基础新建 when the library already holds that agency's report of that year. */
export function ExistingReportWarning({ existing }: { existing: Pick<ReportSummary, 'agency' | 'year'> | undefined }) {
  if (!existing) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-top"
      title={`年报库中已有“${existing.agency}”${existing.year}年度的年报。仍可新建一份，但请注意不要混淆。`}
    />
  );
}

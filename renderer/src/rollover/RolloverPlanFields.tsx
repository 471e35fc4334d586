import { Alert, Input, InputNumber } from 'antd';
import type { Report } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { ExistingReportWarning } from '../library/ExistingReportWarning';
import type { PlanResult } from './plan';
import { parseTypedNumber } from '../common/number-input';

/** 新报告: its year and agency name, and what it will hold (the rollover run in memory). */
export function RolloverPlanFields(props: {
  last: Report;
  year: number | null;
  onYear(y: number | null): void;
  agency: string;
  onAgency(a: string): void;
  renamed: boolean;
  result: PlanResult | null;
  existing: ReportSummary | undefined;
}) {
  const { last, result } = props;
  const plan = result?.ok ? result.plan : null;
  return (
    <fieldset className="rollover-fieldset">
      <legend>新报告</legend>
      <div className="form-row">
        <div className="rollover-field">
          <label htmlFor="rollover-year">报告年度</label>
          <InputNumber
            id="rollover-year"
            value={props.year}
            precision={0}
            parser={parseTypedNumber}
            min={last.year + 1}
            max={last.year + 20}
            suffix="年度"
            style={{ width: 150 }}
            onChange={(v) => props.onYear(typeof v === 'number' ? v : null)}
          />
        </div>
        <div className="rollover-field form-row-grow">
          <label htmlFor="rollover-agency">机关全称</label>
          <Input id="rollover-agency" value={props.agency} onChange={(e) => props.onAgency(e.target.value)} />
        </div>
      </div>
      {props.renamed ? (
        <p className="muted small rollover-rename">
          机关更名：新报告的标题和落款使用新名称，文字中的旧名称请自行核改。
        </p>
      ) : null}
      {plan ? (
        <div className="rollover-plan" aria-live="polite">
          <div>
            <span className="muted">标题：</span>
            {plan.title}
          </div>
          <ul>
            <li>
              沿用上年的文字{plan.paragraphs ? `（${plan.paragraphs} 段）` : ''}
              ，每段标注“沿用上年，待核改”，修改或确认后标记消失。
            </li>
            <li>
              表三“上年结转”取自上年“结转下年度继续办理”
              {plan.carriedTotal !== null ? `（总计 ${plan.carriedTotal} 件）` : '（上年未填写）'}。
            </li>
            {plan.inForce.regulations !== null || plan.inForce.normativeDocs !== null ? (
              <li>
                上年现行有效件数（
                {[
                  plan.inForce.regulations !== null ? `规章 ${plan.inForce.regulations} 件` : '',
                  plan.inForce.normativeDocs !== null ? `行政规范性文件 ${plan.inForce.normativeDocs} 件` : '',
                ]
                  .filter(Boolean)
                  .join('，')}
                ）留作核对本年数字的基数。
              </li>
            ) : null}
            <li>其余表格数字和成文日期留空，状态为草稿。</li>
          </ul>
        </div>
      ) : null}
      {plan?.notes.length ? (
        <Alert
          type="info"
          showIcon
          className="gap-top"
          title="请注意"
          description={
            <ul className="rollover-notes">
              {plan.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result && !result.ok ? <Alert type="warning" showIcon className="gap-top" title={result.problem} /> : null}
      <ExistingReportWarning existing={props.existing} />
    </fieldset>
  );
}

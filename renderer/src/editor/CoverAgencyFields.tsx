import { useEffect, useState } from 'react';
import { Input, InputNumber, Select } from 'antd';
import { formatForYear, templateFor } from '../../../templates/index';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind, type Report } from '../../../shared/model/types';
import { parseTypedNumber } from '../common/number-input';

/** 报告单位和年度: the agency, its kind, the year (within the report's table format) and the parent government. */

/** The year is applied when the clerk leaves the box or presses Enter, not at every digit (2, 20, 202…). */
function useYearField(report: Report, update: (fn: (r: Report) => Report) => void) {
  const [note, setNote] = useState<string | null>(null);
  const [text, setText] = useState<number | null>(report.year);
  useEffect(() => setText(report.year), [report.year]);

  const apply = (year: number | null) => {
    if (year === report.year) {
      setNote(null);
      return;
    }
    if (year === null || !Number.isInteger(year)) {
      setText(report.year);
      return;
    }
    if (year < 2019 || year > new Date().getFullYear() + 1) {
      setNote(`年度应在 2019 至 ${new Date().getFullYear() + 1} 之间，未修改。`);
      setText(report.year);
      return;
    }
    if (formatForYear(year) !== report.format) {
      setNote(
        `${year}年度的年报使用另一种表格格式，不能在这份年报中直接改年度。请回到年报库新建一份${year}年度的年报。`,
      );
      setText(report.year);
      return;
    }
    setNote(null);
    update((r) => ({ ...r, year }));
  };
  return { note, text, setText, apply };
}

export function CoverAgencyFields({ report, update }: { report: Report; update(fn: (r: Report) => Report): void }) {
  const year = useYearField(report, update);
  const fmtName = report.format === 'pre-2019' ? '2019年以前的格式（没有统一表格）' : templateFor(report.format).name;
  return (
    <fieldset className="form-group">
      <legend>报告单位和年度</legend>
      <div className="field">
        <label htmlFor="cover-agency">机关全称</label>
        <Input
          id="cover-agency"
          value={report.agency.name}
          onChange={(e) => {
            const name = e.target.value;
            update((r) => ({ ...r, agency: { ...r.agency, name } }));
          }}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="cover-kind">机关类型</label>
          <Select<AgencyKind>
            id="cover-kind"
            value={report.agency.kind}
            style={{ width: 180 }}
            options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
            onChange={(kind) => update((r) => ({ ...r, agency: { ...r.agency, kind } }))}
          />
        </div>
        <div className="field">
          <label htmlFor="cover-year">报告年度</label>
          <InputNumber
            id="cover-year"
            value={year.text}
            precision={0}
            parser={parseTypedNumber}
            style={{ width: 120 }}
            onChange={(v) => year.setText(v)}
            onBlur={() => year.apply(year.text)}
            onPressEnter={() => year.apply(year.text)}
            aria-describedby="cover-year-note"
          />
        </div>
        <div className="field grow">
          <span className="field-label" id="cover-format-label">
            表格格式
          </span>
          <div className="field-static" aria-labelledby="cover-format-label">
            {fmtName}
          </div>
        </div>
      </div>
      <div
        id="cover-year-note"
        className={year.note ? 'field-error' : 'field-help'}
        role={year.note ? 'alert' : undefined}
      >
        {year.note ?? `统计期为${report.year}年1月1日至12月31日。`}
      </div>
      <div className="field">
        <label htmlFor="cover-parent">所属人民政府（可选）</label>
        <Input
          id="cover-parent"
          value={report.agency.parent ?? ''}
          placeholder="例如：云溪县人民政府"
          onChange={(e) => {
            const parent = e.target.value;
            update((r) => ({ ...r, agency: { ...r.agency, parent } }));
          }}
        />
      </div>
    </fieldset>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Popconfirm, Select } from 'antd';
import dayjs from 'dayjs';
import { formatForYear, templateFor } from '../../../templates/index';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind, type Report } from '../../../shared/model/types';
import { suggestPreamble, suggestTitle } from '../../../shared/model/blank';
import { formatChineseDate } from '../../../shared/model/format';
import type { Finding, TextSpan } from '../../../shared/checks/types';
import { SEVERITY_LABELS } from '../logic/findings-index';

/** 封面与落款: who, which year, the title, the opening paragraph, the signature and its date. */

export interface CoverSpanRequest {
  span: TextSpan;
  nonce: number;
}

type TextTarget = 'title' | 'preamble' | 'signature';

function FieldFindings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return null;
  return (
    <ul className="field-findings">
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} className={`sev-${f.severity}`}>
          <span className="sev-label">{SEVERITY_LABELS[f.severity]}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

export function CoverPage(props: {
  report: Report;
  findings: Finding[];
  update(fn: (r: Report) => Report): void;
  /** Replaces top-level fields as one undo step (the buttons). */
  replace(patch: Partial<Report>, label: string): void;
  spanRequest: CoverSpanRequest | null;
  onSpanHandled(): void;
}) {
  const { report, update, replace, findings } = props;
  const [yearNote, setYearNote] = useState<string | null>(null);
  // The year is applied when the clerk leaves the box or presses Enter, not at every digit (2, 20, 202…).
  const [yearText, setYearText] = useState<number | null>(report.year);
  useEffect(() => setYearText(report.year), [report.year]);
  const refs = useRef<Partial<Record<TextTarget, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const suggested = suggestTitle(report.agency.name, report.year);
  const printedDate = report.signature.date ? formatChineseDate(report.signature.date) : '';
  const byTarget = (t: TextTarget) => findings.filter((f) => !f.dismissed && f.span?.where === t);
  const titleFindings = findings.filter(
    (f) => !f.dismissed && (f.span?.where === 'title' || (!f.span && f.rule === 'TITLE')),
  );
  const dateFindings = findings.filter((f) => !f.dismissed && !f.span && f.rule === 'PUBLISH-DEADLINE');

  useEffect(() => {
    const req = props.spanRequest;
    if (!req) return;
    const where = req.span.where as TextTarget;
    const el = refs.current[where];
    if (el) {
      el.focus();
      el.setSelectionRange(req.span.start, req.span.end);
      el.scrollIntoView({ block: 'center' });
      el.classList.add('flash-text');
      window.setTimeout(() => el.classList.remove('flash-text'), 1600);
    }
    props.onSpanHandled();
  }, [props.spanRequest?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps

  const setYear = (year: number | null) => {
    if (year === report.year) {
      setYearNote(null);
      return;
    }
    if (year === null || !Number.isInteger(year)) {
      setYearText(report.year);
      return;
    }
    if (year < 2019 || year > new Date().getFullYear() + 1) {
      setYearNote(`年度应在 2019 至 ${new Date().getFullYear() + 1} 之间，未修改。`);
      setYearText(report.year);
      return;
    }
    if (formatForYear(year) !== report.format) {
      setYearNote(
        `${year}年度的年报使用另一种表格格式，不能在这份年报中直接改年度。请回到年报库新建一份${year}年度的年报。`,
      );
      setYearText(report.year);
      return;
    }
    setYearNote(null);
    update((r) => ({ ...r, year }));
  };

  const fmtName = report.format === 'pre-2019' ? '2019年以前的格式（没有统一表格）' : templateFor(report.format).name;

  return (
    <div className="cover-form">
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
              value={yearText}
              precision={0}
              style={{ width: 120 }}
              onChange={(v) => setYearText(v)}
              onBlur={() => setYear(yearText)}
              onPressEnter={() => setYear(yearText)}
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
          className={yearNote ? 'field-error' : 'field-help'}
          role={yearNote ? 'alert' : undefined}
        >
          {yearNote ?? `统计期为${report.year}年1月1日至12月31日。`}
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

      <fieldset className="form-group">
        <legend>标题和开头</legend>
        <div className="field">
          <label htmlFor="cover-title">标题</label>
          <div className="field-with-action">
            <Input
              id="cover-title"
              ref={(el) => {
                refs.current.title = el?.input ?? null;
              }}
              value={report.title}
              onChange={(e) => {
                const title = e.target.value;
                update((r) => ({ ...r, title }));
              }}
            />
            <Button
              disabled={report.title === suggested || !report.agency.name.trim()}
              onClick={() => replace({ title: suggested }, '使用建议标题')}
            >
              使用建议标题
            </Button>
          </div>
          <div className="field-help">建议标题：{report.agency.name.trim() ? suggested : '（先填写机关全称）'}</div>
          <FieldFindings findings={titleFindings} />
        </div>
        <div className="field">
          <div className="field-label-row">
            <label htmlFor="cover-preamble">开头段落</label>
            {report.preamble?.trim() ? (
              <Popconfirm
                title="用常用开头替换现有开头段落？"
                description="现有文字会被替换；点工具栏的“撤销”可以找回。"
                okText="替换"
                cancelText="取消"
                onConfirm={() =>
                  replace({ preamble: suggestPreamble(report.agency.name, report.year) }, '插入常用开头')
                }
              >
                <Button size="small">插入常用开头</Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                onClick={() => replace({ preamble: suggestPreamble(report.agency.name, report.year) }, '插入常用开头')}
              >
                插入常用开头
              </Button>
            )}
          </div>
          <Input.TextArea
            id="cover-preamble"
            ref={(el) => {
              refs.current.preamble = el?.resizableTextArea?.textArea ?? null;
            }}
            value={report.preamble ?? ''}
            autoSize={{ minRows: 4 }}
            placeholder="说明编制依据、全文包括的六个部分、统计期限和联系方式。可点“插入常用开头”。"
            onChange={(e) => {
              const preamble = e.target.value;
              update((r) => ({ ...r, preamble }));
            }}
          />
          <FieldFindings findings={byTarget('preamble')} />
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>落款</legend>
        <div className="field-row">
          <div className="field grow">
            <label htmlFor="cover-signature">署名机关</label>
            <div className="field-with-action">
              <Input
                id="cover-signature"
                ref={(el) => {
                  refs.current.signature = el?.input ?? null;
                }}
                value={report.signature.name}
                onChange={(e) => {
                  const name = e.target.value;
                  update((r) => ({ ...r, signature: { ...r.signature, name } }));
                }}
              />
              <Button
                disabled={report.signature.name === report.agency.name}
                onClick={() =>
                  replace({ signature: { ...report.signature, name: report.agency.name } }, '署名机关与机关全称相同')
                }
              >
                与机关全称相同
              </Button>
            </div>
          </div>
          <div className="field">
            <label htmlFor="cover-date">成文日期</label>
            <DatePicker
              id="cover-date"
              value={report.signature.date ? dayjs(report.signature.date) : null}
              format="YYYY年M月D日"
              placeholder="选择日期"
              style={{ width: 180 }}
              onChange={(d) => {
                const date = d ? d.format('YYYY-MM-DD') : '';
                update((r) => ({ ...r, signature: { ...r.signature, date } }));
              }}
            />
          </div>
        </div>
        <div className="field-help">
          {printedDate ? `打印为：${printedDate}。` : '尚未填写成文日期。'}
          政府部门、乡镇（街道）应于次年1月31日前发布，人民政府应于3月31日前发布。
        </div>
        <FieldFindings findings={[...byTarget('signature'), ...dateFindings]} />
        <div className="field">
          <label htmlFor="cover-contact">联系方式（可选）</label>
          <Input
            id="cover-contact"
            value={report.agency.contact ?? ''}
            placeholder="例如：县市场监督管理局办公室，电话：0000-1234567"
            onChange={(e) => {
              const contact = e.target.value;
              update((r) => ({ ...r, agency: { ...r.agency, contact } }));
            }}
          />
        </div>
      </fieldset>
    </div>
  );
}

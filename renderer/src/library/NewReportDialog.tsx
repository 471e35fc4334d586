import { useEffect, useMemo, useRef, useState } from 'react';
import { Form, Input, InputNumber, Select, AutoComplete } from 'antd';
import { KeyModal } from '../common/KeyModal';
import { formatForYear, templateFor } from '../../../templates/index';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from '../../../shared/model/types';
import { suggestTitle } from '../../../shared/model/blank';
import type { ReportSummary } from '../../../shared/service/api';
import { ExistingReportWarning } from './ExistingReportWarning';
import { defaultReportYear } from './default-year';
import { useLatest } from '../hooks/use-latest';
import { parseTypedNumber } from '../common/number-input';

export interface NewReportValues {
  agency: string;
  kind: AgencyKind;
  year: number;
}

const MIN_YEAR = 2019;

function formatLabel(year: number): string {
  const fmt = formatForYear(year);
  return fmt === 'pre-2019' ? '2019年以前的报告没有统一表格' : templateFor(fmt).name;
}

export function NewReportDialog(props: {
  open: boolean;
  reports: ReportSummary[];
  defaultAgency?: string;
  defaultKind?: AgencyKind;
  onCancel(): void;
  onCreate(values: NewReportValues): Promise<void>;
}) {
  const { open, reports, onCancel, onCreate } = props;
  const [form] = Form.useForm<NewReportValues>();
  const [busy, setBusy] = useState(false);
  const agency = Form.useWatch('agency', form) ?? '';
  const year = Form.useWatch('year', form);

  // Each opening starts from the defaults of that moment (a later change of them does not reset the form).
  const defaults = useLatest({ agency: props.defaultAgency, kind: props.defaultKind });
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        agency: defaults.current.agency ?? '',
        kind: defaults.current.kind ?? 'department',
        year: defaultReportYear(),
      });
    }
  }, [open, form, defaults]);

  const agencies = useMemo(() => {
    // The sample's agency is fictional: never offered as the clerk's own.
    const names = new Set(
      reports
        .filter((r) => !r.sample)
        .map((r) => r.agency)
        .filter(Boolean),
    );
    if (props.defaultAgency) names.add(props.defaultAgency);
    return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, [reports, props.defaultAgency]);

  const validYear = typeof year === 'number' && year >= MIN_YEAR && year <= new Date().getFullYear() + 1;
  const existing = validYear
    ? reports.find((r) => !r.sample && r.agency === agency.trim() && r.year === year)
    : undefined;

  const busyRef = useRef(false);
  const submit = async () => {
    if (busyRef.current) return;
    const values = await form.validateFields();
    busyRef.current = true;
    setBusy(true);
    try {
      await onCreate({ ...values, agency: values.agency.trim() });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <KeyModal
      open={open}
      title="新建年报"
      okText="创建并开始填写"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
      okButtonProps={{ htmlType: 'submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ kind: 'department', year: defaultReportYear() }}
      >
        <Form.Item
          name="agency"
          label="机关全称"
          rules={[{ required: true, whitespace: true, message: '请填写机关全称，例如“云溪县市场监督管理局”。' }]}
          extra="写全称，它会出现在标题和落款中。"
        >
          <AutoComplete
            options={agencies.map((a) => ({ value: a }))}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
          >
            <Input autoFocus placeholder="例如：云溪县市场监督管理局" />
          </AutoComplete>
        </Form.Item>
        <div className="form-row">
          <Form.Item name="kind" label="机关类型" rules={[{ required: true }]} className="form-row-grow">
            <Select options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item
            name="year"
            label="报告年度"
            rules={[
              { required: true, message: '请填写报告年度。' },
              {
                type: 'number',
                min: MIN_YEAR,
                max: new Date().getFullYear() + 1,
                message: `年度应在 ${MIN_YEAR} 至 ${new Date().getFullYear() + 1} 之间。`,
              },
            ]}
            extra="统计期为该年1月1日至12月31日"
          >
            <InputNumber precision={0} parser={parseTypedNumber} controls style={{ width: 160 }} suffix="年度" />
          </Form.Item>
        </div>
        {validYear ? (
          <div className="new-report-preview" aria-live="polite">
            <div>
              <span className="muted">标题：</span>
              {agency.trim() ? suggestTitle(agency, year) : <span className="muted">（填写机关全称后显示）</span>}
            </div>
            <div>
              <span className="muted">格式：</span>
              {formatLabel(year)}
            </div>
          </div>
        ) : null}
        <ExistingReportWarning existing={existing} />
      </Form>
    </KeyModal>
  );
}

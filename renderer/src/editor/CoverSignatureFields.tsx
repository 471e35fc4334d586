import { Button, Input } from 'antd';
import { formatChineseDate } from '../../../shared/model/format';
import { FieldFindings, findingsAt, type CoverFieldsProps } from './FieldFindings';
import { useSignatureDate } from './use-signature-date';

/** 落款: the signing agency, the date (and the publication deadline it must meet) and the contact. */
export function CoverSignatureFields({ report, findings, update, replace, register }: CoverFieldsProps) {
  const printedDate = report.signature.date ? formatChineseDate(report.signature.date) : '';
  const date = useSignatureDate(report.signature.date, report.year, (iso) =>
    update((r) => ({ ...r, signature: { ...r.signature, date: iso } })),
  );
  const dateFindings = findings.filter((f) => !f.dismissed && !f.span && f.rule === 'PUBLISH-DEADLINE');
  return (
    <fieldset className="form-group">
      <legend>落款</legend>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor="cover-signature">署名机关</label>
          <div className="field-with-action">
            <Input
              id="cover-signature"
              ref={(el) => {
                register('signature', el?.input ?? null);
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
          {date.field}
        </div>
      </div>
      {date.message}
      <div className="field-help">
        {printedDate ? `打印为：${printedDate}。` : '尚未填写成文日期。'}
        政府部门、乡镇（街道）应于次年1月31日前发布，人民政府应于3月31日前发布。
      </div>
      <FieldFindings findings={[...findingsAt(findings, 'signature'), ...dateFindings]} />
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
  );
}

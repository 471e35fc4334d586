import { Button, Input } from 'antd';
import { KeyConfirm } from '../common/KeyConfirm';
import { suggestPreamble, suggestTitle } from '../../../shared/model/blank';
import { FieldFindings, findingsAt, type CoverFieldsProps } from './FieldFindings';

/** 标题和开头: the title with the suggested one, and the opening paragraph with the usual wording. */
export function CoverTitleFields({ report, findings, update, replace, register }: CoverFieldsProps) {
  const suggested = suggestTitle(report.agency.name, report.year);
  const titleFindings = findings.filter(
    (f) => !f.dismissed && (f.span?.where === 'title' || (!f.span && f.rule === 'TITLE')),
  );
  return (
    <fieldset className="form-group">
      <legend>标题和开头</legend>
      <div className="field">
        <label htmlFor="cover-title">标题</label>
        <div className="field-with-action">
          <Input
            id="cover-title"
            ref={(el) => {
              register('title', el?.input ?? null);
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
            <KeyConfirm
              title="用常用开头替换现有开头段落？"
              description="现有文字会被替换；点工具栏的“撤销”可以找回。"
              okText="替换"
              onConfirm={() => replace({ preamble: suggestPreamble(report.agency.name, report.year) }, '插入常用开头')}
            >
              <Button size="small">插入常用开头</Button>
            </KeyConfirm>
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
            register('preamble', el?.resizableTextArea?.textArea ?? null);
          }}
          value={report.preamble ?? ''}
          autoSize={{ minRows: 4 }}
          placeholder="说明编制依据、全文包括的六个部分、统计期限和联系方式。可点“插入常用开头”。"
          onChange={(e) => {
            const preamble = e.target.value;
            update((r) => ({ ...r, preamble }));
          }}
        />
        <FieldFindings findings={findingsAt(findings, 'preamble')} />
      </div>
    </fieldset>
  );
}

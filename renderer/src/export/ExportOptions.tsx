import { Alert, Checkbox, Input, Button } from 'antd';
import { FolderOpenOutlined, WarningFilled } from '@ant-design/icons';
import type { Report } from '../../../shared/model/types';
import type { ExportFormat } from '../../../shared/service/api';
import type { Finding } from '../../../shared/checks/types';
import { EXPORT_FORMATS, FORMAT_INFO, fileNameOf } from './formats';

/** The choices before an export: the errors to acknowledge, the formats, the folder. */
export function ExportOptions(props: {
  report: Report;
  errors: Finding[];
  confirmed: boolean;
  onConfirmed(on: boolean): void;
  formats: ExportFormat[];
  onToggle(f: ExportFormat, on: boolean): void;
  dir: string;
  onDir(dir: string): void;
  defaultDir: string;
  /** The desktop shell picks the folder (the path box is read-only then). */
  onChooseFolder?: () => void;
  error: string | null;
}) {
  const { errors, formats } = props;
  const desktop = !!props.onChooseFolder;
  return (
    <div className="export-options">
      {errors.length ? (
        <div className="export-errors" role="group" aria-labelledby="export-errors-title">
          <p id="export-errors-title" className="export-errors-title">
            <WarningFilled aria-hidden="true" /> 这份年报还有 {errors.length} 个错误，导出的文件会带着这些问题：
          </p>
          {/* Focusable: a long list scrolls, and keyboard users must be able to scroll it. */}
          <ol className="export-error-list" tabIndex={0} aria-label="未解决的错误" data-autofocus>
            {errors.map((f) => (
              <li key={`${f.rule}:${f.fingerprint}`}>
                {f.message}
                {f.dismissed ? <span className="muted">（已忽略：{f.dismissed.reason}）</span> : null}
              </li>
            ))}
          </ol>
          <Checkbox checked={props.confirmed} onChange={(e) => props.onConfirmed(e.target.checked)}>
            我已知晓以上问题，仍要导出
          </Checkbox>
        </div>
      ) : null}
      <fieldset className="export-formats">
        <legend>导出哪些文件</legend>
        {EXPORT_FORMATS.map((f) => (
          <Checkbox
            key={f}
            className="export-format"
            checked={formats.includes(f)}
            onChange={(e) => props.onToggle(f, e.target.checked)}
          >
            <span className="export-format-text">
              <span>
                <strong>{FORMAT_INFO[f].label}</strong>
                <span className="muted small export-format-hint">{FORMAT_INFO[f].hint}</span>
              </span>
              <span className="export-format-name small">{fileNameOf(props.report, f)}</span>
            </span>
          </Checkbox>
        ))}
        {formats.length === 0 ? <p className="field-error small">请至少选择一种格式。</p> : null}
      </fieldset>
      <div className="export-dir">
        <label htmlFor="export-dir-input" className="export-dir-label">
          保存到文件夹
        </label>
        <div className="export-dir-row">
          <Input
            id="export-dir-input"
            value={props.dir}
            readOnly={desktop}
            placeholder={props.defaultDir}
            onChange={(e) => props.onDir(e.target.value)}
          />
          {desktop ? (
            <Button icon={<FolderOpenOutlined />} onClick={props.onChooseFolder}>
              选择…
            </Button>
          ) : null}
        </div>
        <p className="muted small">
          {desktop ? '' : '填写本机文件夹的完整路径；文件夹不存在时会自动建立。'}
          已有同名文件时不会覆盖，新文件名后加“(2)”“(3)”…
        </p>
      </div>
      {props.error ? <Alert type="error" showIcon title="没有导出" description={props.error} /> : null}
    </div>
  );
}

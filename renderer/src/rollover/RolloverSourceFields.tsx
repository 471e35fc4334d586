import { useMemo } from 'react';
import { Alert, Button, Radio, Select, Spin } from 'antd';
import { FileOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { STATUS_LABELS, type Report } from '../../../shared/model/types';
import type { ReportSummary } from '../../../shared/service/api';
import { KIND_LABELS } from '../import/labels';
import { sortForRollover } from './plan';
import { formatSize } from './pick-file';
import type { Source, SourceFile } from './useRolloverSource';

/** 上年报告: a report of the library or a file, and what was read from it. */
export function RolloverSourceFields(props: {
  reports: ReportSummary[];
  source: Source;
  onSource(s: Source): void;
  selectedId: string | undefined;
  onSelect(id: string): void;
  file: SourceFile | null;
  onChooseFile(): void;
  reading: boolean;
  last: Report | null;
}) {
  const { source, file, last } = props;
  const options = useMemo(
    () =>
      sortForRollover(props.reports).map((r) => ({
        value: r.id,
        label: `${r.agency || '（未填写机关）'} · ${r.year}年度 · ${STATUS_LABELS[r.status]}`,
      })),
    [props.reports],
  );
  return (
    <fieldset className="rollover-fieldset">
      <legend>上年报告</legend>
      <Radio.Group
        value={source}
        onChange={(e) => props.onSource(e.target.value as Source)}
        className="rollover-source"
      >
        <Radio value="library" disabled={props.reports.length === 0}>
          年报库中的报告
        </Radio>
        <Radio value="file">文件</Radio>
      </Radio.Group>
      {source === 'library' ? (
        <Select
          id="rollover-from"
          aria-label="选择上年报告"
          className="rollover-select"
          showSearch={{ optionFilterProp: 'label' }}
          value={props.selectedId}
          onChange={(v: string) => props.onSelect(v)}
          options={options}
          placeholder="选择上一年度的年报"
          notFoundContent="没有匹配的年报"
        />
      ) : (
        <div className="rollover-file">
          <Button icon={<FolderOpenOutlined />} onClick={props.onChooseFile}>
            {file ? '重新选择文件…' : '选择文件…'}
          </Button>
          {file ? (
            <span className="rollover-file-name">
              <FileOutlined aria-hidden="true" /> {file.name}
              <span className="muted small">
                （{formatSize(file.size)}
                {file.kind ? `，${KIND_LABELS[file.kind]}` : ''}）
              </span>
            </span>
          ) : (
            <span className="muted small">
              年报文件（.nianbao）、本程序导出的 Word 文档，或其他 Word、网页、PDF 格式的年报。
            </span>
          )}
        </div>
      )}
      {props.reading ? (
        <div className="rollover-reading" aria-live="polite">
          <Spin size="small" /> <span className="muted">正在读取上年报告…</span>
        </div>
      ) : last ? (
        <p className="rollover-from-line" aria-live="polite">
          <span className="muted">上年报告：</span>
          {last.title || `${last.agency.name}${last.year}年度`}
        </p>
      ) : null}
      {file?.warnings?.length && last ? (
        <Alert
          type="info"
          className="gap-top"
          title="读取时的提示"
          description={
            <ul className="rollover-notes">
              {file.warnings.slice(0, 3).map((w) => (
                <li key={w}>{w}</li>
              ))}
              {file.warnings.length > 3 ? (
                <li>另有 {file.warnings.length - 3} 条提示，新建后可在检查结果中核对。</li>
              ) : null}
            </ul>
          }
        />
      ) : null}
    </fieldset>
  );
}

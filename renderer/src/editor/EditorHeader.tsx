import { memo } from 'react';
import { Button, Select, Tooltip } from 'antd';
import { FillZeroButton } from '../grid/FillZeroButton';
import { ApartmentOutlined, UndoOutlined, RedoOutlined, ExportOutlined, EyeOutlined } from '@ant-design/icons';
import { navigate } from '../app/router';
import { STATUS_LABELS, type ReportStatus } from '../../../shared/model/types';
import { AppHeader } from '../app/AppHeader';
import { BackButton } from '../app/BackButton';

const STATUS_ORDER: ReportStatus[] = ['draft', 'review', 'approved', 'published'];

/**
 * The editor's top bar: back to the library, which report, its status, and the tools. Memoised on
 * plain values so that typing in a cell does not re-render the toolbar.
 */
export const EditorHeader = memo(function EditorHeader(props: {
  agency: string;
  year: number;
  status: ReportStatus;
  undoLabel?: string;
  redoLabel?: string;
  /** Blank cells left (read when the confirmation opens, so that typing does not re-render the toolbar). */
  countBlanks(): number;
  onBack(): void;
  onStatus(status: ReportStatus): void;
  onUndo(): void;
  onRedo(): void;
  onFillAll(): void;
  onPreview(): void;
  /** 导出: at once when there is no error, else the export dialog with the errors to acknowledge. */
  onExport(): void;
  /** A government report: 汇总下级单位 opens the 汇总 screen for it. */
  aggregateId?: string;
}) {
  return (
    <AppHeader
      extra={
        <div className="editor-toolbar" role="toolbar" aria-label="编辑工具">
          <Tooltip title={props.undoLabel ? `撤销：${props.undoLabel}（Ctrl+Z）` : '没有可以撤销的操作'}>
            <Button icon={<UndoOutlined />} disabled={!props.undoLabel} onClick={props.onUndo}>
              撤销
            </Button>
          </Tooltip>
          <Tooltip title={props.redoLabel ? `重做：${props.redoLabel}（Ctrl+Y）` : '没有可以重做的操作'}>
            <Button icon={<RedoOutlined />} disabled={!props.redoLabel} onClick={props.onRedo}>
              重做
            </Button>
          </Tooltip>
          <FillZeroButton countBlanks={props.countBlanks} onFill={props.onFillAll} scope="三张表中" />
          {props.aggregateId ? (
            <Tooltip title="把各部门、乡镇（街道）的年报汇总为全县（区、市）的数字">
              <Button
                icon={<ApartmentOutlined />}
                onClick={() => navigate({ screen: 'aggregate', id: props.aggregateId! })}
              >
                汇总下级单位
              </Button>
            </Tooltip>
          ) : null}
          <Button icon={<EyeOutlined />} onClick={props.onPreview}>
            预览
          </Button>
          <Tooltip title="导出 Word、网页和 PDF（Ctrl+E）">
            <Button type="primary" icon={<ExportOutlined />} onClick={props.onExport}>
              导出
            </Button>
          </Tooltip>
        </div>
      }
    >
      <BackButton onClick={props.onBack}>年报库</BackButton>
      <div className="doc-identity">
        <span className="doc-agency" title={props.agency}>
          {props.agency || '（未填写机关）'}
        </span>
        <span className="doc-year">{props.year}年度</span>
        <Select
          size="small"
          value={props.status}
          aria-label="年报状态"
          className="doc-status"
          options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onChange={props.onStatus}
        />
      </div>
    </AppHeader>
  );
});

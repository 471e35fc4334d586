import { memo, useMemo } from 'react';
import { Alert, Button } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { SectionDef, TemplateDef } from '../../../templates/types';
import type { Block, Cells, CellValue } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import { FEE_SENTENCE, mentionsFee } from '../logic/report-edit';
import type { GridStore } from '../grid/grid-store';
import { TableSection } from '../grid/TableSection';
import type { GridFocusRequest } from '../grid/TableGrid';
import type { CellDetail } from '../grid/TableSection';
import { NarrativeEditor, type SpanRequest } from './NarrativeEditor';
import type { YearContext } from '../rollover/year-chips';

const NO_FINDINGS = new Map<number, Finding[]>();

export interface SectionPageProps {
  def: SectionDef;
  /** The section's text (a cell edit leaves it as it was). */
  blocks: Block[];
  template: TemplateDef | null;
  /** The findings about this section's text (the same list while typing in a cell changes none). */
  findings: Finding[];
  gridStore: GridStore;
  onLiveEdit(key: string, value: CellValue): void;
  onCommitEdit(key: string, before: CellValue, after: CellValue): void;
  onPatch(patch: Cells, label: string): void;
  onText(index: number, text: string): void;
  onStructure(blocks: Block[], label: string): void;
  onInsertSubheading(heading: string): void;
  onConfirmCarried(index: number): void;
  onInsertFeeSentence(): void;
  gridRequest: GridFocusRequest | null;
  spanRequest: SpanRequest | null;
  onRequestHandled(): void;
  focusBlock: number | null;
  onFocusBlockHandled(): void;
  /** A government report with a written 汇总: its summed cells open their units. */
  cellDetail?: CellDetail;
  /** Years of the carried paragraphs (a report made from last year's). */
  years?: YearContext | null;
  reportPendingYears?: number;
  onUpdateAllYears?(): void;
}

/** A section's page: its table (if any) and its text. Memoised: a keystroke in a cell leaves it alone. */
export const SectionPage = memo(function SectionPage(props: SectionPageProps) {
  const { def, blocks, template, findings } = props;
  const table = def.table && template ? template.tables.find((t) => t.id === def.table) : undefined;

  const findingsByBlock = useMemo(() => {
    if (!findings.some((f) => !f.dismissed)) return NO_FINDINGS;
    const map = new Map<number, Finding[]>();
    for (const f of findings) {
      if (f.dismissed || f.span?.where !== 'section') continue;
      const list = map.get(f.span.block) ?? [];
      list.push(f);
      map.set(f.span.block, list);
    }
    return map;
  }, [findings]);

  const feeMissing = def.id === 'other' && !mentionsFee(blocks);

  return (
    <div className="section-page">
      <p className="section-hint">{def.hint}</p>
      {def.id === 'other' && !feeMissing ? (
        <p className="fee-ok">
          <CheckCircleFilled aria-hidden="true" /> 已说明信息处理费收取情况。
        </p>
      ) : null}
      {feeMissing ? (
        <Alert
          className="fee-reminder"
          type="warning"
          showIcon
          title="请说明本年度是否收取了信息处理费"
          description="依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），年报必须写明信息处理费的收取情况。没有收取的，可一键插入标准表述。"
          action={
            <Button size="small" type="primary" ghost onClick={props.onInsertFeeSentence}>
              插入“{FEE_SENTENCE}”
            </Button>
          }
        />
      ) : null}
      {table && template ? (
        <TableSection
          table={table}
          template={template}
          store={props.gridStore}
          onLiveEdit={props.onLiveEdit}
          onCommitEdit={props.onCommitEdit}
          onPatch={props.onPatch}
          focusRequest={props.gridRequest}
          onFocusHandled={props.onRequestHandled}
          cellDetail={props.cellDetail}
        />
      ) : null}
      {table ? <h3 className="narrative-title">补充说明（可选）</h3> : null}
      <NarrativeEditor
        def={def}
        blocks={blocks}
        findingsByBlock={findingsByBlock}
        withTable={!!table}
        onText={props.onText}
        onStructure={props.onStructure}
        onInsertSubheading={props.onInsertSubheading}
        onConfirmCarried={props.onConfirmCarried}
        spanRequest={props.spanRequest}
        onSpanHandled={props.onRequestHandled}
        focusBlock={props.focusBlock}
        onFocusBlockHandled={props.onFocusBlockHandled}
        years={props.years}
        reportPendingYears={props.reportPendingYears}
        onUpdateAllYears={props.onUpdateAllYears}
      />
    </div>
  );
});

import { lazy, memo, Suspense, useMemo, useRef, type RefObject } from 'react';
import { sameItems } from '../logic/stable-list';
import { Spin } from 'antd';
import { SECTIONS } from '../../../templates/index';
import type { SectionId, TemplateDef } from '../../../templates/types';
import type { Block, Report } from '../../../shared/model/types';
import type { Finding } from '../../../shared/checks/types';
import type { GridStore } from '../grid/grid-store';
import type { EditorPage } from '../app/router';
import type { YearContext } from '../rollover/year-chips';
import { CompareBoundary } from '../compare/CompareBoundary';
import { SampleBanner } from '../library/SampleBanner';
import { RolloverNotice } from '../rollover/RolloverNotice';
import { useCellBreakdown } from '../aggregate/CellBreakdown';
import { PAGE_TITLES } from './SectionNav';
import { CoverPage } from './CoverPage';
import { SectionPage } from './SectionPage';
import { PreviewPage } from './PreviewPage';
import type { EditorHistory } from './use-editor-history';
import type { SectionEdits } from './use-section-edits';
import type { useEditorJumps } from './use-editor-jumps';

const NO_BLOCKS: Block[] = [];

/** The sample's banner reads only which report it is: a keystroke does not re-render it. */
const SampleBannerOnce = memo(
  SampleBanner,
  (a, b) => a.report.meta.id === b.report.meta.id && a.report.meta.sample === b.report.meta.sample,
);

/** Reads only which report it is (its notice comes from a store): a keystroke does not re-render it. */
const RolloverNoticeOnce = memo(RolloverNotice);

// The comparison view (and ECharts with it) loads when first opened.
const CompareView = lazy(() => import('../compare/CompareView'));

/** The middle of the editor: the page's heading and the page itself. */
export function EditorPageView(props: {
  page: EditorPage;
  report: Report;
  last: Report | null;
  template: TemplateDef | null;
  findings: Finding[];
  gridStore: GridStore;
  years: YearContext | null;
  pendingYears: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  update(fn: (r: Report) => Report): void;
  history: EditorHistory;
  edits: SectionEdits;
  jumps: ReturnType<typeof useEditorJumps>;
  onExport(): void;
}) {
  const { page, report, template, history, edits, jumps } = props;
  const sectionId = page !== 'cover' && page !== 'preview' && page !== 'compare' ? (page as SectionId) : null;
  const def = sectionId ? (template?.sections ?? SECTIONS).find((s) => s.id === sectionId) : undefined;
  // A government report with a written 汇总: its summed cells open their units.
  const cellDetail = useCellBreakdown(report, template);
  const blocks = report.sections.find((s) => s.id === sectionId)?.blocks ?? NO_BLOCKS;
  // The findings about the section's text: the same list (and the page left alone) while a keystroke
  // in a cell changes none of them.
  const lastSectionFindings = useRef<Finding[]>([]);
  const sectionFindings = useMemo(
    () =>
      (lastSectionFindings.current = sameItems(
        lastSectionFindings.current,
        props.findings.filter((f) => f.span?.where === 'section' && f.span.section === sectionId),
      )),
    [props.findings, sectionId],
  );
  return (
    <main className="editor-main" aria-labelledby="page-heading">
      <div className="page-inner">
        <SampleBannerOnce report={report} />
        <RolloverNoticeOnce reportId={report.meta.id} />
        <h2 id="page-heading" ref={props.headingRef} tabIndex={-1} className="page-heading">
          {page === 'preview' ? '预览全文' : page === 'compare' ? '与上年对比' : PAGE_TITLES[page]}
        </h2>
        {page === 'cover' ? (
          <CoverPage
            report={report}
            findings={props.findings}
            update={props.update}
            replace={history.replaceTop}
            spanRequest={jumps.coverRequest}
            onSpanHandled={jumps.clearRequests}
          />
        ) : page === 'compare' ? (
          <CompareBoundary>
            <Suspense fallback={<Spin description="正在打开对比…" />}>
              <CompareView report={report} last={props.last} template={template} onOpenBlock={jumps.openBlock} />
            </Suspense>
          </CompareBoundary>
        ) : page === 'preview' ? (
          <PreviewPage report={report} onExport={props.onExport} />
        ) : def ? (
          <SectionPage
            key={def.id}
            def={def}
            blocks={blocks}
            template={template}
            findings={sectionFindings}
            gridStore={props.gridStore}
            cellDetail={cellDetail}
            onLiveEdit={history.onLiveEdit}
            onCommitEdit={history.onCommitEdit}
            onPatch={history.onPatch}
            onText={edits.onText}
            onStructure={edits.onStructure}
            onInsertSubheading={edits.onInsertSubheading}
            onConfirmCarried={edits.onConfirmCarried}
            onInsertFeeSentence={edits.onInsertFeeSentence}
            gridRequest={jumps.gridRequest}
            spanRequest={jumps.spanRequest}
            onRequestHandled={jumps.clearRequests}
            focusBlock={edits.focusBlock}
            onFocusBlockHandled={edits.clearFocusBlock}
            years={props.years}
            reportPendingYears={props.pendingYears}
            onUpdateAllYears={edits.onUpdateAllYears}
          />
        ) : (
          <p className="muted">这份年报是 2019 年以前的格式，只能编辑文字。</p>
        )}
      </div>
    </main>
  );
}

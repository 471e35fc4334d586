import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { App as AntApp, Button, Result, Spin } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { templateFor } from '../../../templates/index';
import type { SectionId } from '../../../templates/types';
import type { ReportStatus } from '../../../shared/model/types';
import { dismissFinding, undismissFinding } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { navigate, routeHash, type EditorPage } from '../app/router';
import type { SaveState } from '../logic/save-queue';
import { ExportDialog, type ExportStart } from '../export/ExportDialog';
import { GridStore } from '../grid/grid-store';
import { saveReportFileAs } from '../export/save-as';
import { SectionNav } from './SectionNav';
import { FindingsPanel } from './FindingsPanel';
import { StatusBar } from './StatusBar';
import { EditorHeader } from './EditorHeader';
import { EditorPageView } from './EditorPageView';
import { useEditorReport } from './use-editor-report';
import { useLastReport } from './use-last-report';
import { useEditorChecks } from './use-editor-checks';
import { useEditorHistory } from './use-editor-history';
import { useSectionEdits } from './use-section-edits';
import { useEditorJumps } from './use-editor-jumps';
import { useEditorCommands } from './use-editor-commands';

/**
 * The editor of one report: the header, the section list, the page, the findings panel and the
 * status bar, put together from the hooks beside it (loading, checks, undo history, text edits,
 * jumps to findings, commands).
 */
export function EditorScreen({ id, page, onTitle }: { id: string; page: EditorPage; onTitle(title: string): void }) {
  const { api, shell, saves } = useServices();
  const { message } = AntApp.useApp();
  const [panelOpen, setPanelOpen] = useState(true);
  const [exporting, setExporting] = useState<ExportStart | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const doc = useEditorReport(id);
  const { report, reportRef, update } = doc;
  const template = report && report.format !== 'pre-2019' ? templateFor(report.format) : null;
  const last = useLastReport(id, report, reportRef);
  const checks = useEditorChecks(report, last, template);
  const jumps = useEditorJumps(id, page, template, headingRef);
  const history = useEditorHistory(doc, template, { cell: jumps.showCell, section: jumps.showSection });
  const section = page !== 'cover' && page !== 'preview' && page !== 'compare' ? (page as SectionId) : null;
  const edits = useSectionEdits(doc, history, section, template, checks.years, checks.findings);

  // The grid's cells and marks, published after each change: each cell re-renders for its own.
  const [gridStore] = useState(() => new GridStore());
  const cells = report?.cells;
  const { marks } = checks;
  useLayoutEffect(() => {
    if (cells) gridStore.publish(cells, marks);
  }, [gridStore, cells, marks]);

  const save = useSyncExternalStore<SaveState>(
    useCallback((cb) => saves.subscribe(cb), [saves]),
    () => saves.getState(),
  );

  // The window shows which report is open (App tells the shell, with the unsaved state).
  const docTitle = report ? `${report.agency.name || '未命名'} ${report.year}年度` : '';
  useEffect(() => onTitle(docTitle), [docTitle, onTitle]);

  const saveAs = useCallback(async () => {
    try {
      const note = await saveReportFileAs({ api, shell, saves }, id);
      if (note) void message.success(note);
    } catch (e) {
      void message.error(errorText(e));
    }
  }, [api, shell, saves, id, message]);

  useEditorCommands({
    id,
    hasReport: () => reportRef.current !== null,
    history: history.applyHistory,
    save: () => void saves.flush(),
    exportNow: () => setExporting('quick'),
    saveAs: () => void saveAs(),
  });

  const { applyHistory } = history;
  const onUndo = useCallback(() => applyHistory('undo'), [applyHistory]);
  const onRedo = useCallback(() => applyHistory('redo'), [applyHistory]);
  const goLibrary = useCallback(() => navigate({ screen: 'library' }), []);
  const goPreview = useCallback(() => navigate({ screen: 'editor', id, page: 'preview' }), [id]);
  const quickExport = useCallback(() => setExporting('quick'), []);
  const exportWithOptions = useCallback(() => setExporting('options'), []);
  const closeExport = useCallback(() => setExporting(null), []);
  const setStatus = useCallback(
    (status: ReportStatus) => update((r) => ({ ...r, meta: { ...r.meta, status } })),
    [update],
  );
  const showPanel = useCallback(() => setPanelOpen(true), []);
  const closePanel = useCallback(() => setPanelOpen(false), []);
  const retrySave = useCallback(() => void saves.flush(), [saves]);
  const onDismiss = useCallback((f: Finding, reason: string) => update((r) => dismissFinding(r, f, reason)), [update]);
  const onRestoreFinding = useCallback((f: Finding) => update((r) => undismissFinding(r, f)), [update]);
  // A finding's fix is an undo step like any cell edit; the cells it changed are shown.
  const { onPatch } = history;
  const { showCell } = jumps;
  const onFix = useCallback(
    (f: Finding) => {
      if (!f.fix) return;
      onPatch(f.fix.cells, f.fix.label);
      const first = Object.keys(f.fix.cells)[0];
      if (first) showCell(first);
    },
    [onPatch, showCell],
  );

  if (doc.loadError) return <EditorLoadError message={doc.loadError} />;
  if (!report) {
    return (
      <div className="screen">
        <AppHeader />
        <div className="center-fill">
          <Spin description="正在打开年报…" />
        </div>
      </div>
    );
  }

  const pastStep = history.history.past[history.history.past.length - 1];
  const nextStep = history.history.future[0];

  return (
    <div className="screen editor-screen">
      <EditorHeader
        agency={report.agency.name}
        year={report.year}
        status={report.meta.status}
        undoLabel={pastStep?.label}
        redoLabel={nextStep?.label}
        countBlanks={history.countBlanks}
        onBack={goLibrary}
        onStatus={setStatus}
        onUndo={onUndo}
        onRedo={onRedo}
        onFillAll={history.fillAll}
        onPreview={goPreview}
        onExport={quickExport}
        aggregateId={report.agency.kind === 'government' ? id : undefined}
      />
      <div className={`editor-body${panelOpen ? '' : ' panel-closed'}`}>
        <SectionNav id={id} page={page} pages={checks.pages} compare={last !== null} />
        <EditorPageView
          page={page}
          report={report}
          last={last}
          template={template}
          findings={checks.findings}
          gridStore={gridStore}
          years={checks.years}
          pendingYears={checks.pendingYears}
          headingRef={headingRef}
          update={update}
          history={history}
          edits={edits}
          jumps={jumps}
          onExport={exportWithOptions}
        />
        {panelOpen ? (
          <FindingsPanel
            findings={checks.findings}
            template={template}
            onJump={jumps.jump}
            onDismiss={onDismiss}
            onRestore={onRestoreFinding}
            onFix={onFix}
            onClose={closePanel}
          />
        ) : (
          <button type="button" className="panel-reopen" onClick={showPanel} aria-label="展开检查结果">
            <UnorderedListOutlined aria-hidden="true" />
            <span>检查结果</span>
          </button>
        )}
      </div>
      <ExportDialogWhenOpen
        open={exporting !== null}
        start={exporting ?? 'options'}
        report={report}
        findings={checks.findings}
        onClose={closeExport}
      />
      <StatusBar
        save={save}
        onRetry={retrySave}
        errors={checks.counts?.error ?? 0}
        warnings={checks.counts?.warning ?? 0}
        infos={checks.counts?.info ?? 0}
        blankCells={checks.counts?.blankCells ?? 0}
        onShowFindings={showPanel}
        formatName={template ? template.name : '2019年以前的格式'}
        carriedShare={checks.share}
        compareHref={routeHash({ screen: 'editor', id, page: 'compare' })}
      />
    </div>
  );
}

/** The export dialog, left alone while it is closed (it would otherwise re-render on every keystroke). */
const ExportDialogWhenOpen = memo(ExportDialog, (a, b) => !a.open && !b.open);

function EditorLoadError({ message }: { message: string }) {
  return (
    <div className="screen">
      <AppHeader />
      <Result
        status="warning"
        title="这份年报没有打开"
        subTitle={message}
        extra={
          <Button type="primary" onClick={() => navigate({ screen: 'library' })}>
            回到年报库
          </Button>
        }
      />
    </div>
  );
}

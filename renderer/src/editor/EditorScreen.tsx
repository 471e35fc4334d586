import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { App as AntApp, Button, Result, Spin } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { SECTIONS, templateFor } from '../../../templates/index';
import type { SectionId } from '../../../templates/types';
import type { Block, Cells, CellValue, Report, ReportStatus } from '../../../shared/model/types';
import { computeTotals } from '../../../shared/model/totals';
import { runChecks, dismissFinding, undismissFinding, countBySeverity } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { errorText, useServices } from '../api/context';
import { AppHeader } from '../app/AppHeader';
import { navigate, routeHash, type EditorPage } from '../app/router';
import { useCommandHandler } from '../app/commands';
import { EMPTY_HISTORY, cellStep, record, redo, topStep, undo, type UndoHistory } from '../logic/undo';
import {
  applyCells,
  blocksOf,
  confirmCarried,
  editBlockText,
  FEE_SENTENCE,
  insertSubheading,
  setBlocks,
} from '../logic/report-edit';
import { computeCompleteness, pageOfFinding } from '../logic/completeness';
import { indexFindingsByCell } from '../logic/findings-index';
import { fillBlanksWithZero } from '../logic/fill-zero';
import type { SaveState } from '../logic/save-queue';
import { SectionNav, PAGE_TITLES } from './SectionNav';
import { CoverPage, type CoverSpanRequest } from './CoverPage';
import { SectionPage } from './SectionPage';
import { FindingsPanel } from './FindingsPanel';
import { StatusBar } from './StatusBar';
import { EditorHeader } from './EditorHeader';
import { PreviewPage } from './PreviewPage';
import { ExportDialog, type ExportStart } from '../export/ExportDialog';
import { saveReportFileAs } from '../export/save-as';
import type { GridFocusRequest } from '../grid/TableGrid';
import type { SpanRequest } from './NarrativeEditor';
import { baselineAsLastReport } from '../../../shared/rollover/rollover';
import { carriedShare } from '../../../shared/rollover/compare';
import { reportPending, updateSectionYears, yearContext } from '../rollover/year-chips';

import { CompareBoundary } from '../compare/CompareBoundary';

// The comparison view (and ECharts with it) loads when first opened.
const CompareView = lazy(() => import('../compare/CompareView'));

/** Whether a key event belongs to a text box (its own undo applies there). */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.closest('.gtable')) return el.tagName === 'INPUT';
  return (
    el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') ||
    el.isContentEditable
  );
}

export function EditorScreen({ id, page, onTitle }: { id: string; page: EditorPage; onTitle(title: string): void }) {
  const { api, shell, saves } = useServices();
  const { message } = AntApp.useApp();
  const [report, setReportState] = useState<Report | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [history, setHistory] = useState<UndoHistory>(EMPTY_HISTORY);
  const [last, setLast] = useState<Report | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const [gridRequest, setGridRequest] = useState<GridFocusRequest | null>(null);
  const [spanRequest, setSpanRequest] = useState<SpanRequest | null>(null);
  const [coverRequest, setCoverRequest] = useState<CoverSpanRequest | null>(null);
  const [focusBlock, setFocusBlock] = useState<number | null>(null);
  const [exporting, setExporting] = useState<ExportStart | null>(null);
  const reportRef = useRef<Report | null>(null);
  const historyRef = useRef<UndoHistory>(EMPTY_HISTORY);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const save = useSyncExternalStore<SaveState>(
    useCallback((cb) => saves.subscribe(cb), [saves]),
    () => saves.getState(),
  );

  // Load: the unsaved version in memory wins over the file (nothing typed is ever lost).
  useEffect(() => {
    let live = true;
    const unsaved = saves.unsaved(id);
    const load = unsaved ? Promise.resolve(unsaved) : api.getReport(id);
    load.then(
      (r) => {
        if (!live) return;
        reportRef.current = r;
        setReportState(r);
      },
      (e) => live && setLoadError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [id, api, saves]);

  // Last year's report enables the cross-year checks: the one this report was made from, else the
  // figures kept from it at rollover (it is not in the library), else the same agency's year before.
  const agencyName = report?.agency.name;
  const year = report?.year;
  const derivedId = report?.meta.derivedFrom?.id;
  const derivedYear = report?.meta.derivedFrom?.year;
  useEffect(() => {
    if (!agencyName || !year) return;
    let live = true;
    api
      .listReports()
      .then((lib) => {
        const linked = derivedId ? lib.reports.find((r) => r.id === derivedId) : undefined;
        if (linked) return api.getReport(linked.id);
        const stand = reportRef.current ? baselineAsLastReport(reportRef.current) : null;
        if (stand) return stand;
        const prev = lib.reports
          .filter((r) => r.id !== id && r.agency === agencyName && r.year === year - 1)
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        return prev ? api.getReport(prev.id) : null;
      })
      .then(
        (r) => live && setLast(r),
        () => live && setLast(null),
      );
    return () => {
      live = false;
    };
  }, [api, id, agencyName, year, derivedId]);

  const template = report && report.format !== 'pre-2019' ? templateFor(report.format) : null;
  const templateRef = useRef(template);
  templateRef.current = template;

  const findings = useMemo(() => (report ? runChecks(report, { last, mode: 'editor' }) : []), [report, last]);
  const marks = useMemo(() => indexFindingsByCell(findings.filter((f) => f.rule !== 'CELL-BLANK')), [findings]);
  const pages = useMemo(
    () => (report ? computeCompleteness(report, template, findings) : []),
    [report, template, findings],
  );
  const counts = useMemo(() => countBySeverity(findings), [findings]);

  // A report made from last year's: the years of its carried paragraphs, and how much text is still last year's.
  const sections = report?.sections;
  const years = useMemo(
    () =>
      year && derivedId && derivedYear
        ? yearContext({ year, meta: { derivedFrom: { id: derivedId, year: derivedYear } } }, last)
        : null,
    [year, derivedId, derivedYear, last],
  );
  const yearsRef = useRef(years);
  yearsRef.current = years;
  const pendingYears = useMemo(() => (sections && years ? reportPending(sections, years) : 0), [sections, years]);
  const share = useMemo(() => (report && last ? carriedShare(report, last) : null), [sections, last]); // eslint-disable-line react-hooks/exhaustive-deps

  // The window shows which report is open (App tells the shell, with the unsaved state).
  const docTitle = report ? `${report.agency.name || '未命名'} ${report.year}年度` : '';
  useEffect(() => onTitle(docTitle), [docTitle, onTitle]);

  // Focus the page heading when the clerk switches pages (screen readers announce the new page).
  useEffect(() => {
    if (!gridRequest && !spanRequest && !coverRequest) headingRef.current?.focus({ preventScroll: true });
    document.querySelector('.editor-main')?.scrollTo({ top: 0 });
  }, [page]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Every change goes through here: state, then the autosave queue. */
  const commit = useCallback(
    (next: Report) => {
      reportRef.current = next;
      setReportState(next);
      saves.schedule(next);
    },
    [saves],
  );

  const update = useCallback(
    (fn: (r: Report) => Report) => {
      const cur = reportRef.current;
      if (cur) commit(fn(cur));
    },
    [commit],
  );

  const pushHistory = useCallback((h: UndoHistory) => {
    historyRef.current = h;
    setHistory(h);
  }, []);

  const onLiveEdit = useCallback(
    (key: string, value: CellValue) => update((r) => applyCells(r, { [key]: value }, templateRef.current)),
    [update],
  );

  const onCommitEdit = useCallback(
    (key: string, before: CellValue, after: CellValue) => {
      const label = templateRef.current?.fields[key]?.label ?? key;
      pushHistory(
        record(historyRef.current, {
          label: `填写 ${label}`,
          cells: { before: { [key]: before }, after: { [key]: after } },
        }),
      );
    },
    [pushHistory],
  );

  const onPatch = useCallback(
    (patch: Cells, label: string) => {
      const cur = reportRef.current;
      if (!cur || Object.keys(patch).length === 0) return;
      pushHistory(record(historyRef.current, cellStep(label, cur.cells, patch)));
      commit(applyCells(cur, patch, templateRef.current));
    },
    [commit, pushHistory],
  );

  const replaceTop = useCallback(
    (patch: Partial<Report>, label: string) => {
      const cur = reportRef.current;
      if (!cur) return;
      pushHistory(record(historyRef.current, topStep(label, cur, patch)));
      commit({ ...cur, ...patch });
    },
    [commit, pushHistory],
  );

  const sectionId = page !== 'cover' && page !== 'preview' && page !== 'compare' ? (page as SectionId) : null;
  const sectionRef = useRef(sectionId);
  sectionRef.current = sectionId;

  const onText = useCallback(
    (index: number, text: string) => {
      const s = sectionRef.current;
      if (!s) return;
      update((r) => setBlocks(r, s, editBlockText(blocksOf(r, s), index, text)));
    },
    [update],
  );

  const changeBlocks = useCallback(
    (section: SectionId, blocks: Block[], label: string) => {
      const cur = reportRef.current;
      if (!cur) return;
      const before = blocksOf(cur, section);
      pushHistory(record(historyRef.current, { label, blocks: { section, before, after: blocks } }));
      commit(setBlocks(cur, section, blocks));
    },
    [commit, pushHistory],
  );

  const onStructure = useCallback(
    (blocks: Block[], label: string) => sectionRef.current && changeBlocks(sectionRef.current, blocks, label),
    [changeBlocks],
  );

  const onInsertSubheading = useCallback(
    (heading: string) => {
      const s = sectionRef.current;
      const cur = reportRef.current;
      const def = (templateRef.current?.sections ?? SECTIONS).find((x) => x.id === s) ?? null;
      if (!s || !cur) return;
      const { blocks, index } = insertSubheading(blocksOf(cur, s), def?.subheadings ?? [], heading);
      changeBlocks(s, blocks, `插入小标题${heading}`);
      setFocusBlock(index);
    },
    [changeBlocks],
  );

  const onConfirmCarried = useCallback(
    (index: number) => {
      const s = sectionRef.current;
      const cur = reportRef.current;
      if (s && cur) changeBlocks(s, confirmCarried(blocksOf(cur, s), index), '确认沿用上年文字');
    },
    [changeBlocks],
  );

  // Every carried paragraph's pending years at once: one undo step per part of the report (a step
  // never spans parts, so undoing it cannot take back text typed elsewhere since).
  const onUpdateAllYears = useCallback(() => {
    const cur = reportRef.current;
    const ctx = yearsRef.current;
    if (!cur || !ctx) return;
    let h = historyRef.current;
    let next = cur;
    for (const s of cur.sections) {
      const blocks = updateSectionYears(s.blocks, ctx, s.id);
      if (blocks === s.blocks) continue;
      h = record(h, {
        label: `更新年份（${PAGE_TITLES[s.id]}）`,
        blocks: { section: s.id, before: s.blocks, after: blocks },
      });
      next = setBlocks(next, s.id, blocks);
    }
    if (next === cur) return;
    const moved = reportPending(cur.sections, ctx);
    pushHistory(h);
    commit(next);
    void message.success(
      `已把沿用上年文字中的 ${moved} 处年份改为本年度；“沿用上年，待核改”标记仍保留，请继续核对内容。`,
    );
  }, [commit, pushHistory, message]);

  const onOpenBlock = useCallback(
    (section: SectionId, block: number) => {
      navigate({ screen: 'editor', id, page: section });
      setSpanRequest({ section, block, start: 0, end: 0, nonce: Date.now() });
    },
    [id],
  );

  const onInsertFeeSentence = useCallback(() => {
    const cur = reportRef.current;
    if (!cur) return;
    const blocks = blocksOf(cur, 'other');
    changeBlocks('other', [{ type: 'paragraph', text: FEE_SENTENCE }, ...blocks], '插入信息处理费表述');
    setFocusBlock(0);
  }, [changeBlocks]);

  const applyHistory = useCallback(
    (which: 'undo' | 'redo') => {
      const cur = reportRef.current;
      if (!cur) return;
      const res = which === 'undo' ? undo(historyRef.current, cur) : redo(historyRef.current, cur);
      if (!res) {
        void message.info(which === 'undo' ? '没有可以撤销的操作。' : '没有可以重做的操作。');
        return;
      }
      pushHistory(res.history);
      const tpl = templateRef.current;
      const next = res.step.cells && tpl ? { ...res.report, cells: computeTotals(res.report.cells, tpl) } : res.report;
      commit(next);
      // Show the clerk what changed back.
      const key = res.step.cells ? Object.keys(res.step.cells.after)[0] : undefined;
      if (key && tpl) {
        const field = tpl.fields[key];
        const table = field ? tpl.tables.find((t) => t.id === field.table) : undefined;
        if (table && sectionRef.current !== table.section)
          navigate({ screen: 'editor', id, page: table.section }, true);
        setGridRequest({ key, nonce: Date.now() });
      } else if (res.step.blocks && sectionRef.current !== res.step.blocks.section) {
        navigate({ screen: 'editor', id, page: res.step.blocks.section }, true);
      }
      void message.open({
        type: 'info',
        content: `${which === 'undo' ? '已撤销' : '已重做'}：${res.step.label}`,
        duration: 2,
        key: 'undo-note',
      });
    },
    [commit, pushHistory, id, message],
  );

  // Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z outside text boxes (inside them the text box undoes typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      const isUndo = k === 'z' && !e.shiftKey;
      const isRedo = k === 'y' || (k === 'z' && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (inTextField(e.target)) return;
      e.preventDefault();
      applyHistory(isUndo ? 'undo' : 'redo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [applyHistory]);

  const fillAll = useCallback(() => {
    const cur = reportRef.current;
    const tpl = templateRef.current;
    if (!cur || !tpl) return;
    onPatch(fillBlanksWithZero(cur.cells, tpl), '全部表格剩余空白填 0');
  }, [onPatch]);
  const countBlanks = useCallback(() => {
    const cur = reportRef.current;
    const tpl = templateRef.current;
    return cur && tpl ? Object.keys(fillBlanksWithZero(cur.cells, tpl)).length : 0;
  }, []);
  const onUndo = useCallback(() => applyHistory('undo'), [applyHistory]);
  const onRedo = useCallback(() => applyHistory('redo'), [applyHistory]);
  const goLibrary = useCallback(() => navigate({ screen: 'library' }), []);
  const goPreview = useCallback(() => navigate({ screen: 'editor', id, page: 'preview' }), [id]);
  const quickExport = useCallback(() => setExporting('quick'), []);
  const exportWithOptions = useCallback(() => setExporting('options'), []);
  const closeExport = useCallback(() => setExporting(null), []);
  const saveAs = useCallback(async () => {
    try {
      const note = await saveReportFileAs({ api, shell, saves }, id);
      if (note) void message.success(note);
    } catch (e) {
      void message.error(errorText(e));
    }
  }, [api, shell, saves, id, message]);
  const setStatus = useCallback(
    (status: ReportStatus) => update((r) => ({ ...r, meta: { ...r.meta, status } })),
    [update],
  );
  const showPanel = useCallback(() => setPanelOpen(true), []);
  const retrySave = useCallback(() => void saves.flush(), [saves]);

  const jump = useCallback(
    (f: Finding) => {
      const target = pageOfFinding(f, templateRef.current);
      if (target && target !== sectionRef.current && !(target === 'cover' && page === 'cover')) {
        navigate({ screen: 'editor', id, page: target });
      }
      const nonce = Date.now();
      if (f.span?.where === 'section')
        setSpanRequest({ section: f.span.section, block: f.span.block, start: f.span.start, end: f.span.end, nonce });
      else if (f.span) setCoverRequest({ span: f.span, nonce });
      else if (f.cells?.length) setGridRequest({ key: f.cells[0]!, nonce });
    },
    [id, page],
  );

  const onDismiss = useCallback((f: Finding, reason: string) => update((r) => dismissFinding(r, f, reason)), [update]);
  const onRestoreFinding = useCallback((f: Finding) => update((r) => undismissFinding(r, f)), [update]);
  const closePanel = useCallback(() => setPanelOpen(false), []);
  const clearRequests = useCallback(() => {
    setGridRequest(null);
    setSpanRequest(null);
    setCoverRequest(null);
  }, []);
  const clearFocusBlock = useCallback(() => setFocusBlock(null), []);

  useCommandHandler((command) => {
    switch (command) {
      case 'save':
        void saves.flush();
        return true;
      case 'undo':
      case 'redo':
        if (inTextField(document.activeElement)) {
          document.execCommand(command);
          return true;
        }
        applyHistory(command);
        return true;
      case 'preview':
        navigate({ screen: 'editor', id, page: 'preview' });
        return true;
      case 'export':
        if (reportRef.current) setExporting('quick');
        return true;
      case 'save-as':
        if (reportRef.current) void saveAs();
        return true;
      case 'library':
        navigate({ screen: 'library' });
        return true;
      default:
        return false;
    }
  });

  if (loadError) {
    return (
      <div className="screen">
        <AppHeader />
        <Result
          status="warning"
          title="这份年报没有打开"
          subTitle={loadError}
          extra={
            <Button type="primary" onClick={() => navigate({ screen: 'library' })}>
              回到年报库
            </Button>
          }
        />
      </div>
    );
  }
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

  const def = sectionId ? (template?.sections ?? SECTIONS).find((s) => s.id === sectionId) : undefined;
  const pastStep = history.past[history.past.length - 1];
  const nextStep = history.future[0];
  const formatName = template ? template.name : '2019年以前的格式';

  return (
    <div className="screen editor-screen">
      <EditorHeader
        agency={report.agency.name}
        year={report.year}
        status={report.meta.status}
        undoLabel={pastStep?.label}
        redoLabel={nextStep?.label}
        countBlanks={countBlanks}
        onBack={goLibrary}
        onStatus={setStatus}
        onUndo={onUndo}
        onRedo={onRedo}
        onFillAll={fillAll}
        onPreview={goPreview}
        onExport={quickExport}
      />
      <div className={`editor-body${panelOpen ? '' : ' panel-closed'}`}>
        <SectionNav id={id} page={page} pages={pages} compare={last !== null} />
        <main className="editor-main" aria-labelledby="page-heading">
          <div className="page-inner">
            <h2 id="page-heading" ref={headingRef} tabIndex={-1} className="page-heading">
              {page === 'preview' ? '预览全文' : page === 'compare' ? '与上年对比' : PAGE_TITLES[page]}
            </h2>
            {page === 'cover' ? (
              <CoverPage
                report={report}
                findings={findings}
                update={update}
                replace={replaceTop}
                spanRequest={coverRequest}
                onSpanHandled={clearRequests}
              />
            ) : page === 'compare' ? (
              <CompareBoundary>
                <Suspense fallback={<Spin description="正在打开对比…" />}>
                  <CompareView report={report} last={last} template={template} onOpenBlock={onOpenBlock} />
                </Suspense>
              </CompareBoundary>
            ) : page === 'preview' ? (
              <PreviewPage report={report} onExport={exportWithOptions} />
            ) : def ? (
              <SectionPage
                key={def.id}
                def={def}
                report={report}
                template={template}
                findings={findings}
                marks={marks}
                onLiveEdit={onLiveEdit}
                onCommitEdit={onCommitEdit}
                onPatch={onPatch}
                onText={onText}
                onStructure={onStructure}
                onInsertSubheading={onInsertSubheading}
                onConfirmCarried={onConfirmCarried}
                onInsertFeeSentence={onInsertFeeSentence}
                gridRequest={gridRequest}
                spanRequest={spanRequest}
                onRequestHandled={clearRequests}
                focusBlock={focusBlock}
                onFocusBlockHandled={clearFocusBlock}
                years={years}
                reportPendingYears={pendingYears}
                onUpdateAllYears={onUpdateAllYears}
              />
            ) : (
              <p className="muted">这份年报是 2019 年以前的格式，只能编辑文字。</p>
            )}
          </div>
        </main>
        {panelOpen ? (
          <FindingsPanel
            findings={findings}
            template={template}
            onJump={jump}
            onDismiss={onDismiss}
            onRestore={onRestoreFinding}
            onClose={closePanel}
          />
        ) : (
          <button type="button" className="panel-reopen" onClick={() => setPanelOpen(true)} aria-label="展开检查结果">
            <UnorderedListOutlined aria-hidden="true" />
            <span>检查结果</span>
          </button>
        )}
      </div>
      <ExportDialog
        open={exporting !== null}
        start={exporting ?? 'options'}
        report={report}
        findings={findings}
        onClose={closeExport}
      />
      <StatusBar
        save={save}
        onRetry={retrySave}
        errors={counts.error}
        warnings={counts.warning}
        infos={counts.info}
        onShowFindings={showPanel}
        formatName={formatName}
        carriedShare={share}
        compareHref={routeHash({ screen: 'editor', id, page: 'compare' })}
      />
    </div>
  );
}

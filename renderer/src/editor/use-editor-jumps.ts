import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { SectionId, TemplateDef } from '../../../templates/types';
import type { Finding } from '../../../shared/checks/types';
import { navigate, type EditorPage } from '../app/router';
import { pageOfFinding } from '../logic/completeness';
import { useLatest } from '../hooks/use-latest';
import type { GridFocusRequest } from '../grid/TableGrid';
import type { SpanRequest } from './NarrativeEditor';
import type { CoverSpanRequest } from './CoverPage';

/**
 * Going to what a finding is about: its page first, then a request to the grid (a cell), a text
 * section (a paragraph's words) or the cover (a text box). The page heading takes the focus when
 * the clerk switches pages by other means (screen readers announce the new page).
 */
export function useEditorJumps(
  id: string,
  page: EditorPage,
  template: TemplateDef | null,
  headingRef: RefObject<HTMLHeadingElement | null>,
) {
  const [gridRequest, setGridRequest] = useState<GridFocusRequest | null>(null);
  const [spanRequest, setSpanRequest] = useState<SpanRequest | null>(null);
  const [coverRequest, setCoverRequest] = useState<CoverSpanRequest | null>(null);
  const latest = useLatest({ page, template, pending: !!(gridRequest || spanRequest || coverRequest) });

  const goPage = useCallback(
    (target: EditorPage, replace = false) => {
      if (target !== latest.current.page) navigate({ screen: 'editor', id, page: target }, replace);
    },
    [id, latest],
  );

  const jump = useCallback(
    (f: Finding) => {
      const target = pageOfFinding(f, latest.current.template);
      if (target) goPage(target);
      const nonce = Date.now();
      if (f.span?.where === 'section')
        setSpanRequest({ section: f.span.section, block: f.span.block, start: f.span.start, end: f.span.end, nonce });
      else if (f.span) setCoverRequest({ span: f.span, nonce });
      else if (f.cells?.length) setGridRequest({ key: f.cells[0]!, nonce });
    },
    [goPage, latest],
  );

  /** After an undo: the table of the cell changed back, and the cell. */
  const showCell = useCallback(
    (key: string) => {
      const tpl = latest.current.template;
      const field = tpl?.fields[key];
      const table = field ? tpl?.tables.find((t) => t.id === field.table) : undefined;
      if (table) goPage(table.section, true);
      setGridRequest({ key, nonce: Date.now() });
    },
    [goPage, latest],
  );
  const showSection = useCallback((section: SectionId) => goPage(section, true), [goPage]);

  /** 到编辑处修改 of the comparison: the paragraph, at its start. */
  const openBlock = useCallback(
    (section: SectionId, block: number) => {
      goPage(section);
      setSpanRequest({ section, block, start: 0, end: 0, nonce: Date.now() });
    },
    [goPage],
  );

  const clearRequests = useCallback(() => {
    setGridRequest(null);
    setSpanRequest(null);
    setCoverRequest(null);
  }, []);

  // A new page starts at its top, unless a jump is on its way to something further down.
  useEffect(() => {
    if (latest.current.pending) return;
    headingRef.current?.focus({ preventScroll: true });
    document.querySelector('.editor-main')?.scrollTo({ top: 0 });
  }, [page, headingRef, latest]);

  return { gridRequest, spanRequest, coverRequest, jump, showCell, showSection, openBlock, clearRequests };
}

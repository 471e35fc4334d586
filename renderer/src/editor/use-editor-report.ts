import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Report } from '../../../shared/model/types';
import { errorText, useServices } from '../api/context';

/**
 * The report being edited: loaded once (the unsaved version in memory wins over the file), then
 * changed only through `commit`, which also hands it to the autosave queue.
 */
export interface EditorReport {
  report: Report | null;
  loadError: string | null;
  /** The report as of now (state lags a render behind within one event). */
  reportRef: RefObject<Report | null>;
  commit(next: Report): void;
  update(fn: (r: Report) => Report): void;
}

export function useEditorReport(id: string): EditorReport {
  const { api, saves } = useServices();
  const [report, setReport] = useState<Report | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reportRef = useRef<Report | null>(null);

  useEffect(() => {
    let live = true;
    saves
      .latest(id, (x) => api.getReport(x))
      .then(
        (r) => {
          if (!live) return;
          reportRef.current = r;
          setReport(r);
        },
        (e) => live && setLoadError(errorText(e)),
      );
    return () => {
      live = false;
    };
  }, [id, api, saves]);

  const commit = useCallback(
    (next: Report) => {
      reportRef.current = next;
      setReport(next);
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

  return { report, loadError, reportRef, commit, update };
}

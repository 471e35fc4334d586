import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  computeAggregate,
  readAggregateState,
  withAggregateState,
  type AggregateView,
} from '../../../shared/aggregate/index';
import type { AggregateState } from '../../../shared/aggregate/types';
import type { Report } from '../../../shared/model/types';
import { errorText, useServices } from '../api/context';

/**
 * The government report being summed and its 汇总 state. Every change goes into the report's
 * `aggregate` field and through the autosave queue, so nothing is lost when the clerk leaves.
 */
export function useAggregate(id: string) {
  const { api, saves } = useServices();
  const [report, setReport] = useState<Report | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef<Report | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        // Edits made in the editor a moment ago must be in what we read.
        await saves.flush();
        const r = saves.unsaved(id) ?? (await api.getReport(id));
        if (!live) return;
        latest.current = r;
        setReport(r);
      } catch (e) {
        if (live) setLoadError(errorText(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, saves, id]);

  /** Replaces the report (after 写入) or only its 汇总 state. */
  const commit = useCallback(
    (next: Report | ((r: Report) => Report)) => {
      const cur = latest.current;
      if (!cur) return;
      const r = typeof next === 'function' ? next(cur) : next;
      latest.current = r;
      setReport(r);
      saves.schedule(r);
    },
    [saves],
  );
  const setState = useCallback(
    (update: (s: AggregateState) => AggregateState) =>
      commit((r) => withAggregateState(r, update(readAggregateState(r).state))),
    [commit],
  );

  const computed = useMemo((): { view: AggregateView | null; error: string | null } => {
    if (!report) return { view: null, error: null };
    try {
      return { view: computeAggregate(report), error: null };
    } catch (e) {
      return { view: null, error: errorText(e) };
    }
  }, [report]);

  return { report, loadError, view: computed.view, viewError: computed.error, commit, setState, latest };
}

import { useCallback, useEffect, useState } from 'react';
import type { Report } from '../../../shared/model/types';
import type { ExportFormat, ExportOutcome } from '../../../shared/service/api';
import { needsConfirmation } from '../../../shared/checks/engine';
import type { Finding } from '../../../shared/checks/types';
import { errorText, useServices } from '../api/context';
import { useLatest } from '../hooks/use-latest';
import { EXPORT_FORMATS, rememberedFormats } from './formats';

export type ExportStart = 'quick' | 'options';

export type Phase = 'loading' | 'options' | 'running' | 'done';

/**
 * The export dialog's state: the remembered formats and folder, the run (pending edits saved first:
 * the service exports the saved report), its outcome. `quick` exports at once when there is no error.
 */
/** 打开所在文件夹 in browser mode: the folder, and whether a file manager was asked to show it. */
export interface RevealNote {
  dir: string;
  opened: boolean;
}

export function useExport(open: boolean, start: ExportStart, report: Report, findings: Finding[]) {
  const { api, saves } = useServices();
  const [phase, setPhase] = useState<Phase>('loading');
  const [formats, setFormats] = useState<ExportFormat[]>([]);
  const [dir, setDir] = useState('');
  const [defaultDir, setDefaultDir] = useState('');
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The errors acknowledged; after 打开所在文件夹 in browser mode, the folder and whether the file
  // manager was started (the page cannot see its window, so it always shows the path too).
  const [confirmed, setConfirmed] = useState(false);
  const [revealNote, setRevealNote] = useState<RevealNote | null>(null);
  const latest = useLatest({ id: report.meta.id, start, findings });

  const run = useCallback(
    async (chosen: ExportFormat[], folder: string) => {
      setPhase('running');
      setError(null);
      setRevealNote(null);
      if (!(await saves.flush())) {
        setError(
          `年报还没有保存成功（${saves.getState().error ?? '保存失败'}），导出的会是旧内容，所以没有导出。请先按状态栏的提示解决保存问题，再导出。`,
        );
        setPhase('options');
        return;
      }
      try {
        const result = await api.exportReport({
          id: latest.current.id,
          formats: chosen,
          ...(folder.trim() ? { dir: folder.trim() } : {}),
        });
        setOutcome(result);
        setDir(result.dir);
        setPhase('done');
        void api.updateSettings({ exportFormats: chosen }).catch(() => undefined);
      } catch (e) {
        setError(errorText(e));
        setPhase('options');
      }
    },
    [api, saves, latest],
  );

  // Each opening starts from the remembered choices; later edits of the report do not restart it.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setPhase('loading');
    setConfirmed(false);
    setOutcome(null);
    setError(null);
    setRevealNote(null);
    Promise.all([api.getSettings().catch(() => ({}) as Record<string, unknown>), api.appInfo().catch(() => null)]).then(
      ([settings, info]) => {
        if (!live) return;
        const chosen = rememberedFormats(settings.exportFormats);
        const fallback = info?.defaultExportDir ?? '';
        const folder = typeof settings.exportDir === 'string' && settings.exportDir ? settings.exportDir : fallback;
        setFormats(chosen);
        setDir(folder);
        setDefaultDir(fallback);
        const { start: how, findings: now } = latest.current;
        if (how === 'quick' && needsConfirmation(now).length === 0) void run(chosen, folder);
        else setPhase('options');
      },
    );
    return () => {
      live = false;
    };
  }, [open, api, run, latest]);

  const toggle = (f: ExportFormat, on: boolean) =>
    setFormats((cur) => EXPORT_FORMATS.filter((x) => (x === f ? on : cur.includes(x))));

  return {
    phase,
    setPhase,
    formats,
    toggle,
    dir,
    setDir,
    defaultDir,
    outcome,
    error,
    run,
    confirmed,
    setConfirmed,
    revealNote,
    setRevealNote,
  };
}

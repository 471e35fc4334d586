import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report } from '../../../shared/model/types';
import type { ImportPreview, ReportFileInput, ReportSummary } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { useLatest } from '../hooks/use-latest';
import { preselect } from './plan';
import { base64Size, chooseReportFile, type ChosenFile } from './pick-file';

export type Source = 'library' | 'file';

/** The app's sample report is fictional: it is nobody's last year. */
const withoutSamples = (list: ReportSummary[]) => list.filter((r) => !r.sample);

export type SourceFile = ChosenFile & { kind?: ImportPreview['kind']; warnings?: string[] };

export interface SourceProps {
  /** Library reports to choose from; read from the service when absent. */
  reports?: ReportSummary[];
  /** Preselect this library report as last year's. */
  fromId?: string;
  /** Start from this file (e.g. the one the import preview has read). */
  file?: ReportFileInput;
  /** The file's report as already read, to skip reading it again. */
  fileReport?: Report;
}

/**
 * Last year's report for 以上年为基础新建: a library report (its unsaved version wins) or a file
 * read by the importers. Every opening starts from the props of that moment; a read that was
 * overtaken by another choice is dropped.
 */
export function useRolloverSource(open: boolean, props: SourceProps) {
  const { api, shell, saves } = useServices();
  const [reports, setReports] = useState<ReportSummary[]>(withoutSamples(props.reports ?? []));
  const [source, setSource] = useState<Source>('library');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [file, setFile] = useState<SourceFile | null>(null);
  const [last, setLast] = useState<Report | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const readSeq = useRef(0);
  const opening = useLatest(props);

  const readFile = useCallback(
    async (chosen: ChosenFile) => {
      const seq = ++readSeq.current;
      setFile(chosen);
      setLast(null);
      setProblem(null);
      setReading(true);
      try {
        const preview = await api.importFile({ name: chosen.name, data: chosen.data });
        if (seq !== readSeq.current) return;
        setFile({ ...chosen, kind: preview.kind, warnings: preview.warnings });
        setLast(preview.report);
      } catch (e) {
        if (seq === readSeq.current) setProblem(errorText(e));
      } finally {
        if (seq === readSeq.current) setReading(false);
      }
    },
    [api],
  );

  /** Back to the file the dialog was opened with (the import preview's). */
  const takeGivenFile = useCallback(
    (given: ReportFileInput, read?: Report) => {
      const chosen = { ...given, size: base64Size(given.data) };
      if (read) {
        setFile(chosen);
        setLast(read);
      } else void readFile(chosen);
    },
    [readFile],
  );

  // Opening: the source and the preselected report or file.
  useEffect(() => {
    if (!open) return;
    const p = opening.current;
    setProblem(null);
    setLast(null);
    setFile(null);
    if (p.reports) setReports(withoutSamples(p.reports));
    const pick = (all: ReportSummary[]) => {
      const id = p.fromId && all.some((r) => r.id === p.fromId) ? p.fromId : preselect(all)?.id;
      setSource(id ? 'library' : 'file');
      setSelectedId(id);
    };
    if (p.file) {
      setSource('file');
      setSelectedId(undefined);
      takeGivenFile(p.file, p.fileReport);
    } else if (p.reports) pick(withoutSamples(p.reports));
    // The library is also needed with a file: to switch to it, and to warn of a report already there.
    if (!p.reports) {
      api.listReports().then(
        (lib) => {
          setReports(withoutSamples(lib.reports));
          if (!p.file) pick(withoutSamples(lib.reports));
        },
        (e) => setProblem(errorText(e)),
      );
    }
  }, [open, opening, api, takeGivenFile]);

  // Last year's report from the library.
  useEffect(() => {
    if (!open || source !== 'library' || !selectedId) return;
    const seq = ++readSeq.current;
    setReading(true);
    setProblem(null);
    saves
      .latest(selectedId, (id) => api.getReport(id))
      .then(
        (r) => seq === readSeq.current && setLast(r),
        (e) => {
          if (seq !== readSeq.current) return;
          setLast(null);
          setProblem(errorText(e));
        },
      )
      .finally(() => seq === readSeq.current && setReading(false));
  }, [open, source, selectedId, api, saves]);

  const chooseFile = async () => {
    setProblem(null);
    try {
      const chosen = await chooseReportFile(shell);
      if (chosen) await readFile(chosen);
    } catch (e) {
      readSeq.current++;
      setFile(null);
      setLast(null);
      setReading(false);
      setProblem(errorText(e));
    }
  };

  const switchSource = (s: Source) => {
    readSeq.current++;
    setSource(s);
    setProblem(null);
    setReading(false);
    setLast(null);
    if (s === 'library') {
      setSelectedId((id) => id ?? preselect(reports)?.id);
      setFile(null);
    } else if (props.file) takeGivenFile(props.file, props.fileReport);
  };

  return {
    reports,
    source,
    selectedId,
    setSelectedId,
    file,
    last,
    reading,
    problem,
    setProblem,
    chooseFile,
    switchSource,
  };
}

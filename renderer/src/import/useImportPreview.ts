import { useEffect, useMemo, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Report } from '../../../shared/model/types';
import type { ReportFileInput } from '../../../shared/service/api';
import { runChecks } from '../../../shared/checks/engine';
import { tallyChecks } from '../../../shared/checks/tally';
import { findLastReport } from '../editor/use-last-report';
import { useLatest } from '../hooks/use-latest';
import { applyDifferences } from '../../../shared/import/exported-docx/differences';
import { newId } from '../../../shared/model/blank';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';
import { setImportSession, type ImportSession } from './import-store';

/**
 * The import preview's state: the edits taken (an exported .docx edited in Word/WPS), the report
 * as it will be saved, last year's report of the agency for the cross-year checks, the checks,
 * and saving (new, or 更新原报告).
 */
export function useImportPreview(session: ImportSession) {
  const { api, saves } = useServices();
  const { message } = AntApp.useApp();
  const { preview } = session;
  const differences = useMemo(() => preview.differences ?? [], [preview]);
  const hasDiffs = differences.length > 0 && !!preview.embedded;
  const [accepted, setAccepted] = useState<Set<string>>(
    () => new Set(differences.filter((d) => d.applicable).map((d) => d.id)),
  );
  const [last, setLast] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'new' | 'update' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rollover, setRollover] = useState<ReportFileInput | null>(null);

  // The report as it will be saved: with differences, the exported copy plus the edits taken.
  const report = useMemo(
    () => (hasDiffs ? applyDifferences(preview.embedded!, differences, accepted) : preview.report),
    [hasDiffs, preview, differences, accepted],
  );

  // Last year's report enables the cross-year checks: for a file of a batch the one the batch paired
  // it with (so the counts are the batch's), else the library's as the library chooses it.
  const fromBatch = session.from === 'batch';
  const batchLast = session.last ?? null;
  const agency = report.agency.name;
  const year = report.year;
  const derivedId = report.meta.derivedFrom?.id;
  const reportRef = useLatest(report);
  useEffect(() => {
    if (fromBatch) {
      setLast(batchLast);
      return;
    }
    let live = true;
    findLastReport(api, () => reportRef.current).then(
      (r) => live && setLast(r),
      () => live && setLast(null),
    );
    return () => {
      live = false;
    };
  }, [api, agency, year, derivedId, fromBatch, batchLast, reportRef]);

  const findings = useMemo(() => runChecks(report, { last, mode: 'import' }), [report, last]);
  // Counted as every screen counts (the batch row shows the same numbers).
  const counts = useMemo(() => tallyChecks(report, findings, 'import'), [report, findings]);

  const back = () => {
    navigate(session.from === 'batch' ? { screen: 'batch' } : { screen: 'library' });
    if (session.from !== 'batch') setImportSession(null);
  };

  const save = async (mode: 'new' | 'update') => {
    setBusy(mode);
    setProblem(null);
    try {
      // A pending autosave of the same report must not overwrite what is saved here.
      await saves.flush();
      const toSave = mode === 'new' && preview.existing ? { ...report, meta: { ...report.meta, id: newId() } } : report;
      await api.saveReport(toSave);
      setImportSession(null);
      void message.success(
        mode === 'update'
          ? `已更新“${toSave.agency.name}”${toSave.year}年度年报（原内容已留作备份）。`
          : `已将“${toSave.agency.name || session.fileName}”${toSave.year}年度年报保存到年报库。`,
      );
      navigate({ screen: 'editor', id: toSave.meta.id, page: 'cover' }, true);
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const startRollover = async () => {
    try {
      setRollover(await session.file());
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return {
    differences,
    hasDiffs,
    accepted,
    setAccepted,
    report,
    last,
    findings,
    counts,
    busy,
    problem,
    back,
    save,
    rollover,
    startRollover,
    closeRollover: () => setRollover(null),
  };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Button } from 'antd';
import type { ReportStatus } from '../../../shared/model/types';
import type { Library, ReportSummary, Settings } from '../../../shared/service/api';
import { errorText, useServices } from '../api/context';
import { navigate } from '../app/router';
import { arrivedEarlyListing, takeEarlyListing } from '../api/early-listing';
import type { NewReportValues } from './NewReportDialog';

/** “云溪县市场监督管理局”2024年度年报 — how messages name a report. */
export const reportLabel = (r: Pick<ReportSummary, 'agency' | 'year'>) => `“${r.agency}”${r.year}年度年报`;

export const openReport = (id: string) => navigate({ screen: 'editor', id, page: 'cover' });

/**
 * The library's data and what the clerk does to it: the list (reloaded after every change, with
 * pending autosaves written first), the settings, and new / sample / duplicate / delete with
 * 撤销 / restore / status. Each action reports its outcome as a message.
 */
export function useLibrary() {
  const { api, saves } = useServices();
  const { message } = AntApp.useApp();
  // The page's early listing when it has already arrived: the first drawing is the list itself.
  const [library, setLibrary] = useState<Library | null>(arrivedEarlyListing);
  const startedWithList = useRef(library !== null);
  const [settings, setSettings] = useState<Settings>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      // Edits still on their way to the disk must be in the list (and its check counts).
      await saves.flush();
      // The first time: the list the page asked for as it loaded (when it came whole).
      const early = takeEarlyListing();
      const lib = (early && (await early)) ?? (await api.listReports());
      setLibrary(lib);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [api, saves]);

  useEffect(() => {
    if (startedWithList.current) {
      // Shown already: take that answer, so that later loads ask the service.
      startedWithList.current = false;
      void takeEarlyListing();
    } else void reload();
    api.getSettings().then(setSettings, () => undefined);
  }, [reload, api]);

  const create = async (values: NewReportValues): Promise<boolean> => {
    try {
      const report = await api.createReport(values);
      void api.updateSettings({ defaultAgency: values.agency, defaultKind: values.kind }).catch(() => undefined);
      navigate({ screen: 'editor', id: report.meta.id, page: 'cover' }, true);
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };

  const openSample = async () => {
    // One sample is enough: open the one already in the library rather than adding another copy.
    const existing = library?.reports.filter((r) => r.sample).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (existing) {
      openReport(existing.id);
      return;
    }
    try {
      const report = await api.createSampleReport();
      openReport(report.meta.id);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const duplicate = async (r: ReportSummary) => {
    setBusyId(r.id);
    try {
      await api.duplicateReport(r.id);
      void message.success(`已复制${reportLabel(r)}，副本在列表中。`);
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  const restore = async (id: string, label: string) => {
    try {
      await api.restoreReport(id);
      void message.success(`已恢复${label}。`);
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const remove = async (r: ReportSummary) => {
    const label = reportLabel(r);
    try {
      await api.deleteReport(r.id);
      await reload();
      const key = `deleted-${r.id}`;
      void message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            已将{label}移到回收站。
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                void restore(r.id, label);
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const setStatus = async (r: ReportSummary, status: ReportStatus) => {
    setBusyId(r.id);
    try {
      const report = await saves.latest(r.id, (id) => api.getReport(id));
      await api.saveReport({ ...report, meta: { ...report.meta, status } });
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  return { library, settings, loadError, busyId, reload, create, openSample, duplicate, restore, remove, setStatus };
}

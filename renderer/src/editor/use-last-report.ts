import { useEffect, useState, type RefObject } from 'react';
import type { Report } from '../../../shared/model/types';
import { baselineAsLastReport } from '../../../shared/rollover/rollover';
import { useServices } from '../api/context';

/**
 * Last year's report, for the cross-year checks and the comparison: the one this report was made
 * from, else the figures kept from it at rollover (it is no longer in the library), else the same
 * agency's report of the year before.
 */
export function useLastReport(id: string, report: Report | null, reportRef: RefObject<Report | null>): Report | null {
  const { api } = useServices();
  const [last, setLast] = useState<Report | null>(null);
  const agencyName = report?.agency.name;
  const year = report?.year;
  const derivedId = report?.meta.derivedFrom?.id;

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
  }, [api, id, agencyName, year, derivedId, reportRef]);

  return last;
}

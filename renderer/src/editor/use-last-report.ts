import { useEffect, useState, type RefObject } from 'react';
import type { Report } from '../../../shared/model/types';
import type { NianbaoApi } from '../../../shared/service/api';
import { baselineAsLastReport } from '../../../shared/rollover/rollover';
import { chooseLastYear, lastYearNeeds } from '../../../shared/rollover/last-year';
import { useServices } from '../api/context';

/**
 * Last year's report of the report `current()` gives once the library is listed (the latest edit),
 * chosen as below; `id` is the report's id in the library (left out: one not saved there yet).
 */
export async function findLastReport(
  api: NianbaoApi,
  current: () => Report | null,
  id?: string,
): Promise<Report | null> {
  const lib = await api.listReports();
  const report = current();
  if (!report) return null;
  const choice = chooseLastYear(lastYearNeeds(report, id), lib.reports);
  if (choice?.kind === 'report') return api.getReport(choice.id);
  return choice?.kind === 'baseline' ? baselineAsLastReport(report) : null;
}

/**
 * Last year's report, for the cross-year checks and the comparison, chosen as the library chooses it
 * for its counts (shared/rollover/last-year.ts): the one this report was made from, else the figures
 * kept from it at rollover, else the same agency's report of the year before — never the sample.
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
    findLastReport(api, () => reportRef.current, id).then(
      (r) => live && setLast(r),
      () => live && setLast(null),
    );
    return () => {
      live = false;
    };
  }, [api, id, agencyName, year, derivedId, reportRef]);

  return last;
}

import { blankReport } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';
import { unitFromReport, type AggregateUnit, type RosterEntry } from '../../../shared/aggregate/index';

export const GOV = '云溪县人民政府';

/** A blank government report of 2024 (as the clerk creates it before summing). */
export function government(year = 2024, name = GOV): Report {
  return blankReport({ agency: name, kind: 'government', year, now: new Date('2025-01-05T08:00:00Z') });
}

let n = 0;
/** A unit entry from a report, as if read from a file; `addedAt` advances so later adds are newer. */
export function unitOf(
  report: Report,
  opts: { gov?: Report; roster?: RosterEntry[]; last?: Report | null; name?: string } = {},
): AggregateUnit {
  n++;
  return unitFromReport({
    report,
    source: { type: 'file', name: opts.name ?? `${report.agency.name}.json`, kind: 'report' },
    key: `u${n}`,
    now: new Date(Date.UTC(2025, 0, 10, 0, 0, n)),
    government: opts.gov ?? government(),
    ...(opts.roster ? { roster: opts.roster } : {}),
    ...(opts.last !== undefined ? { last: opts.last } : {}),
  });
}

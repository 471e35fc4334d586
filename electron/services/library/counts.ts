import type { Report } from '../../../shared/model/types';
import { baselineAsLastReport } from '../../../shared/rollover/rollover';
import { chooseLastYear, type LastYearCandidate } from '../../../shared/rollover/last-year';
import type { IndexEntry } from '../library-index';
import { countChecks } from '../summary';
import type { ReportFiles } from './report-files';

/**
 * The check counts the library lists, as the editor would show them: each report checked with last
 * year's report as the editor finds it. A count is computed again only when what it was computed
 * with has changed — the report itself (its entry is new then), which report is last year's, that
 * report's file, or the app (`version`: its rules may have changed).
 */
export async function refreshCounts(
  entries: Record<string, IndexEntry>,
  files: ReportFiles,
  read: Map<string, Report>,
  version: string,
): Promise<boolean> {
  const candidates = new Map<string, LastYearCandidate>();
  const byAgencyYear = new Map<string, LastYearCandidate[]>();
  for (const e of Object.values(entries)) {
    const s = e.summary;
    const c: LastYearCandidate = { id: s.id, agency: s.agency, year: s.year, updatedAt: s.updatedAt };
    if (s.sample) c.sample = true;
    candidates.set(s.id, c);
    const k = `${s.agency.trim()}|${s.year}`;
    const list = byAgencyYear.get(k);
    if (list) list.push(c);
    else byAgencyYear.set(k, [c]);
  }

  const load = async (id: string): Promise<Report | null> => {
    const known = read.get(id);
    if (known) return known;
    const state = await files.readReport(id);
    if (state.kind !== 'ok') return null;
    read.set(id, state.report);
    return state.report;
  };

  let changed = false;
  for (const [id, entry] of Object.entries(entries)) {
    const s = entry.summary;
    const linked = s.derivedFrom ? candidates.get(s.derivedFrom) : undefined;
    const pool = [...(byAgencyYear.get(`${s.agency.trim()}|${s.year - 1}`) ?? []), ...(linked ? [linked] : [])];
    const choice = chooseLastYear(
      {
        id,
        agency: s.agency,
        year: s.year,
        ...(s.derivedFrom ? { derivedFromId: s.derivedFrom } : {}),
        hasBaseline: entry.hasBaseline === true,
        ...(s.sample ? { sample: true } : {}),
      },
      pool,
    );
    const lastEntry = choice?.kind === 'report' ? entries[choice.id] : undefined;
    const key = `${version}|${
      !choice
        ? 'none'
        : choice.kind === 'baseline'
          ? 'baseline'
          : `${choice.id}:${lastEntry?.mtimeMs}:${lastEntry?.size}`
    }`;
    if (entry.countsKey === key) continue;
    const own = await load(id);
    if (!own) continue; // changed meanwhile: the next listing reads it again
    const last =
      choice?.kind === 'report'
        ? await load(choice.id)
        : choice?.kind === 'baseline'
          ? baselineAsLastReport(own)
          : null;
    entry.summary = { ...s, ...countChecks(own, last) };
    entry.countsKey = key;
    changed = true;
  }
  return changed;
}

import { basename } from 'node:path';
import { computeAggregate, unitRole, type AggregateUnit } from '../../../shared/aggregate/index';
import { newId } from '../../../shared/model/blank';
import { safeFileName } from '../../../shared/export/file-name';
import type { Report } from '../../../shared/model/types';
import {
  ServiceError,
  type AggregateReadOutcome,
  type AggregateReadRequest,
  type NianbaoApi,
  type ReportSummary,
} from '../../../shared/service/api';
import { lastYearFinder, toUnit, type GovernmentRef, type UnitJob } from './read-units';
import { buildWorkbook, XLSX_MIME } from './workbook';

/**
 * The 汇总 methods of NianbaoApi on top of the library and the importers: files go through
 * `importFile` (the same reader, limits and isolation as 导入), library reports through `getReport`.
 */

export type AggregateApi = Pick<NianbaoApi, 'aggregateReadUnits' | 'aggregateWorkbook'>;

export interface AggregateOptions {
  library: Pick<NianbaoApi, 'getReport' | 'listReports'>;
  importFile: NianbaoApi['importFile'];
  /**
   * Turns read reports into units off this thread (the import workers: their checks run side by side
   * on the cores). Without it, or when a worker fails, they are made here.
   */
  units?: (jobs: UnitJob[]) => Promise<AggregateUnit[]>;
  /**
   * A library report file's size and modification time (null when unknown): a unit made from a file
   * that has not changed since, nor has its last year's report, is reused without reading or checking.
   */
  fileStamp?: (id: string) => Promise<string | null>;
}

/** Library reports per worker job: large enough to make a message cheap, small enough to spread. */
const BATCH = 25;
/** Library files read at once. */
const READERS = 8;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function checkGovernment(request: AggregateReadRequest): GovernmentRef {
  const g = request?.government;
  const agency = typeof g?.agency === 'string' ? g.agency.trim() : '';
  if (!agency || !Number.isInteger(g.year))
    throw new ServiceError('汇总前请先填写本级政府的机关名称和年度。', 'invalid');
  return { agency, year: g.year, ...(Array.isArray(g.roster) ? { roster: g.roster } : {}) };
}

/** Units remembered at most (a prefecture city's units, with room for last year's). */
const CACHE_LIMIT = 10_000;

export function createAggregateApi(options: AggregateOptions): AggregateApi {
  const { library } = options;
  // A library report's unit, keyed to its file and its last year's file as they were then.
  const unitCache = new Map<string, { stamp: string; unit: AggregateUnit }>();
  const remember = (id: string, stamp: string, unit: AggregateUnit) => {
    unitCache.delete(id);
    unitCache.set(id, { stamp, unit });
    if (unitCache.size > CACHE_LIMIT) unitCache.delete(unitCache.keys().next().value!);
  };
  const stampOf = async (id: string, lastId: string | null): Promise<string | null> => {
    if (!options.fileStamp) return null;
    const own = await options.fileStamp(id);
    if (!own) return null;
    const last = lastId ? await options.fileStamp(lastId) : '';
    return last === null ? null : `${own}|${lastId ?? ''}:${last}`;
  };
  return {
    async aggregateReadUnits(request): Promise<AggregateReadOutcome> {
      const government = checkGovernment(request);
      const ids = Array.isArray(request.ids) ? request.ids : [];
      const files = Array.isArray(request.files) ? request.files : [];
      if (!ids.length && !files.length) throw new ServiceError('请选择要汇总的单位报告。', 'invalid');
      let summaries: ReportSummary[] = [];
      try {
        summaries = (await library.listReports()).reports;
      } catch {
        // Without the listing there is no last-year lookup; the units are still read.
      }
      const byId = new Map(summaries.map((x) => [x.id, x]));
      const loaded = new Map<string, Promise<Report | null>>();
      const load = (id: string) => {
        if (!loaded.has(id))
          loaded.set(
            id,
            library.getReport(id).catch(() => null),
          );
        return loaded.get(id)!;
      };
      const lastOf = lastYearFinder(summaries, government, load);
      const units: AggregateReadOutcome['units'] = [];
      const failures: AggregateReadOutcome['failures'] = [];
      // Library reports: read here (one file each), checked in batches in the workers meanwhile; a
      // report whose file (and last year's) has not changed since it was last made into a unit is
      // not read nor checked again.
      const made: (AggregateUnit | null)[] = new Array<AggregateUnit | null>(ids.length).fill(null);
      const pending: Promise<void>[] = [];
      let batch: { job: UnitJob; at: number; stamp: string | null }[] = [];
      const flush = () => {
        if (!batch.length) return;
        const taken = batch;
        batch = [];
        const jobs = taken.map((b) => b.job);
        const here = () => jobs.map((j) => toUnit(j.report, j.source, j.government, j.extra));
        pending.push(
          (options.units ? options.units(jobs).catch(() => here()) : Promise.resolve(here())).then((list) => {
            list.forEach((unit, i) => {
              const { at, stamp } = taken[i]!;
              made[at] = { ...unit, role: roleOf(unit.agency) };
              if (stamp) remember(ids[at]!, stamp, unit);
            });
          }),
        );
      };
      const now = new Date();
      // The roster decides only 本级: set here, so that the workers are not sent a roster of thousands per batch.
      const { roster: _roster, ...bare } = government;
      const roleOf = (agency: string) =>
        unitRole(agency, { agency: { name: government.agency, kind: 'government' } }, government.roster);
      const failed: (AggregateReadOutcome['failures'][number] | null)[] = new Array(ids.length).fill(null);
      const readOne = async (at: number) => {
        const id = ids[at]!;
        try {
          const summary = byId.get(id);
          const lastId = summary ? lastOf.idOf(summary.agency, summary.year) : null;
          const stamp = await stampOf(id, lastId);
          const hit = stamp ? unitCache.get(id) : undefined;
          if (hit && hit.stamp === stamp) {
            made[at] = {
              ...hit.unit,
              key: newId(),
              addedAt: now.toISOString(),
              role: roleOf(hit.unit.agency),
            };
            return;
          }
          const report = await library.getReport(id);
          const last = summary ? (lastId ? await load(lastId) : null) : await lastOf(report);
          batch.push({
            job: {
              report,
              source: { type: 'library', id, updatedAt: report.meta.updatedAt },
              government: bare,
              extra: { last, now },
            },
            at,
            stamp: summary ? stamp : null,
          });
          if (batch.length >= BATCH) flush();
        } catch (e) {
          const summary = byId.get(id);
          failed[at] = { name: summary ? `${summary.agency}${summary.year}年度年报` : id, message: message(e) };
        }
      };
      // A few files at a time: each read waits for the disk and for a turn on a busy machine's cores,
      // and those waits overlap (the parsing itself is on this one thread either way).
      let next = 0;
      const reader = async () => {
        while (next < ids.length) await readOne(next++);
      };
      await Promise.all(Array.from({ length: Math.min(READERS, ids.length) }, reader));
      for (const f of failed) if (f) failures.push(f);
      flush();
      await Promise.all(pending);
      for (const unit of made) if (unit) units.push(unit);
      for (const file of files) {
        const name = typeof file?.name === 'string' && file.name ? basename(file.name) : '所选文件';
        try {
          const preview = await options.importFile(file);
          units.push(
            toUnit(preview.report, { type: 'file', name, kind: preview.kind }, government, {
              last: await lastOf(preview.report),
              importWarnings: preview.warnings,
            }),
          );
        } catch (e) {
          failures.push({ name, message: message(e) });
        }
      }
      return { units, failures };
    },

    async aggregateWorkbook(id) {
      const report = await library.getReport(id);
      let view;
      try {
        view = computeAggregate(report);
      } catch (e) {
        throw new ServiceError(message(e), 'invalid');
      }
      const data = await buildWorkbook(report, view);
      return {
        name: `${safeFileName(`${report.agency.name}${report.year}年度汇总`)}.xlsx`,
        data: Buffer.from(data).toString('base64'),
        mime: XLSX_MIME,
      };
    },
  };
}

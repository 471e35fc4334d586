import { basename } from 'node:path';
import { computeAggregate, type AggregateUnit } from '../../../shared/aggregate/index';
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
}

/** Library reports per worker job: large enough to make a message cheap, small enough to spread. */
const BATCH = 25;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function checkGovernment(request: AggregateReadRequest): GovernmentRef {
  const g = request?.government;
  const agency = typeof g?.agency === 'string' ? g.agency.trim() : '';
  if (!agency || !Number.isInteger(g.year))
    throw new ServiceError('汇总前请先填写本级政府的机关名称和年度。', 'invalid');
  return { agency, year: g.year, ...(Array.isArray(g.roster) ? { roster: g.roster } : {}) };
}

export function createAggregateApi(options: AggregateOptions): AggregateApi {
  const { library } = options;
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
      const cache = new Map<string, Promise<Report | null>>();
      const load = (id: string) => {
        if (!cache.has(id))
          cache.set(
            id,
            library.getReport(id).catch(() => null),
          );
        return cache.get(id)!;
      };
      const lastOf = lastYearFinder(summaries, government, load);
      const units: AggregateReadOutcome['units'] = [];
      const failures: AggregateReadOutcome['failures'] = [];
      // Library reports: read here (one file each), checked in batches in the workers meanwhile.
      const pending: Promise<void>[] = [];
      const slots: AggregateUnit[][] = [];
      let batch: UnitJob[] = [];
      const flush = () => {
        if (!batch.length) return;
        const jobs = batch;
        const slot = slots.length;
        slots.push([]);
        batch = [];
        const here = () => jobs.map((j) => toUnit(j.report, j.source, j.government, j.extra));
        pending.push(
          (options.units ? options.units(jobs).catch(() => here()) : Promise.resolve(here())).then((made) => {
            slots[slot] = made;
          }),
        );
      };
      for (const id of ids) {
        try {
          const report = await library.getReport(id);
          batch.push({
            report,
            source: { type: 'library', id, updatedAt: report.meta.updatedAt },
            government,
            extra: { last: await lastOf(report) },
          });
          if (batch.length >= BATCH) flush();
        } catch (e) {
          const summary = summaries.find((s) => s.id === id);
          failures.push({ name: summary ? `${summary.agency}${summary.year}年度年报` : id, message: message(e) });
        }
      }
      flush();
      await Promise.all(pending);
      for (const made of slots) units.push(...made);
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

import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { exportFileName, reservedPart, safeFileName } from '../../shared/export/file-name';
import { TITLE_SUFFIX } from '../../shared/model/blank';
import { rolloverReport, RolloverError } from '../../shared/rollover/rollover';
import { agencySeries } from '../../shared/rollover/series';
import {
  ServiceError,
  type ExportFormat,
  type ExportOutcome,
  type NianbaoApi,
  type RenderedFile,
  type RolloverOutcome,
  type RolloverRequest,
} from '../../shared/service/api';
import { exportReportToFolder, renderExport } from './export/export-folder';
import type { PdfPrinter } from './export/pdf-printer';
import { ImportPool, type ImportPoolOptions } from './import/isolated-import';

/**
 * Export, import and rollover on top of the library: the methods of NianbaoApi that turn
 * reports into files and files into reports. Kept apart from the storage so each stays small.
 */

export type DocumentsApi = Pick<
  NianbaoApi,
  'exportReport' | 'renderReport' | 'revealExport' | 'importFile' | 'rolloverReport' | 'agencyHistory'
>;

export interface DocumentsOptions {
  library: Pick<NianbaoApi, 'getReport' | 'getSettings' | 'updateSettings' | 'listReports' | 'saveReport'>;
  /** PDF printer: Electron's printToPDF in the desktop app, headless Chromium otherwise. */
  printer?: () => PdfPrinter;
  defaultExportDir: string;
  revealPath?: (path: string) => Promise<void>;
  /** The import workers' number and limits (isolated-import.ts; defaults there). */
  imports?: ImportPoolOptions;
  /** A pool shared with other services (the 汇总 checks units in it); made here otherwise. */
  pool?: ImportPool;
}

const FORMATS: readonly ExportFormat[] = ['docx', 'html', 'pdf', 'fragment'];
const MIME: Record<ExportFormat | 'report', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html;charset=utf-8',
  fragment: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  report: 'application/x-nianbao+json',
};

/** Documents folder of the user (…/Documents/年报导出), falling back to the home folder. */
export function defaultExportDir(documentsDir?: string): string {
  const docs =
    documentsDir ?? [join(homedir(), 'Documents'), join(homedir(), '文档')].find((d) => existsSync(d)) ?? homedir();
  return join(docs, '年报导出');
}

const toBase64 = (data: Uint8Array | string) =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

export function createDocumentsApi(options: DocumentsOptions): DocumentsApi & { close(): Promise<void> } {
  const { library } = options;
  const exported = new Set<string>();
  const imports = options.pool ?? new ImportPool(options.imports);

  return {
    async exportReport(request) {
      const formats = [...new Set(request?.formats ?? [])];
      if (!formats.length || formats.some((f) => !FORMATS.includes(f))) {
        throw new ServiceError('请至少选择一种导出格式（Word、网页、PDF 或网站版片段）。', 'invalid');
      }
      const report = await library.getReport(request.id);
      const settings = await library.getSettings();
      const dir = resolve(
        request.dir?.trim() ||
          (typeof settings.exportDir === 'string' && settings.exportDir) ||
          options.defaultExportDir,
      );
      if (request.dir && !isAbsolute(request.dir.trim())) {
        throw new ServiceError(
          `导出文件夹应为完整路径（例如 ${options.defaultExportDir}），实际为“${request.dir}”。`,
          'invalid',
        );
      }
      const reserved = reservedPart(dir);
      if (reserved)
        throw new ServiceError(
          `导出文件夹“${dir}”中的“${reserved}”是 Windows 保留的设备名（CON、NUL、COM1 等），不能用作文件夹名。请选择其他文件夹。`,
          'invalid',
        );
      try {
        await mkdir(dir, { recursive: true });
      } catch (e) {
        throw new ServiceError(
          `无法创建导出文件夹 ${dir}（${(e as NodeJS.ErrnoException).code ?? String(e)}）。请选择其他文件夹。`,
          'io',
        );
      }
      const result = await exportReportToFolder(report, dir, {
        formats,
        // The factory runs only when a PDF is asked for, inside the export: a printer that cannot be
        // made (no browser) fails the PDF alone, with its message, and the other formats are written.
        ...(options.printer ? { printer: options.printer } : {}),
      });
      for (const f of result.files) exported.add(f.path);
      if (result.files.length) exported.add(dir);
      // The files are written: remembering the folder is a convenience, and its failure only a warning
      // (reporting the export as failed would make the clerk export again and get numbered copies).
      const warnings: string[] = [];
      if (settings.exportDir !== dir && result.files.length) {
        try {
          await library.updateSettings({ exportDir: dir });
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          warnings.push(`文件已导出，但没能记住这次的导出文件夹（${why}），下次导出时请重新选择文件夹。`);
        }
      }
      const outcome: ExportOutcome = {
        dir,
        files: result.files.map((f) => ({
          format: f.format,
          path: f.path,
          name: basename(f.path),
          renamed: f.renamed,
          bytes: f.bytes,
        })),
        failures: result.failures.map((f) => ({ format: f.format, message: f.message })),
        ...(warnings.length ? { warnings } : {}),
      };
      return outcome;
    },

    async renderReport(id, format): Promise<RenderedFile> {
      const report = await library.getReport(id);
      if (format === 'report') {
        return {
          name: `${safeFileName(`${report.agency.name.trim()}${report.year}年${TITLE_SUFFIX}`)}.nianbao`,
          data: toBase64(`${JSON.stringify(report, null, 2)}\n`),
          mime: MIME.report,
        };
      }
      if (!FORMATS.includes(format)) throw new ServiceError('不支持的导出格式。', 'invalid');
      const data = await renderExport(report, format, options.printer ? { printer: options.printer } : {});
      return {
        name: exportFileName(report, format === 'fragment' ? 'fragment.html' : format),
        data: toBase64(data),
        mime: MIME[format],
      };
    },

    async revealExport(path) {
      const target = typeof path === 'string' ? resolve(path) : '';
      if (!exported.has(target) && !exported.has(dirname(target))) {
        throw new ServiceError('只能打开本次导出的文件或文件夹。', 'invalid');
      }
      if (!options.revealPath) throw new ServiceError(`此模式下无法直接打开文件夹。文件位于：${target}`, 'unsupported');
      try {
        await options.revealPath(target);
      } catch {
        // No file manager (or it failed): the page shows the folder to open by hand.
        throw new ServiceError(`没能打开文件管理器。文件位于：${target}`, 'unsupported');
      }
    },

    async importFile(file) {
      const preview = await imports.readAny(file);
      const id = preview.report.meta?.id;
      if (typeof id === 'string') {
        const { reports } = await library.listReports();
        const existing = reports.find((r) => r.id === id);
        if (existing) preview.existing = existing;
      }
      return preview;
    },

    async rolloverReport(request: RolloverRequest): Promise<RolloverOutcome> {
      if (!request?.fromId && !request?.file)
        throw new ServiceError('请选择上年的报告（年报库中的报告或文件）。', 'invalid');
      const last = request.fromId ? await library.getReport(request.fromId) : await imports.lastYear(request.file!);
      if (last.meta.sample === true) {
        throw new ServiceError(
          '示例年报的内容是虚构的，不能作为上年报告。请选择本单位上一年度的年报，或点“新建年报”从空白开始。',
          'invalid',
        );
      }
      let result;
      try {
        result = rolloverReport(last, {
          ...(request.year !== undefined ? { year: request.year } : {}),
          ...(request.agency ? { agency: request.agency } : {}),
        });
      } catch (e) {
        if (e instanceof RolloverError) throw new ServiceError(e.message, 'invalid');
        throw e;
      }
      // Last year's report read from a file joins the library, so the cross-year link resolves.
      if (!request.fromId) {
        const { reports } = await library.listReports();
        if (!reports.some((r) => r.id === last.meta.id)) await library.saveReport(last);
      }
      const saved = await library.saveReport(result.report);
      return {
        report: { ...result.report, meta: { ...result.report.meta, updatedAt: saved.updatedAt } },
        notes: result.notes,
      };
    },

    async agencyHistory(agency) {
      const name = typeof agency === 'string' ? agency.trim() : '';
      if (!name) return [];
      const { reports } = await library.listReports();
      // The sample is nobody's history (its own chart shows only itself: the screen adds the open report).
      const mine = reports.filter((r) => r.agency.trim() === name && !r.sample);
      const full = await Promise.all(mine.map((r) => library.getReport(r.id)));
      return agencySeries(full, name);
    },

    close: () => imports.close(),
  };
}

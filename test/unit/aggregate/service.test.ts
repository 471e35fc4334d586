import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startServer } from '../../../electron/server/index';
import { registerIpc } from '../../../electron/main/ipc';
import { createApi } from '../../../electron/preload/bridge';
import { createHttpApi } from '../../../shared/service/http-client';
import { buildDocx } from '../../../shared/export/index';
import {
  addUnits,
  applySums,
  computeAggregate,
  planApply,
  readAggregateState,
  withAggregateState,
} from '../../../shared/aggregate/index';
import { toServiceError, type NianbaoApi } from '../../../shared/service/api';
import { makeReport, lastYearOf, withCells } from '../../fixtures/factory';
import { ImportPool } from '../../../electron/services/import/isolated-import';
import { toUnit } from '../../../electron/services/aggregate/read-units';
import { FakeIpcMain, ipcEvent } from '../electron/fake-electron';
import { useTempDataDirs, serviceError } from '../services/helpers';

/**
 * The 汇总 methods of the service, through both transports the renderer uses: HTTP (browser mode)
 * and IPC (the desktop preload), on a real library folder.
 */

const dirs = useTempDataDirs();
const WINDOW = 3;

function ipcApi(service: NianbaoApi): NianbaoApi {
  const ipcMain = new FakeIpcMain();
  registerIpc({
    ipcMain: ipcMain as never,
    service,
    shell: {} as never,
    trustedWebContentsId: () => WINDOW,
    onDocumentState: () => undefined,
    onRendererReady: () => undefined,
  });
  return createApi({
    invoke: (channel, ...args) => ipcMain.invoke(ipcEvent(WINDOW), channel, ...args),
    send: () => undefined,
    on: () => undefined,
    removeListener: () => undefined,
  });
}

const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

describe('汇总 service methods', () => {
  it.each(['http', 'ipc'] as const)(
    '%s: library reports and files become units, last year found in the library',
    async (transport) => {
      const service = dirs.open({ dataDir: dirs.dir() });
      const server =
        transport === 'http' ? await startServer({ service, staticDir: '/nonexistent', log: () => undefined }) : null;
      try {
        const api = server ? createHttpApi(server.origin, undefined, { token: server.token }) : ipcApi(service);
        const gov = await api.createReport({ agency: '云溪县人民政府', kind: 'government', year: 2024 });
        const finance = makeReport({
          agency: '云溪县财政局',
          t3: { carried_over: [3, 0, 0, 0, 0, 0], res_open: [4, 0, 0, 0, 0, 0] },
        });
        await api.saveReport(finance);
        await api.saveReport(lastYearOf(finance, { t3: { carry_next: [1, 0, 0, 0, 0, 0] } }));
        const office = makeReport({ agency: '云溪县人民政府办公室', t3: { res_open: [2, 0, 0, 0, 0, 0] } });
        const docx = await buildDocx(makeReport({ agency: '城关镇人民政府', kind: 'township' }), { embed: false });

        const out = await api.aggregateReadUnits({
          government: { agency: gov.agency.name, year: 2024 },
          ids: [finance.meta.id],
          files: [
            { name: '城关镇.docx', data: b64(docx) },
            { name: '政府办.json', data: b64(JSON.stringify(office)) },
            { name: '坏文件.pdf', data: b64('%PDF-1.4 broken') },
          ],
        });
        expect(out.units.map((u) => [u.agency, u.source.type, u.role])).toEqual([
          ['云溪县财政局', 'library', 'unit'],
          ['城关镇人民政府', 'file', 'unit'],
          ['云溪县人民政府办公室', 'file', 'own'],
        ]);
        expect(out.units[0]!.last).toMatchObject({ year: 2023, from: 'library' });
        // Its own cross-year check ran too: 上年结转 3 ≠ last year's 结转 1.
        expect(out.units[0]!.warnings.some((w) => /上年/.test(w))).toBe(true);
        expect(out.failures).toHaveLength(1);
        expect(out.failures[0]!.name).toBe('坏文件.pdf');
        expect(out.failures[0]!.message).toMatch(/坏文件\.pdf/);

        // The renderer adds them to the government report, sums and saves; the workbook comes from the saved report.
        const state = addUnits(readAggregateState(gov).state, out.units).state;
        const view = computeAggregate(withAggregateState(gov, state));
        const summed = applySums(
          withAggregateState(gov, state),
          state,
          view.result,
          planApply(gov, state, view.result),
          new Date(),
        );
        await api.saveReport(summed);
        const file = await api.aggregateWorkbook(gov.meta.id);
        expect(file.name).toBe('云溪县人民政府2024年度汇总.xlsx');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ExcelJS.Buffer);
        const list = wb.getWorksheet('单位报告')!;
        expect(list.rowCount).toBe(4);
        expect(list.getRow(2).getCell(2).value).toBe('云溪县财政局');

        // Wrong input: a Chinese message saying what to do.
        const bad = await serviceError(
          api.aggregateReadUnits({ government: { agency: '', year: 2024 }, ids: [] }).catch((e: unknown) => {
            throw toServiceError(e); // as the renderer's client does (the preload carries the code in the message)
          }),
        );
        expect(bad.code).toBe('invalid');
        expect(bad.message).toMatch(/请先填写本级政府/);
      } finally {
        await server?.close();
      }
    },
  );

  it("a library report whose file (and last year's) has not changed is not read nor checked again", async () => {
    const dataDir = dirs.dir();
    const service = dirs.open({ dataDir });
    const finance = makeReport({
      agency: '云溪县财政局',
      t3: { carried_over: [3, 0, 0, 0, 0, 0], res_open: [4, 0, 0, 0, 0, 0] },
    });
    await service.saveReport(finance);
    const file = join(dataDir, 'reports', `${finance.meta.id}.json`);
    // A whole second, so that the time can be put back exactly below.
    const mtime = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, mtime, mtime);
    const request = {
      government: { agency: '云溪县人民政府', year: 2024, roster: [{ name: '财政局', kind: 'department' as const }] },
      ids: [finance.meta.id],
    };
    const first = (await service.aggregateReadUnits(request)).units[0]!;
    expect(first.cells['t3.res_open.natural']).toBe(4);
    expect(first.last).toBeUndefined();

    // The same bytes count, but the file keeps its size and time: the unit made before is used (not re-read).
    const text = readFileSync(file, 'utf8');
    const changed = text.replace('"t3.res_open.natural": 4', '"t3.res_open.natural": 5');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    utimesSync(file, mtime, mtime);
    const reused = (await service.aggregateReadUnits(request)).units[0]!;
    expect(reused.cells['t3.res_open.natural']).toBe(4);
    expect(reused.key).not.toBe(first.key); // still a new entry of the 汇总
    expect(reused.role).toBe('unit');
    // 本级 follows the roster of this request, not the one the unit was first made under.
    const asOwn = (
      await service.aggregateReadUnits({
        ...request,
        government: { ...request.government, roster: [{ name: '财政局', kind: 'department', own: true }] },
      })
    ).units[0]!;
    expect(asOwn).toMatchObject({ role: 'own', fingerprint: first.fingerprint });

    // A changed time: read and checked again.
    utimesSync(file, mtime + 5, mtime + 5);
    const reread = (await service.aggregateReadUnits(request)).units[0]!;
    expect(reread.cells['t3.res_open.natural']).toBe(5);

    // Last year's report arrives in the library: the unit is made again with it (its carry-over check).
    await service.saveReport(lastYearOf(finance, { t3: { carry_next: [1, 0, 0, 0, 0, 0] } }));
    const withLast = (await service.aggregateReadUnits(request)).units[0]!;
    expect(withLast.last).toMatchObject({ year: 2023, from: 'library' });
    expect(withLast.warnings.some((w) => /上年/.test(w))).toBe(true);
  });

  it('library units are checked in the import workers (the same unit as on this thread)', async () => {
    const pool = new ImportPool({ size: 1 });
    try {
      const report = withCells(makeReport({ agency: '云溪县教育局' }), { 't3.res_total.total': 99 });
      const government = { agency: '云溪县人民政府', year: 2024 };
      const [unit] = await pool.aggregateUnits([
        { report, source: { type: 'library', id: report.meta.id }, government, extra: { now: new Date(0) } },
      ]);
      const here = toUnit(report, { type: 'library', id: report.meta.id }, government, { now: new Date(0) });
      expect(unit).toEqual({ ...here, key: unit!.key });
      expect(unit!.counts.error).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});

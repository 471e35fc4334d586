import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReservedFileName, reservedPart, safeFileName } from '../../../shared/export/file-name';
import { main } from '../../../electron/cli/main';
import { serviceError, useTempDataDirs } from './helpers';

/**
 * Names Windows keeps for devices (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with an extension)
 * never become files: not as report ids, export folders, names the app makes, or CLI outputs.
 */

const tmp = useTempDataDirs();

describe('Windows device names', () => {
  it('are recognised with any case, extension or trailing dots and spaces', () => {
    for (const n of ['CON', 'con', 'nul.txt', 'Aux.json', 'COM1', 'lpt9.docx', 'PRN .json', 'con.', 'COM¹', 'CONIN$'])
      expect(isReservedFileName(n), n).toBe(true);
    for (const n of ['CONSOLE', 'COM10', 'nullable.json', 'icon.png', '年报CON', 'LPT', 'con-2024.json'])
      expect(isReservedFileName(n), n).toBe(false);
    expect(reservedPart('/home/u/CON/年报.docx')).toBe('CON');
    expect(reservedPart('D:\\年报\\nul\\x')).toBe('nul');
    expect(reservedPart('/home/u/年报')).toBeNull();
  });

  it('names the app makes are changed, not refused', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('云溪县CON局')).toBe('云溪县CON局');
  });

  it('a report id that is one is refused for a new report; an opened file gets another id', async () => {
    const dataDir = tmp.dir();
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    const err = await serviceError(s.saveReport({ ...r, meta: { ...r.meta, id: 'CON' } }));
    expect(err.code).toBe('invalid');
    expect(err.message).toContain('“CON”是 Windows 保留的设备名');
    const opened = await s.openReportFile({
      name: 'nul.nianbao',
      data: Buffer.from(JSON.stringify({ ...r, meta: { ...r.meta, id: 'nul' } })).toString('base64'),
    });
    expect(opened.meta.id).not.toBe('nul');
    expect(readdirSync(join(dataDir, 'reports')).filter((f) => isReservedFileName(f))).toEqual([]);
  });

  it('an export folder with one in its path is refused before anything is written', async () => {
    const parent = tmp.dir();
    const s = tmp.open({ dataDir: join(parent, 'data') });
    const r = await s.createSampleReport();
    const dir = join(parent, 'AUX', '年报');
    const err = await serviceError(s.exportReport({ id: r.meta.id, formats: ['html'], dir }));
    expect(err.message).toContain('“AUX”是 Windows 保留的设备名');
    expect(existsSync(join(parent, 'AUX'))).toBe(false);
  });

  it('the command line refuses to write one, before reading anything', async () => {
    const dir = tmp.dir();
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: dir, isTTY: false };
    const code = await main(
      ['new', '--agency', '某局', '--kind', 'department', '--year', '2024', '-o', 'CON.json'],
      io,
    );
    expect(code).toBe(2);
    expect(out.join('')).toContain('--out CON.json：“CON.json”是 Windows 保留的设备名');
    expect(readdirSync(dir)).toEqual([]);
    out.length = 0;
    expect(await main(['batch', dir, '--html', 'nul.html'], io)).toBe(2);
    expect(out.join('')).toContain('“nul.html”是 Windows 保留的设备名');
  });
});

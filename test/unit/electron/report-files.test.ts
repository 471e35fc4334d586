import type { Dialog, Shell } from 'electron';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/service/api';
import { sampleReport } from '../../../shared/sample/sample-report';
import { createService } from '../../../electron/services/index';
import { openReportPath } from '../../../electron/main/report-files';
import { RecentFiles, pushRecent } from '../../../electron/main/recent-files';
import { createShellHandlers, safeFileName } from '../../../electron/main/shell-handlers';
import { createFakeElectron, asElectron } from './fake-electron';

let dir: string;
let service: ReturnType<typeof createService>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
  service = createService({ dataDir: join(dir, 'data'), mode: 'electron', version: 'test', log: () => undefined });
});
afterEach(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening .nianbao files', () => {
  it('a valid file joins the library', async () => {
    const report = sampleReport();
    const file = join(dir, '2024年报.nianbao');
    writeFileSync(file, JSON.stringify(report, null, 2));
    const outcome = await openReportPath(file, service);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.report.agency.name).toBe(report.agency.name);
    const lib = await service.listReports();
    expect(lib.reports.map((r) => r.id)).toContain(outcome.report.meta.id);
  });

  it('an invalid file is refused with a Chinese message naming the file and the problem; the library is unchanged', async () => {
    const broken = { ...sampleReport(), year: '二〇二四' } as unknown;
    const file = join(dir, '坏文件.nianbao');
    writeFileSync(file, JSON.stringify(broken));
    const outcome = await openReportPath(file, service);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('无法打开“坏文件.nianbao”');
    expect(outcome.message).toContain('不是有效的年报文件');
    expect(outcome.message).toContain('$.year');
    expect((await service.listReports()).reports).toEqual([]);
  });

  it('not JSON, missing, a folder, or the wrong type: each gets its own message', async () => {
    const notJson = join(dir, 'half.nianbao');
    writeFileSync(notJson, '{"kind": "nianbao.report", "ye');
    const r1 = await openReportPath(notJson, service);
    expect(!r1.ok && r1.message).toMatch(/不是有效的 JSON/);
    const r2 = await openReportPath(join(dir, 'gone.nianbao'), service);
    expect(!r2.ok && r2.missing && r2.message).toMatch(/文件不存在/);
    const r3 = await openReportPath(dir + '/', service);
    expect(!r3.ok && r3.message).toMatch(/不支持的文件类型|文件夹/);
    const exe = join(dir, 'setup.exe');
    writeFileSync(exe, 'MZ');
    const r4 = await openReportPath(exe, service);
    expect(!r4.ok && r4.message).toMatch(/不支持的文件类型“\.exe”/);
  });
});

describe('recent files', () => {
  it('moves a path to the front without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = pushRecent(list, `/r/${i}.nianbao`, 'linux');
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/r/11.nianbao');
    expect(pushRecent(['C:\\A.nianbao', 'C:\\b.nianbao'], 'c:\\a.nianbao', 'win32')).toEqual([
      'c:\\a.nianbao',
      'C:\\b.nianbao',
    ]);
    expect(pushRecent(['/A.nianbao'], '/a.nianbao', 'linux')).toEqual(['/a.nianbao', '/A.nianbao']);
  });

  it('keeps the list in the settings and in the OS list', async () => {
    const os = {
      added: [] as string[],
      cleared: 0,
      addRecentDocument: (p: string) => os.added.push(p),
      clearRecentDocuments: () => os.cleared++,
    };
    const changes: number[] = [];
    const recent = new RecentFiles({ service, platform: 'linux', os, onChange: (l) => changes.push(l.length) });
    await recent.load();
    await recent.add('/home/u/a.nianbao');
    await recent.add('/home/u/b.nianbao');
    expect((await service.getSettings()).recentFiles).toEqual(['/home/u/b.nianbao', '/home/u/a.nianbao']);
    const again = new RecentFiles({ service, platform: 'linux' });
    expect(await again.load()).toEqual(['/home/u/b.nianbao', '/home/u/a.nianbao']);
    await recent.remove('/home/u/b.nianbao');
    expect((await service.getSettings()).recentFiles).toEqual(['/home/u/a.nianbao']);
    await recent.clear();
    expect((await service.getSettings()).recentFiles).toEqual([]);
    expect(os.added).toEqual(['/home/u/a.nianbao', '/home/u/b.nianbao']);
    expect(os.cleared).toBe(1);
    expect(changes).toEqual([0, 1, 2, 1, 0]);
  });
});

describe('shell handlers (dialogs and files)', () => {
  function setup() {
    const fake = createFakeElectron();
    const reportFiles: string[] = [];
    const handlers = createShellHandlers({
      dialog: asElectron<Dialog>(fake.dialog),
      shell: asElectron<Shell>(fake.shell),
      window: () => undefined,
      service,
      documentsDir: dir,
      onReportFile: (p) => reportFiles.push(p),
    });
    return { fake, handlers, reportFiles };
  }

  it('pickFile returns the chosen file as base64; cancel gives null', async () => {
    const { fake, handlers } = setup();
    expect(await handlers.pickFile('report')).toBeNull();
    const file = join(dir, '2024年报.nianbao');
    writeFileSync(file, '{"kind":"nianbao.report"}');
    fake.dialog.openResult = { canceled: false, filePaths: [file] };
    const picked = await handlers.pickFile('report');
    expect(picked).toEqual({
      path: file,
      name: '2024年报.nianbao',
      data: Buffer.from('{"kind":"nianbao.report"}').toString('base64'),
    });
    expect(handlers.lastPickedReport()).toEqual(picked);
  });

  it('saveFileAs writes the bytes, adds the extension, remembers the export folder', async () => {
    const { fake, handlers, reportFiles } = setup();
    expect(await handlers.saveFileAs('年报.docx', 'UEsDBA==', 'docx')).toBeNull();
    fake.dialog.saveResult = { canceled: false, filePath: join(dir, '导出的年报') };
    const path = await handlers.saveFileAs('年报.docx', Buffer.from('PK docx bytes').toString('base64'), 'docx');
    expect(path).toBe(join(dir, '导出的年报.docx'));
    expect(readFileSync(path!, 'utf8')).toBe('PK docx bytes');
    expect((await service.getSettings()).exportDir).toBe(dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    fake.dialog.saveResult = { canceled: false, filePath: join(dir, '副本.nianbao') };
    await handlers.saveFileAs('副本', Buffer.from('{}').toString('base64'), 'report');
    expect(reportFiles).toEqual([join(dir, '副本.nianbao')]);
  });

  it('a write that fails says why in Chinese', async () => {
    const { fake, handlers } = setup();
    fake.dialog.saveResult = { canceled: false, filePath: join(dir, 'no-such-folder', 'x.html') };
    const err = await handlers.saveFileAs('x', 'PGh0bWw+', 'html').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('io');
    expect((err as ServiceError).message).toMatch(/无法保存“x\.html”/);
  });

  it('openExternal only for http(s); revealPath only for what exists', async () => {
    const { fake, handlers } = setup();
    await handlers.openExternal('https://www.gov.cn/');
    await expect(handlers.openExternal('file:///etc/passwd')).rejects.toMatchObject({ code: 'invalid' });
    await expect(handlers.openExternal('javascript:alert(1)')).rejects.toBeInstanceOf(ServiceError);
    expect(fake.shell.opened).toEqual(['https://www.gov.cn/']);
    await handlers.revealPath(dir);
    await expect(handlers.revealPath(join(dir, 'missing.docx'))).rejects.toMatchObject({ code: 'not_found' });
    expect(fake.shell.revealed).toEqual([dir]);
    expect(existsSync(dir)).toBe(true);
  });

  it('file names lose the characters Windows refuses', () => {
    expect(safeFileName('2024年度/报告:终稿?', '.docx')).toBe('2024年度_报告_终稿_.docx');
    expect(safeFileName('年报.docx', '.docx')).toBe('年报.docx');
    expect(safeFileName('   ', '.html')).toBe('年报.html');
  });
});

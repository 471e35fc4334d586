import type { Page } from '@playwright/test';
import { buildHtml } from '../../shared/export';
import { sampleReport } from '../../shared/sample/sample-report';
import { test, expect, openApp } from './support/fixtures';

/**
 * The desktop shell's side of 导入 / 打开 / 另存为 / 导出, with a stand-in for the preload's
 * window.nianbaoShell (the Electron binary is not available here): the native dialogs are called
 * with the right kinds, and what they return is used.
 */

interface ShellLog {
  picks: string[];
  saves: { name: string; kind: string; bytes: number; text: string }[];
  folders: (string | undefined)[];
}

/** `bytes`: a file of that size, made in the page (no need to pass 68 MB of base64 into it). */
async function installShell(page: Page, files: Record<string, { name: string; data?: string; bytes?: number } | null>) {
  await page.addInitScript((picked) => {
    const listeners: ((c: string) => void)[] = [];
    const log = { picks: [] as string[], saves: [] as unknown[], folders: [] as unknown[] };
    Object.assign(window, {
      __log: log,
      __menu: (c: string) => listeners.forEach((l) => l(c)),
      nianbaoShell: {
        platform: 'linux',
        onMenuCommand: (l: (c: string) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
        onReportOpened: () => () => undefined,
        setDocumentState: () => undefined,
        pickFile: async (kind: string) => {
          log.picks.push(kind);
          const f = picked[kind];
          if (!f) return null;
          const data = f.data ?? 'A'.repeat(Math.ceil(((f.bytes ?? 0) * 4) / 3));
          return { path: `/home/clerk/${f.name}`, name: f.name, data };
        },
        saveFileAs: async (name: string, data: string, kind: string) => {
          const text = new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
          log.saves.push({ name, kind, bytes: data.length, text });
          return `/home/clerk/文档/${name}`;
        },
        pickFolder: async (start?: string) => {
          log.folders.push(start);
          return '/home/clerk/桌面/年报';
        },
        revealPath: async () => undefined,
        openExternal: async () => undefined,
      },
    });
  }, files);
}

const menu = (page: Page, command: string) =>
  page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
const log = (page: Page) => page.evaluate(() => (window as unknown as { __log: ShellLog }).__log);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test('desktop: 导入 and 打开 use the native open dialog; 另存为 and the export folder use the native dialogs', async ({
  page,
  server,
}) => {
  const html = buildHtml(
    {
      ...sampleReport(),
      agency: { ...sampleReport().agency, name: '云岭县档案馆' },
      title: '云岭县档案馆2024年政府信息公开工作年度报告',
    },
    { standalone: true },
  );
  const reportFile = sampleReport();
  reportFile.meta.id = 'opened-from-file';
  reportFile.agency.name = '云岭县气象局';
  await installShell(page, {
    import: { name: '档案馆2024.html', data: b64(html) },
    report: { name: '气象局2024.nianbao', data: b64(JSON.stringify(reportFile)) },
  });
  await openApp(page, server.url);

  // 导入… (menu): the shell's dialog for importable files, then the preview.
  await menu(page, 'import-file');
  await expect(page.getByRole('complementary', { name: '识别结果' })).toContainText('云岭县档案馆');
  expect((await log(page)).picks).toEqual(['import']);
  await page.getByRole('button', { name: '取消' }).click();

  // 打开… (menu): a report file opens in the editor at once.
  await menu(page, 'open-file');
  await expect(page.getByRole('heading', { name: '封面与落款' })).toBeVisible();
  await expect(page.getByLabel('机关全称')).toHaveValue('云岭县气象局');
  expect(page.url()).toContain('opened-from-file');

  // 另存为 (menu): the saved report goes to the native save dialog as a report file.
  await menu(page, 'save-as');
  await expect(page.getByText('已另存为 /home/clerk/文档/')).toBeVisible();
  const saved = (await log(page)).saves[0]!;
  expect(saved.kind).toBe('report');
  expect(saved.name).toBe('云岭县气象局2024年政府信息公开工作年度报告.nianbao');
  expect(JSON.parse(saved.text).meta.id).toBe('opened-from-file');

  // The export folder is chosen with the native folder dialog (the path box is read-only). The
  // message above is still showing: the toolbar under it must take the click.
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '导出…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出年报' });
  await expect(dialog.getByLabel('保存到文件夹')).toHaveAttribute('readonly', '');
  await dialog.getByRole('button', { name: '选择…' }).click();
  await expect(dialog.getByLabel('保存到文件夹')).toHaveValue('/home/clerk/桌面/年报');
  expect((await log(page)).folders).toHaveLength(1);
});

test('desktop: a cancelled dialog does nothing; an oversized picked file is refused before it is sent', async ({
  page,
  server,
}) => {
  await installShell(page, { import: { name: '大文件.pdf', bytes: 51 * 1024 * 1024 }, report: null });
  await openApp(page, server.url);
  let sent = false;
  page.on('request', (r) => r.url().includes('/api/importFile') && (sent = true));
  await menu(page, 'import-file');
  await expect(page.getByRole('dialog').filter({ hasText: '超过了 36 MB' })).toBeVisible();
  expect(sent).toBe(false);
  await page.getByRole('button', { name: '知道了' }).click();
  await menu(page, 'open-file');
  await expect(page.getByRole('heading', { name: '年报库' })).toBeVisible();
  expect((await log(page)).picks).toEqual(['import', 'report']);
  // 导出 and 另存为 without an open report say what to do.
  await menu(page, 'export');
  await expect(page.getByText('请先打开一份年报，再导出。')).toBeVisible();
});

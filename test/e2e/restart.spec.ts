import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CONNECTION_MESSAGES } from '../../shared/service/http-client';
import { test, expect, createReport, waitSaved } from './support/fixtures';
import { ROOT, tempDataDir } from './support/server';

/**
 * The browser-mode program restarted under an open window (issue 13 item 10): the real launcher
 * (electron/server/main.ts) killed and started again on the same data folder. The window says one
 * clear thing while the program is away, reconnects by itself when it is back, and the edit made
 * meanwhile reaches the disk. Where it cannot reconnect, the edit can be downloaded as a file.
 */

interface Launched {
  child: ChildProcess;
  /** The open page's file: address the launcher printed (no secret in it). */
  page: string;
  port: number;
}

const children: ChildProcess[] = [];
test.afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function launch(dataDir: string, extra: string[] = []): Promise<Launched> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron', 'server', 'main.ts'), '--data-dir', dataDir, '--no-open', ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  await expect
    .poll(() => (child.exitCode !== null ? `exited: ${out}` : /file:\/\/\S+open-app\.html/.test(out)), {
      timeout: 120_000,
    })
    .toBe(true);
  return {
    child,
    page: /file:\/\/\S+open-app\.html/.exec(out)![0],
    port: Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1]),
  };
}

async function kill(l: Launched): Promise<void> {
  const exited = new Promise((resolve) => l.child.once('exit', resolve));
  l.child.kill('SIGKILL');
  await exited;
}

const onDisk = (dataDir: string) => {
  const dir = join(dataDir, 'reports');
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
};

async function editWhileAway(page: Page, value: string): Promise<void> {
  await page.getByLabel('所属人民政府（可选）').fill(value);
  await expect(page.getByRole('status').filter({ hasText: '保存失败' })).toContainText(
    '与年报编制助手的连接中断了。修改保留在本页中，连接恢复后自动保存。',
  );
}

test('after a restart the open window reconnects by itself and the edit made meanwhile is saved', async ({ page }) => {
  const dataDir = tempDataDir();
  try {
    const first = await launch(dataDir);
    await page.goto(first.page);
    await expect(page.getByRole('heading', { name: '年报库' })).toBeVisible();
    await createReport(page, '云岭县水务局', 2024);
    await waitSaved(page);

    await kill(first);
    await editWhileAway(page, '云岭县人民政府');
    const banner = page.getByRole('alert').filter({ hasText: '连接中断' });
    await expect(banner).toContainText(CONNECTION_MESSAGES.offline);
    // One thing to do, said once: no “refresh the page” next to “do not close”, no “。。”.
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('刷新');
    expect(text).not.toContain('。。');
    expect(text).not.toContain('令牌');
    await page.screenshot({ path: '.tmp/screens/restart-offline.png' });

    const second = await launch(dataDir);
    expect(second.port).toBe(first.port);
    // Back by itself: no click, no reload.
    await expect(banner).toBeHidden({ timeout: 30_000 });
    await waitSaved(page);
    expect(onDisk(dataDir).map((r) => r.agency.parent)).toEqual(['云岭县人民政府']);
    // And it keeps working on the new start's secret.
    await page.getByLabel('所属人民政府（可选）').fill('云岭县人民政府办公室');
    await waitSaved(page);
    expect(onDisk(dataDir).map((r) => r.agency.parent)).toEqual(['云岭县人民政府办公室']);
    await page.screenshot({ path: '.tmp/screens/restart-back.png' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second program on the same data folder opens read-only, names the first, and saves nothing', async ({
  page,
}) => {
  const dataDir = tempDataDir();
  try {
    const first = await launch(dataDir);
    await page.goto(first.page);
    await createReport(page, '云岭县审计局', 2024);
    await waitSaved(page);

    const second = await launch(dataDir);
    expect(second.port).not.toBe(first.port);
    const other = await page.context().browser()!.newPage();
    await other.goto(second.page);
    const banner = other.getByRole('alert').filter({ hasText: '只读' });
    await expect(banner).toContainText(
      new RegExp(
        `^只读：浏览器模式的年报编制助手（进程 ${first.child.pid}，自 .+ 起）正在使用这个数据文件夹。本窗口只能查看，不能保存修改`,
      ),
    );
    // It shows the library…
    await other.getByRole('button', { name: /打开云岭县审计局2024年度年报/ }).click();
    // …but an edit is not saved, and says why; it can be downloaded.
    await other.getByLabel('所属人民政府（可选）').fill('云岭县人民政府');
    await expect(other.getByRole('status').filter({ hasText: '保存失败' })).toContainText(
      '保存失败：本窗口只能查看（原因见页面上方）。修改保留在本页中，可以下载为文件。',
    );
    await expect(banner.getByRole('button', { name: '下载未保存的修改' })).toBeVisible();
    await other.screenshot({ path: '.tmp/screens/second-instance-read-only.png' });
    expect(onDisk(dataDir).map((r) => r.agency.parent)).toEqual([undefined]);
    // The first one is not disturbed.
    await page.getByLabel('所属人民政府（可选）').fill('云岭县人民政府');
    await waitSaved(page);
    expect(onDisk(dataDir).map((r) => r.agency.parent)).toEqual(['云岭县人民政府']);
    await other.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a window the restarted program no longer knows offers its unsaved edit as a file', async ({ page }) => {
  const dataDir = tempDataDir();
  const otherDir = tempDataDir();
  try {
    const first = await launch(dataDir);
    await page.goto(first.page);
    await createReport(page, '云岭县林业局', 2024);
    await waitSaved(page);
    await kill(first);
    await editWhileAway(page, '云岭县人民政府');

    // Another program takes the same address (another data folder, so another secret).
    const stranger = await launch(otherDir, ['--port', String(first.port)]);
    const banner = page.getByRole('alert').filter({ hasText: '不能再连接' });
    await expect(banner).toHaveText(new RegExp(CONNECTION_MESSAGES.denied.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), {
      timeout: 30_000,
    });
    await expect(page.getByRole('status').filter({ hasText: '保存失败' })).toContainText(
      '保存失败：本页已不能连接年报编制助手。请按页面上方的提示下载未保存的修改。',
    );
    await page.screenshot({ path: '.tmp/screens/restart-denied.png' });
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: '下载未保存的修改' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('云岭县林业局2024年（未保存的修改）.nianbao');
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(saved.agency).toMatchObject({ name: '云岭县林业局', parent: '云岭县人民政府' });
    // Nothing of this window reached the stranger's library.
    expect(readdirSync(join(otherDir, 'reports'))).toEqual([]);
    await kill(stranger);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(otherDir, { recursive: true, force: true });
  }
});

/** Why a read-only disk cannot be made here (mounting needs root), or null. */
function whyNoReadOnlyDisk(): string | null {
  if (process.platform !== 'linux') return `只在 Linux 上测试（此处为 ${process.platform}）`;
  if (process.getuid?.() !== 0) return '挂载只读文件系统需要 root 权限';
  const probe = tempDataDir('nianbao-e2e-probe-');
  try {
    const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    if (res.status !== 0) return `此环境不允许挂载（${String(res.stderr).trim() || res.status}）`;
    spawnSync('umount', [probe]);
    return null;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

test('a data folder on a read-only disk: the program starts read-only and the window says so', async ({ page }) => {
  const why = whyNoReadOnlyDisk();
  test.skip(why !== null, why ?? '');
  const parent = tempDataDir();
  const dataDir = join(parent, 'data');
  mkdirSync(dataDir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dataDir]);
  try {
    const first = await launch(dataDir);
    await page.goto(first.page);
    await createReport(page, '云岭县统计局', 2024);
    await waitSaved(page);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGINT');
    await exited;
    execFileSync('mount', ['-o', 'remount,ro', dataDir]);

    // It starts (it used to stop with an error), and its window opens on the library.
    const second = await launch(dataDir);
    await page.goto(second.page);
    const banner = page.getByRole('alert').filter({ hasText: '只读' });
    await expect(banner).toContainText(
      `只读：数据文件夹 ${dataDir} 不能写入（所在的磁盘是只读的）。可以查看和导出年报，但不能保存修改`,
    );
    await page.getByRole('button', { name: /打开云岭县统计局2024年度年报/ }).click();
    await page.getByLabel('所属人民政府（可选）').fill('云岭县人民政府');
    await expect(page.getByRole('status').filter({ hasText: '保存失败' })).toContainText('本窗口只能查看');
    await page.screenshot({ path: '.tmp/screens/read-only-disk.png' });
    expect(onDisk(dataDir).map((r) => r.agency.parent)).toEqual([undefined]);
    await kill(second);
  } finally {
    spawnSync('umount', ['-l', dataDir]);
    rmSync(parent, { recursive: true, force: true });
  }
});

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { itUnless } from '../../fixtures/skip';
import { serviceError, useTempDataDirs } from './helpers';

/**
 * A data folder that cannot be written opens read-only (appInfo().readOnly says why, every save is
 * refused with that reason) instead of refusing to start: on a read-only disk (a read-only tmpfs
 * mounted for the test) and for a user without write permission (the service run as `nobody`).
 */

const tmp = useTempDataDirs();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const isRoot = process.getuid?.() === 0;

function canMount(): string | null {
  if (process.platform !== 'linux') return `只在 Linux 上测试（此处为 ${process.platform}）`;
  if (!isRoot) return '挂载只读文件系统需要 root 权限';
  const probe = join(tmp.dir(), 'probe');
  mkdirSync(probe);
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
  if (res.status !== 0) return `此环境不允许挂载（${String(res.stderr).trim() || res.status}）`;
  spawnSync('umount', [probe]);
  return null;
}

function canRunAsNobody(): string | null {
  if (!isRoot) return '需要 root 才能以另一个用户（nobody）运行';
  if (spawnSync('setpriv', ['--version']).status !== 0) return '没有 setpriv（util-linux）';
  const res = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '1']);
  if (res.status !== 0) return `nobody 无法运行 node（${String(res.stderr).trim()}）`;
  // The checkout itself must be readable by nobody (a clone under a private mktemp folder is not).
  const tsx = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e', '1'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' }, timeout: 120_000 },
  );
  if (tsx.status !== 0)
    return `nobody 读不到这个检出目录（${root}）或其中的 tsx：${
      String(tsx.stderr)
        .split('\n')
        .find((l) => /Error/.test(l)) ?? String(tsx.status)
    }`;
  return null;
}

describe('a data folder that cannot be written', () => {
  const mountProblem = canMount();
  itUnless(mountProblem, 'on a read-only disk: opens read-only, shows everything, saves nothing', async () => {
    const dataDir = join(tmp.dir(), 'mnt');
    mkdirSync(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dataDir]);
    try {
      const s = tmp.open({ dataDir });
      const r = await s.createSampleReport();
      await s.close();
      execFileSync('mount', ['-o', 'remount,ro', dataDir]);
      const before = readdirSync(dataDir).sort();
      const ro = tmp.open({ dataDir });
      const info = await ro.appInfo();
      expect(info.readOnly).toBe(
        `只读：数据文件夹 ${dataDir} 不能写入（所在的磁盘是只读的）。可以查看和导出年报，但不能保存修改；要编辑，请把数据文件夹复制到可写的位置，再用 --data-dir 指定它。`,
      );
      expect((await ro.listReports()).reports.map((x) => x.id)).toEqual([r.meta.id]);
      expect((await ro.getReport(r.meta.id)).title).toBe(r.title);
      const err = await serviceError(ro.saveReport({ ...r, title: '改' }));
      expect(err.code).toBe('conflict');
      expect(err.message).toBe(`没有保存。${info.readOnly}`);
      await ro.close();
      expect(readdirSync(dataDir).sort()).toEqual(before);
    } finally {
      spawnSync('umount', ['-l', dataDir]);
    }
  });

  const nobodyProblem = canRunAsNobody();
  itUnless(nobodyProblem, 'without write permission (another user): opens read-only, saves nothing', async () => {
    const dataDir = join(tmp.dir(), 'shared-folder');
    const s = tmp.open({ dataDir });
    const r = await s.createSampleReport();
    await s.close();
    // A folder others may read but not write (as on a shared drive).
    execFileSync('chmod', ['-R', 'a+rX,go-w', dataDir]);
    chmodSync(join(dataDir, '..'), 0o755);
    const res = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        join(root, 'test/unit/services/fixtures/read-folder.ts'),
        dataDir,
        r.meta.id,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' }, timeout: 120_000 },
    );
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.readOnly).toMatch(/^只读：数据文件夹 .* 不能写入（没有写入这个文件夹的权限）。/);
    expect(out.ids).toEqual([r.meta.id]);
    expect(out.title).toBe(r.title);
    expect(out.save).toBe(`conflict: 没有保存。${out.readOnly}`);
    expect(existsSync(join(dataDir, 'nianbao.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, 'reports', `${r.meta.id}.json`), 'utf8')).title).toBe(r.title);
    expect(statSync(dataDir).uid).toBe(0);
  });
});

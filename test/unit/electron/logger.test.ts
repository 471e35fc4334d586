import type { App, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/main/logger';
import {
  installAppProcessHandlers,
  installProcessHandlers,
  logConsoleErrors,
} from '../../../electron/main/crash-handlers';
import { FakeWebContents, createFakeApp, asElectron } from './fake-electron';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('log file', () => {
  it('writes timestamped lines with the stack of errors, creating the folder', () => {
    const logsDir = join(dir, 'logs');
    const logger = createLogger({ dir: logsDir, now: () => new Date('2025-01-20T01:02:03Z') });
    logger.info('启动');
    logger.error('保存失败', new Error('disk full'));
    const text = readFileSync(join(logsDir, 'main.log'), 'utf8');
    expect(text).toContain('2025-01-20T01:02:03.000Z [info] 启动');
    expect(text).toContain('[error] 保存失败');
    expect(text).toContain('Error: disk full');
    expect(text).toMatch(/at .+logger\.test\.ts/);
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const logger = createLogger({ dir, maxBytes: 200, maxFiles: 2 });
    for (let i = 0; i < 40; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(200);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 39');
  });

  it('never throws when the folder cannot be written', () => {
    const logger = createLogger({ dir: join(dir, 'file-not-dir', 'logs') });
    // Make the parent a file, so mkdir fails.
    writeFileSync(join(dir, 'file-not-dir'), 'x');
    expect(() => logger.error('x', new Error('y'))).not.toThrow();
  });
});

describe('crash handlers', () => {
  it('logs uncaught exceptions and rejections of the main process, telling the clerk once', () => {
    const logger = createLogger({ dir });
    const proc = new EventEmitter();
    const told: string[] = [];
    installProcessHandlers(proc as NodeJS.Process, logger, (m) => told.push(m));
    proc.emit('uncaughtException', new Error('kaboom'));
    proc.emit('uncaughtException', new Error('again'));
    proc.emit('unhandledRejection', new Error('lost promise'));
    const text = readFileSync(logger.file, 'utf8');
    expect(text).toContain('kaboom');
    expect(text).toContain('again');
    expect(text).toContain('lost promise');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('kaboom');
    expect(told[0]).toContain('日志');
  });

  it('logs renderer crashes and console errors', () => {
    const logger = createLogger({ dir });
    const app = createFakeApp();
    installAppProcessHandlers(asElectron<App>(app), logger);
    const contents = new FakeWebContents();
    contents.url = 'app://nianbao/index.html';
    app.emit('render-process-gone', {}, contents, { reason: 'oom', exitCode: 9 });
    logConsoleErrors(asElectron<WebContents>(contents), logger);
    contents.emit('console-message', {
      level: 'error',
      message: 'TypeError: x is undefined',
      sourceId: 'app://nianbao/assets/a.js',
      lineNumber: 3,
    });
    contents.emit('console-message', { level: 'info', message: 'just info', sourceId: '', lineNumber: 0 });
    const text = readFileSync(logger.file, 'utf8');
    expect(text).toContain('页面进程退出：oom');
    expect(text).toContain('TypeError: x is undefined');
    expect(text).not.toContain('just info');
    expect(existsSync(logger.file)).toBe(true);
  });
});

import type { BrowserWindow } from 'electron';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  clampToDisplays,
  loadWindowState,
  saveWindowState,
  trackWindowState,
  type WindowState,
} from '../../../electron/main/window-state';
import { FakeBrowserWindow, asElectron } from './fake-electron';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };
const state = (s: Partial<WindowState>): WindowState => ({
  width: 1200,
  height: 800,
  maximized: false,
  fullScreen: false,
  ...s,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-win-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('defaults when the file is missing or broken, and survives a round trip', () => {
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual({ ...DEFAULT_SIZE, maximized: false, fullScreen: false });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toEqual({ ...DEFAULT_SIZE, maximized: false, fullScreen: false });
    writeFileSync(file, JSON.stringify({ width: -5, height: 'tall', x: 1.5, y: 3 }));
    expect(loadWindowState(file)).toEqual({ ...DEFAULT_SIZE, maximized: false, fullScreen: false });
    const s = state({ x: 100, y: 80, width: 1300, height: 900, maximized: true });
    saveWindowState(file, s);
    expect(loadWindowState(file)).toEqual(s);
  });

  it('keeps a window that is on a display', () => {
    expect(clampToDisplays(state({ x: 100, y: 50 }), [primary])).toEqual(state({ x: 100, y: 50 }));
    expect(clampToDisplays(state({ x: 2000, y: 100 }), [primary, right])).toEqual(state({ x: 2000, y: 100 }));
  });

  it('centres a window whose display is gone (second monitor unplugged)', () => {
    const s = clampToDisplays(state({ x: 2000, y: 100 }), [primary]);
    expect(s).toEqual(state({ x: (1920 - 1200) / 2, y: (1040 - 800) / 2 }));
    const above = clampToDisplays(state({ x: 100, y: -5000 }), [primary]);
    expect(above.y).toBeGreaterThanOrEqual(0);
  });

  it('shrinks a window larger than the work area and pulls it inside', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    const s = clampToDisplays(state({ x: 300, y: 200, width: 1900, height: 1000 }), [small]);
    expect(s.width).toBe(1366);
    expect(s.height).toBe(728);
    expect(s.x).toBe(0);
    expect(s.y).toBe(0);
    const noPosition = clampToDisplays(state({}), [small]);
    expect(noPosition.x! + noPosition.width).toBeLessThanOrEqual(1366);
  });

  it('tracks moves (debounced) and saves on close', () => {
    vi.useFakeTimers();
    try {
      const file = join(dir, 'window-state.json');
      const win = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 });
      trackWindowState(asElectron<BrowserWindow>(win), file, 100);
      win.bounds = { x: 40, y: 50, width: 1100, height: 750 };
      win.emit('move');
      win.emit('resize');
      expect(() => readFileSync(file)).toThrow();
      vi.advanceTimersByTime(150);
      expect(loadWindowState(file)).toEqual(state({ x: 40, y: 50, width: 1100, height: 750 }));
      win.maximized = true;
      win.emit('close');
      expect(loadWindowState(file).maximized).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

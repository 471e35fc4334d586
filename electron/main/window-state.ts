import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;
/** How much of the title bar must lie on a display for a remembered position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e6;

/** Reads the remembered state; a missing or broken file gives the default (never an error). */
export function loadWindowState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_SIZE, maximized: false, fullScreen: false };
  }
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const state: WindowState = {
    width: isInt(r.width) && r.width > 0 ? r.width : DEFAULT_SIZE.width,
    height: isInt(r.height) && r.height > 0 ? r.height : DEFAULT_SIZE.height,
    maximized: r.maximized === true,
    fullScreen: r.fullScreen === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Fits a remembered state to the displays there are now (a laptop undocked from its second
 * monitor, a lower resolution): the size shrinks to the work area, and a window whose title bar
 * would be off every display is centred on the primary one.
 * `workAreas[0]` is the primary display.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const titleBar = (x: number, y: number, width: number): Rectangle => ({ x, y, width, height: MIN_VISIBLE.height });

  let home: Rectangle | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const bar = titleBar(state.x, state.y, state.width);
    home = workAreas.find((area) => {
      const o = overlap(bar, area);
      return o.width >= Math.min(MIN_VISIBLE.width, state.width) && o.height >= Math.min(MIN_VISIBLE.height, 1);
    });
  }
  const area = home ?? primary;
  const width = Math.max(Math.min(state.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(state.height, area.height), Math.min(MIN_SIZE.height, area.height));

  if (!home) {
    return {
      ...state,
      width,
      height,
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
    };
  }
  // Keep the window where it was, but pull it back so it does not start beyond the display's edges.
  const x = Math.min(Math.max(state.x!, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(state.y!, area.y), area.y + area.height - height);
  return { ...state, width, height, x, y };
}

/** Writes atomically (temp file + rename) so a crash mid-write leaves the old state. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2), 'utf8');
    renameSync(tmp, file);
  } catch {
    // Losing the window position is harmless.
  }
}

/** The state to remember for a window: the normal (un-maximised) bounds plus the flags. */
export function captureWindowState(
  win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>,
): WindowState {
  const b = win.getNormalBounds();
  return {
    x: b.x,
    y: b.y,
    width: b.width,
    height: b.height,
    maximized: win.isMaximized(),
    fullScreen: win.isFullScreen(),
  };
}

/** Saves the state when the window moves or resizes (debounced) and when it closes. */
export function trackWindowState(win: BrowserWindow, file: string, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!win.isDestroyed()) saveWindowState(file, captureWindowState(win));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(event as 'resize', later);
  }
  win.on('close', save);
}

import { describe, expect, it } from 'vitest';
import { CloseGuard, type CloseChoice } from '../../../electron/main/close-guard';
import { FakeBrowserWindow, fakeEvent } from './fake-electron';

/** A window whose 'close' goes through the guard, as in DesktopApp. */
function setup(choices: CloseChoice[], opts: { saves?: boolean; timeoutMs?: number } = {}) {
  const log: string[] = [];
  const win = new FakeBrowserWindow({});
  const guard: CloseGuard = new CloseGuard({
    askToSave: async (title) => {
      log.push(`ask ${title}`);
      return choices.shift() ?? 'cancel';
    },
    requestSave: () => {
      log.push('save');
      // The renderer saves and reports a clean document (or never does).
      if (opts.saves !== false) setTimeout(() => guard.setState({ dirty: false, title: '2024年报' }), 5);
    },
    close: () => win.close(),
    reportSaveFailed: () => log.push('save failed'),
    timeoutMs: opts.timeoutMs ?? 1000,
  });
  win.on('close', (e) => guard.handleClose(e));
  return { win, guard, log };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('unsaved-changes guard', () => {
  it('closes at once when nothing is unsaved', () => {
    const { win, log } = setup([]);
    win.close();
    expect(win.destroyed).toBe(true);
    expect(log).toEqual([]);
  });

  it('取消 keeps the window open', async () => {
    const { win, guard, log } = setup(['cancel']);
    guard.setState({ dirty: true, title: '2024年报' });
    win.close();
    await settle();
    expect(win.destroyed).toBe(false);
    expect(log).toEqual(['ask 2024年报']);
  });

  it('不保存 closes without saving', async () => {
    const { win, guard, log } = setup(['discard']);
    guard.setState({ dirty: true, title: '2024年报' });
    win.close();
    await settle();
    expect(win.destroyed).toBe(true);
    expect(log).toEqual(['ask 2024年报']);
  });

  it('保存 asks the renderer to save and closes once it reports a clean document', async () => {
    const { win, guard, log } = setup(['save']);
    guard.setState({ dirty: true, title: '2024年报' });
    win.close();
    await settle();
    expect(log).toEqual(['ask 2024年报', 'save']);
    expect(win.destroyed).toBe(true);
  });

  it('保存 that does not finish in time keeps the window open and says so', async () => {
    const { win, guard, log } = setup(['save'], { saves: false, timeoutMs: 20 });
    guard.setState({ dirty: true, title: '2024年报' });
    win.close();
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual(['ask 2024年报', 'save', 'save failed']);
    expect(win.destroyed).toBe(false);
  });

  it('asks only once while the dialog is open', async () => {
    const { win, guard, log } = setup(['cancel']);
    guard.setState({ dirty: true, title: 'x' });
    const e1 = fakeEvent();
    const e2 = fakeEvent();
    expect(guard.handleClose(e1)).toBe(false);
    expect(guard.handleClose(e2)).toBe(false);
    expect(e1.defaultPrevented && e2.defaultPrevented).toBe(true);
    await settle();
    expect(log).toEqual(['ask x']);
    expect(win.destroyed).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { blankReport } from '../../../shared/model/blank';
import type { Report } from '../../../shared/model/types';
import { SaveQueue, type SaveState } from '../../../renderer/src/logic/save-queue';

/** Manual timers: the test decides when the autosave delay has passed. */
function clock() {
  let next = 1;
  const timers = new Map<number, { fn: () => void; ms: number }>();
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    pending: () => [...timers.values()].map((t) => t.ms),
    fire() {
      const all = [...timers.entries()];
      timers.clear();
      for (const [, t] of all) t.fn();
    },
  };
}

const report = (title: string): Report => ({
  ...blankReport({ agency: '测试局', kind: 'department', year: 2024 }),
  title,
  meta: { ...blankReport({ agency: '测试局', kind: 'department', year: 2024 }).meta, id: 'r1' },
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SaveQueue (autosave that never loses an edit)', () => {
  it('saves the latest version once, shortly after the last change', async () => {
    const saved: string[] = [];
    const c = clock();
    const q = new SaveQueue({
      save: async (r) => (saved.push(r.title), { id: r.meta.id, updatedAt: 'now' }),
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    q.schedule(report('a'));
    q.schedule(report('ab'));
    q.schedule(report('abc'));
    expect(q.getState().status).toBe('dirty');
    expect(c.pending()).toEqual([1000]);
    c.fire();
    await settle();
    expect(saved).toEqual(['abc']);
    expect(q.getState()).toMatchObject({ status: 'saved', savedAt: 'now' });
    expect(q.dirty).toBe(false);
  });

  it('keeps a failed edit in memory, says why, retries, and a newer edit wins', async () => {
    let fail = true;
    const saved: string[] = [];
    const states: SaveState[] = [];
    const c = clock();
    const q = new SaveQueue({
      save: async (r) => {
        if (fail) throw new Error('磁盘空间不足');
        saved.push(r.title);
        return { id: r.meta.id, updatedAt: 't2' };
      },
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    q.subscribe((s) => states.push(s));
    q.schedule(report('v1'));
    c.fire();
    await settle();
    expect(q.getState()).toMatchObject({ status: 'error', error: '磁盘空间不足', failures: 1 });
    expect(q.unsaved('r1')?.title).toBe('v1');
    expect(c.pending()).toEqual([2000]);

    // Still failing: the next retry waits longer.
    c.fire();
    await settle();
    expect(q.getState().failures).toBe(2);
    expect(c.pending()).toEqual([5000]);

    // A newer edit while failing replaces the pending one; the retry saves it.
    q.schedule(report('v2'));
    fail = false;
    expect(await q.flush()).toBe(true);
    expect(saved).toEqual(['v2']);
    expect(q.getState()).toMatchObject({ status: 'saved', failures: 0 });
    expect(q.unsaved('r1')).toBeUndefined();
    expect(states.map((s) => s.status)).toContain('saving');
  });

  it('flush waits for a save under way and then saves what changed meanwhile', async () => {
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const c = clock();
    const q = new SaveQueue({
      save: (r) =>
        new Promise((resolve) => {
          release = () => {
            saved.push(r.title);
            resolve({ id: r.meta.id, updatedAt: r.title });
          };
        }),
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    q.schedule(report('first'));
    c.fire();
    q.schedule(report('second'));
    const done = q.flush();
    release();
    await settle();
    release();
    expect(await done).toBe(true);
    expect(saved).toEqual(['first', 'second']);
  });

  it('does not notify subscribers when nothing visible changed', () => {
    const c = clock();
    const q = new SaveQueue({
      save: async (r) => ({ id: r.meta.id, updatedAt: 'x' }),
      setTimer: c.setTimer,
      clearTimer: c.clearTimer,
    });
    let calls = 0;
    q.subscribe(() => calls++);
    q.schedule(report('a'));
    q.schedule(report('b'));
    q.schedule(report('c'));
    expect(calls).toBe(1);
  });
});

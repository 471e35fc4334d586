import { describe, expect, it } from 'vitest';
import { GridStore } from '../../../renderer/src/grid/grid-store';
import { reuseFindings, reuseItems } from '../../../renderer/src/logic/stable-list';
import type { Finding } from '../../../shared/checks/types';

/** What a keystroke re-renders depends on whom the store tells (issue 15 item 5). */

function listen(store: GridStore, keys: string[]) {
  const told: string[] = [];
  for (const k of keys) store.subscribe(k, () => told.push(k));
  return told;
}

describe('GridStore', () => {
  it('tells only the cells whose value or mark changed', () => {
    const store = new GridStore();
    store.publish({ a: 1, b: 2, c: null }, new Map([['b', { severity: 'error', message: 'x' }]]));
    const told = listen(store, ['a', 'b', 'c', 'd']);
    // a changes, b's mark is an equal new object (not a change), c and d stay blank.
    store.publish({ a: 3, b: 2, c: null }, new Map([['b', { severity: 'error', message: 'x' }]]));
    expect(told).toEqual(['a']);
    expect(store.value('a')).toBe(3);
    told.length = 0;
    // b's mark goes, c gets one, d becomes filled.
    store.publish({ a: 3, b: 2, c: null, d: 0 }, new Map([['c', { severity: 'warning', message: 'y' }]]));
    expect(told.sort()).toEqual(['b', 'c', 'd']);
    expect(store.mark('b')).toBeUndefined();
    expect(store.mark('c')?.message).toBe('y');
    told.length = 0;
    // A key gone from the cells is blank again.
    store.publish({ b: 2, c: null, d: 0 }, new Map([['c', { severity: 'warning', message: 'y' }]]));
    expect(told).toEqual(['a']);
    expect(store.value('a')).toBeNull();
  });

  it('keeps the editor text for the cell being edited and tells the one that stopped', () => {
    const store = new GridStore();
    const told = listen(store, ['a', 'b']);
    store.setText('a', '1');
    expect(store.text('a')).toBe('1');
    expect(store.text('b')).toBeUndefined();
    store.setText('b', '');
    expect(told).toEqual(['a', 'a', 'b']);
    expect(store.text('a')).toBeUndefined();
    store.setText('b', undefined);
    expect(store.text('b')).toBeUndefined();
  });

  it('unsubscribes', () => {
    const store = new GridStore();
    const told: string[] = [];
    const off = store.subscribe('a', () => told.push('a'));
    off();
    store.publish({ a: 1 }, new Map());
    expect(told).toEqual([]);
  });
});

const finding = (rule: string, fingerprint: string, message: string): Finding =>
  ({ rule, fingerprint, message, severity: 'error' }) as Finding;

describe('reuseFindings', () => {
  it('gives back the earlier objects for unchanged findings, and the earlier list when nothing changed', () => {
    const prev = [finding('T3-BALANCE', 'natural', 'm1'), finding('CELL-BLANK', 'x', 'm2')];
    const same = reuseFindings(prev, [finding('T3-BALANCE', 'natural', 'm1'), finding('CELL-BLANK', 'x', 'm2')]);
    expect(same).toBe(prev);
    const next = reuseFindings(prev, [
      finding('CELL-BLANK', 'x', 'm2'),
      finding('T3-BALANCE', 'natural', 'm1 changed'),
    ]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[1]);
    expect(next[1]).not.toBe(prev[0]);
    expect(next[1]!.message).toBe('m1 changed');
  });

  it('reuseItems keeps equal records by position', () => {
    const prev = [{ p: 1 }, { p: 2 }];
    expect(reuseItems(prev, [{ p: 1 }, { p: 2 }])).toBe(prev);
    const next = reuseItems(prev, [{ p: 1 }, { p: 3 }]);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).toEqual({ p: 3 });
  });
});

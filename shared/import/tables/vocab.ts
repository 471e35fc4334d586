import type { TableId } from '../../../templates/index';
import { matchKey, stripEnumerator } from '../text-utils';
import { SPECS } from './spec';

/**
 * Every printed word of the three tables — row labels (and their accepted shortenings), group
 * labels, column headers, the Table 2 captions, the Table 3 note — as match keys in a trie, so
 * that a stream of text can be searched for all of them in one pass (scan.ts). Taken from the
 * templates, never retyped.
 */

export type EntryKind = 'row' | 'group' | 'header' | 'caption' | 'note';

export interface VocabEntry {
  key: string;
  table: TableId;
  kind: EntryKind;
}

interface Node {
  /** By UTF-16 code of the next key character. */
  next: Map<number, Node>;
  entries: VocabEntry[];
}

const node = (): Node => ({ next: new Map(), entries: [] });

function build(): Node {
  const root = node();
  const seen = new Set<string>();
  const add = (table: TableId, kind: EntryKind, text: string) => {
    const key = matchKey(stripEnumerator(text));
    if (key.length < 2 || seen.has(`${table}|${kind}|${key}`)) return;
    seen.add(`${table}|${kind}|${key}`);
    let n = root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let m = n.next.get(code);
      if (!m) n.next.set(code, (m = node()));
      n = m;
    }
    n.entries.push({ key, table, kind });
  };
  for (const spec of [SPECS.t2_2021, SPECS.t2_2019, SPECS.t3_2021, SPECS.t3_2019, SPECS.t4]) {
    const t = spec.table;
    for (const r of spec.rows) {
      for (const v of r.variants) add(t, 'row', v);
      if (r.group) add(t, 'group', r.group);
      for (const c of r.cols) {
        add(t, 'header', c.header);
        if (c.group) add(t, 'header', c.group);
      }
    }
    for (const h of spec.headerTexts) {
      if (/^第.+项$/.test(h)) add(t, 'caption', h);
      else if (h.includes('勾稽')) {
        add(t, 'note', h);
        add(t, 'note', h.replace('勾稽', '钩稽'));
        add(t, 'note', '本列数据的勾稽关系为');
        add(t, 'note', '本列数据的钩稽关系为');
      } else add(t, 'header', h);
    }
  }
  // The merged label of Table 3's result rows, and words some layouts add.
  add('t3', 'group', '三、本年度办理结果');
  add('t4', 'header', '行政诉讼');
  return root;
}

let trie: Node | null = null;

/** The longest vocabulary key starting at `key[i]`: its entries (one key may be several tables' word) and length. */
export function longestAt(key: string, i: number): { entries: VocabEntry[]; length: number } | null {
  trie ??= build();
  let n: Node | undefined = trie;
  let best: { entries: VocabEntry[]; length: number } | null = null;
  for (let j = i; j < key.length; j++) {
    n = n.next.get(key.charCodeAt(j));
    if (!n) break;
    if (n.entries.length) best = { entries: n.entries, length: j - i + 1 };
  }
  return best;
}

/** Whether a key character can start a vocabulary entry (a quick test before `longestAt`). */
export function canStart(code: number): boolean {
  trie ??= build();
  return trie.next.has(code);
}

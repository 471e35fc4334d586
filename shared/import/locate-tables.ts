import type { SectionId, TableId } from '../../templates/index';
import type { SrcBlock, SrcLine, SrcTable } from './source-doc';
import type { Structure } from './structure';
import { observeLines, observeTables, type ObservedTable } from './tables/observe';
import { SPECS } from './tables/spec';
import { displayWidth, enumeratorOf, matchKey, stripEnumerator } from './text-utils';
import { isNumberToken } from './tables/numbers';

/**
 * Where the three tables are: real tables (HTML, .docx) recognised by their labels wherever they
 * sit; in PDF and text, the run of table lines in the table's section (or anywhere, when the
 * section heading is missing).
 */

export interface Located {
  tables: Partial<Record<TableId, ObservedTable>>;
  /** Blocks used by a table (left out of the text). */
  used: Set<SrcBlock>;
  /** Real tables that are none of the three (kept as text, or read as legacy statistics). */
  otherTables: SrcTable[];
  /** Whether an image stands in a section where its table is missing (D8). */
  imageInstead: Partial<Record<TableId, boolean>>;
}

const SECTION_OF: Record<TableId, SectionId> = { t2: 'proactive', t3: 'requests', t4: 'review' };

interface Vocab {
  rows: string[];
  headers: string[];
}

const uniq = (xs: string[]) => [...new Set(xs.filter((x) => x.length >= 2))];
const VOCAB: Record<TableId, Vocab> = {
  t2: {
    rows: uniq([...SPECS.t2_2021.rows, ...SPECS.t2_2019.rows].map((r) => matchKey(r.label))),
    headers: uniq(
      [...SPECS.t2_2021.headerTexts, ...SPECS.t2_2019.headerTexts].map((h) => matchKey(stripEnumerator(h))),
    ),
  },
  t3: {
    rows: uniq(SPECS.t3_2021.rows.concat(SPECS.t3_2019.rows).flatMap((r) => r.variants.filter((v) => v.length >= 4))),
    headers: uniq(SPECS.t3_2021.headerTexts.map((h) => matchKey(h))),
  },
  t4: {
    rows: [],
    headers: uniq(SPECS.t4.headerTexts.map((h) => matchKey(h))),
  },
};

/** How much a text looks like each table: labels and headers found in it. */
function tableScore(id: TableId, key: string): number {
  const v = VOCAB[id];
  let s = 0;
  for (const r of v.rows) if (key.includes(r)) s += 1;
  for (const h of v.headers) if (key.includes(h)) s += id === 't4' ? 1 : 0.5;
  if (id === 't2' && /第二十条/.test(key)) s += 1;
  if (id === 't4' && !(key.includes('行政复议') && key.includes('行政诉讼'))) s = 0;
  if (id === 't4' && key.includes('本年新收')) s -= 3;
  return s;
}

export function classifyTable(t: SrcTable): TableId | null {
  const key = matchKey(
    t.rows
      .flat()
      .map((c) => c.text)
      .join(''),
  );
  const scores = (['t2', 't3', 't4'] as TableId[]).map((id) => ({ id, s: tableScore(id, key) }));
  scores.sort((a, b) => b.s - a.s);
  return scores[0]!.s >= 2 ? scores[0]!.id : null;
}

const headerKeys = uniq(
  [
    ...SPECS.t2_2021.headerTexts,
    ...SPECS.t2_2019.headerTexts,
    ...SPECS.t3_2021.headerTexts,
    ...SPECS.t4.headerTexts,
  ].map((h) => matchKey(h)),
);

/** A sentence of running text (not a table line). */
function isProse(l: SrcLine): boolean {
  const w = displayWidth(l.text);
  if (w >= 30 && /[。；！？]/.test(l.text)) return true;
  if (w >= 15 && /。/.test(l.text)) return true;
  return w >= 70 && !/\d\s*$/.test(l.text);
}

function anchorScore(id: TableId, key: string): number {
  if (!key) return 0;
  return (
    tableScore(id, key) +
    (id === 't3' && /本列数据的[勾钩]稽关系|申请人情况/.test(key) ? 2 : 0) +
    (id === 't2' && /^第二十条|^信息内容/.test(key) ? 2 : 0) +
    (id === 't4' && /^行政复议/.test(key) ? 2 : 0)
  );
}

/**
 * The run of table lines: from the first anchor line to the last table line before running text.
 * An anchor whose run holds no number (a paragraph line naming 行政复议 and 行政诉讼 just above the
 * table, its sentence continued after a page break) is passed over for the next one.
 */
function findRegion(id: TableId, lines: SrcLine[], taken: Set<SrcBlock>): SrcLine[] {
  for (let from = 0; from < lines.length;) {
    const { region, anchor } = regionFrom(id, lines, taken, from);
    if (region.length || anchor < 0) return region;
    from = anchor + 1;
  }
  return [];
}

function regionFrom(
  id: TableId,
  lines: SrcLine[],
  taken: Set<SrcBlock>,
  from: number,
): { region: SrcLine[]; anchor: number } {
  let start = -1;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (taken.has(l) || isProse(l)) continue;
    const key = matchKey(l.text);
    // Table 4's header needs both 行政复议 and 行政诉讼 nearby.
    const ctx =
      id === 't4'
        ? matchKey(
            lines
              .slice(i, i + 4)
              .map((x) => x.text)
              .join(''),
          )
        : key;
    if (
      anchorScore(id, id === 't4' ? ctx : key) >= (id === 't4' ? 3 : 1) &&
      (id !== 't4' || /行政复议|行政诉讼/.test(key))
    ) {
      start = i;
      break;
    }
  }
  if (start < 0) return { region: [], anchor: -1 };
  const anchor = start;
  // Pieces of a caption broken over lines just above (“第二十” / “条第（一）项”).
  while (start > 0) {
    const prev = lines[start - 1]!;
    if (
      taken.has(prev) ||
      isProse(prev) ||
      displayWidth(prev.text) > 10 ||
      enumeratorOf(prev.text) ||
      /[。；：:]/.test(prev.text)
    )
      break;
    start--;
  }
  let end = start;
  let numbers = 0;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (taken.has(l)) break;
    if (isProse(l)) break;
    const hasNumber = l.text.split(/\s+/).some((t) => isNumberToken(t)) || /\d$/.test(l.text);
    if (hasNumber) numbers++;
    end = i;
    // Table 4 is one row: stop after its numbers.
    if (id === 't4' && hasNumber && l.text.split(/\s+/).filter((t) => isNumberToken(t)).length >= 10) break;
    if (id === 't4' && numbers >= 15) break;
  }
  return { region: numbers ? lines.slice(start, Math.min(end + 1, start + 3000)) : [], anchor };
}

export function locateTables(s: Structure, wrapped: boolean): Located {
  const used = new Set<SrcBlock>();
  const tables: Located['tables'] = {};
  const imageInstead: Located['imageInstead'] = {};
  const otherTables: SrcTable[] = [];
  const real: Record<TableId, SrcTable[]> = { t2: [], t3: [], t4: [] };
  for (const b of s.body) {
    if (b.type !== 'table') continue;
    const id = classifyTable(b);
    if (id) {
      real[id].push(b);
      used.add(b);
    } else otherTables.push(b);
  }
  for (const id of ['t2', 't3', 't4'] as TableId[]) {
    if (real[id].length) {
      tables[id] = observeTables(real[id], headerKeys);
      continue;
    }
    const zone = s.zones[SECTION_OF[id]].filter((b): b is SrcLine => b.type === 'line');
    let region = findRegion(id, zone, used);
    if (!region.length) {
      const all = s.body.filter((b): b is SrcLine => b.type === 'line');
      region = findRegion(id, all, used);
    }
    if (region.length) {
      for (const l of region) used.add(l);
      tables[id] = observeLines(region);
    } else {
      imageInstead[id] = s.zones[SECTION_OF[id]].some((b) => b.type === 'image');
    }
  }
  void wrapped;
  return { tables, used, otherTables, imageInstead };
}

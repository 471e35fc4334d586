import { isNumberToken } from '../tables/numbers';

/**
 * Websites that flatten a table to one cell per line mark the cells with bars, in two styles seen
 * on county and township sites:
 *
 * - each cell ended by a bar (`规章 |`, `2 |`), an empty cell as a lone `|`, the empty cells that
 *   close a row as `||` / `|||`; some sites also open every row with a lone `|` (the first one
 *   right after the section heading);
 * - each cell on its own line followed by a lone `|` (`规章`, `|`, `2`, `|`): two bars in a row
 *   enclose an empty cell.
 *
 * An empty cell must stay in its place, or the values after it slide into the wrong columns. This
 * returns the lines that are empty cells; every other bar-only line is decoration.
 */
export function emptyCellLines(raw: readonly string[]): Set<number> {
  const out = new Set<number>();
  const lone: number[] = [];
  let terminated = 0;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const s = raw[i]!;
    if (isLoneBar(s)) lone.push(i);
    else if (barTerminated(s)) terminated++;
  }
  if (lone.length === 0) return out;

  // Neighbouring non-blank lines, found in one pass each way (files may have 200,000 lines).
  const prev = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let i = 1, last = -1; i < n; i++) {
    if (raw[i - 1]!.trim()) last = i - 1;
    prev[i] = last;
  }
  for (let i = n - 2, last = -1; i >= 0; i--) {
    if (raw[i + 1]!.trim()) last = i + 1;
    next[i] = last;
  }
  const at = (i: number) => (i >= 0 ? raw[i]! : '');

  if (terminated >= 10) {
    const labelCell = (s: string) => barTerminated(s) && !isNumberToken(s.trimEnd().slice(0, -1));
    const opensRow = (i: number) => labelCell(at(next[i]!));
    const rowMarks = lone.filter((i) => opensRow(i) && !at(prev[i]!).includes('|')).length >= 2;
    for (const i of lone) if (!(rowMarks && opensRow(i))) out.add(i);
    return out;
  }
  const separators = lone.filter((i) => { const p = at(prev[i]!); return p !== '' && !p.includes('|'); }).length;
  if (separators >= 20) for (const i of lone) if (isLoneBar(at(prev[i]!))) out.add(i);
  return out;
}

/** A line holding one bar and nothing else. */
export function isLoneBar(s: string): boolean {
  const t = s.trim();
  return t === '|';
}

/** `text |`: one bar, at the end, after some text (no regex: lines may be megabytes long). */
function barTerminated(s: string): boolean {
  const t = s.trimEnd();
  const bar = t.indexOf('|');
  return bar > 0 && bar === t.length - 1 && t.slice(0, bar).trim() !== '';
}

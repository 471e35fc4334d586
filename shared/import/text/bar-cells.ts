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

  // The nearest non-blank line before or after: a blank run lies next to at most two lone bars, so
  // the walks stay linear in the file.
  const near = (i: number, step: 1 | -1): string => {
    for (let j = i + step; j >= 0 && j < n; j += step) if (raw[j]!.trim()) return raw[j]!;
    return '';
  };

  if (terminated >= 10) {
    const labelCell = (s: string) => barTerminated(s) && !isNumberToken(s.trimEnd().slice(0, -1));
    const opensRow = (i: number) => labelCell(near(i, 1));
    const rowMarks = lone.filter((i) => opensRow(i) && !near(i, -1).includes('|')).length >= 2;
    for (const i of lone) if (!(rowMarks && opensRow(i))) out.add(i);
    return out;
  }
  const separators = lone.filter((i) => {
    const p = near(i, -1);
    return p !== '' && !p.includes('|');
  }).length;
  if (separators >= 20) for (const i of lone) if (isLoneBar(near(i, -1))) out.add(i);
  return out;
}

/** A line holding one bar and nothing else. */
function isLoneBar(s: string): boolean {
  return s.trim() === '|';
}

/** `text |`: one bar, at the end, after some text (no regex: lines may be megabytes long). */
function barTerminated(s: string): boolean {
  const t = s.trimEnd();
  const bar = t.indexOf('|');
  return bar > 0 && bar === t.length - 1 && t.slice(0, bar).trim() !== '';
}

import type { PrintCell, PrintTable } from './table-layout';

/**
 * Where a printed table may break across pages — the same decisions for the .docx (rows kept with
 * the next by keepNext) and for the HTML printed to PDF (break-after: avoid, one <tbody> per unit):
 *
 * - tables break between rows, never inside one, and the header rows repeat on the next page;
 * - the header stays with the first two body rows, and the last row is never left alone;
 * - the rows of a merged group label (（三）不予公开, 8 rows) stay together while the group is small;
 * - Table 2 breaks only between its 第二十条 blocks (each carries its own column headings), and
 *   neither its first nor its last block stands alone on a page;
 * - a table is never kept whole as such: a page left mostly blank before a long table (表三 pushed to
 *   the next page) is worse than a break between rows with the header repeated.
 */

/** Merged group labels up to this many rows keep their rows on one page (the label then stays readable). */
export const KEEP_GROUP_ROWS = 10;

/** Which origin cell covers each grid slot (continuation slots of merges point at their origin). */
export function coverOf(table: PrintTable): (PrintCell | undefined)[][] {
  const cover: (PrintCell | undefined)[][] = Array.from({ length: table.gridRows }, () =>
    Array<PrintCell | undefined>(table.gridCols),
  );
  for (const row of table.rows) {
    for (const cell of row) {
      for (let r = cell.r; r < cell.r + cell.rowspan; r++)
        for (let c = cell.c; c < cell.c + cell.colspan; c++) cover[r]![c] = cell;
    }
  }
  return cover;
}

/** Table 2's blocks: the row ranges [start, end) that begin with a 第二十条 label row. */
export function tableBlocks(table: PrintTable): [number, number][] {
  const starts: number[] = [];
  for (let r = table.headerRows; r < table.gridRows; r++) {
    if (r === table.headerRows || table.rows[r]![0]?.role === 'section') starts.push(r);
  }
  return starts.map((s, i) => [s, starts[i + 1] ?? table.gridRows]);
}

/** For each grid row: whether it must stay on the same page as the next row. */
export function keepWithNext(table: PrintTable, cover = coverOf(table)): boolean[] {
  const last = table.gridRows - 1;
  const keep = Array.from({ length: table.gridRows }, (_, r) => {
    if (r >= last) return false;
    if (r < table.headerRows) return true;
    return cover[r]!.some(
      (cell) =>
        cell !== undefined && cell.rowspan > 1 && cell.rowspan <= KEEP_GROUP_ROWS && cell.r + cell.rowspan - 1 > r,
    );
  });
  if (table.id === 't2') {
    const blocks = tableBlocks(table);
    for (const [start, end] of blocks) for (let r = start; r < end - 1; r++) keep[r] = true;
    // Neither the first nor the last block alone: the first two and the last two blocks stay together.
    if (blocks.length >= 2) {
      keep[blocks[0]![1] - 1] = true;
      keep[blocks[blocks.length - 2]![1] - 1] = true;
    }
  } else {
    // The header with the first two body rows; the last row not alone under a repeated header.
    if (table.headerRows > 0 && table.headerRows + 1 < last) keep[table.headerRows] = true;
    if (last - 1 >= table.headerRows) keep[last - 1] = true;
  }
  keep[last] = false;
  return keep;
}

/**
 * The body rows in units that must not be broken (consecutive rows joined by keepWithNext): the
 * HTML prints one <tbody> per unit where the table allows it (no merge crosses a unit).
 */
export function keepUnits(table: PrintTable, keep = keepWithNext(table)): [number, number][] {
  const units: [number, number][] = [];
  let start = table.headerRows;
  for (let r = table.headerRows; r < table.gridRows; r++) {
    if (!keep[r]) {
      units.push([start, r + 1]);
      start = r + 1;
    }
  }
  return units;
}

/** A piece of a long merged cell split for printing: `joinTop`/`joinBottom` hide the border to the next piece. */
export interface PrintPiece extends PrintCell {
  joinTop?: boolean;
  joinBottom?: boolean;
}

/**
 * For the PDF printed by Chromium: a merged label longer than KEEP_GROUP_ROWS (表三's 三、本年度办理结果,
 * 22 rows) is split into pieces at the rows where the table may break, drawn with no border between
 * them so that the column still reads as one merged cell. Chromium never breaks a table inside a
 * rowspan: unsplit, the whole 22-row block moves to the next page and leaves the page before it
 * mostly blank. The label is printed once, in the longest piece (like Word, which prints a merged
 * cell's text in its first part only when it breaks). The website HTML keeps the true merge.
 */
export function splitLongMerges(table: PrintTable, keep = keepWithNext(table)): PrintPiece[][] {
  const rows: PrintPiece[][] = table.rows.map(() => []);
  for (const row of table.rows) {
    for (const cell of row) {
      if (cell.rowspan <= KEEP_GROUP_ROWS) {
        rows[cell.r]!.push(cell);
        continue;
      }
      const end = cell.r + cell.rowspan;
      const cuts = [cell.r];
      for (let r = cell.r + 1; r < end; r++) if (!keep[r - 1]) cuts.push(r);
      const pieces = cuts.map((start, i) => [start, cuts[i + 1] ?? end] as const);
      let longest = 0;
      pieces.forEach(([s, e], i) => {
        if (e - s > pieces[longest]![1] - pieces[longest]![0]) longest = i;
      });
      pieces.forEach(([s, e], i) => {
        const piece: PrintPiece = { ...cell, r: s, rowspan: e - s, text: i === longest ? cell.text : '' };
        if (i !== longest) delete piece.scope; // an empty piece is no header
        if (i > 0) piece.joinTop = true;
        if (i < pieces.length - 1) piece.joinBottom = true;
        rows[s]!.push(piece);
      });
    }
  }
  for (const row of rows) row.sort((a, b) => a.c - b.c);
  return rows;
}

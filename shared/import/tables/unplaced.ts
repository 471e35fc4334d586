import type { Extracted } from './extract';
import { holds } from './equations';
import type { Equation } from './solve';
import type { RowSpec } from './spec';
import { labelScore } from '../text-utils';

/**
 * Rows of loose text (a copy from a PDF viewer, pdftotext) whose numbers may belong to a
 * neighbour. A copy can put two table rows on one text line (“0 0 0 0 0 0 40”: the 4 of the row
 * above ran into the 0 of this one) or the numbers of a row printed one per line under the label
 * of the next; read as they stand they give a different number, which is worse than a blank.
 *
 * - A row that printed more numbers than it has cells keeps the ones its own sum chose only when
 *   every equation of the table it is part of holds (a row of zeros fits its own sum whichever
 *   zeros are taken).
 * - Where the table holds numbers that could not be placed at all (stray number lines, surplus
 *   numbers), the order of the number lines no longer matches the order of the labels: a line of
 *   numbers without a label of its own may belong to the row above or below (two rows swapped keep
 *   every sum, so the arithmetic cannot tell), and a row whose own sum does not hold cannot be told
 *   from a row mixed with those numbers. Both are left blank. A table whose every number found its row keeps a wrong sum as
 *   printed, so that the checks show the publisher's arithmetic.
 */
export function confirmUnplaced(
  x: Extracted,
  equations: Equation[],
  name: string,
  ownCheck: (v: number[]) => boolean,
  strayLines: number,
): void {
  const doubtful: { row: (typeof x.loose)[number]; why: string }[] = [];
  for (const r of x.loose) {
    const other = r.own && filled(x, r.spec) ? namedElsewhere(x.specs, r.spec, r.own) : null;
    if (other)
      doubtful.push({
        row: r,
        why: `这一行数字（${r.shown}）印在“${label(other)}”的行名旁，却按前后的行名对应到了本行，不能确定它属于哪一行`,
      });
  }
  const surplus = x.loose.filter((r) => r.surplus && filled(x, r.spec));
  for (const r of surplus) {
    const keys = new Set(r.spec.cols.map((c) => c.key));
    const mine = equations.filter((e) => e.terms.some((t) => keys.has(t.key)));
    if (doubtful.some((d) => d.row === r)) continue;
    if (mine.length && mine.every((e) => holds(e, x.cells) === true)) continue;
    doubtful.push({
      row: r,
      why: `印有的数字（${r.shown}）多于本行的格数，多出的数字可能属于相邻的行，表内合计不能印证取哪几个`,
    });
  }
  if (strayLines > 0 || surplus.length > 0) {
    for (const r of x.loose) {
      if (r.surplus || !filled(x, r.spec) || doubtful.some((d) => d.row === r)) continue;
      if (!r.own) {
        doubtful.push({
          row: r,
          why: `这一行数字（${r.shown}）与行名不在同一行，而表中另有未能对应到行的数字，只按前后的行名不能确定它属于哪一行`,
        });
        continue;
      }
      const values = r.spec.cols.map((c) => x.cells[c.key]);
      if (!values.every((v): v is number => typeof v === 'number') || ownCheck(values)) continue;
      doubtful.push({
        row: r,
        why: `本行的数字（${r.shown}）与本行合计不符，而表中另有未能对应到行的数字，可能是相邻两行的数字在复制时混在了一起`,
      });
    }
  }
  for (const { row, why } of doubtful) {
    for (const c of row.spec.cols) x.cells[c.key] = null;
    // The note of the reading (“按本行合计取最后 7 个，请核对”) no longer stands.
    const head = `${name}“${label(row.spec)}”：`;
    x.warnings = x.warnings.filter((w) => !(row.surplus && w.startsWith(`${head}印有 `)));
    const i = x.specs.indexOf(row.spec);
    if (i >= 0) x.rowConf[i] = 0.2;
    x.warnings.push(`${head}${why}，本行留空，请按原文填写。`);
  }
}

/** How well a row's own words (not the labels around it) name a row of the template. */
function ownScore(spec: RowSpec, own: string): number {
  let best = 0;
  for (const v of spec.variants) best = Math.max(best, labelScore(v, own) * Math.min(1, 0.55 + v.length / 10));
  return best;
}

/**
 * The row the numbers' own label names when it is clearly another than the one they were placed
 * in (“（四）无 2.没有现成信息需要另行制作 3 0 0 0 0 1 4” placed in 1.本机关不掌握… because that
 * label stood on the line above).
 */
function namedElsewhere(specs: RowSpec[], placed: RowSpec, own: string): RowSpec | null {
  const mine = ownScore(placed, own);
  if (mine >= 0.5) return null;
  let best: RowSpec | null = null;
  let score = 0.7;
  for (const s of specs) {
    if (s === placed) continue;
    const v = ownScore(s, own);
    if (v > score) [best, score] = [s, v];
  }
  return best && score > mine + 0.25 ? best : null;
}

const label = (row: RowSpec): string => row.label || row.cols[0]?.header || row.row;

const filled = (x: Extracted, row: RowSpec): boolean => row.cols.some((c) => x.cells[c.key] !== null);

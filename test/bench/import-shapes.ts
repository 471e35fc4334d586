// Text import in the shapes crawlers deliver, for `npm run bench -- import` (import.bench.ts):
// the same reports as text with their line breaks, on one line, and on one line with the cells
// glued and a crawler's header — import only (no checks), interleaved, min of rounds per report.
import { importReport } from '../../shared/import/index';
import type { Report } from '../../shared/model/types';
import { flatten, type FlattenShape } from '../fixtures/import/flatten';
import { median, percentile, type BenchFigure } from './run';

const ROUNDS = 5;
const BASE: FlattenShape = {
  lineBreaks: 'rows',
  cellSep: 'space',
  paraSep: '',
  blankAs: ' ',
  metadata: true,
  furniture: ['before', 'after'],
  traditional: false,
  seed: 1,
};
const SHAPES: [string, FlattenShape][] = [
  ['with line breaks (a line per paragraph and per table row)', BASE],
  ['the same text on one line', { ...BASE, lineBreaks: 'none' }],
  ['one line, cells glued', { ...BASE, lineBreaks: 'none', cellSep: 'none' }],
];

export const SHAPES_METHOD = `Text shapes: ${'{n}'} of the reports as text with a crawler's header and furniture, ${SHAPES.map(([n]) => n).join('; ')}; each report imported (no checks) in every shape in turn, ${ROUNDS} rounds, the fastest of the rounds per report (the machine is shared), then the median over reports.`;

export async function textShapeFigures(reports: Report[]): Promise<BenchFigure[]> {
  const enc = new TextEncoder();
  const files = reports.map((r) => SHAPES.map(([, shape]) => enc.encode(flatten(r, shape).text)));
  for (const f of files.slice(0, 5)) for (const b of f) await importReport(b, 'warm.txt');
  const best = SHAPES.map(() => reports.map(() => Infinity));
  for (let round = 0; round < ROUNDS; round++)
    for (let i = 0; i < files.length; i++)
      for (let k = 0; k < SHAPES.length; k++) {
        // A different shape first each time: none of them always runs right after another.
        const s = (k + i + round) % SHAPES.length;
        const t0 = performance.now();
        await importReport(files[i]![s]!, 'shape.txt');
        best[s]![i] = Math.min(best[s]![i]!, performance.now() - t0);
      }
  const figures: BenchFigure[] = SHAPES.map(([name], s) => ({
    metric: `text ${name}: import per report (median / p95)`,
    value: median(best[s]!),
    unit: `ms / ${Number(percentile(best[s]!, 95).toPrecision(3))} ms`,
    target: '≤ 20 ms (median)',
    met: median(best[s]!) <= 20,
  }));
  const ratio = median(best[1]!) / median(best[0]!);
  figures.push({
    metric: 'text on one line / with its line breaks (medians)',
    value: ratio,
    unit: '×',
    target: '≤ 1 (not slower)',
    met: ratio <= 1,
  });
  return figures;
}

// Import + check throughput per input kind (`npm run bench -- import`).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocx, buildHtml } from '../../shared/export/index';
import { runChecks } from '../../shared/checks/index';
import { importBytes } from '../../electron/services/import/node-import';
import { runBatch } from '../../electron/services/import/batch';
import type { Report } from '../../shared/model/types';
import { makeReport } from '../fixtures/factory';
import { pdfCopy, siteHtml, webLines } from '../fixtures/import/render';
import { hasChromium, htmlToPdf } from '../fixtures/import/tools';
import { median, percentile, type Benchmark, type BenchFigure } from './run';
import { SHAPES_METHOD, textShapeFigures } from './import-shapes';

const PER_KIND = 300;
const SHAPE_REPORTS = 100;
const DISTINCT_PDFS = 12;

/** Varied reports: agencies, years, figures (deterministic). */
function reports(n: number): Report[] {
  const out: Report[] = [];
  for (let i = 0; i < n; i++) {
    const k = (i * 7919) % 97;
    out.push(
      makeReport({
        agency: `第${i + 1}县${['市场监督管理局', '交通运输局', '人民政府', '教育局'][i % 4]}`,
        kind: i % 4 === 2 ? 'government' : 'department',
        year: 2021 + (i % 4),
        t2: {
          normative_docs: [k % 9, k % 4, 10 + k],
          licensing: 100 + k * 13,
          penalty: 7 * k,
          coercion: k % 11,
          fees: (k % 5) * 1.25,
        },
        t3: {
          carried_over: [k % 3, 0, 0, 0, 0, 0],
          res_open: [k % 17, k % 5, 0, 0, k % 2, 0],
          res_partial: [k % 4, 0, 0, 0, 0, 0],
          unable_not_held: [k % 9, k % 3, 0, 0, 0, 1],
          noproc_repeat: [k % 2, 0, 0, 0, 0, 0],
          other_other: [k % 3, 0, 0, 0, 0, 0],
          carry_next: [k % 4, 0, 0, 0, 0, 0],
        },
        t4: { review: [k % 3, k % 2, 0, 0], lit_direct: [k % 2, 0, 0, k % 2], lit_after_review: [0, 0, 0, 0] },
        variant: (i % 2) as 0 | 1,
      }),
    );
  }
  return out;
}

async function timeEach(files: string[]): Promise<{ perSecond: number; median: number; p95: number; wrong: number }> {
  const times: number[] = [];
  let wrong = 0;
  const t0 = performance.now();
  for (const f of files) {
    const s = performance.now();
    const res = await importBytes(new Uint8Array(readFileSync(f)), f);
    runChecks(res.report, { mode: 'import' });
    times.push(performance.now() - s);
    if (Object.values(res.confidence).some((c) => c < 0.9)) wrong++;
  }
  const total = performance.now() - t0;
  return { perSecond: files.length / (total / 1000), median: median(times), p95: percentile(times, 95), wrong };
}

const bench: Benchmark = {
  name: 'import',
  title: 'Import + check throughput per input kind, and `nianbao batch` over a mixed folder',
  method: `${PER_KIND} files per kind generated from synthetic reports (varied agencies, years 2021–2024, figures) in a temp folder: exported HTML page and a website page with chrome (html), .docx without embedded report (docx, generic reader), PDF printed by headless Chromium (${DISTINCT_PDFS} distinct PDFs, copied to ${PER_KIND} files), text as one cell per line and as a PDF copy (text). Each file read from disk, imported (sniffing, reading, sections, tables) and checked (runChecks, import mode), one after another in one process after a warm-up; “reports/s” = files / wall time. Then \`runBatch\` (the code behind \`nianbao batch\`) over all ${PER_KIND * 4} files with the default concurrency (async, one process). Tables read with confidence < 0.9 are counted as “uncertain” (all are expected right). ${SHAPES_METHOD.replace('{n}', String(SHAPE_REPORTS))}`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-import-'));
    const figures: BenchFigure[] = [];
    try {
      const rs = reports(PER_KIND);
      const enc = new TextEncoder();
      const files: Record<string, string[]> = { html: [], docx: [], pdf: [], text: [] };
      for (const k of Object.keys(files)) mkdirSync(join(dir, k));
      for (let i = 0; i < rs.length; i++) {
        const r = rs[i]!;
        const h = join(dir, 'html', `${i}.html`);
        writeFileSync(h, i % 2 ? siteHtml(r) : buildHtml(r, { standalone: true }));
        files.html!.push(h);
        const d = join(dir, 'docx', `${i}.docx`);
        writeFileSync(d, await buildDocx(r, { embed: false }));
        files.docx!.push(d);
        const t = join(dir, 'text', `${i}.txt`);
        writeFileSync(t, enc.encode(i % 2 ? pdfCopy(r) : webLines(r)));
        files.text!.push(t);
      }
      if (hasChromium) {
        const distinct: string[] = [];
        for (let i = 0; i < DISTINCT_PDFS; i++) {
          await htmlToPdf(
            i % 2 ? siteHtml(rs[i]!) : buildHtml(rs[i]!, { standalone: true }),
            join(dir, 'pdf'),
            `src-${i}`,
          );
          distinct.push(join(dir, 'pdf', `src-${i}.pdf`));
        }
        for (let i = 0; i < PER_KIND; i++) {
          const p = join(dir, 'pdf', `${i}.pdf`);
          copyFileSync(distinct[i % DISTINCT_PDFS]!, p);
          files.pdf!.push(p);
        }
      }
      // Warm-up: module loading, opencc, pdf.js worker.
      for (const k of Object.keys(files)) if (files[k]!.length) await timeEach(files[k]!.slice(0, 3));

      for (const [kind, list] of Object.entries(files)) {
        if (!list.length) continue;
        const r = await timeEach(list);
        const target = kind === 'pdf' ? 5 : 20;
        figures.push({
          metric: `${kind}: import + check`,
          value: r.perSecond,
          unit: 'reports/s',
          target: `≥ ${target} reports/s`,
          met: r.perSecond >= target,
        });
        figures.push({
          metric: `${kind}: per file (median / p95)`,
          value: r.median,
          unit: `ms / ${Number(r.p95.toPrecision(3))} ms`,
        });
        figures.push({
          metric: `${kind}: tables read with confidence < 0.9`,
          value: r.wrong,
          unit: `of ${list.length}`,
          target: '0',
          met: r.wrong === 0,
        });
      }
      figures.push(...(await textShapeFigures(rs.slice(0, SHAPE_REPORTS))));
      const all = Object.values(files).flat();
      const jobs = Math.max(2, Math.min(4, cpus().length));
      const t0 = performance.now();
      const items = await runBatch(all, { cwd: dir, concurrency: jobs });
      const secs = (performance.now() - t0) / 1000;
      figures.push({
        metric: `batch: ${all.length} mixed files, ${jobs} at a time`,
        value: all.length / secs,
        unit: `reports/s (${secs.toFixed(1)} s in all)`,
        target: '≥ 200 reports in < 60 s',
        met: (secs / all.length) * 200 < 60,
      });
      figures.push({
        metric: 'batch: unreadable files',
        value: items.filter((i) => i.error).length,
        unit: `of ${all.length}`,
        target: '0',
        met: items.every((i) => !i.error),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },
};

export default bench;

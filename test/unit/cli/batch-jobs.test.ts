import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../../electron/services/import/batch';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { makeReport, withCells } from '../../fixtures/factory';
import { pdfCopy, siteHtml, webLines } from '../../fixtures/import/render';
import { batchFolder } from '../isolation/batch-folder';
import { hostileCorpus } from '../isolation/hostile-files';

/**
 * `nianbao batch --jobs n` reads the files in n import workers, in whatever order they finish:
 * the output must not depend on n — the same results, findings and order, the same cross-year
 * pairs — and a file that kills its worker costs only its own line.
 */

const PUBLISHED = '/work/shared/samples/published';
const work = batchFolder('nianbao-batch-jobs-', async (dir) => {
  const folder = join(dir, '年报');
  mkdirSync(join(folder, '子文件夹'), { recursive: true });
  const agencies = ['市场监督管理局', '交通运输局', '人民政府', '教育局'];
  for (let i = 0; i < 12; i++) {
    const r = makeReport({
      agency: `第${i + 1}县${agencies[i % agencies.length]}`,
      kind: i % 4 === 2 ? 'government' : 'department',
      year: 2021 + (i % 4),
      variant: (i % 2) as 0 | 1,
    });
    const at = join(i % 3 ? folder : join(folder, '子文件夹'), `${String(i).padStart(2, '0')}`);
    const kind = i % 4;
    if (kind === 0) writeFileSync(`${at}.html`, i % 8 ? siteHtml(r) : buildHtml(r, { standalone: true }));
    else if (kind === 1) writeFileSync(`${at}.docx`, await buildDocx(r, { embed: false }));
    else if (kind === 2) writeFileSync(`${at}.txt`, i % 8 === 2 ? pdfCopy(r) : webLines(r));
    else writeFileSync(`${at}.json`, JSON.stringify(r));
  }
  // Published PDFs, among them one agency's reports of two years (cross-year checks in the batch).
  for (const name of ['02_hongze_2023.pdf', '03_hongze_2024.pdf', '04_huaian_2024.pdf'])
    copyFileSync(join(PUBLISHED, name), join(folder, name));
  // One agency's two years as generated files too, one with an error.
  const last = makeReport({ agency: '白石镇人民政府', kind: 'township', year: 2023, variant: 1 });
  const now = withCells(makeReport({ agency: '白石镇人民政府', kind: 'township', year: 2024 }), {
    't4.review.total': 7,
  });
  writeFileSync(join(folder, 'w-白石-2023.html'), siteHtml(last));
  writeFileSync(join(folder, 'w-白石-2024.docx'), await buildDocx(now, { embed: false }));
  writeFileSync(join(folder, 'x-坏.pdf'), '%PDF-1.4 broken');
  // Refused by a reader's limit inside its worker.
  const hostile = hostileCorpus().find((f) => f.name === 'deep-tables.html')!;
  writeFileSync(join(folder, `y-${hostile.name}`), hostile.bytes);
});
const { batch } = work;

interface JsonItem {
  file: string;
  error?: string;
  year?: number;
  comparedWith?: string;
  findings: { rule: string }[];
}

describe('nianbao batch: one worker or several, the same output', () => {
  it('--jobs 1 and 2 print the same results in the same order', { timeout: 240_000 }, async () => {
    const one = await batch(['年报', '--json', '--jobs', '1']);
    const two = await batch(['年报', '--json', '--jobs', '2']);
    expect(one.code).toBe(2); // the broken PDF and the hostile page
    const items = JSON.parse(one.stdout) as JsonItem[];
    expect(items).toHaveLength(19);
    // Files in the order they were found (sub-folder included), not in the order the workers finished.
    const { files } = await expandInputs(['年报'], work.dir);
    expect(items.map((i) => join(work.dir, i.file))).toEqual(files);
    expect(items.filter((i) => i.error).map((i) => i.file)).toEqual(['年报/x-坏.pdf', '年报/y-deep-tables.html']);
    // Cross-year pairs found across files read by different workers.
    const byName = (n: string) => items.find((i) => i.file.endsWith(n))!;
    expect(byName('03_hongze_2024.pdf').comparedWith).toBe('年报/02_hongze_2023.pdf');
    expect(byName('w-白石-2024.docx').comparedWith).toBe('年报/w-白石-2023.html');
    expect(byName('w-白石-2024.docx').findings.length).toBeGreaterThan(0);
    expect(items.filter((i) => !i.error && i.year).length).toBe(17);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  });

  it('a file that outgrows its worker’s memory kills that worker only', { timeout: 240_000 }, async () => {
    const folder = join(work.dir, '内存');
    mkdirSync(folder, { recursive: true });
    const many = hostileCorpus().find((f) => f.name === 'many-elements.html')!;
    // A page that needs far more memory than the cap, between real reports read by the other worker.
    writeFileSync(join(folder, 'b-很多元素.html'), many.bytes);
    for (const [i, name] of ['a', 'c', 'd', 'e'].entries()) {
      const r = makeReport({ agency: `第${i + 1}县教育局`, year: 2024 });
      writeFileSync(join(folder, `${name}.txt`), webLines(r));
    }
    const plain = await batch(['内存', '--json', '--jobs', '1']);
    process.env.NIANBAO_IMPORT_MEMORY_MB = '40';
    const capped = await batch(['内存', '--json', '--jobs', '2']);
    const before = JSON.parse(plain.stdout) as JsonItem[];
    const after = JSON.parse(capped.stdout) as JsonItem[];
    expect(after.map((i) => i.file)).toEqual(before.map((i) => i.file));
    expect(after[1]!.error).toMatch(/^b-很多元素\.html：读取需要的内存超过 40 MB，已停止。/);
    // The other files, read beside it and after it, are as without the cap.
    expect(after.filter((_, n) => n !== 1)).toEqual(before.filter((_, n) => n !== 1));
    expect(after.filter((i) => i.error)).toHaveLength(1);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildHtml } from '../../../shared/export/index';
import { ImportError } from '../../../shared/import/index';
import { importBytes } from '../../../electron/services/import/node-import';
import { sampleReport } from '../../fixtures/import/reports';
import { pdfCopy, siteHtml, webLines } from '../../fixtures/import/render';
import { hasChromium, htmlToPdf, tempDir } from '../../fixtures/import/tools';
import { itUnless } from '../../fixtures/skip';

/**
 * Every reader on random and damaged input: the only outcomes are a report or an ImportError with
 * a Chinese message; never another exception, never a hang (each file must finish within a
 * generous guard, which is a hang detector, not a speed target — see test/bench/import.bench.ts).
 */

const GUARD_MS = 60_000;
const enc = new TextEncoder();

async function outcome(bytes: Uint8Array, name: string): Promise<'report' | 'error'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: no answer within ${GUARD_MS} ms`)), GUARD_MS)),
  );
  try {
    const res = await Promise.race([importBytes(bytes, name), hang]);
    expect(res.report.kind).toBe('nianbao.report');
    return 'report';
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message.length).toBeGreaterThan(8);
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

const mutate = (base: Uint8Array) =>
  fc.oneof(
    fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
    fc
      .array(fc.tuple(fc.nat({ max: Math.max(0, base.length - 1) }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 40,
      })
      .map((flips) => {
        const b = base.slice();
        for (const [i, v] of flips) b[i] = v;
        return b;
      }),
    fc.tuple(fc.nat({ max: base.length }), fc.uint8Array({ minLength: 1, maxLength: 400 })).map(([at, junk]) => {
      const b = new Uint8Array(base.length + junk.length);
      b.set(base.subarray(0, at));
      b.set(junk, at);
      b.set(base.subarray(at), at + junk.length);
      return b;
    }),
  );

const shuffledLines = (text: string) =>
  fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((swaps) => {
    const lines = text.split('\n');
    for (let k = 0; k + 1 < swaps.length; k += 2) {
      const i = swaps[k]! % lines.length;
      const j = swaps[k + 1]! % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return enc.encode(lines.join('\n'));
  });

describe('fuzz: random bytes', () => {
  it.each(['x.txt', 'x.html', 'x.docx', 'x.pdf', 'x.bin'])('%s', async (name) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => void (await outcome(bytes, name))),
      { numRuns: 40 },
    );
  });

  it('random text (Chinese, digits, table words, separators)', async () => {
    const words = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、',
      '（一）',
      '1.',
      '本年新收政府信息公开申请数量',
      '自然人',
      '总计',
      '行政复议',
      '第二十条第（一）项',
      '|',
      '\t',
      '\n',
      ' ',
      '0',
      '21',
      '210000021',
      '。',
      '2024年',
      '政府信息公开工作年度报告',
      '<table>',
      '<td rowspan="99999">',
      '&nbsp;',
      '- 1 -',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 300 })
      .map((parts) => enc.encode(parts.join('')));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom('a.txt', 'a.html'),
        async (bytes, name) => void (await outcome(bytes, name)),
      ),
      { numRuns: 80 },
    );
  });
});

describe('fuzz: damaged versions of real inputs', () => {
  const report = sampleReport();
  const tmp = tempDir();
  let docx: Uint8Array;
  let pdf: Uint8Array | null = null;
  beforeAll(async () => {
    docx = await buildDocx(report, { embed: false });
    if (hasChromium) pdf = await htmlToPdf(buildHtml(report, { standalone: true }), tmp.dir, 'fuzz');
  });
  afterAll(() => tmp.done());

  it('HTML: truncated, bytes flipped, junk inserted, lines shuffled', async () => {
    const html = siteHtml(report);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutate(enc.encode(html)), shuffledLines(html)),
        async (b) => void (await outcome(b, 'page.html')),
      ),
      { numRuns: 40 },
    );
  });

  it('text: truncated, bytes flipped, lines shuffled', async () => {
    for (const text of [webLines(report), pdfCopy(report)]) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(mutate(enc.encode(text)), shuffledLines(text)),
          async (b) => void (await outcome(b, 'copy.txt')),
        ),
        { numRuns: 30 },
      );
    }
  });

  it('.docx: truncated, bytes flipped, junk inserted', async () => {
    await fc.assert(
      fc.asyncProperty(mutate(docx), async (b) => void (await outcome(b, 'report.docx'))),
      { numRuns: 40 },
    );
  });

  itUnless(
    !hasChromium && '没有 Chromium，无法生成 PDF（apt-get install chromium）',
    'PDF: truncated, bytes flipped, junk inserted',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutate(pdf!), async (b) => void (await outcome(b, 'report.pdf'))),
        { numRuns: 40 },
      );
    },
  );
});

describe('pathological inputs', () => {
  const cases: [string, () => Uint8Array][] = [
    ['deeply nested HTML', () => enc.encode(`${'<div>'.repeat(50_000)}一、总体情况${'</div>'.repeat(50_000)}`)],
    [
      'a table with huge spans',
      () =>
        enc.encode(
          '<table><tr><td rowspan="100000000" colspan="100000000">本年新收政府信息公开申请数量</td><td>1</td></tr></table>'.repeat(
            200,
          ),
        ),
    ],
    ['one line of 2 MB', () => enc.encode(`政府信息公开工作年度报告${'信息公开'.repeat(500_000)}`)],
    [
      '200 000 short lines of digits',
      () => enc.encode(Array.from({ length: 200_000 }, (_, i) => String(i % 97)).join('\n')),
    ],
    [
      'a glued row of 10 000 digits',
      () =>
        enc.encode(
          `2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量${'1'.repeat(10_000)}`,
        ),
    ],
    [
      'heading-like lines everywhere',
      () =>
        enc.encode(
          Array.from({ length: 30_000 }, (_, i) => `${'一二三四五六'[i % 6]}、${'总体情况'.repeat(i % 3)}`).join('\n'),
        ),
    ],
    ['bars and tabs', () => enc.encode(`${'|'.repeat(100_000)}\n${'\t1'.repeat(50_000)}`)],
    [
      'a table region of 20 000 rows',
      () =>
        enc.encode(
          `2024年某局政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n${Array.from({ length: 20_000 }, (_, i) => `${i % 2 ? '（一）予以公开' : '1.属于国家秘密'} 1 0 0 0 0 0 1`).join('\n')}`,
        ),
    ],
    [
      '5 000 enumerators in one line',
      () => enc.encode(`2024年某局政府信息公开工作年度报告\n${' 一、本年度'.repeat(5000)}`),
    ],
    [
      '1 000 long lines starting with 一、',
      () =>
        enc.encode(
          `2024年某局政府信息公开工作年度报告\n${Array.from({ length: 1000 }, () => `一、${'总体'.repeat(3000)}`).join('\n')}`,
        ),
    ],
  ];
  it.each(cases)('%s', async (_name, make) => {
    await outcome(make(), 'odd.txt');
    await outcome(make(), 'odd.html');
  });
});

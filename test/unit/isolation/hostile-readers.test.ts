import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importReport } from '../../../shared/import/index';
import { ImportPool } from '../../../electron/services/import/isolated-import';
import { LoadError } from '../../../electron/services/import/load-report';
import { parseReportJson } from '../../../shared/model/schema';
import { deepEmbedded, hostileCorpus, type HostileFile } from './hostile-files';

/**
 * Every reader against files built to hurt it (hostile-files.ts): each ends with a clear Chinese
 * message from the reader's own limit — in the import worker, as the app and the CLI read files,
 * and directly in shared/import, as a browser would — and an ordinary file still reads after.
 */

let dir: string;
let corpus: HostileFile[];
let pool: ImportPool;
const published = '/work/shared/samples/published';
const SAMPLE = join(published, '03_hongze_2024.pdf');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
  corpus = hostileCorpus();
  for (const f of corpus) writeFileSync(join(dir, f.name), f.bytes);
  pool = new ImportPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(
    () => null,
    (err: unknown) => err as Error,
  );
  expect(e, 'the file was accepted').not.toBeNull();
  return e!;
}

describe('hostile files in the import worker (default limits)', () => {
  it('each is refused by its reader’s own limit, with the file named', async () => {
    const results = await Promise.all(
      corpus.map(async (f) => ({ f, e: await refusal(pool.loadFile(join(dir, f.name))) })),
    );
    for (const { f, e } of results) {
      expect(e, f.name).toBeInstanceOf(LoadError);
      expect(e.message.startsWith(`${f.name}：`), e.message).toBe(true);
      expect(e.message, f.name).toMatch(f.expect);
      // The reader stopped it, not the worker's time or memory limit.
      expect(e.message, f.name).not.toMatch(/用时超过|内存超过/);
    }
    // The workers are fine afterwards.
    expect((await pool.loadFile(SAMPLE)).report.year).toBe(2024);
  });

  it('a file past the time limit is stopped and named', async () => {
    const quick = new ImportPool({ size: 1, limits: { timeoutMs: 200 } });
    try {
      const e = await refusal(quick.loadFile(join(dir, 'many-elements.html')));
      expect(e.message).toBe(
        'many-elements.html：读取用时超过 0.2 秒，已停止。这个文件可能异常（例如嵌套层次极深、内容被压缩得极大，或已损坏）。请改用网页版、Word 版或文本版再试。',
      );
    } finally {
      await quick.close();
    }
  });

  it('a file past the memory cap is stopped and named', async () => {
    const small = new ImportPool({ size: 1, limits: { memoryMb: 24 } });
    try {
      const e = await refusal(
        small.readAny({
          name: '很多元素.html',
          data: readFileSync(join(dir, 'many-elements.html')).toString('base64'),
        }),
      );
      expect(e.message).toMatch(/^很多元素\.html：读取需要的内存超过 24 MB，已停止。/);
    } finally {
      await small.close();
    }
  });
});

describe('the same files read in one thread (shared/import, as in a browser)', () => {
  it('each ends with an ImportError of its limit', async () => {
    for (const f of corpus) {
      const e = await refusal(importReport(f.bytes, f.name));
      expect(e, f.name).toBeInstanceOf(ImportError);
      expect(e.message, f.name).toMatch(f.expect);
    }
  });

  it('a .docx whose embedded report is nested a million levels: the data is ignored, the visible text read', async () => {
    const read = await importReport(deepEmbedded(1_000_000), 'deep-embedded.docx');
    expect(read.kind).not.toBe('exported-docx');
    expect(read.embedded).toBeUndefined();
  });

  it('a report file nested a million levels is refused, not a stack overflow', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const res = parseReportJson(
      `{"kind":"nianbao.report","schemaVersion":1,"format":"gov-2021","year":2024,"agency":{"name":"x"},"cells":{},"sections":${deep}}`,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues[0]!.message).toMatch(/嵌套超过 64 层/);
  });
});

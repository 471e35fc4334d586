import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  base64Size,
  base64ToBytes,
  bytesToBase64,
  isImportableName,
  isReportFileName,
  MAX_IMPORT_BYTES,
  readBrowserFile,
  sizeProblem,
  FileReadError,
} from '../../../renderer/src/import/file-read';
import { confidenceLevel, confidenceText, publishedAt } from '../../../renderer/src/import/labels';
import { sampleReport } from '../../../shared/sample/sample-report';

describe('reading picked files as base64', () => {
  it('matches Node’s base64 for any bytes, also across the chunk boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64Size(b64)).toBe(bytes.length);
        expect(base64ToBytes(b64)).toEqual(bytes);
      }),
      { numRuns: 40 },
    );
  });

  it('reads a File-like object, and refuses empty and oversized files before reading them', async () => {
    const text = '<html><body>云溪县2024年政府信息公开工作年度报告</body></html>';
    const blob = Object.assign(new Blob([text]), { name: '年报.html' });
    const input = await readBrowserFile(blob);
    expect(input.name).toBe('年报.html');
    expect(Buffer.from(input.data, 'base64').toString('utf8')).toBe(text);

    let read = false;
    const huge = {
      name: '扫描件.pdf',
      size: MAX_IMPORT_BYTES + 1,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    } as unknown as Blob & { name: string };
    await expect(readBrowserFile(huge)).rejects.toBeInstanceOf(FileReadError);
    await expect(readBrowserFile(huge)).rejects.toThrow(/超过了 36 MB/);
    expect(read).toBe(false);
    await expect(readBrowserFile(Object.assign(new Blob([]), { name: '空.txt' }))).rejects.toThrow(/空文件/);
  });

  it('size messages name the file and the size', () => {
    expect(sizeProblem('a.pdf', 1000)).toBeNull();
    expect(sizeProblem('a.pdf', MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeProblem('a.pdf', 73 * 1024 * 1024)).toContain('“a.pdf”有 73 MB');
  });

  it('names: importable extensions, report files', () => {
    expect(isImportableName('年报.DOCX')).toBe(true);
    expect(isImportableName('年报.htm')).toBe(true);
    expect(isImportableName('年报.doc')).toBe(false);
    expect(isReportFileName('a.nianbao')).toBe(true);
    expect(isReportFileName('a.json')).toBe(true);
    expect(isReportFileName('a.docx')).toBe(false);
  });
});

describe('import labels', () => {
  it('confidence levels and text', () => {
    expect(confidenceLevel(1)).toBe('high');
    expect(confidenceLevel(0.9)).toBe('high');
    expect(confidenceLevel(0.89)).toBe('medium');
    expect(confidenceLevel(0.6)).toBe('medium');
    expect(confidenceLevel(0.2)).toBe('low');
    expect(confidenceText({ t2: 1, t3: 0.75, t4: 0 })).toBe('表二 高（100%），表三 中（75%），表四 低（0%）');
  });

  it('publish date from meta.source', () => {
    const r = sampleReport();
    expect(publishedAt({ report: r })).toBeUndefined();
    r.meta.source = { fileName: 'a.html', detectedFormat: 'gov-2021', warnings: [], publishedAt: '2025-01-20' };
    expect(publishedAt({ report: r })).toBe('2025-01-20');
  });
});

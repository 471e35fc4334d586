import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { zipPackage } from '../../../shared/export/docx/zip-package';
import { renderExport } from '../../../electron/services/export/export-folder';
import { sampleReport } from '../../../shared/sample/sample-report';
import { ALL_FIXTURES } from './fixtures';
import { cleanupTempDirs, tempDir } from './helpers/tools';
import { docxParts } from './helpers/docx-parts';

/**
 * The .docx is zipped with zlib's deflate (shared/export/docx/zip-package.ts, given by the services)
 * instead of the docx library's JavaScript one. The package must hold exactly the files the library's packer
 * writes, in its order, and be a zip that zip tools and Word's readers accept (CRCs, sizes, offsets).
 */

afterAll(cleanupTempDirs);
const deflateRaw = (data: Uint8Array) => deflateRawSync(data);

describe('the .docx package zipped with zlib’s deflate', () => {
  it('holds the files of the docx library’s packer, in its order, with the same content', async () => {
    for (const report of [sampleReport(), ...ALL_FIXTURES.map(([, make]) => make())]) {
      const ours = await buildDocx(report, { deflateRaw });
      const theirs = await buildDocx(report);
      const a = await docxParts(ours);
      expect(a.map(([n]) => n)).toContain('customXml/nianbaoReport.xml');
      expect(a).toEqual(await docxParts(theirs));
    }
  });

  it('is a zip that unzip tests clean (CRCs, sizes, central directory) and is compressed', async () => {
    // As the app, the CLI and the service export it.
    const bytes = (await renderExport(sampleReport(), 'docx')) as Uint8Array;
    const dir = tempDir('docx-zip');
    const file = join(dir, 'report.docx');
    writeFileSync(file, bytes);
    execFileSync('unzip', ['-tq', file]);
    const listing = execFileSync('zipinfo', ['-v', file], { encoding: 'utf8' });
    expect(listing).toMatch(/compression method:\s+deflated/);
    expect(listing).not.toMatch(/compression method:\s+(?!deflated)\S/);
    const unpacked = (await docxParts(bytes)).reduce((n, [, t]) => n + t.length, 0);
    expect(bytes.length).toBeLessThan(unpacked / 3);
  });

  it('names with characters beyond ASCII, empty and binary files, entry dates', async () => {
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    const zipped = zipPackage(
      new Map<string, string | Uint8Array>([
        ['word/年报.xml', '<a>政府信息公开</a>'],
        ['empty.txt', ''],
        ['media/image.bin', binary],
      ]),
      deflateRaw,
      new Date(2025, 0, 20, 9, 30, 10),
    );
    const zip = await JSZip.loadAsync(zipped, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['word/年报.xml', 'empty.txt', 'media/image.bin']);
    expect(await zip.file('word/年报.xml')!.async('string')).toBe('<a>政府信息公开</a>');
    expect(await zip.file('empty.txt')!.async('string')).toBe('');
    expect(await zip.file('media/image.bin')!.async('uint8array')).toEqual(binary);
    const date = zip.file('empty.txt')!.date;
    // JSZip reads the DOS time as UTC fields.
    expect([
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      date.getUTCHours(),
      date.getUTCMinutes(),
    ]).toEqual([2025, 0, 20, 9, 30]);
  });
});

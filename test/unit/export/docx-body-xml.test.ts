import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDocx, type DocxOptions } from '../../../shared/export/docx/build';
import type { Report } from '../../../shared/model/types';
import { sampleReport } from '../../../shared/sample/sample-report';
import { ALL_FIXTURES, richReport } from './fixtures';
import { docxParts } from './helpers/docx-parts';

/**
 * The .docx body is written directly as WordprocessingML (shared/export/docx/body-xml.ts) instead of
 * through the docx library's object model. Every part of the package — document.xml with its
 * paragraphs, tables, merges, keep-with-next and styles, and all the others — must be exactly what
 * the library writes for the same report (`body: 'objects'`, the previous way).
 */

const deflateRaw = (data: Uint8Array) => deflateRawSync(data);

/** Texts a clerk may paste: CR/LF and lone CR line ends, tabs, control characters, XML specials. */
function awkwardText(report: Report): Report {
  const odd = 'a\r\nb\rc\td\u0001e\u000bf & <g> "h" \'i\' ]]> \ud800 j\u00a0k　l\n\n';
  return {
    ...report,
    title: `${report.title}\u0007`,
    preamble: `${odd}引言`,
    sections: report.sections.map((s, i) => ({
      ...s,
      blocks: [
        ...s.blocks,
        { type: 'paragraph', text: `${odd}${i}` },
        { type: 'heading', level: 2, text: `（九）${odd}` },
      ],
    })),
    signature: { name: `${report.signature.name}\n第二行`, date: report.signature.date },
  };
}

const REPORTS: [string, () => Report][] = [
  ...ALL_FIXTURES,
  ['awkward text', () => awkwardText(richReport())],
  ['no signature date', () => ({ ...sampleReport(), signature: { name: '某局', date: '' } })],
];

describe('the .docx body written directly', () => {
  it.each(REPORTS)('%s: every part as the docx library writes it', async (_name, make) => {
    const report = make();
    const variants: DocxOptions[] = [{}, { pageNumbers: 'center' }, { embed: false }];
    for (const options of variants) {
      const direct = await docxParts(await buildDocx(report, { ...options, deflateRaw }));
      const objects = await docxParts(await buildDocx(report, { ...options, deflateRaw, body: 'objects' }));
      expect(direct.map(([n]) => n)).toEqual(objects.map(([n]) => n));
      for (let i = 0; i < direct.length; i++) expect(direct[i], direct[i]![0]).toEqual(objects[i]);
    }
  });

  it('writes the body, not an empty document (tables, merges, header rows)', async () => {
    const [, xml] = (await docxParts(await buildDocx(sampleReport(), { deflateRaw }))).find(
      ([n]) => n === 'word/document.xml',
    )!;
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.indexOf('<w:body><w:p>')).toBeGreaterThan(0);
    expect(xml).toMatch(/<\/w:p><w:sectPr>/);
  });

  it('without a native deflate (the docx library zips) the parts are the same', async () => {
    const report = richReport();
    expect(await docxParts(await buildDocx(report))).toEqual(
      await docxParts(await buildDocx(report, { body: 'objects' })),
    );
  });
});

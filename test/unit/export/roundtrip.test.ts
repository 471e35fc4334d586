import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../shared/export/docx/build';
import { readExportedDocx } from '../../../shared/import/exported-docx';
import type { Block, Report } from '../../../shared/model/types';
import { validateReport } from '../../../shared/model/schema';
import { ALL_FIXTURES, richReport } from './fixtures';

/** Export → import gives back the identical report, and an untouched document shows no differences. */

describe('export → readExportedDocx', () => {
  it.each(ALL_FIXTURES)('%s: identical report, no differences, no warnings', async (_name, make) => {
    const report = make();
    expect(validateReport(report).ok).toBe(true);
    const back = await readExportedDocx(await buildDocx(report));
    expect(back).not.toBeNull();
    expect(back!.report).toEqual(report);
    expect(back!.differences).toEqual([]);
    expect(back!.warnings).toEqual([]);
    expect(back!.visibleReport).toBe(back!.report);
  });

  it('keeps blanks and zeros apart, decimals exact, unknown fields and dismissals', async () => {
    const report: Report = {
      ...richReport(),
      futureField: { kept: true },
      meta: {
        ...richReport().meta,
        dismissals: [
          { rule: 'T2-REGULATIONS-POWER', fingerprint: 'x', reason: '本机关无规章制定权', at: '2025-01-10T00:00:00Z' },
        ],
      },
    };
    const back = (await readExportedDocx(await buildDocx(report)))!;
    expect(back.report.cells['t2.regulations.issued']).toBeNull();
    expect(back.report.cells['t2.regulations.repealed']).toBe(0);
    expect(back.report.cells['t2.admin_fees.amount']).toBe(24252.311082);
    expect(back.report.futureField).toEqual({ kept: true });
    expect(back.report).toEqual(report);
  });

  it('any text survives: random Unicode (controls, lone surrogates, U+FFFF, emoji, XML specials) in every text field', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom<'p' | 'h2' | 'h3'>('p', 'h2', 'h3'), text), { maxLength: 6 }),
        text,
        text,
        async (blocks, preamble, name) => {
          const base = richReport();
          const report: Report = {
            ...base,
            preamble,
            signature: { name, date: '2025-01-20' },
            sections: base.sections.map((s) =>
              s.id === 'problems'
                ? {
                    ...s,
                    blocks: blocks.map(([kind, t]): Block =>
                      kind === 'p'
                        ? { type: 'paragraph', text: t }
                        : { type: 'heading', level: kind === 'h2' ? 2 : 3, text: t },
                    ),
                  }
                : s,
            ),
          };
          const back = (await readExportedDocx(await buildDocx(report)))!;
          expect(back.report).toEqual(report);
          expect(back.differences).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('returns null for a .docx without an embedded report, for a damaged part, and for bytes that are not a .docx', async () => {
    expect(await readExportedDocx(await buildDocx(richReport(), { embed: false }))).toBeNull();
    expect(await readExportedDocx(new TextEncoder().encode('not a zip'))).toBeNull();
    // An embedded part that is not a report (edited by hand): fall back to the general importer.
    const zip = await JSZip.loadAsync(await buildDocx(richReport()));
    const item = Object.keys(zip.files).find((n) => /^customXml\/nianbaoReport\.xml$/.test(n))!;
    zip.file(item, '<report xmlns="urn:nianbao:report:1">{"kind":"something else"}</report>');
    expect(await readExportedDocx(await zip.generateAsync({ type: 'uint8array' }))).toBeNull();
  });

  it('reads tracked changes as accepted (insertions in, deletions out)', async () => {
    const report = richReport();
    const zip = await JSZip.loadAsync(await buildDocx(report));
    let xml = await zip.file('word/document.xml')!.async('string');
    const old = '全年未发生泄密和不当公开事件。';
    const at = xml.indexOf(old);
    expect(at).toBeGreaterThan(0);
    // Split the paragraph's run around the tracked edit, as Word writes it.
    const runStart = xml.lastIndexOf('<w:r>', at);
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(xml.slice(runStart))![0];
    const tStart = xml.lastIndexOf('<w:t', at);
    const before = xml.slice(xml.indexOf('>', tStart) + 1, at);
    const runEnd = xml.indexOf('</w:r>', at) + '</w:r>'.length;
    const tracked =
      `<w:r>${rPr}<w:t xml:space="preserve">${before}全年</w:t></w:r>` +
      `<w:del w:id="901" w:author="分管领导" w:date="2025-01-22T10:00:00Z"><w:r>${rPr}<w:delText>未发生泄密和不当公开事件</w:delText></w:r></w:del>` +
      `<w:ins w:id="902" w:author="分管领导" w:date="2025-01-22T10:00:00Z"><w:r>${rPr}<w:t>未发生失泄密事件</w:t></w:r></w:ins>` +
      `<w:r>${rPr}<w:t>。</w:t></w:r>`;
    xml = xml.slice(0, runStart) + tracked + xml.slice(runEnd);
    zip.file('word/document.xml', xml);
    const back = (await readExportedDocx(await zip.generateAsync({ type: 'uint8array' })))!;
    expect(back.differences).toHaveLength(1);
    expect(back.differences[0]).toMatchObject({ kind: 'changed', location: { where: 'section', section: 'overview' } });
    expect(back.differences[0]!.visible).toBe(`${before}全年未发生失泄密事件。`);
  });
});

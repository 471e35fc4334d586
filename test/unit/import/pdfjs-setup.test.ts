import { describe, expect, it } from 'vitest';
import { nodePdfjsExtractor } from '../../../electron/services/import/node-import';

/**
 * How the importers set pdf.js up (shared/import/pdf/pdfjs.ts, electron/services/import/node-import.ts).
 * This file runs in a process of its own (Vitest forks), so the built-ins below are the engine's
 * until pdf.js is loaded here.
 */

const NATIVE = {
  push: Array.prototype.push,
  stringify: JSON.stringify,
  parse: JSON.parse,
  toString: Function.prototype.toString,
};

/** A one-page PDF with Helvetica (not embedded) and a line of text. */
function tinyPdf(text: string): Uint8Array {
  const content = `BT /F1 12 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('pdf.js set up for text', () => {
  it('loads without leaving its slower core-js versions of the engine’s built-ins behind', async () => {
    const text = await nodePdfjsExtractor()(tinyPdf('Government information disclosure 2024'));
    expect(text.pages[0]!.items.map((i) => i.str)).toEqual(['Government information disclosure 2024']);
    // pdf.js' polyfills for what Node lacks are there (it really loaded, with core-js)…
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
    // …and the built-ins core-js replaces on Node 20 are the engine's own again.
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.stringify).toBe(NATIVE.stringify);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(Function.prototype.toString).toBe(NATIVE.toString);
  });

  it('reads one document after another, each with its own text (one pdf.js worker for all)', async () => {
    const extract = nodePdfjsExtractor();
    const texts = await Promise.all(['first report', 'second report', 'third report'].map((t) => extract(tinyPdf(t))));
    expect(texts.map((t) => t.pages[0]!.items[0]!.str)).toEqual(['first report', 'second report', 'third report']);
    const again = await extract(tinyPdf('fourth report'));
    expect(again.pages[0]!.items[0]!.str).toBe('fourth report');
  });
});

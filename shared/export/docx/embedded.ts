import JSZip from 'jszip';
import type { Report } from '../../model/types';
import { openZip, readZipText } from '../../import/safe-zip';

/**
 * The report file embedded in an exported .docx as a custom XML part, so that importing the
 * .docx gives back the exact report. Word keeps custom XML parts that the document part links
 * to; Word may renumber them (item1 → item3) on save, so reading looks at every part.
 */

export const EMBED_NAMESPACE = 'urn:nianbao:report:1';
const ITEM = 'customXml/nianbaoReport.xml';
const ITEM_PROPS = 'customXml/nianbaoReportProps.xml';
const ITEM_RELS = 'customXml/_rels/nianbaoReport.xml.rels';
const REL_TYPE_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_TYPE_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const DATASTORE_ID = '{5B3C9E1A-2D4F-4C8B-9A61-6E0D2F7B8C41}';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_m, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&');

/** Adds (or replaces) the embedded report in a .docx produced by our exporter. */
export async function embedReport(docx: Uint8Array, report: Report): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  await embedReportInZip(zip, report);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * JSON escapes control characters and lone surrogates, but not U+FFFE/U+FFFF, which XML 1.0
 * cannot carry at all: those are written as JSON escapes so the part stays well-formed.
 */
const reportJson = (report: Report): string =>
  JSON.stringify(report).replace(/[\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);

/** The same, on an already opened package (the exporter saves one unzip/zip round). */
export async function embedReportInZip(zip: JSZip, report: Report): Promise<void> {
  const json = reportJson(report);
  zip.file(
    ITEM,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<report xmlns="${EMBED_NAMESPACE}">${escapeXml(json)}</report>`,
  );
  zip.file(
    ITEM_PROPS,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ds:datastoreItem ds:itemID="${DATASTORE_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${EMBED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    ITEM_RELS,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE_PROPS}" Target="nianbaoReportProps.xml"/></Relationships>`,
  );

  const typesPath = '[Content_Types].xml';
  let types = (await zip.file(typesPath)?.async('string')) ?? '';
  if (!types.includes(`/${ITEM_PROPS}"`)) {
    types = types.replace(
      '</Types>',
      `<Override PartName="/${ITEM_PROPS}" ContentType="${PROPS_CONTENT_TYPE}"/></Types>`,
    );
  }
  if (!/Extension="xml"/i.test(types)) {
    types = types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  }
  zip.file(typesPath, types);

  const relsPath = 'word/_rels/document.xml.rels';
  let rels = (await zip.file(relsPath)?.async('string')) ?? '';
  if (!rels.includes(`Target="../${ITEM}"`)) {
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdNianbaoReport" Type="${REL_TYPE_CUSTOM_XML}" Target="../${ITEM}"/></Relationships>`,
    );
  }
  zip.file(relsPath, rels);
}

/**
 * The embedded report of a .docx as parsed JSON (not yet validated), or null when the .docx has
 * none (made elsewhere, or the part was dropped by an editor).
 */
export async function readEmbeddedReport(docx: Uint8Array | JSZip): Promise<unknown | null> {
  const zip = docx instanceof JSZip ? docx : await openZip(docx);
  const parts = Object.keys(zip.files).filter((name) => /^customXml\/[^/]+\.xml$/i.test(name));
  for (const name of parts) {
    // Read through the import's byte caps: a .docx from elsewhere may carry a bomb in customXml/.
    const xml = (await readZipText(zip, name, { what: `Word 文档中的 ${name}` })) ?? '';
    const m = new RegExp(
      `<(?:\\w+:)?report\\b[^>]*xmlns(?::\\w+)?="${EMBED_NAMESPACE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</(?:\\w+:)?report>`,
    ).exec(xml);
    if (!m) continue;
    try {
      return JSON.parse(unescapeXml(m[1]!)) as unknown;
    } catch {
      return null;
    }
  }
  return null;
}

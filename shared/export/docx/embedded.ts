import JSZip from 'jszip';
import type { Report } from '../../model/types';
import { openZip, readZipText } from '../../import/safe-zip';
import { EMBED_LINK, EMBED_NAMESPACE, embeddedReportParts } from './embedded-parts';

export { EMBED_NAMESPACE } from './embedded-parts';

/**
 * The report file embedded in an exported .docx as a custom XML part, so that importing the
 * .docx gives back the exact report. Word keeps custom XML parts that the document part links
 * to; Word may renumber them (item1 → item3) on save, so reading looks at every part.
 */

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_m, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&');

/** The same, on an already opened package (used to embed into a .docx written before). */
export async function embedReportInZip(zip: JSZip, report: Report): Promise<void> {
  for (const part of embeddedReportParts(report)) zip.file(part.path, part.data);

  const typesPath = '[Content_Types].xml';
  let types = (await zip.file(typesPath)?.async('string')) ?? '';
  if (!types.includes(`${EMBED_LINK.propsPartName}"`)) {
    types = types.replace(
      '</Types>',
      `<Override PartName="${EMBED_LINK.propsPartName}" ContentType="${EMBED_LINK.propsContentType}"/></Types>`,
    );
  }
  if (!/Extension="xml"/i.test(types)) {
    types = types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>');
  }
  zip.file(typesPath, types);

  const relsPath = 'word/_rels/document.xml.rels';
  let rels = (await zip.file(relsPath)?.async('string')) ?? '';
  if (!rels.includes(`Target="${EMBED_LINK.target}"`)) {
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${EMBED_LINK.relationshipId}" Type="${EMBED_LINK.relationshipType}" Target="${EMBED_LINK.target}"/></Relationships>`,
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

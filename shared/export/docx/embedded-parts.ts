import type { Report } from '../../model/types';

/**
 * The parts that embed the report file in an exported .docx (see embedded.ts), without JSZip:
 * the exporter hands them to the docx library's packer, which writes the package in one go.
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
/**
 * JSON escapes control characters and lone surrogates, but not U+FFFE/U+FFFF, which XML 1.0
 * cannot carry at all: those are written as JSON escapes so the part stays well-formed.
 */
const reportJson = (report: Report): string =>
  JSON.stringify(report).replace(/[\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);

/** The parts of the embedded report, their paths in the package (the document part links to ITEM). */
export function embeddedReportParts(report: Report): { path: string; data: string }[] {
  const json = reportJson(report);
  return [
    {
      path: ITEM,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<report xmlns="${EMBED_NAMESPACE}">${escapeXml(json)}</report>`,
    },
    {
      path: ITEM_PROPS,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ds:datastoreItem ds:itemID="${DATASTORE_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${EMBED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    },
    {
      path: ITEM_RELS,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE_PROPS}" Target="nianbaoReportProps.xml"/></Relationships>`,
    },
  ];
}

/** How the document part links to the embedded report, and the content type its properties part needs. */
export const EMBED_LINK = {
  relationshipId: 'rIdNianbaoReport',
  relationshipType: REL_TYPE_CUSTOM_XML,
  target: `../${ITEM}`,
  propsPartName: `/${ITEM_PROPS}`,
  propsContentType: PROPS_CONTENT_TYPE,
} as const;

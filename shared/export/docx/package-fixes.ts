import type { Document } from 'docx';
import type { Report } from '../../model/types';
import { EMBED_LINK, embeddedReportParts } from './embedded-parts';

/**
 * Finishing touches to the package, handed to the docx library's packer with the document so that
 * the package is zipped once (an unzip/re-zip round after packing took a third of an export):
 *
 * - A font table naming every font with its Windows substitute (altName) and GB2312 charset.
 *   Windows 10 and later ship 仿宋/楷体 but not 仿宋_GB2312/楷体_GB2312 or 方正小标宋简体; with the
 *   substitute named, Word and WPS fall back to the right family instead of their default font.
 * - The embedded report (custom XML part).
 */

interface FontEntry {
  name: string;
  altName?: string;
  /** 86 = GB2312 */
  charset: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'variable' | 'fixed';
}

export const FONT_TABLE: readonly FontEntry[] = [
  { name: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable' },
  { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体_GB2312', altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
];

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/**
 * Links the embedded report from the document part and registers its properties part; returns the
 * parts to add to (or replace in) the package: `Packer.pack(doc, type, false, parts)`.
 */
export function finishPackage(doc: Document, report: Report | null): { path: string; data: string }[] {
  const parts = [{ path: 'word/fontTable.xml', data: fontTableXml() }];
  if (!report) return parts;
  doc.Document.Relationships.addRelationship(
    EMBED_LINK.relationshipId.replace(/^rId/, ''),
    EMBED_LINK.relationshipType,
    EMBED_LINK.target,
  );
  doc.ContentTypes.addOverride(EMBED_LINK.propsContentType, EMBED_LINK.propsPartName);
  return [...parts, ...embeddedReportParts(report)];
}

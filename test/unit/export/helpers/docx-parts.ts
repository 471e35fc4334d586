import JSZip from 'jszip';

/**
 * Each part of a .docx package as [name, text], in the package's order, CRCs checked. The dates of
 * docProps/core.xml are those of each build, so they are blanked: two builds of one report compare equal.
 */
export async function docxParts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) {
    const text = await zip.file(name)!.async('string');
    out.push([name, name === 'docProps/core.xml' ? text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T') : text]);
  }
  return out;
}

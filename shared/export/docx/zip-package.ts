/**
 * The .docx package zipped with a deflate the caller brings: in Node and Electron, zlib's native
 * deflateRawSync (electron/services/export). The docx library zips with fflate, deflate written in
 * JavaScript: for a process that exports one report (the CLI) that code runs once, unoptimised, and
 * took a quarter of an export. (The web's CompressionStream is no help there: loading Node's web
 * streams costs more than fflate.) The files are the docx library's own (its compiler, as its packer
 * uses them), in the same order; only the compression differs. Without a deflate, the caller zips
 * as before.
 */

/** Raw deflate (RFC 1951, no zlib header), as zlib's deflateRawSync. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/** CRC-32 of zip entries, as zlib's crc32 (Node 20.15+); the JavaScript one below otherwise. */
export type Crc32 = (data: Uint8Array) => number;

let crcTable: Uint32Array | undefined;
function jsCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time of the entries (local time, as zip tools write it). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  deflated: Uint8Array;
  offset: number;
}

/**
 * The files as a zip archive (deflated entries, UTF-8 names, no data descriptors). Sizes are those
 * of a .docx (far below zip64's 4 GB).
 */
export function zipPackage(
  files: Map<string, string | Uint8Array>,
  deflateRaw: DeflateRaw,
  now = new Date(),
  crc32: Crc32 = jsCrc32,
): Uint8Array {
  const encoder = new TextEncoder();
  const raw = [...files].map(([path, data]) => ({
    name: encoder.encode(path),
    data: typeof data === 'string' ? encoder.encode(data) : data,
  }));
  const deflated = raw.map((f) => deflateRaw(f.data));
  const { time, date } = dosDateTime(now);
  const entries: Entry[] = [];
  let offset = 0;
  raw.forEach((f, i) => {
    entries.push({ name: f.name, crc: crc32(f.data), size: f.data.length, deflated: deflated[i]!, offset });
    offset += 30 + f.name.length + deflated[i]!.length;
  });
  const central = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(offset + central + 22);
  const view = new DataView(out.buffer);
  // The fields every header shares: version 2.0, UTF-8 names (bit 11), deflate, time, date, crc, sizes.
  const common = (at: number, e: Entry) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, 0x0800, true);
    view.setUint16(at + 4, 8, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.deflated.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  for (const e of entries) {
    view.setUint32(e.offset, 0x04034b50, true);
    common(e.offset + 4, e);
    out.set(e.name, e.offset + 30);
    out.set(e.deflated, e.offset + 30 + e.name.length);
  }
  let at = offset;
  for (const e of entries) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    common(at + 6, e);
    // extra, comment, disk, internal and external attributes: 0.
    view.setUint32(at + 42, e.offset, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, offset, true);
  return out;
}

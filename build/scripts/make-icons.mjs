#!/usr/bin/env node
// Draws the app icon with plain Node (zlib for PNG): a red seal with a white 年, the way a
// 公章-style name seal looks. Writes build/icons/<N>x<N>.png (16 … 1024; electron-builder takes
// the Linux set and the macOS icon from there) and build/icons/icon.ico (Windows, PNG entries).
// The images are committed; run again only to change the design: node build/scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const outDir = new URL('../icons/', import.meta.url).pathname;
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const RED = [200, 16, 46];
const WHITE = [255, 255, 255];

// 年 as six strokes on a 100×100 grid: [x1, y1, x2, y2, width].
const STROKES = [
  [33, 8, 19, 33, 10], // 丿 the slant at the top left
  [25, 23, 82, 23, 9.5], // first horizontal
  [30, 44, 76, 44, 9], // second horizontal
  [30, 44, 30, 64, 9], // short vertical on the left
  [9, 64, 91, 64, 9.5], // long horizontal
  [55, 23, 55, 95, 10], // the long vertical through the middle
];

function segmentDistance(px, py, x1, y1, x2, y2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(px, py, x, y, w, h, r) {
  const qx = Math.abs(px - (x + w / 2)) - (w / 2 - r);
  const qy = Math.abs(py - (y + h / 2)) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Colour of one point of the icon in unit coordinates (0..1), or null for transparent. */
function shade(u, v, size) {
  const margin = size <= 32 ? 0.02 : 0.06;
  const radius = 0.14;
  if (roundedRect(u, v, margin, margin, 1 - 2 * margin, 1 - 2 * margin, radius) > 0) return null;
  // The seal's inner frame, only where it stays a visible line.
  if (size >= 48) {
    const inset = margin + 0.055;
    const d = roundedRect(u, v, inset, inset, 1 - 2 * inset, 1 - 2 * inset, radius * 0.6);
    if (Math.abs(d) < 0.016) return WHITE;
  }
  const glyphBox = size <= 32 ? { x: 0.1, s: 0.8 } : { x: 0.19, s: 0.62 };
  const gx = ((u - glyphBox.x) / glyphBox.s) * 100;
  const gy = ((v - glyphBox.x) / glyphBox.s) * 100;
  const boost = size <= 32 ? 1.35 : 1; // thicker strokes where pixels are few
  for (const [x1, y1, x2, y2, w] of STROKES) {
    if (segmentDistance(gx, gy, x1, y1, x2, y2) <= (w * boost) / 2) return WHITE;
  }
  return RED;
}

function render(size) {
  const ss = size >= 512 ? 2 : 4; // supersampling per axis
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista and later read these). */
function encodeIco(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(entries.length, 4);
  const dir = Buffer.alloc(16 * entries.length);
  let offset = 6 + dir.length;
  entries.forEach(({ size, png }, i) => {
    const o = i * 16;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir[o + 2] = 0;
    dir[o + 3] = 0;
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bits per pixel
    dir.writeUInt32LE(png.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...entries.map((e) => e.png)]);
}

mkdirSync(outDir, { recursive: true });
const pngs = new Map();
for (const size of PNG_SIZES) {
  const png = encodePng(size, render(size));
  pngs.set(size, png);
  writeFileSync(join(outDir, `${size}x${size}.png`), png);
}
writeFileSync(join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
console.log(`icons: ${PNG_SIZES.join(', ')} px PNG, icon.ico (${ICO_SIZES.join(', ')}) → ${outDir}`);

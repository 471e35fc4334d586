import { LIMITS } from '../errors';
import type { PdfItem } from './layout';

/**
 * Text items (pdf.js' text content shape, shared by both readers) turned into the layout's
 * device-space items; pages whose text runs sideways (a landscape table on a portrait page) are
 * turned upright.
 */

export interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** The product of two affine matrices, computed as pdf.js' Util.transform (same operations, same rounding). */
export const transform = (m1: number[], m2: number[]): number[] => [
  m1[0]! * m2[0]! + m1[2]! * m2[1]!,
  m1[1]! * m2[0]! + m1[3]! * m2[1]!,
  m1[0]! * m2[2]! + m1[2]! * m2[3]!,
  m1[1]! * m2[2]! + m1[3]! * m2[3]!,
  m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
  m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
];

export function toItems(items: TextItemLike[], viewport: number[]): PdfItem[] {
  const raw = items
    .slice(0, LIMITS.pdfItemsPerPage)
    .filter(
      (it): it is Required<TextItemLike> =>
        typeof it.str === 'string' && Array.isArray(it.transform) && it.str.trim() !== '',
    )
    .map((it) => {
      const t = transform(viewport, it.transform);
      const angle = Math.round(Math.atan2(t[1]!, t[0]!) / (Math.PI / 2)) & 3; // 0: upright, 1: 90°, 2: 180°, 3: 270°
      const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || 10;
      return { it, x: t[4]!, y: t[5]!, size, angle };
    });
  const counts = [0, 0, 0, 0];
  for (const r of raw) counts[r.angle]!++;
  const dominant = counts.indexOf(Math.max(...counts));
  return raw.map(({ it, x, y, size, angle }) => {
    // Rotate coordinates so that the page's main text direction reads left to right.
    const [rx, ry] = dominant === 1 ? [y, -x] : dominant === 2 ? [-x, -y] : dominant === 3 ? [-y, x] : [x, y];
    const vertical = angle === dominant && (it.height ?? 0) > 1.5 * (it.width ?? 0) && it.str.trim().length > 1;
    return { str: it.str, x: rx, y: ry, w: Math.abs(it.width ?? 0), size, ...(vertical ? { vertical: true } : {}) };
  });
}

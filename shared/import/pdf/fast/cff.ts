import { Unsupported } from './objects';

/**
 * The one thing pdf.js takes from an embedded CFF program (FontFile3 /Type1C) that changes text
 * positions: the Top DICT's FontMatrix. Only a name-keyed font with the default matrix is accepted
 * (a CID-keyed font may scale each of its FDArray fonts differently): Unsupported otherwise.
 */

function indexEnd(b: Uint8Array, at: number): { end: number; first: [number, number] | null } {
  const count = (b[at]! << 8) | b[at + 1]!;
  if (count === 0) return { end: at + 2, first: null };
  const offSize = b[at + 2]!;
  if (offSize < 1 || offSize > 4) throw new Unsupported('CFF: bad offset size');
  const off = (i: number) => {
    let v = 0;
    for (let k = 0; k < offSize; k++) v = v * 256 + b[at + 3 + i * offSize + k]!;
    return v;
  };
  const base = at + 3 + (count + 1) * offSize - 1;
  return { end: base + off(count), first: [base + off(0), base + off(1)] };
}

const DEFAULT = [0.001, 0, 0, 0.001, 0, 0];

export function checkCffFontMatrix(b: Uint8Array): void {
  if (b.length < 4 || b[0] !== 1) throw new Unsupported('CFF: not a version 1 font');
  const names = indexEnd(b, b[2]!);
  const top = indexEnd(b, names.end);
  if (!top.first) throw new Unsupported('CFF: no Top DICT');
  const [start, end] = top.first;
  if (end > b.length) throw new Unsupported('CFF: Top DICT out of range');
  const operands: number[] = [];
  for (let p = start; p < end;) {
    const v = b[p]!;
    if (v <= 21) {
      const op = v === 12 ? 1200 + b[p + 1]! : v;
      p += v === 12 ? 2 : 1;
      if (op === 1230) throw new Unsupported('CFF: CID-keyed font');
      if (op === 1207 && (operands.length !== 6 || operands.some((x, i) => Math.abs(x - DEFAULT[i]!) > 1e-9)))
        throw new Unsupported('CFF: font matrix other than the default');
      operands.length = 0;
    } else if (v === 28) {
      operands.push((((b[p + 1]! << 8) | b[p + 2]!) << 16) >> 16);
      p += 3;
    } else if (v === 29) {
      operands.push((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!);
      p += 5;
    } else if (v === 30) {
      let s = '';
      const nib = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '', '-'];
      p++;
      for (let done = false; !done && p < end; p++) {
        for (const n of [b[p]! >> 4, b[p]! & 15]) {
          if (n === 15) {
            done = true;
            break;
          }
          s += nib[n] ?? '';
        }
      }
      operands.push(Number(s));
    } else if (v >= 32 && v <= 246) {
      operands.push(v - 139);
      p++;
    } else if (v >= 247 && v <= 250) {
      operands.push((v - 247) * 256 + b[p + 1]! + 108);
      p += 2;
    } else if (v >= 251 && v <= 254) {
      operands.push(-(v - 251) * 256 - b[p + 1]! - 108);
      p += 2;
    } else throw new Unsupported('CFF: bad DICT byte');
  }
}

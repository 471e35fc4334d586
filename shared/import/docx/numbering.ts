/**
 * Word's automatic list numbering (numbering.xml): a heading typed as a list item stores
 * “总体情况” and lets Word draw “一、”. The reader regenerates that text so headings are found.
 */

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

interface Level {
  start: number;
  fmt: string;
  text: string;
}

const kids = (n: Node | undefined, name: string) => (n?.children ?? []).filter((c) => c.name === name);
const val = (n: Node | undefined, name: string) => kids(n, name)[0]?.attribs?.['w:val'];

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographLegalTraditional':
      return chinese(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private abstract = new Map<string, Level[]>();
  private nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private counters = new Map<string, number[]>();

  constructor(doc: Node | null) {
    if (!doc) return;
    const root = findNumbering(doc);
    for (const a of kids(root, 'w:abstractNum')) {
      const id = a.attribs?.['w:abstractNumId'];
      if (id === undefined) continue;
      const levels: Level[] = [];
      for (const l of kids(a, 'w:lvl')) {
        const i = Number(l.attribs?.['w:ilvl'] ?? 0);
        if (!(i >= 0 && i < 9)) continue;
        levels[i] = {
          start: Number(val(l, 'w:start') ?? 1) || 1,
          fmt: val(l, 'w:numFmt') ?? 'decimal',
          text: val(l, 'w:lvlText') ?? '',
        };
      }
      this.abstract.set(id, levels);
    }
    for (const n of kids(root, 'w:num')) {
      const id = n.attribs?.['w:numId'];
      const abstractId = val(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const starts = new Map<number, number>();
      for (const o of kids(n, 'w:lvlOverride')) {
        const s = val(o, 'w:startOverride');
        if (s !== undefined) starts.set(Number(o.attribs?.['w:ilvl'] ?? 0), Number(s));
      }
      this.nums.set(id, { abstractId, starts });
    }
  }

  /** The number text Word shows for the next paragraph of list `numId` at level `ilvl`. */
  next(numId: string | undefined, ilvlText: string | undefined): string {
    if (!numId || numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num ? this.abstract.get(num.abstractId) : undefined;
    if (!num || !levels) return '';
    const ilvl = Math.max(0, Math.min(8, Number(ilvlText ?? 0) || 0));
    const level = levels[ilvl];
    if (!level) return '';
    const counters = this.counters.get(numId) ?? [];
    const startOf = (i: number) => num.starts.get(i) ?? levels[i]?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let i = ilvl + 1; i < 9; i++) counters[i] = undefined as unknown as number;
    this.counters.set(numId, counters);
    return level.text.replace(/%([1-9])/g, (_m, k: string) => {
      const i = Number(k) - 1;
      const lv = levels[i];
      const n = counters[i] ?? startOf(i);
      return lv ? format(n, lv.fmt) : String(n);
    });
  }
}

function findNumbering(doc: Node): Node | undefined {
  for (const c of doc.children ?? []) if (c.name === 'w:numbering') return c;
  return undefined;
}

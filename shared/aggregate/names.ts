/**
 * Matching units by name. Reports name the same unit in many ways: 云溪县财政局 / 财政局 / 县财政局 /
 * 云溪县财政局（县国资办） / “城关镇人民政府” and “城关镇”; a prefecture's units carry the city and the
 * county (淮安市洪泽区财政局). Names are compared as keys: width and spaces folded, bracketed notes and
 * the government's own place names dropped from the front, 人民政府 / 办事处 dropped from the end.
 */

/** Full-width ASCII to half-width, spaces and invisible characters out. */
function fold(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (/\s|\u200b|\u3000|\ufeff/.test(ch)) continue;
    else out += ch;
  }
  return out;
}

/** 云溪县财政局（县国资办） → 云溪县财政局: a bracketed note after the name is not part of it. */
function dropNotes(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]$/u, '').replace(/[（(][^（）()]*[）)]$/u, '');
}

/** What follows a place name when the place names a township, street or the like. */
const SETTLEMENT = /^(镇|乡|街道|街|办|区|县|市|村|社区|场|管委会|开发区)/u;

/** Trailing words that do not tell units apart. */
const TRAILING = /(人民政府|政府|办事处)$/u;

/**
 * Place names of a government, from the most general: 淮安市洪泽区人民政府 → [淮安市, 洪泽区];
 * 云溪县人民政府 → [云溪县]; 某某自治州某某县 → [某某自治州, 某某县].
 */
export function placeNames(government: string): string[] {
  const base = dropNotes(fold(government)).replace(/(人民政府|政府)(办公室|办公厅)?$/u, '');
  const parts: string[] = [];
  const re = /.+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|盟|省|市|州|县|区|旗)/gu;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(base)) && m.index === end) {
    parts.push(m[0]);
    end = m.index + m[0].length;
  }
  return parts;
}

/**
 * The comparison key of a unit name under a government: 淮安市洪泽区财政局 → 财政局 (under 洪泽区人民政府),
 * 城关镇人民政府 → 城关镇. A name that is only the place itself (云溪县人民政府) keys as 本级.
 */
export function unitKey(name: string, places: readonly string[]): string {
  let key = dropNotes(fold(name));
  const all = [...places];
  // Also the short forms (洪泽区 → 洪泽: 洪泽财政局), but not where a township is named after the place
  // (云溪县 → 云溪镇 stays 云溪镇).
  const short = places.filter((p) => p.length >= 3).map((p) => p.slice(0, -1));
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of all) {
      if (key.startsWith(p) && key.length > p.length) {
        key = key.slice(p.length);
        changed = true;
      }
    }
    for (const p of short) {
      const rest = key.slice(p.length);
      if (key.startsWith(p) && rest.length >= 2 && !SETTLEMENT.test(rest)) {
        key = rest;
        changed = true;
      }
    }
  }
  const trimmed = key.replace(TRAILING, '');
  return trimmed || key;
}

/** Names that are the government itself or its general office: their figures are 本级. */
export function isOwnName(name: string, government: string): boolean {
  const places = placeNames(government);
  const key = unitKey(name, places);
  const gov = unitKey(government, places);
  if (key === gov) return true;
  return /^(人民)?政府?(办公室|办公厅)$|^(县|市|区|旗)?(人民)?政府(办公室|办公厅)$/u.test(key);
}

/** Level words a name may start with instead of the place: 县财政局 for 云溪县财政局. */
const LEVEL = /^(本县|本市|本区|全县|全市|全区|县|市|区|旗)/u;

/**
 * Whether two names are the same unit under the government: equal keys, or equal after a leading
 * level word (县财政局 / 财政局), never by a mere common ending (县市场监督管理局 ≠ 市场监督管理局 is fine,
 * but 农业农村局 must not match 县农业农村局党组). Returns 2 for an exact key match, 1 for a loose one, 0 for none.
 */
export function nameMatch(a: string, b: string, places: readonly string[]): 0 | 1 | 2 {
  const ka = unitKey(a, places);
  const kb = unitKey(b, places);
  if (!ka || !kb) return 0;
  if (ka === kb) return 2;
  const la = ka.replace(LEVEL, '');
  const lb = kb.replace(LEVEL, '');
  // 县财政局 / 财政局; each side stripped alone, so that 市场监督管理局 keeps its 市.
  if ((la.length >= 2 && la === kb) || (lb.length >= 2 && lb === ka) || (la.length >= 2 && la === lb)) return 1;
  return 0;
}

/**
 * Many names looked up at once (a roster of 2,000 units, a library of last year's reports): the
 * same answers as `nameMatch`, by hash lookups instead of comparing every pair.
 */
export class NameIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly loose = new Map<string, T[]>();

  constructor(private readonly places: readonly string[]) {}

  private static push<T>(map: Map<string, T[]>, key: string, value: T) {
    const list = map.get(key);
    if (list) {
      if (!list.includes(value)) list.push(value);
    } else map.set(key, [value]);
  }

  add(name: string, value: T): void {
    const k = unitKey(name, this.places);
    if (!k) return;
    NameIndex.push(this.exact, k, value);
    NameIndex.push(this.loose, k, value);
    const l = k.replace(LEVEL, '');
    if (l.length >= 2) NameIndex.push(this.loose, l, value);
  }

  /** Values whose name matches exactly (2) or else loosely (1), in the order added; [] for none. */
  find(name: string): { values: readonly T[]; score: 0 | 1 | 2 } {
    const k = unitKey(name, this.places);
    if (!k) return { values: [], score: 0 };
    const hit = this.exact.get(k);
    if (hit?.length) return { values: hit, score: 2 };
    const l = k.replace(LEVEL, '');
    const loose = [...(this.loose.get(k) ?? []), ...(l.length >= 2 ? (this.loose.get(l) ?? []) : [])];
    return loose.length ? { values: [...new Set(loose)], score: 1 } : { values: [], score: 0 };
  }
}

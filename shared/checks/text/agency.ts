/**
 * Agency names without a gazetteer: the administrative units at the start of a name
 * (淮安市 · 洪泽区), the organ after them (人民政府, 市场监督管理局, 果耶镇人民政府), the level they imply,
 * and the short names a report uses for itself (果耶镇, 洪泽区, 文旅局).
 */

import type { AgencyKind } from '../../model/types';

export type Level = 'province' | 'prefecture' | 'city' | 'county' | 'township' | 'unknown';

export interface AgencyName {
  full: string;
  /** Administrative units the name starts with, e.g. [淮安市, 洪泽区]. */
  places: string[];
  /** The rest: 人民政府, 市场监督管理局, 果耶镇人民政府. */
  organ: string;
  level: Level;
  /** For a township: 果耶 + 镇; for a government: 洪泽 + 区. */
  own: { short: string; unit: string } | null;
}

const PLACE = /^([\u4e00-\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|林区|特区|县|旗|区))/;
// Words that end like a unit but are not places (城市管理局, 社区, 园区…).
// Zones named without a proper name (经开区, 高新区…) are the report's own zone, not a place of their own.
const NOT_PLACE =
  /^(?:城市|都市|社区|园区|景区|小区|片区|辖区|全市|全县|全区|本市|本县|本区|市区|城区管理|地区|开发区|高新区|保税区|自贸区|新区管理|经开区|经济开发区|高新技术产业开发区|经济技术开发区|工业园区|产业园区|新区|综保区|示范区|试验区|实验区|管理区|风景区|度假区|工业区|城区|矿区|牧区|林区|库区|园区管委)$/;

export function parseAgencyName(name: string, kind?: AgencyKind): AgencyName {
  const full = (name ?? '').replace(/\s+/g, '');
  const places: string[] = [];
  let rest = full;
  for (let i = 0; i < 4; i++) {
    const m = PLACE.exec(rest);
    if (!m || NOT_PLACE.test(m[1]!) || m[1]!.length === rest.length) break;
    // 市场监督管理局 starts with 市: a unit needs at least one character of name before its suffix.
    places.push(m[1]!);
    rest = rest.slice(m[1]!.length);
  }
  const organ = rest;
  const township = /([^县区市旗州省]{2,5}?)(镇|乡|街道)(?:人民政府|政府|办事处|党委|党政办公室)?$/.exec(organ);
  let level: Level = 'unknown';
  let own: AgencyName['own'] = null;
  if (township && (kind === 'township' || kind === undefined || /人民政府|政府|办事处|^[^局委办]*$/.test(organ))) {
    level = 'township';
    own = { short: township[1]!, unit: township[2]! };
  } else if (places.length) {
    const last = places[places.length - 1]!;
    if (/(?:特别行政区|自治区|省)$/.test(last)) level = 'province';
    else if (/(?:自治州|州|盟|地区)$/.test(last)) level = 'prefecture';
    else if (/(?:县|旗|区|林区|特区)$/.test(last)) level = 'county';
    else level = 'city';
    const unit = /(特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|林区|特区|县|旗|区)$/.exec(last)![1]!;
    own = { short: last.slice(0, last.length - unit.length), unit };
  }
  return { full, places, organ, level, own };
}

/**
 * Whether an agency has no power to make 规章 (立法法: only 国务院部门 and the governments of
 * provinces, 设区的市 and 自治州 do). Decided only when the name or the parent says so clearly:
 * townships and county-level governments and their departments; a 市 may be 设区的市 or 县级市, so
 * no alarm there.
 */
export function cannotMakeRegulations(name: string, kind: AgencyKind, parent?: string): boolean {
  if (kind === 'township') return true;
  const own = parseAgencyName(name, kind);
  if (own.level === 'township') return true;
  if (kind !== 'department' && kind !== 'government') return false;
  if (own.level === 'county') return true;
  if (own.level === 'unknown' && parent) {
    const p = parseAgencyName(parent);
    return p.level === 'county' || p.level === 'township';
  }
  return false;
}

/** Whether `short` could abbreviate `long` (its characters appear in order): 文旅局 ⊂ 文化体育广播电视和旅游局. */
export function isAbbreviation(short: string, long: string): boolean {
  if (!short) return false;
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length && short[short.length - 1] === long[long.length - 1];
}

export type PlaceLevel = 'province' | 'prefecture' | 'city' | 'county';

/** Rank of a place by its unit: 省 > 州 > 市 > 县/区/旗 (a 市 may be either level: kept apart). */
export function placeLevel(place: string): PlaceLevel {
  if (/(?:特别行政区|自治区|省)$/.test(place)) return 'province';
  if (/(?:自治州|州|盟|地区)$/.test(place)) return 'prefecture';
  if (/市$/.test(place)) return 'city';
  return 'county';
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 3, prefecture: 2, city: 1, county: 0 };
export const levelRank = (place: string): number => LEVEL_RANK[placeLevel(place)];

/** A place without its unit: 洪泽区 → 洪泽, 云溪经济开发区 → 云溪经济开发. */
export function placeShort(place: string): string {
  return place.replace(/(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|林区|特区|县|旗|区)$/, '');
}

/**
 * Whether two lists of places name different places at the same level (洪泽区 and 淮阴区; 舟曲县 and
 * 迭部县): without a gazetteer only a clash at one level tells. One name being the start of the other
 * counts as the same place (洪泽 and 洪泽经济开发区; a 县 renamed 区). Two 市 clash only for the same
 * organ (`sameOrgan`): a 市 may be a county-level city inside the other.
 */
export function placesClash(a: readonly string[], b: readonly string[], sameOrgan: boolean): boolean {
  for (const p of a) {
    const level = placeLevel(p);
    if (level === 'city' && !sameOrgan) continue;
    const ps = placeShort(p);
    for (const q of b) {
      if (placeLevel(q) !== level) continue;
      const qs = placeShort(q);
      if (!(ps.startsWith(qs) || qs.startsWith(ps))) return true;
    }
  }
  return false;
}

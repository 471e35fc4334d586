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

// A named zone (淮江高新区, 苏州工业园区, 临港新区): a place of its own, compared only with other zones.
// Its name may not run across a 省/市/县 (江州市临港新区 is 江州市 + 临港新区).
const ZONE =
  /^([^省市县\s]{2,8}?)(高新技术产业开发区|高新技术开发区|经济技术开发区|经济开发区|高新区|经开区|综合保税区|保税区|自由贸易试验区|自贸区|开发区|新区|工业园区|产业园区|示范区|试验区|实验区|度假区)/;
/** The same zone type however written (高新技术产业开发区 = 高新区, 经济技术开发区 = 经济开发区 = 经开区). */
const ZONE_TYPES: [RegExp, string][] = [
  [/(?:高新技术产业开发区|高新技术开发区|高新区)$/, '高新'],
  [/(?:经济技术开发区|经济开发区|经开区|开发区)$/, '经开'],
  [/(?:综合保税区|保税区)$/, '保税'],
  [/(?:自由贸易试验区|自贸区)$/, '自贸'],
  [/(?:工业园区|产业园区)$/, '园区'],
];
export const isZone = (place: string): boolean => ZONE.test(place) && !NOT_PLACE.test(place);
// Heads of vertically managed bodies before the place (国家税务总局淮江市清河区税务局).
const VERTICAL_HEAD = /^国家[\u4e00-\u9fff]{1,10}?总局/;

/** The place matched at the start of `rest` (淮安市; 江州市 rather than 江州; 临港新区), or null. */
function placeAt(rest: string): string | null {
  const z = ZONE.exec(rest);
  if (z && !NOT_PLACE.test(z[0]) && z[0].length < rest.length) return z[0];
  const m = PLACE.exec(rest);
  if (!m) return null;
  let p = m[1]!;
  // 杭州市, 贵州省, 通州区, 沙市区: a unit right after a 州 or 市 belongs to the same name.
  const next = rest[p.length];
  if (next && /(?:^|[^治])州$/.test(p) && '省市县区盟'.includes(next)) p += next;
  else if (next === '区' && /市$/.test(p) && p.length === 2) p += next;
  return p;
}

export function parseAgencyName(name: string, kind?: AgencyKind): AgencyName {
  const full = (name ?? '').replace(/\s+/g, '');
  const places: string[] = [];
  let rest = full.replace(VERTICAL_HEAD, '');
  for (let i = 0; i < 4; i++) {
    const p = placeAt(rest);
    if (!p || NOT_PLACE.test(p) || p.length === rest.length) break;
    // 市场监督管理局 starts with 市: a unit needs at least one character of name before its suffix.
    places.push(p);
    rest = rest.slice(p.length);
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

// A 民族乡/镇's designation (大坪彝族乡, 石门土家族乡, 新寨苗族侗族乡, 长寿民族乡): reports write the place
// name without it as often as with it (大坪乡).
const ETHNIC_NAMES =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 ' +
  '达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 ' +
  '赫哲 门巴 珞巴 基诺';
const ETHNIC = new RegExp(`(?:(?:${ETHNIC_NAMES.split(' ').join('|')})族)+$|民族$`);
const townCore = (short: string): string => {
  const core = short.replace(ETHNIC, '');
  return core.length >= 2 ? core : short;
};

/**
 * Whether two short names of townships (果耶, 大坪彝族) name the same one: equal, one ending the other
 * (a name given with or without its county), or the same without the ethnic designation.
 */
export function sameTownship(a: string, b: string): boolean {
  if (a === b || a.endsWith(b) || b.endsWith(a)) return true;
  const ca = townCore(a);
  const cb = townCore(b);
  return ca === cb || ca.endsWith(cb) || cb.endsWith(ca);
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
  if (isZone(place)) {
    for (const [re, type] of ZONE_TYPES) if (re.test(place)) return place.replace(re, '') + type;
    return place;
  }
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
      // A zone is told apart from other zones only (a zone lies inside a 区 or 县 of its own).
      if (placeLevel(q) !== level || isZone(p) !== isZone(q)) continue;
      const qs = placeShort(q);
      if (!(ps.startsWith(qs) || qs.startsWith(ps))) return true;
    }
  }
  return false;
}

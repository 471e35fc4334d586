import type { AgencyKind } from './types';

/**
 * The kind of an agency from its name: 镇/乡/街道(办事处) → township; 人民政府, a bare division
 * (某某市, 某某区) and the administrative committee of an area that reports for the whole area
 * (某某新区, 某某高新区管委会, 某某经济技术开发区管理委员会, 某某综合实验区) → government; 局/委/办… →
 * department (also 某某新区经济发展局, 某某区农业农村局). The importer uses it for published reports;
 * the report file reader fills `agency.kind` with it when a file leaves the kind out.
 */

/** Areas whose administrative committee reports for the whole area, like a county-level government. */
const AREA =
  /(新区|开发区|高新区|高新技术产业开发区|经济技术开发区|经开区|综合实验区|实验区|试验区|示范区|自由贸易试验区|自贸区|保税港区|保税区|综合保税区|工业园区|产业园区|园区|合作区|度假区|风景名胜区|风景区|管理区|林区|农场|矿区)$/;
/** An administrative committee's name at the end (with its Party working committee, 党工委、管委会). */
const COMMITTEE = /(?:党工委[、,，和]?)?(?:管理委员会|管委会|管委)$/;
/** What precedes 管理委员会 in a department's name: the field it manages, not an area. */
const FUNCTION_COMMITTEE =
  /(城市|城乡|国有资产监督|资产监督|国资|交通|卫生|人口|计划|体育|住房|环境|市场|文物|机关事务|事务)$/;
const DEPARTMENT =
  /(局|委员会|委|办公室|办公厅|办|厅|部|署|中心|院|所|处|站|队|会|馆|分局|支队|大队|监狱|集团|公司|学校|医院)$/;

/**
 * The kind, and — when the name leaves it open — why (the publication deadline depends on it:
 * county-level governments and area committees by 31 March, departments and townships by 31 January).
 */
export function agencyKindOf(name: string): { kind: AgencyKind; open?: string } {
  // A second name in brackets at the end (某某街道办事处（某某镇）) does not change the kind.
  const n = name.replace(/\s+/g, '').replace(/^(.{2,}?)[（(][^（()）]*[)）]$/, '$1');
  if (!n) return { kind: 'other', open: '未识别机关名称' };
  if (/(镇|乡|街道|街道办事处|街道办|苏木|民族乡)(人民政府|政府|办事处)?$/.test(n) || /(镇|乡)人民政府/.test(n))
    return { kind: 'township' };
  if (/人民政府$|(省|市|县|区|旗|州|盟)政府$/.test(n)) return { kind: 'government' };
  // 某某新区, 某某高新区管委会, 某某经济技术开发区管理委员会: the area's own report.
  const committee = COMMITTEE.exec(n);
  const area = committee ? n.slice(0, committee.index) : n;
  if (AREA.test(area) && !/(局|办公室|中心|处|科)$/.test(area)) return { kind: 'government' };
  // 城市管理委员会, 国有资产监督管理委员会: a department whose name ends like a committee's.
  if (committee && !FUNCTION_COMMITTEE.test(area))
    return {
      kind: 'other',
      open: `从名称“${n}”看不出该管理委员会是代表所辖区域发布年报，还是作为工作部门发布`,
    };
  if (DEPARTMENT.test(n)) return { kind: 'department' };
  // A bare division (某某市, 某某区, 某某县): the report of its government.
  if (/(省|市|县|区|旗|州|盟|自治州|自治县|自治旗)$/.test(n) && n.length <= 14) return { kind: 'government' };
  return { kind: 'other', open: `从名称“${n}”看不出机关类别` };
}

export function agencyKind(name: string): AgencyKind {
  return agencyKindOf(name).kind;
}

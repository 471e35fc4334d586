import type { AgencyKind } from './types';

/**
 * The kind of an agency from its name (镇/乡/街道 → township, 人民政府 → government, 局/委/办… →
 * department, 管委会 and the rest → other). The importer uses it for published reports; the report
 * file reader fills `agency.kind` with it when a file leaves the kind out.
 */
export function agencyKind(name: string): AgencyKind {
  const n = name.replace(/\s+/g, '');
  if (!n) return 'other';
  if (/(镇|乡|街道|街道办事处|苏木)(人民政府|政府)?$/.test(n) || /(镇|乡)人民政府/.test(n)) return 'township';
  if (/人民政府$|(省|市|县|区|旗|州|盟)政府$/.test(n)) return 'government';
  if (/(管理委员会|管委会)$/.test(n)) return 'other';
  if (/(局|委员会|委|办公室|办公厅|办|厅|部|署|中心|院|所|处|站|队|会|馆|分局|支队|大队|监狱)$/.test(n))
    return 'department';
  return 'other';
}

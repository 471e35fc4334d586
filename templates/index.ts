import type { FormatId, TemplateDef, TableDef, TableId } from './types';
import { GOV_2021 } from './gov-2021';
import { GOV_2019 } from './gov-2019';

export * from './types';
export { GOV_2021 } from './gov-2021';
export { GOV_2019 } from './gov-2019';
export { T3_COLUMNS, T3_APPLICANT_COLUMNS, T3_NOTE } from './table3';
export { T4_GROUPS, T4_RESULTS } from './table4';
export { SECTIONS, OVERVIEW_TOPICS } from './sections';

export const TEMPLATES: readonly TemplateDef[] = [GOV_2021, GOV_2019];

/** The template of a format; pre-2019 reports have no tables and are read with the current sections. */
export function templateFor(format: FormatId): TemplateDef {
  return format === 'gov-2019' ? GOV_2019 : GOV_2021;
}

/** The official format that applies to a report year. */
export function formatForYear(year: number): FormatId {
  if (year >= 2021) return 'gov-2021';
  if (year >= 2019) return 'gov-2019';
  return 'pre-2019';
}

export function tableOf(template: TemplateDef, id: TableId): TableDef {
  const table = template.tables.find((t) => t.id === id);
  if (!table) throw new Error(`template ${template.id} has no table ${id}`);
  return table;
}

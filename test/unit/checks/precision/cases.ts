import { runChecks } from '../../../../shared/checks/index';
import type { Finding, RuleId } from '../../../../shared/checks/types';
import type { AgencyKind, Report } from '../../../../shared/model/types';
import { makeReport, withParagraph, type FixtureOptions } from '../../../fixtures/factory';

/**
 * Precision cases of the text rules: a sentence as a real report of a town, county, district,
 * development zone or department writes it, put into an otherwise consistent report of that agency.
 * Each rule has a “must fire” list (the defect a careful reader would point out) and a “must stay
 * quiet” list (consistent sentences the rule must not mistake for one).
 */

export interface Agency {
  name: string;
  kind: AgencyKind;
}

export const AGENCIES = {
  district: { name: '淮安市洪泽区人民政府', kind: 'government' },
  districtShort: { name: '云溪区人民政府', kind: 'government' },
  county: { name: '和平县人民政府', kind: 'government' },
  city: { name: '淮安市人民政府', kind: 'government' },
  zone: { name: '云溪经济开发区管理委员会', kind: 'other' },
  highTech: { name: '青岚高新技术产业开发区管理委员会', kind: 'other' },
  township: { name: '舟曲县果耶镇人民政府', kind: 'township' },
  townshipShort: { name: '岭北县果林镇', kind: 'township' },
  street: { name: '青岚区城南街道办事处', kind: 'township' },
  countyBureau: { name: '云溪县市场监督管理局', kind: 'department' },
  cultureBureau: { name: '和田县文化体育广播电视和旅游局', kind: 'department' },
  districtBureau: { name: '淮安市洪泽区教育局', kind: 'department' },
  cityBureau: { name: '陆丰市文化广电旅游体育局', kind: 'department' },
  govOffice: { name: '云溪区人民政府办公室', kind: 'department' },
  taxBureau: { name: '国家税务总局云溪县税务局', kind: 'department' },
  hospital: { name: '江州市第一人民医院', kind: 'other' },
  ethnicXiang: { name: '云溪县大坪彝族乡人民政府', kind: 'township' },
  street3: { name: '江州市清河区新华路街道办事处', kind: 'township' },
  countyCity: { name: '江阴市人民政府', kind: 'government' },
} as const satisfies Record<string, Agency>;

export interface Case {
  agency: Agency;
  text: string;
  /** Where the sentence stands (default: a paragraph of 一、总体情况). */
  where?: 'overview' | 'problems' | 'other' | 'preamble';
  /** Table figures of the report (consistent tables are built from them). */
  tables?: Pick<FixtureOptions, 't2' | 't3' | 't4'>;
  /** For “must fire”: the words the finding quotes or names (its `actual`, or part of its message). */
  names?: string;
}

export function reportOf(c: Case, year = 2024): Report {
  const base = makeReport({ agency: c.agency.name, kind: c.agency.kind, year, ...c.tables });
  const where = c.where ?? 'overview';
  if (where === 'preamble') return { ...base, preamble: c.text };
  return withParagraph(base, where, c.text);
}

export const findingsOf = (rule: RuleId, c: Case, last?: Report): Finding[] =>
  runChecks(reportOf(c), { now: new Date('2025-01-20T00:00:00Z'), ...(last ? { last } : {}) }).filter(
    (f) => f.rule === rule,
  );

/** A readable line for a failed case. */
export const show = (c: Case, fs: Finding[]) =>
  `${c.agency.name}：${c.text}\n  → ${fs.map((f) => f.message).join('\n  → ') || '（无）'}`;

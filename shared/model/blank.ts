import { formatForYear, templateFor } from '../../templates/index';
import {
  REPORT_KIND,
  SCHEMA_VERSION,
  SECTION_IDS,
  type AgencyKind,
  type Cells,
  type FormatId,
  type Report,
} from './types';
import { TITLE_SUFFIX } from './title';

export { TITLE_SUFFIX };

/** 和田县文化体育广播电视和旅游局 + 2023 → 和田县文化体育广播电视和旅游局2023年政府信息公开工作年度报告 */
export function suggestTitle(agencyName: string, year: number): string {
  return `${agencyName.trim()}${year}年${TITLE_SUFFIX}`;
}

/** The usual opening paragraph: legal basis, the six parts, statistics period, where to ask. */
export function suggestPreamble(agencyName: string, year: number): string {
  const name = agencyName.trim() || '本机关';
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。` +
    `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、` +
    `存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。` +
    `如对本报告有疑问，请与${name}联系。`
  );
}

const HEX = '0123456789abcdef';

/**
 * A new report id: a version-4 UUID (122 random bits, as `crypto.randomUUID` gives) drawn from
 * Math.random — V8's generator, seeded per process from the system's entropy, never repeating within
 * one. Not `globalThis.crypto`: in Node its first use loads the whole webcrypto module (≈ 0.3–1.4 ms,
 * inside a user's first import); an id needs uniqueness, not secrecy.
 */
export function newId(): string {
  let id = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) id += '-';
    else if (i === 14) id += '4';
    else if (i === 19) id += HEX[8 + Math.floor(Math.random() * 4)];
    else id += HEX[Math.floor(Math.random() * 16)];
  }
  return id;
}

/** Every data cell of the format's tables, blank. */
export function blankCells(format: FormatId): Cells {
  if (format === 'pre-2019') return {};
  const cells: Cells = {};
  for (const key of Object.keys(templateFor(format).fields)) cells[key] = null;
  return cells;
}

export interface BlankReportInput {
  agency: string;
  kind: AgencyKind;
  year: number;
  format?: FormatId;
  now?: Date;
}

/** A new, empty report for an agency, kind and year (the format follows the year unless given). */
export function blankReport({ agency, kind, year, format, now = new Date() }: BlankReportInput): Report {
  const fmt = format ?? formatForYear(year);
  const stamp = now.toISOString();
  return {
    kind: REPORT_KIND,
    schemaVersion: SCHEMA_VERSION,
    format: fmt,
    year,
    agency: { name: agency.trim(), kind },
    title: suggestTitle(agency, year),
    preamble: '',
    sections: SECTION_IDS.map((id) => ({ id, blocks: [] })),
    cells: blankCells(fmt),
    signature: { name: agency.trim(), date: '' },
    meta: { id: newId(), status: 'draft', createdAt: stamp, updatedAt: stamp },
  };
}

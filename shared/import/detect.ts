import { GOV_2019, GOV_2021, formatForYear, type FormatId } from '../../templates/index';
import { matchKey } from './text-utils';

/**
 * Format, year and agency of an imported report (format-2021.md §4.1: the first vocabulary that
 * matches wins — 2021 table words, then 2019 table words, then pre-2019 phrases; the year decides
 * only when none is found).
 */

/** Phrases of pre-2019 reports (format-2021.md §4.1; these have no template to take them from). */
const PRE_2019 = [
  '政府信息公开的收费及减免情况',
  '依申请公开政府信息情况',
  '因政府信息公开申请行政复议、提起行政诉讼的情况',
  '国务院令第492号',
  '政府信息公开情况统计表',
  '回应解读情况',
  '机构建设和保障经费情况',
  '不同意公开答复数',
  '申请总数',
];

export interface FormatGuess {
  format: FormatId;
  /** Which vocabulary decided: table words, older phrases, or the year alone. */
  by: 'gov-2021' | 'gov-2019' | 'pre-2019' | 'year';
  word?: string;
}

export function detectFormat(allText: string, year: number | null): FormatGuess {
  const key = matchKey(allText);
  for (const [format, words] of [
    ['gov-2021', GOV_2021.detect],
    ['gov-2019', GOV_2019.detect],
    ['pre-2019', PRE_2019],
  ] as const) {
    const hit = words.find((w) => key.includes(matchKey(w)));
    if (hit) return { format, by: format, word: hit };
  }
  return { format: formatForYear(year ?? 2021), by: 'year' };
}

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** The report year: from the title, else the statistics period, else the text. */
export function detectYear(title: string, text: string, publishedAt?: string): { year: number | null; from: string } {
  const t = /((?:19|20)\d{2})\s*年/.exec(title);
  if (t) return { year: Number(t[1]), from: '标题' };
  const period =
    /统计(?:期限|期间|时限|截止日期|时间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日|统计(?:截止日期|截止时间)[^。]{0,8}?((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日|((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*[至到—-]\s*(?:(?:19|20)\d{2}\s*年\s*)?12\s*月\s*31\s*日/.exec(
      text,
    );
  if (period) return { year: Number(period[1] ?? period[2] ?? period[3]), from: '统计期限' };
  const counts = new Map<number, number>();
  const head = text.slice(0, 20000);
  for (const m of head.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y >= 2000 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size) {
    const [y] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    return { year: y, from: '正文中出现最多的年份' };
  }
  if (publishedAt) return { year: Number(publishedAt.slice(0, 4)) - 1, from: '发布日期' };
  return { year: null, from: '' };
}

/** The agency: the title without its year and 政府信息公开工作年度报告. */
export function agencyFromTitle(title: string): string {
  let t = title.replace(/\s+/g, '');
  t = t.replace(/^关于/, '').replace(/^(\d{4})年度?/, '');
  const cut = t.search(/政府信息公开|政务公开|信息公开/);
  if (cut > 0) t = t.slice(0, cut);
  else if (cut === 0) return '';
  t = t
    .replace(/[（(]?(\d{4})\s*年度?[)）]?$/, '')
    .replace(/(\d{4})\s*年度?/, '')
    .replace(/[《“"]/g, '');
  return t.replace(/[，,:：、\s]+$/, '').trim();
}

export { agencyKind, agencyKindOf } from '../model/agency-kind';

/**
 * Years in text carried over from last year's report. Each mention of last year (or of the year
 * after it, as in a plan "2024年，我局将…") is a candidate to move forward by one year, except in
 * phrases that really mean the earlier year: comparisons (较2023年, 比2023年, 与2023年相比, 同比),
 * carry-over (2023年结转), starting points (自2023年以来), document numbers (〔2023〕5号) and dates of
 * laws and documents (2019年5月15日起施行, 2023年印发).
 */

export interface YearMention {
  start: number;
  end: number;
  year: number;
  /** The year it should read in the new report, or null when it must be left alone. */
  suggested: number | null;
  /** Why it is left alone, in Chinese (shown on hover). */
  reason?: string;
}

// A four-digit year followed by 年 (年度 included), not part of a longer number.
const YEAR = /(?<![0-9０-９])((?:19|20)\d{2})(?=\s*年)/g;

const KEEP_BEFORE: [RegExp, string][] = [
  [/(较|比|与|同|相对于|对比|对照|和)\s*$/, '比较前一年份，保持不变'],
  [/(自|从)\s*$/, '时间起点，保持不变'],
  [/[〔[［(（]\s*$/, '文号中的年份，保持不变'],
];

const KEEP_AFTER: [RegExp, string][] = [
  [/^\s*年度?\s*(结转|同期|相比|相较|以来|以前|之前|底前)/, '指上一年度的数据或起点，保持不变'],
  [/^\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(起?施行|起?实施|印发|发布|公布|通过|修订)/, '法规、文件的日期，保持不变'],
  [/^\s*年\s*(印发|发布|修订|施行)/, '文件的发布年份，保持不变'],
  [/^\s*[〕\]］)）]/, '文号中的年份，保持不变'],
];

/** Year mentions of a text with suggestions for a report moved from `fromYear` to `toYear`. */
export function yearMentions(text: string, fromYear: number, toYear: number): YearMention[] {
  const shift = toYear - fromYear;
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR)) {
    const start = m.index!;
    const end = start + m[1]!.length;
    const year = Number(m[1]);
    const before = text.slice(Math.max(0, start - 6), start);
    const after = text.slice(end, end + 24);
    const kept = KEEP_BEFORE.find(([re]) => re.test(before)) ?? KEEP_AFTER.find(([re]) => re.test(after));
    if (kept) out.push({ start, end, year, suggested: null, reason: kept[1] });
    else if (year === fromYear || year === fromYear + 1) out.push({ start, end, year, suggested: year + shift });
    else
      out.push({
        start,
        end,
        year,
        suggested: null,
        reason: year < fromYear ? '更早的年份，保持不变' : '不是报告年度，保持不变',
      });
  }
  return out;
}

/** Applies the suggestions (all, or only those whose start offsets are listed). */
export function applyYearSuggestions(text: string, mentions: YearMention[], only?: ReadonlySet<number>): string {
  let out = '';
  let pos = 0;
  for (const m of mentions) {
    if (m.suggested === null || (only && !only.has(m.start))) continue;
    out += text.slice(pos, m.start) + String(m.suggested);
    pos = m.end;
  }
  return out + text.slice(pos);
}

import type { Rule } from '../engine';
import type { Finding } from '../types';
import type { CheckContext } from '../context';
import { spanOf } from '../text/blocks';
import { parseChineseNumber } from '../../model/numerals';

/**
 * TEXT-STALE-YEAR: a year before the report year used as if it were the report year
 * (“2022年，我局…”, “统计期限为2022年1月1日” in a 2023 report) — the mark of last year's text copied.
 * Years are fine in comparisons (较2022年, 与2022年相比), carry-over (2022年结转), starting points
 * (2019年以来, 自2019年), dates of laws and documents (2019年5月15日起施行, 2020年印发), book titles
 * (《…2022年…》), ranges (2021—2025年), lists of years (2022年、2023年连续两年), last year's appraisal and
 * honours (2023年度考核中获评优秀) and open tasks (2023年未完成的整改任务), and any year after the report year
 * (plans: 2025年我们将…).
 */

const YEAR = /(?<![0-9])((?:19|20)\d{2})(?=年)|([二一][〇零○][〇零○一二三四五六七八九]{2})(?=年)/g;

const KEEP_BEFORE =
  /(?:较|比|与|同|相对于|相比于|对比|对照|和|自|从|于|截至上|至|—|－|-|~|～|到|\d年、|(?:上一?年度?|去年|前一年度?|上年同期)（|巩固|延续|总结|回顾)$/;
const KEEP_AFTER = [
  /^年度?(?:结转|同期|相比|相较|比较|以来|以前|之前|前|底前|基础上|水平|数据|的数据|报告|年报|政府信息公开工作年度报告)/,
  /^年\d{1,2}月(?:\d{1,2}日)?(?:起|开始|正式)?(?:施行|实施|印发|发布|公布|通过|修订|修正|颁布|起施行|生效)/,
  /^年(?:度)?(?:新)?(?:印发|发布|修订|修正|施行|颁布|制定|出台|通过)/,
  /^年(?:度)?(?:上半年|下半年|\d{1,2}月(?:\d{1,2}日)?|第?[一二三四1-4]季度|底|末)?(?:起|开始|以来|至今)/,
  /^年(?:度)?、(?:19|20)\d{2}年/, // a list of years (2022年、2023年连续两年…)
  /^年(?:度)?(?:及|和|或)(?:以前|之前|此前|以往|往年|更早)/, // 2023年及以前年度制发的文件
  // Last year's appraisal, honours and open tasks are reported the year after.
  /^年(?:度)?[^，。；]{0,14}?(?:考核|考评|评估|测评|评议|评比|评选|排名|先进|优秀|表彰)/,
  /^年(?:度)?(?:未完成|遗留|存在的|提出的|发现的|反馈的|指出的|部署的|确定的)/,
  /^年(?:度)?(?:至|到|—|－|-|~|～)/,
  /^年\d{1,2}月\d{1,2}日(?:第|国务院)/, // 2019年4月3日国务院令第711号修订
];

// What is made of last year in the report year: its final accounts, audit, statistics bulletin and reports
// on it (公开2023年度部门决算, 2023年度审计工作报告, 2023年国民经济和社会发展统计公报, 2023年度法治政府建设情况报告)
// and the results of its last quarter (2023年第四季度“双随机、一公开”抽查结果). Only the year right before the
// report's: older ones are stale. (2023年12月，我局… stays a finding: last year's events told as this year's.)
const LAST_YEAR_MATTERS =
  /^年(?:度)?(?:[^，。；、]{0,12}?(?:决算|审计|统计公报|统计年鉴|工作报告|情况报告|年度报告|工作总结|执行情况|完成情况|办理情况)|第?四季度[^，。；]{0,12}?(?:结果|情况|数据|信息|报告))/;

// A date in brackets after a name tells when something happened to it (原小河乡（2019年撤并）, 便民服务中心
// （2021年建成）): history, not the report's year. A bare “（2023年）” may be the report's year: not kept.
const EVENT_IN_BRACKETS =
  /^年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:撤并|合并|并入|撤销|撤乡|撤镇|设立|成立|组建|挂牌|更名|划入|划归|划转|改制|建成|投用|启用|开通|迁入)[^，。；（）]{0,8}）/;

// The statistics period of the report (统计期限自2023年1月1日起至2023年12月31日止) names the report year and
// no other: a past year there is last year's text, whatever word (自, 至, 从) stands before it.
const PERIOD_AFTER =
  /^年(?:1|一|01)月(?:1|一|01)日(?:起)?(?:至|到|—|－|-|~|～)(?:((?:19|20)\d{2})年)?(?:12|十二)月(?:31|三十一)日|^年(?:12|十二)月(?:31|三十一)日(?:止)?(?:[。；，）]|$)/;
const PERIOD_WORDS = /统计(?:期限|期间|时限|时段|时间|区间|周期|范围)|数据(?:的)?统计/;
const COMPARE_BEFORE = /(?:较|比|与|同|相对于|相比于|对比|对照)$/;

/** Whether the year at `start` dates the report's statistics period. */
function inPeriod(text: string, start: number, end: number, year: number): boolean {
  const m = PERIOD_AFTER.exec(text.slice(end, end + 24));
  if (!m) return false;
  // One calendar year (2023年1月1日至12月31日), not a span of years (a plan of 2022年1月1日至2024年12月31日).
  if (m[0].startsWith('年1') || m[0].startsWith('年一') || m[0].startsWith('年01'))
    return !m[1] || Number(m[1]) === year;
  // 至2023年12月31日: the end of a period, when the clause names one.
  return PERIOD_WORDS.test(text.slice(Math.max(0, start - 40), start));
}

function insideBookTitle(text: string, at: number): boolean {
  // Book titles are short: look back a bounded way (a paragraph may hold many years).
  const window = text.slice(Math.max(0, at - 80), at);
  const open = window.lastIndexOf('《');
  return open >= 0 && window.lastIndexOf('》') < open;
}

function* staleYear(ctx: CheckContext): Iterable<Finding> {
  const year = ctx.report.year;
  if (!Number.isInteger(year)) return;
  for (const block of ctx.blocks) {
    if (block.kind === 'title' || block.kind === 'signature') continue;
    const text = block.norm.text;
    if (!text) continue;
    const stale: { start: number; end: number; year: number }[] = [];
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
      const y = m[1] ? Number(m[1]) : parseChineseNumber(m[2]!);
      if (y === null || y >= year) continue;
      const start = m.index;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 6), start);
      const after = text.slice(end, end + 24);
      const period = !COMPARE_BEFORE.test(before) && inPeriod(text, start, end, y);
      if (
        !period &&
        (KEEP_BEFORE.test(before) ||
          KEEP_AFTER.some((re) => re.test(after)) ||
          (before.endsWith('（') && EVENT_IN_BRACKETS.test(after)) ||
          (y === year - 1 && LAST_YEAR_MATTERS.test(after)) ||
          insideBookTitle(text, start))
      )
        continue;
      stale.push({ start, end, year: y });
    }
    if (!stale.length) continue;
    const first = stale[0]!;
    // Quote the year with the words after it, up to the end of the clause.
    let qEnd = Math.min(text.length, first.end + 9);
    const stop = text.slice(first.end + 2, qEnd).search(/[。；！？]/);
    if (stop >= 0) qEnd = first.end + 2 + stop;
    const quote = text.slice(first.start, qEnd);
    const years = [...new Set(stale.map((s) => s.year))].join('年、');
    yield {
      rule: 'TEXT-STALE-YEAR',
      severity: 'warning',
      message:
        `本段提到${years}年（“${quote}”${stale.length > 1 ? `等 ${stale.length} 处` : ''}），而本报告是${year}年度的，可能沿用了往年报告的文字。` +
        '请改为本年度的情况；如确指往年（例如比较、引用文件），请忽略并说明。',
      span: spanOf(block, first.start, first.end + 1),
      expected: year,
      actual: first.year,
      fingerprint: `year|${quote}`,
    };
  }
}

export const textYearRules: Rule[] = [staleYear];

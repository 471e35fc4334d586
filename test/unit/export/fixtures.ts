import { blankReport } from '../../../shared/model/blank';
import { computeTotals } from '../../../shared/model/totals';
import type { Block, Report } from '../../../shared/model/types';
import { sampleReport } from '../../../shared/sample/sample-report';
import { GOV_2019, GOV_2021 } from '../../../templates/index';

/** Synthetic reports with every kind of content the exports must carry (modelled on the samples). */

const h2 = (text: string): Block => ({ type: 'heading', level: 2, text });
const h3 = (text: string): Block => ({ type: 'heading', level: 3, text });
const p = (text: string): Block => ({ type: 'paragraph', text });

const NOW = new Date('2025-01-15T08:00:00+08:00');

/** Both heading levels, blanks next to zeros, a decimal fee, long and special-character texts. */
export function richReport(): Report {
  const base = sampleReport(NOW);
  const long = '持续深化政务公开标准化规范化建设，'.repeat(60) + '取得明显成效。';
  const cells = { ...base.cells };
  cells['t2.admin_fees.amount'] = 24252.311082;
  cells['t2.regulations.issued'] = null; // blank, not 0
  cells['t3.deny_query.research'] = null;
  return {
    ...base,
    title: '云溪县市场监督管理局2024年政府信息公开工作年度报告',
    preamble: '第一段引言：依据《条例》编制。\n\n第二段引言 & <特殊> "引号" ]]> 以及 emoji 📄✅。',
    sections: base.sections.map((s) => {
      if (s.id === 'overview') {
        return {
          ...s,
          blocks: [
            ...s.blocks,
            h2('（六）其他工作'),
            h3('1. 政务新媒体'),
            p('第一行\n第二行（段内换行）'),
            h3('2. 特殊字符'),
            p('A&B <tag> "quoted" \'single\' ]]> &amp; \u00a0不换行空格 😀 𠀀 —— ～'),
            p(long),
          ],
        };
      }
      if (s.id === 'proactive') return { ...s, blocks: [p('本年度主动公开情况见下表。')] };
      if (s.id === 'review') return { ...s, blocks: [] }; // empty section: only the table
      return s;
    }),
    cells,
  };
}

/** A report with every text part empty except the required skeleton (all sections empty). */
export function emptyReport(): Report {
  const r = blankReport({ agency: '测试县人民政府办公室', kind: 'government', year: 2023, now: NOW });
  return { ...r, signature: { name: '', date: '' } };
}

/** A 2020 report in the 2019 format (t2_2019 cells, one （六）其他处理 row, negative 本年增/减). */
export function report2019(): Report {
  const r = blankReport({ agency: '示例市生态环境局', kind: 'department', year: 2020, now: NOW });
  const cells = { ...r.cells };
  let n = 0;
  for (const key of Object.keys(GOV_2019.fields))
    cells[key] = (n++ % 7) + (key.includes('procurement.amount') ? 0.25 : 0);
  cells['t2_2019.licensing.change'] = -8;
  cells['t2_2019.penalty.change'] = 0;
  return {
    ...r,
    preamble: '本报告根据《中华人民共和国政府信息公开条例》要求编制。',
    sections: r.sections.map((s) =>
      s.id === 'overview' ? { ...s, blocks: [h2('（一）主动公开'), p('2020年主动公开信息512条。')] } : s,
    ),
    cells: computeTotals(cells, GOV_2019),
    signature: { name: '示例市生态环境局', date: '2021-01-29' },
  };
}

/** A 2016 report: free text and a few matched statistics as legacy cells. */
export function reportPre2019(): Report {
  const r = blankReport({ agency: '旧县人民政府', kind: 'government', year: 2016, format: 'pre-2019', now: NOW });
  return {
    ...r,
    preamble: '本报告由旧县人民政府办公室编制。',
    sections: r.sections.map((s) =>
      s.id === 'overview'
        ? { ...s, blocks: [p('一、概述（原文）。'), p('政府信息公开的收费及减免情况：未收取任何费用。')] }
        : s,
    ),
    cells: {
      'legacy.主动公开政府信息数': 1234,
      'legacy.申请总数': 17,
      'legacy.不同意公开答复数': 0,
      'legacy.收费金额万元': 0.5,
      'legacy.空白项': null,
    },
    signature: { name: '旧县人民政府办公室', date: '2017-03-30' },
  };
}

/** A 2023 report printed with one （六）其他处理 row (t3.other.*), as some agencies still publish. */
export function reportLegacyOtherRow(): Report {
  const base = sampleReport(NOW);
  const cells = { ...base.cells };
  for (const col of GOV_2021.t3Columns) {
    for (const row of ['other_no_correction', 'other_no_fee', 'other_other']) cells[`t3.${row}.${col.key}`] = null;
    cells[`t3.other.${col.key}`] =
      col.key === 'natural' ? 1 : col.key === 'total' ? 2 : col.key === 'other_org' ? 1 : 0;
  }
  return { ...base, year: 2023, title: '云溪县市场监督管理局2023年政府信息公开工作年度报告', cells };
}

/** An agency name with characters Windows forbids in file names. */
export function awkwardNameReport(): Report {
  const base = sampleReport(NOW);
  return { ...base, agency: { ...base.agency, name: '某某局/办公室: "测试"?' } };
}

export const ALL_FIXTURES: [string, () => Report][] = [
  ['sample', () => sampleReport(NOW)],
  ['rich', richReport],
  ['empty', emptyReport],
  ['gov-2019', report2019],
  ['pre-2019', reportPre2019],
  ['legacy （六） row', reportLegacyOtherRow],
  ['awkward name', awkwardNameReport],
];

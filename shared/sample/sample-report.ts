import { GOV_2021 } from '../../templates/index';
import { blankReport } from '../model/blank';
import { computeTotals } from '../model/totals';
import type { Block, Cells, Report } from '../model/types';

/**
 * A complete, consistent 2024 report of a fictional county bureau (云溪县市场监督管理局),
 * written like the published samples. It is the app's “示例年报” and the base of many tests:
 * every check must stay quiet on it.
 */

const h = (text: string): Block => ({ type: 'heading', level: 2, text });
const p = (text: string): Block => ({ type: 'paragraph', text });

export const SAMPLE_AGENCY = '云溪县市场监督管理局';

/** Table 3 figures by row: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]. */
const T3: Record<string, number[]> = {
  new_received: [21, 4, 0, 0, 2, 1],
  carried_over: [2, 0, 0, 0, 0, 0],
  res_open: [9, 2, 0, 0, 1, 0],
  res_partial: [3, 1, 0, 0, 0, 0],
  deny_secret: [0, 0, 0, 0, 0, 0],
  deny_law: [0, 0, 0, 0, 0, 0],
  deny_safety: [0, 0, 0, 0, 0, 0],
  deny_third: [1, 0, 0, 0, 0, 0],
  deny_internal: [0, 0, 0, 0, 0, 0],
  deny_process: [1, 0, 0, 0, 0, 0],
  deny_case_file: [0, 0, 0, 0, 0, 0],
  deny_query: [0, 0, 0, 0, 0, 0],
  unable_not_held: [4, 1, 0, 0, 1, 0],
  unable_create: [1, 0, 0, 0, 0, 0],
  unable_unclear: [0, 0, 0, 0, 0, 0],
  noproc_petition: [1, 0, 0, 0, 0, 0],
  noproc_repeat: [1, 0, 0, 0, 0, 0],
  noproc_publication: [0, 0, 0, 0, 0, 0],
  noproc_excessive: [0, 0, 0, 0, 0, 0],
  noproc_confirm: [0, 0, 0, 0, 0, 0],
  other_no_correction: [1, 0, 0, 0, 0, 0],
  other_no_fee: [0, 0, 0, 0, 0, 0],
  other_other: [0, 0, 0, 0, 0, 1],
  carry_next: [1, 0, 0, 0, 0, 0],
};

export function sampleCells(): Cells {
  const cells: Cells = {
    't2.regulations.issued': 0,
    't2.regulations.repealed': 0,
    't2.regulations.in_force': 0,
    't2.normative_docs.issued': 3,
    't2.normative_docs.repealed': 1,
    't2.normative_docs.in_force': 12,
    't2.licensing.decisions': 1865,
    't2.penalty.decisions': 214,
    't2.coercion.decisions': 37,
    't2.admin_fees.amount': 0,
    't4.review.maintained': 1,
    't4.review.corrected': 0,
    't4.review.other': 1,
    't4.review.pending': 0,
    't4.lit_direct.maintained': 1,
    't4.lit_direct.corrected': 0,
    't4.lit_direct.other': 0,
    't4.lit_direct.pending': 0,
    't4.lit_after_review.maintained': 0,
    't4.lit_after_review.corrected': 0,
    't4.lit_after_review.other': 0,
    't4.lit_after_review.pending': 0,
  };
  const cols = GOV_2021.t3Columns.slice(0, 6).map((c) => c.key);
  for (const [row, values] of Object.entries(T3)) {
    values.forEach((v, i) => (cells[`t3.${row}.${cols[i]}`] = v));
  }
  return computeTotals(cells, GOV_2021);
}

export function sampleReport(now = new Date('2025-01-20T09:00:00+08:00')): Report {
  const base = blankReport({ agency: SAMPLE_AGENCY, kind: 'department', year: 2024, now });
  const sections: Report['sections'] = [
    {
      id: 'overview',
      blocks: [
        p(
          '2024年，云溪县市场监督管理局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），围绕市场监管中心工作，持续深化政务公开，不断提升政府信息公开工作质量。',
        ),
        h('（一）主动公开'),
        p(
          '全年通过县政府门户网站市场监管专栏、政务新媒体等渠道主动公开政府信息1268条，其中行政许可、行政处罚等执法信息按规定在作出决定之日起7个工作日内公开。本年制发行政规范性文件3件，废止1件，现行有效行政规范性文件12件，均已在专栏集中公开。',
        ),
        h('（二）依申请公开'),
        p(
          '严格执行依申请公开受理、审查、答复流程，全年共收到政府信息公开申请28件，上年结转2件，均在法定期限内答复，结转下年度继续办理1件。因政府信息公开被申请行政复议2件，被提起行政诉讼1件。',
        ),
        h('（三）政府信息管理'),
        p(
          '落实公文公开属性源头认定，严格执行“先审查、后公开”和“一事一审”制度，对拟公开信息进行保密审查，全年未发生泄密和不当公开事件。',
        ),
        h('（四）政府信息公开平台建设'),
        p('持续优化政府信息公开专栏，规范栏目设置，及时清理空白栏目和过期信息，政务新媒体账号保持正常更新。'),
        h('（五）监督保障'),
        p(
          '将政务公开工作纳入年度绩效考核，开展业务培训2次，主动接受社会监督，全年未发生因政府信息公开工作引起的责任追究。',
        ),
      ],
    },
    { id: 'proactive', blocks: [] },
    { id: 'requests', blocks: [] },
    { id: 'review', blocks: [] },
    {
      id: 'problems',
      blocks: [
        h('（一）存在的主要问题'),
        p(
          '一是部分执法信息公开的时效性还不够高；二是政策解读形式较为单一，图解、视频等解读产品偏少；三是工作人员业务能力有待进一步提升。',
        ),
        h('（二）改进情况'),
        p(
          '针对上年度报告提出的栏目更新不及时问题，已建立每周巡查机制并完成整改。下一步，将压实执法信息公开责任，丰富政策解读形式，定期组织业务培训，不断提升政务公开工作水平。',
        ),
      ],
    },
    {
      id: 'other',
      blocks: [
        p('本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。'),
        p('本年度认真落实上级年度政务公开工作要点，及时公开人大代表建议和政协提案办理结果。'),
      ],
    },
  ];
  return {
    ...base,
    agency: {
      name: SAMPLE_AGENCY,
      kind: 'department',
      parent: '云溪县人民政府',
      contact: '云溪县市场监督管理局办公室，电话：0000-1234567',
    },
    preamble:
      '本报告根据《中华人民共和国政府信息公开条例》要求编制。' +
      '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。' +
      '本报告所列数据的统计期限为2024年1月1日至12月31日。' +
      '如对本报告有疑问，请与云溪县市场监督管理局办公室联系（电话：0000-1234567）。',
    sections,
    cells: sampleCells(),
    signature: { name: SAMPLE_AGENCY, date: '2025-01-20' },
  };
}

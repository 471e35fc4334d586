import { describe, expect, it } from 'vitest';
import { AGENCIES as A, findingsOf, reportOf, show, type Case } from './cases';
import { runChecks } from '../../../../shared/checks/index';
import type { RuleId } from '../../../../shared/checks/types';

/** TEXT-CLAIM, TEXT-NUMBER and ALL-ZERO: what the text says against the tables. */

// Tables used below (the standard texts of each report agree with them).
type Tables = NonNullable<Case['tables']>;
const SIX: Tables = { t3: { res_open: [4, 0, 0, 0, 0, 0], res_partial: [2, 0, 0, 0, 0, 0] } }; // 6 new, all 自然人
const NO_FEE_2: Tables = { t3: { res_open: [3, 0, 0, 0, 0, 0], other_no_fee: [2, 0, 0, 0, 0, 0] } };
const NO_FEE_3: Tables = { t3: { other_no_fee: [3, 0, 0, 0, 0, 0] } };
const REVIEW_1_1: Tables = { t4: { review: [1, 1, 0, 0] } };
const REVIEW_PENDING: Tables = { t4: { review: [1, 0, 0, 1] } };
const REVIEW_2: Tables = { t4: { review: [2, 0, 0, 0] } };
const REVIEW_3: Tables = { t4: { review: [2, 1, 0, 0] } };
const LIT_1: Tables = { t4: { lit_direct: [1, 0, 0, 0] } };
const BOTH: Tables = { t4: { review: [1, 0, 0, 0], lit_direct: [1, 0, 0, 0] } };
const T3_26: Tables = {
  t3: {
    res_open: [9, 2, 0, 0, 1, 0],
    res_partial: [3, 1, 0, 0, 0, 0],
    unable_not_held: [8, 1, 0, 0, 1, 1],
    carried_over: [2, 0, 0, 0, 0, 0],
    carry_next: [1, 0, 0, 0, 0, 0],
  },
}; // 26 new, 2 carried over, 1 carried to next year

type RuleCase = Case & { rule: RuleId };
const c = (rule: RuleId, agency: Case['agency'], text: string, tables?: Case['tables'], where?: Case['where']) =>
  ({ rule, agency, text, ...(tables ? { tables } : {}), ...(where ? { where } : {}) }) as RuleCase;

const FIRE: RuleCase[] = [
  c('TEXT-CLAIM', A.countyBureau, '本年度未收到政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.township, '2024年，我镇没有接到公众、法人或其他组织要求公开政府信息的申请。', SIX),
  c('TEXT-CLAIM', A.district, '全年无政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.township, '本年度与上年一样，未收到政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.countyBureau, '全年未发生因政府信息公开引起的行政复议、行政诉讼。', REVIEW_2),
  c('TEXT-CLAIM', A.districtBureau, '本年度未被提起政府信息公开行政诉讼。', LIT_1),
  c('TEXT-CLAIM', A.county, '行政复议、行政诉讼均为0件。', BOTH),
  c('TEXT-CLAIM', A.countyBureau, '因政府信息公开被申请行政复议2件，均获维持。', REVIEW_1_1),
  c('TEXT-CLAIM', A.city, '政府信息公开行政复议案件均被维持。', REVIEW_PENDING),
  c('TEXT-CLAIM', A.countyBureau, '本年度未向申请人发出收费通知。', NO_FEE_2, 'other'),
  c('TEXT-CLAIM', A.district, '全年发出收费通知2件，申请人均逾期未缴纳费用。', NO_FEE_3, 'other'),
  c('TEXT-NUMBER', A.district, '2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全年共收到政府信息公开申请十七件，均在法定期限内答复。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '因政府信息公开被申请行政复议3件。', REVIEW_2),
  c('TEXT-NUMBER', A.countyBureau, '结转下年度继续办理3件。', T3_26),
  c('TEXT-NUMBER', A.city, '现行有效行政规范性文件393件。'),
  c('ALL-ZERO', A.township, '2024年，我镇共受理政府信息公开申请5件，均按时答复。'),
  // The agency's own part of a wider figure is its table figure: 45 against 26.
  c('TEXT-NUMBER', A.county, '2024年，全县共受理政府信息公开申请213件，其中县政府本级受理45件。', T3_26),
  // A part (by subject matter) does not stand in for the whole: the whole figure is still compared.
  c('TEXT-NUMBER', A.county, '县政府全年共受理政府信息公开申请30件，其中涉及征地拆迁的受理12件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全年共收到政府信息公开申请30件，其中通过信函收到申请6件，网上申请24件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全系统共受理政府信息公开申请40件，其中局机关受理30件，各分局受理10件。', T3_26),
  // A government's own territory alone: its table may be the territory's sum (汇总).
  c('TEXT-NUMBER', A.county, '2024年，全县共收到政府信息公开申请30件，均已按期答复。', T3_26),
  // Last year's figure beside this year's: this year's is compared.
  c('TEXT-NUMBER', A.countyBureau, '与上年相比，上年度共受理政府信息公开申请30件，本年度受理申请24件。', T3_26),
];

const QUIET: RuleCase[] = [
  // The issue: unpaid fee notices mean no fee was collected.
  c('TEXT-CLAIM', A.countyBureau, '本年度未收取信息处理费。', NO_FEE_2, 'other'),
  c('TEXT-CLAIM', A.district, '无收取信息处理费。', NO_FEE_2, 'other'),
  c('TEXT-CLAIM', A.township, '本年度没有产生信息公开处理费用。', NO_FEE_2, 'other'),
  c(
    'TEXT-CLAIM',
    A.district,
    '2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。',
    NO_FEE_2,
    'other',
  ),
  c(
    'TEXT-CLAIM',
    A.countyBureau,
    '本年度向申请人发出收费通知2件，申请人均逾期未缴费，未收取信息处理费。',
    NO_FEE_2,
    'other',
  ),
  c('TEXT-CLAIM', A.countyBureau, '全年发出收费通知5件，其中3件逾期未缴费、不再处理。', NO_FEE_3, 'other'),
  // Statements about some of the applications only.
  c('TEXT-CLAIM', A.countyBureau, '本年度未收到通过信函方式提交的政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.countyBureau, '未收到法人或其他组织提出的政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.cultureBureau, '未收到要求减免信息处理费的申请。', SIX),
  c('TEXT-CLAIM', A.district, '未收到涉及国家秘密的政府信息公开申请。', SIX),
  c('TEXT-CLAIM', A.township, '与上年相比，上年度未收到政府信息公开申请，本年度收到6件。', SIX),
  // Narrower statements about Table 4, and wishes.
  c('TEXT-CLAIM', A.countyBureau, '未发生因政府信息公开工作被纠错的行政复议案件。', REVIEW_2),
  c('TEXT-CLAIM', A.districtBureau, '未发生政府信息公开行政诉讼败诉案件。', LIT_1),
  c('TEXT-CLAIM', A.countyBureau, '全年未发生因信息公开不及时引发的行政复议。', REVIEW_2),
  c('TEXT-CLAIM', A.district, '通过加强答复说理，有效避免了行政复议和行政诉讼的发生。', BOTH),
  c('TEXT-CLAIM', A.countyBureau, '被申请行政复议2件，均获维持。', REVIEW_2),
  c('TEXT-CLAIM', A.city, '已审结的行政复议案件均获维持，另有1件尚未审结。', REVIEW_PENDING),
  c('TEXT-CLAIM', A.city, '行政复议3件，其中1件结果纠正，其余均维持原行政行为。', REVIEW_3),
  // Figures that are not Table figures, or are Table figures of another scope.
  c('TEXT-NUMBER', A.county, '县政府作为复议机关，全年办理行政复议案件156件，纠错12件。', REVIEW_2),
  c('TEXT-NUMBER', A.city, '全市行政机关负责人出庭应诉行政诉讼案件80件。', LIT_1),
  c('TEXT-NUMBER', A.district, '全年受理行政复议申请45件，依法审结40件。', REVIEW_2),
  c('TEXT-NUMBER', A.countyBureau, '公开行政复议决定书3件。', REVIEW_2),
  c('TEXT-NUMBER', A.district, '主动公开政府信息1268条，发布政策解读12篇，召开新闻发布会5场。', T3_26),
  c('TEXT-NUMBER', A.county, '全年办理人大代表建议12件、政协提案15件，办理结果全部公开。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '受理政务咨询30件，办理12345热线工单520件。', T3_26),
  c('TEXT-NUMBER', A.city, '全年共收到申请300余件。', T3_26),
  c('TEXT-NUMBER', A.county, '全县共受理政府信息公开申请120件，其中本级受理政府信息公开申请26件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全年共受理政府信息公开申请28件（含上年结转2件）。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '新收政府信息公开申请较上年增加5件。', T3_26),
  c('TEXT-NUMBER', A.city, '全年新增市政府政策性文件11件。', T3_26),
  c('TEXT-NUMBER', A.township, '收到群众来信25件，均已办结。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '因政府信息公开被申请行政复议2件，其中结果维持2件。', REVIEW_2),
  // Parts of the applications: by channel, by subject matter, by the office that received them.
  c('TEXT-NUMBER', A.countyBureau, '全年共收到政府信息公开申请26件，其中通过信函收到申请6件，网上申请20件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '通过信函收到申请6件，均已按期答复。', T3_26),
  c('TEXT-NUMBER', A.county, '全县共受理政府信息公开申请213件，其中涉及征地拆迁的受理12件。', T3_26),
  c(
    'TEXT-NUMBER',
    A.county,
    '县政府共受理政府信息公开申请26件。其中，县政府办公室受理20件，县自然资源局受理6件。',
    T3_26,
  ),
  c('TEXT-NUMBER', A.county, '2024年，全县共受理政府信息公开申请213件，其中县政府本级受理26件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全系统共受理政府信息公开申请40件，其中局机关受理26件，各分局受理14件。', T3_26),
  // Wider than the agency: all bodies of the territory, or the territory in a department's report.
  c('TEXT-NUMBER', A.county, '全县各级行政机关共受理政府信息公开申请213件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '全县共受理政府信息公开申请213件，其中涉及市场监管领域的较少。', T3_26),
  c('TEXT-NUMBER', A.county, '2024年，全县共收到政府信息公开申请26件，均已按期答复。', T3_26),
  // Figures of another year.
  c('TEXT-NUMBER', A.countyBureau, '与上年相比，上年度共受理政府信息公开申请30件，本年度受理申请26件。', T3_26),
  c('TEXT-NUMBER', A.countyBureau, '上年度受理政府信息公开申请30件，本年度有所下降。', T3_26),
  // ALL-ZERO: nothing received, or figures of something else.
  c('ALL-ZERO', A.township, '2024年，我镇未收到政府信息公开申请。'),
  c('ALL-ZERO', A.township, '受理群众咨询30件，发放宣传资料500余份。'),
  c('ALL-ZERO', A.township, '上年度我镇共受理政府信息公开申请3件，本年度未收到政府信息公开申请。'),
];

describe('text against tables: must fire', () => {
  it.each(FIRE.map((x) => [`${x.rule} · ${x.text}`, x] as const))('%s', (_t, x) => {
    const f = findingsOf(x.rule, x);
    expect(f.length, show(x, f)).toBeGreaterThanOrEqual(1);
  });
});

describe('text against tables: must stay quiet', () => {
  it.each(QUIET.map((x) => [`${x.rule} · ${x.agency.name} · ${x.text}`, x] as const))('%s', (_t, x) => {
    const f = findingsOf(x.rule, x);
    expect(f, show(x, f)).toEqual([]);
  });

  it('the reports the cases are put into are themselves quiet', () => {
    for (const x of [...FIRE, ...QUIET]) {
      const base = runChecks(reportOf({ ...x, text: '' })).filter((f) => f.rule === x.rule);
      expect(base, `${x.agency.name} ${JSON.stringify(x.tables)}`).toEqual([]);
    }
  });
});

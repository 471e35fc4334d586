import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/checks/text/claims';
import { normalizeText } from '../../../shared/checks/text/normalize';

const claims = (text: string, year = 2024) =>
  analyzeText(normalizeText(text).text, year)
    .claims.filter((c) => !c.approx)
    .map((c) => [c.kind, c.value]);
const statements = (text: string, year = 2024) =>
  analyzeText(normalizeText(text).text, year).statements.map((s) => s.kind);

describe('figure claims (phrasings of published reports)', () => {
  it('reads the requests sentence of a city report, PDF line breaks included', () => {
    const text =
      '2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。';
    expect(claims(text)).toEqual([
      ['received', 3119],
      ['answered', 3050],
      ['carried', 34],
      ['carry_next', 103],
    ]);
  });

  it('reads review and litigation with their results (其中结果维持…)', () => {
    const text =
      '政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。';
    expect(claims(text)).toEqual([
      ['t4:review:total', 351],
      ['t4:review:maintained', 72],
      ['t4:review:corrected', 64],
      ['t4:review:other', 178],
      ['t4:review:pending', 37],
      ['t4:lit:total', 46],
      ['t4:lit:maintained', 25],
      ['t4:lit:corrected', 5],
      ['t4:lit:other', 9],
      ['t4:lit:pending', 7],
    ]);
  });

  it('tells the two kinds of litigation apart', () => {
    expect(claims('被提起行政诉讼3件，其中未经复议直接起诉2件，复议后起诉1件。')).toEqual([
      ['t4:lit:total', 3],
      ['t4:lit_direct:total', 2],
      ['t4:lit_after_review:total', 1],
    ]);
  });

  it('reads Table 2 figures with continuations (废止1件 after 制发行政规范性文件3件)', () => {
    expect(claims('本年制发行政规范性文件3件，废止1件，现行有效行政规范性文件12件。')).toEqual([
      ['t2:normative_docs:issued', 3],
      ['t2:normative_docs:repealed', 1],
      ['t2:normative_docs:in_force', 12],
    ]);
    expect(claims('全年新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。')).toEqual([
      ['t2:regulations:issued', 1],
    ]);
  });

  it('reads Chinese numerals and other units', () => {
    expect(claims('全年共收到政府信息公开申请十七件。')).toEqual([['received', 17]]);
    expect(claims('本年新收政府信息公开申请一百零五件。')).toEqual([['new_received', 105]]);
    expect(claims('被申请行政复议两起。')).toEqual([['t4:review:total', 2]]);
  });

  it('reads figures before the noun (受理了61件…申请) and after it (另有3件结转至2025年)', () => {
    expect(claims('我局受理了 61 件群众来访提出的政府信息公开申请。')).toEqual([['received', 61]]);
    expect(claims('另有3件结转至2025年继续办理。')).toEqual([['carry_next', 3]]);
    expect(claims('另有3件结转至2027年继续办理。')).toEqual([]);
  });

  it('reads the result groups and the applicants after a received figure', () => {
    expect(
      claims(
        '共收到申请30件，其中自然人申请25件，法人或其他组织5件。予以公开12件，部分公开3件，不予公开2件，无法提供8件，不予处理4件，其他处理1件。',
      ),
    ).toEqual([
      ['received', 30],
      ['applicant:natural', 25],
      ['applicant:org', 5],
      ['res_open', 12],
      ['res_partial', 3],
      ['deny', 2],
      ['unable', 8],
      ['noproc', 4],
      ['other', 1],
    ]);
  });

  it('ignores figures that are about something else', () => {
    expect(claims('主动公开政府信息 1268 条，其中行政许可等信息在作出决定之日起 7 个工作日内公开。')).toEqual([]);
    expect(claims('全年受理行政许可事项 120 件，受理群众咨询 30 件。')).toEqual([]);
    expect(claims('共收到申请30件，同比增加5件。')).toEqual([['received', 30]]);
    expect(claims('开展业务培训2次，组织召开新闻发布会 12 场。')).toEqual([]);
    expect(claims('自然人申请25件。')).toEqual([]); // no received figure before it: unclear
    expect(claims('废止1件。')).toEqual([]); // no subject
  });

  it('marks approximate figures', () => {
    const all = analyzeText(normalizeText('共收到政府信息公开申请 300 余件。').text, 2024).claims;
    expect(all).toHaveLength(1);
    expect(all[0]!.approx).toBe(true);
  });

  it('keeps the year of 结转 honest', () => {
    expect(claims('2023年结转申请2件。', 2024)).toEqual([['carried', 2]]);
    expect(claims('2021年结转申请2件。', 2024)).toEqual([]);
  });

  // No time limit (a busy machine must not fail it): quadratic work on these would run into the test timeout.
  it('reads long texts whole', () => {
    const long = '全市共受理政府信息公开申请 3119 件，答复 3050 件。'.repeat(2000);
    expect(claims(long)).toHaveLength(4000);
    // One endless sentence (a PDF page without full stops).
    const run = '行政复议1件，其中结果维持1件，本年制发规范性文件1件，废止1件，'.repeat(4000);
    expect(claims(run)).toHaveLength(16000);
  });
});

describe('statements', () => {
  it('finds “no applications” in its real phrasings', () => {
    expect(statements('2023年和田县文旅局未收到依申请公开政府信息申请，也未向上级相关部门提交相应报告。')).toEqual([
      'no_requests',
    ]);
    expect(statements('我镇政务公开办公室没有接到公众、法人或其他组织要求公开政府信息的申请。')).toEqual([
      'no_requests',
    ]);
    expect(statements('全年无政府信息公开申请。')).toEqual(['no_requests']);
    expect(statements('未收到行政复议申请。')).not.toContain('no_requests');
    expect(statements('对无正当理由大量反复申请的，不予处理。')).toEqual([]);
  });

  it('finds “no review or litigation” and which groups it covers', () => {
    const st = analyzeText(normalizeText('全年未发生因政府信息公开引起的行政复议、行政诉讼。').text, 2024).statements;
    expect(st).toMatchObject([{ kind: 'no_cases', review: true, lit: true }]);
    const r = analyzeText(normalizeText('本年度未被申请行政复议。').text, 2024).statements;
    expect(r).toMatchObject([{ kind: 'no_cases', review: true, lit: false }]);
    expect(statements('有效降低行政复议、行政诉讼发生率和纠错率。')).toEqual([]);
    expect(statements('未经复议直接起诉2件。')).toEqual([]);
  });

  it('finds “all maintained” and “no fee notice sent”; “no fee collected” says nothing about the tables', () => {
    expect(analyzeText(normalizeText('被申请行政复议2件，均获维持。').text, 2024).statements).toMatchObject([
      { kind: 'all_maintained', review: true, lit: false },
    ]);
    expect(statements('本年度未向申请人发出收费通知。')).toEqual(['no_fee_notice']);
    expect(statements('全年没有发出过缴费通知。')).toEqual(['no_fee_notice']);
    // Unpaid fee notices (三（六）2) mean no fee was collected: these are no statement about Table 3.
    expect(statements('本年度未收取信息处理费。')).toEqual([]);
    expect(statements('全年依申请未向申请人收取依申请公开信息处理费。')).toEqual([]);
    expect(statements('本年度没有产生信息公开处理费。')).toEqual([]);
    expect(statements('全年收取政府信息公开信息处理费 0 元。')).toEqual([]);
    expect(statements('全年收取政府信息公开信息处理费 3940 元。')).toEqual([]);
  });
});

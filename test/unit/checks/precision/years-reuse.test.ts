import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../shared/checks/index';
import { lastYearOf, makeReport, withParagraph } from '../../../fixtures/factory';
import { AGENCIES as A, findingsOf, show, type Case } from './cases';

/** TEXT-STALE-YEAR, X-REUSED-TEXT and PUNCTUATION (a hint) on sentences of real reports (2024 reports). */

const STALE_FIRE: Case[] = [
  { agency: A.countyBureau, text: '2023年，我局认真贯彻落实《条例》，持续深化政务公开。' },
  { agency: A.district, where: 'preamble', text: '本报告所列数据的统计期限为2023年1月1日至2023年12月31日。' },
  { agency: A.district, text: '2023年共主动公开政府信息1136条，解读信息发布7条。' },
  { agency: A.township, text: '二〇二三年，我镇坚持以公开促落实。' },
  { agency: A.zone, text: '开发区2023年度共受理政府信息公开申请3件。' },
  { agency: A.township, text: '本年度（2023年）共主动公开政府信息64条。' },
  { agency: A.county, text: '全面公开2022年度县本级财政决算和“三公”经费决算。' },
];

const STALE_QUIET: Case[] = [
  { agency: A.countyBureau, text: '主动公开信息较2023年增长10%，与2023年相比依申请公开数量有所下降。' },
  { agency: A.countyBureau, text: '2023年结转的申请已全部办结。' },
  { agency: A.city, text: '《条例》自2019年5月15日起施行，我市持续抓好贯彻落实。' },
  { agency: A.county, text: '深入学习2019年新修订的《中华人民共和国政府信息公开条例》。' },
  { agency: A.district, text: '在2023年度全市政务公开考核中获评优秀等次。' },
  { agency: A.districtBureau, text: '被评为2023年度全区政务公开工作先进单位。' },
  { agency: A.countyBureau, text: '针对2023年度报告中指出的问题，逐项整改到位。' },
  { agency: A.countyBureau, text: '承接2023年未完成的整改任务，已于本年6月前全部完成。' },
  { agency: A.city, text: '认真落实《2023年政务公开工作要点》中延续至今的各项任务。' },
  { agency: A.county, text: '对照“十四五”规划（2021—2025年）确定的目标，稳步推进各项工作。' },
  { agency: A.countyBureau, text: '自2019年以来，持续推进政务公开标准化规范化建设。' },
  { agency: A.township, text: '2025年，我镇将继续加大基层政务公开力度。' },
  { agency: A.district, text: '我区2022年、2023年连续两年获评全市政务公开工作优秀单位。' },
  {
    agency: A.countyBureau,
    text: '依据2020年印发的《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度未收取信息处理费。',
  },
  { agency: A.countyBureau, text: '2021年起施行的《中华人民共和国行政处罚法》规定的公示内容均已公开。' },
  { agency: A.district, text: '2023年政府信息公开工作年度报告发布后，我区逐条对照整改。' },
  // Past years named as such: earlier files, last year in brackets, last year's results built on.
  { agency: A.countyBureau, text: '对2023年及以前年度制发的行政规范性文件开展全面清理，废止2件。' },
  { agency: A.district, text: '全年主动公开政府信息1268条，较上年（2023年）增长12.5%。' },
  { agency: A.township, text: '上年度（2023年）结转的2件申请均已在法定期限内办结。' },
  { agency: A.street, text: '继续巩固2023年基层政务公开标准化规范化建设成果，更新街道公开目录。' },
  { agency: A.ethnicXiang, text: '对原小河乡（2019年撤并）遗留的公开资料进行整理归档。' },
  // What is made of last year in the report year: its final accounts, audit, bulletins, reports on it.
  { agency: A.township, text: '公开了镇政府2023年度决算、2024年度预算等内容。' },
  { agency: A.county, text: '全面公开2023年度县本级财政决算和“三公”经费决算。' },
  { agency: A.county, text: '公开2023年度审计工作报告及审计查出问题整改情况。' },
  { agency: A.city, text: '按时发布2023年国民经济和社会发展统计公报。' },
  { agency: A.countyBureau, text: '在门户网站公开2023年度法治政府建设情况报告。' },
  { agency: A.countyBureau, text: '公开2023年第四季度“双随机、一公开”抽查结果。' },
  { agency: A.countyBureau, text: '2023年下半年以来，我局持续推进政务公开标准化规范化建设。' },
];

const PUNCT_QUIET: Case[] = [
  {
    agency: A.district,
    where: 'preamble',
    text: '如对本报告有疑问，请与区政府办公室联系（电话：0517-87290606，电子邮箱：hzwgkc@163.com）。',
  },
  { agency: A.city, text: '本报告电子版可在淮安市人民政府门户网站（http://www.huaian.gov.cn）下载。' },
  { agency: A.countyBureau, text: '依申请公开按时答复率达100%，较上年提高3.5个百分点。' },
  { agency: A.township, text: '便民服务中心工作时间为每日8:30—17:30。' },
];

describe('TEXT-STALE-YEAR', () => {
  it.each(STALE_FIRE.map((c) => [c.text, c] as const))('fires: %s', (_t, c) => {
    const f = findingsOf('TEXT-STALE-YEAR', c);
    expect(f.length, show(c, f)).toBe(1);
  });
  it.each(STALE_QUIET.map((c) => [c.text, c] as const))('stays quiet: %s', (_t, c) => {
    const f = findingsOf('TEXT-STALE-YEAR', c);
    expect(f, show(c, f)).toEqual([]);
  });
});

describe('PUNCTUATION (a hint): no hint on telephone numbers, addresses, percentages and times', () => {
  it.each(PUNCT_QUIET.map((c) => [c.text, c] as const))('%s', (_t, c) => {
    const f = findingsOf('PUNCTUATION', c);
    expect(f, show(c, f)).toEqual([]);
  });
});

describe('X-REUSED-TEXT', () => {
  const now = makeReport({ agency: A.district.name, kind: 'government' });
  const last = lastYearOf(now);
  const reused = (lastText: string, nowText: string) =>
    runChecks(withParagraph(now, 'overview', nowText), { last: withParagraph(last, 'overview', lastText) }).filter(
      (f) => f.rule === 'X-REUSED-TEXT',
    );

  it('fires on a paragraph kept from last year with the year changed', () => {
    const p = (y: number) =>
      `${y}年，区政府坚持把政务公开作为转变政府职能、建设法治政府的重要抓手，健全信息发布审核机制，规范公开流程，不断提高信息公开的及时性和准确性，切实保障人民群众的知情权、参与权和监督权。`;
    expect(reused(p(2023), p(2024))).toHaveLength(1);
  });

  it('stays quiet on a paragraph written anew on the same topic', () => {
    expect(
      reused(
        '2023年，区政府健全信息发布审核机制，规范公开流程，不断提高信息公开的及时性和准确性，全年主动公开政府信息1136条。',
        '2024年，区政府围绕优化营商环境，集中公开涉企政策86项，新设“惠企政策直达”专栏，全年主动公开政府信息2428条，政策解读发布数量同比增长四成。',
      ),
    ).toEqual([]);
  });

  it('stays quiet on the formula sentences every report repeats', () => {
    const f = (y: number) =>
      `本报告所列数据的统计期限为${y}年1月1日至12月31日。如对本报告有疑问，请与区政府办公室联系。本机关依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。`;
    expect(reused(f(2023), f(2024))).toEqual([]);
  });
});

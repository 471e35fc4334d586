import { describe, expect, it } from 'vitest';
import { runChecks, spanText } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { lastYearOf, makeReport, withBlockText, withParagraph, withSection } from '../../fixtures/factory';
import { cityGovernment2024 } from '../../fixtures/reports/city-government';
import { district2024 } from '../../fixtures/reports/district-government';
import { township2023 } from '../../fixtures/reports/township';
import { countyBureau2023 } from '../../fixtures/reports/county-bureau';

const of = (r: Report, rule: string, opts: { last?: Report; mode?: 'editor' | 'import' } = {}): Finding[] =>
  runChecks(r, { mode: opts.mode ?? (r.meta.source ? 'import' : 'editor'), last: opts.last ?? null }).filter(
    (f) => f.rule === rule,
  );

// 26 new applications (19+4+2+1), 2 carried over, 1 to next year; review 2, litigation 1.
const base = makeReport({
  t3: {
    res_open: [9, 2, 0, 0, 1, 0],
    res_partial: [3, 1, 0, 0, 0, 0],
    unable_not_held: [8, 1, 0, 0, 1, 1],
    carried_over: [2, 0, 0, 0, 0, 0],
    carry_next: [1, 0, 0, 0, 0, 0],
  },
  t4: { review: [1, 0, 1, 0], lit_direct: [1, 0, 0, 0] },
});
const withRequests = (text: string) => withBlockText(base, 'overview', 4, text);

describe('TEXT-NUMBER', () => {
  it('stays quiet on consistent reports, including the real phrasings of a city report', () => {
    expect(of(base, 'TEXT-NUMBER')).toEqual([]);
    expect(of(cityGovernment2024(), 'TEXT-NUMBER')).toEqual([]);
    expect(of(cityGovernment2024(), 'TEXT-CLAIM')).toEqual([]);
  });

  it('fires on “受理政府信息公开申请 17 件” when Table 3 has 95 (洪泽 2024 pattern), pointing at the words', () => {
    const r = district2024();
    const f = of(r, 'TEXT-NUMBER');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cells: ['t3.new_received.total'], expected: 95, actual: 17 });
    expect(f[0]!.message).toContain('“受理政府信息公开申请17件”');
    expect(spanText(r, f[0]!.span!)).toBe('受理政府信息公开申请 17 件');
  });

  it('compares figures in Chinese numerals too', () => {
    const f = of(withRequests('全年共收到政府信息公开申请十七件，均在法定期限内答复。'), 'TEXT-NUMBER');
    expect(f.map((x) => [x.expected, x.actual])).toEqual([[26, 17]]);
  });

  it('accepts a received figure that includes the carried-over applications', () => {
    expect(of(withRequests('全年共受理政府信息公开申请28件（含上年结转2件）。'), 'TEXT-NUMBER')).toEqual([]);
  });

  it('checks Table 4 figures, litigation as the sum of both kinds', () => {
    expect(
      of(withRequests('因政府信息公开被申请行政复议3件，被提起行政诉讼1件。'), 'TEXT-NUMBER').map((x) => x.cells),
    ).toEqual([['t4.review.total']]);
    expect(
      of(withRequests('被提起行政诉讼2件，其中结果维持1件。'), 'TEXT-NUMBER').map((x) => [x.expected, x.actual]),
    ).toEqual([[1, 2]]);
  });

  it('checks Table 2 figures (现行有效规范性文件)', () => {
    const r = withBlockText(base, 'overview', 2, '现行有效行政规范性文件393件。');
    expect(of(r, 'TEXT-NUMBER').map((x) => [x.cells, x.expected, x.actual])).toEqual([
      [['t2.normative_docs.in_force'], 12, 393],
    ]);
  });

  it('does not compare what is not a Table figure (政策性文件, 信息条数, 余件)', () => {
    expect(
      of(withRequests('全年新增市政府政策性文件 11 件，主动公开信息 1268 条，共收到申请 300 余件。'), 'TEXT-NUMBER'),
    ).toEqual([]);
  });

  it('judges the claims of one sentence together (全县…，其中本机关…)', () => {
    expect(
      of(withRequests('全县共受理政府信息公开申请120件，其中本局受理政府信息公开申请26件。'), 'TEXT-NUMBER'),
    ).toEqual([]);
  });

  it('keeps its fingerprint while the clerk edits other paragraphs', () => {
    const r = withRequests('全年共收到政府信息公开申请17件。');
    const a = of(r, 'TEXT-NUMBER')[0]!;
    const b = of(
      withBlockText(withParagraph(r, 'problems', '新增一段文字。'), 'overview', 0, '改写后的第一段，内容完全不同。'),
      'TEXT-NUMBER',
    )[0]!;
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});

describe('TEXT-CLAIM', () => {
  it('“未收到政府信息公开申请” while Table 3 has new applications', () => {
    const f = of(withRequests('本年度未收到政府信息公开申请。'), 'TEXT-CLAIM');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cells: ['t3.new_received.total'], actual: 26 });
  });

  it('“未发生行政复议、行政诉讼” while Table 4 is not all 0', () => {
    const f = of(withRequests('全年未发生因政府信息公开引起的行政复议、行政诉讼。'), 'TEXT-CLAIM');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('行政复议 2 件、行政诉讼 1 件');
  });

  it('“均获维持” while a case is pending or corrected', () => {
    const r = makeReport({ t4: { review: [1, 1, 0, 0] } });
    const f = of(withBlockText(r, 'overview', 4, '被申请行政复议2件，均获维持。'), 'TEXT-CLAIM');
    expect(f.map((x) => x.cells)).toEqual([['t4.review.corrected']]);
    expect(
      of(
        withBlockText(makeReport({ t4: { review: [2, 0, 0, 0] } }), 'overview', 4, '被申请行政复议2件，均获维持。'),
        'TEXT-CLAIM',
      ),
    ).toEqual([]);
  });

  it('“未发出收费通知” while applications were dropped for unpaid fees; “未收取信息处理费” is no contradiction', () => {
    const r = makeReport({ t3: { other_no_fee: [2, 0, 0, 0, 0, 0] } });
    expect(of(r, 'TEXT-CLAIM')).toEqual([]); // 六 says 未收取信息处理费: unpaid notices collect nothing
    const f = of(withSection(r, 'other', ['本年度未向申请人发出收费通知，未收取信息处理费。']), 'TEXT-CLAIM');
    expect(f.map((x) => x.cells)).toEqual([['t3.other_no_fee.total']]);
    expect(f[0]!.span).toMatchObject({ where: 'section', section: 'other' });
  });

  it('stays quiet when the statements are true', () => {
    expect(of(countyBureau2023(), 'TEXT-CLAIM')).toEqual([]);
    expect(of(makeReport(), 'TEXT-CLAIM')).toEqual([]);
  });
});

describe('TEXT-STALE-YEAR', () => {
  it('fires on “2022年，我局…” and on a stale statistics period in a 2023 report', () => {
    const r = makeReport({
      year: 2023,
      sections: {
        overview: [
          '2022年，我局认真贯彻落实《条例》，持续深化政务公开。',
          '（一）主动公开',
          '（二）依申请公开',
          '（三）政府信息管理',
          '（四）平台建设',
          '（五）监督保障',
        ],
      },
      preamble: '本报告所列数据的统计期限为2022年1月1日至2022年12月31日。',
    });
    const f = of(r, 'TEXT-STALE-YEAR');
    expect(f.map((x) => x.span!.where).sort()).toEqual(['preamble', 'section']);
    expect(f.every((x) => x.expected === 2023 && x.actual === 2022)).toBe(true);
    expect(spanText(r, f.find((x) => x.span!.where === 'section')!.span!)).toBe('2022年');
  });

  it('lets years stand in comparisons, carry-over, dates of laws, document numbers, book titles, ranges and plans', () => {
    const r = withParagraph(
      makeReport({ year: 2023 }),
      'problems',
      '较2022年增长10%，与2022年相比有所下降，2022年结转的申请已办结。《条例》自2019年5月15日起施行，2019年4月3日国务院令第711号修订。依据国办函〔2020〕109号，落实《2022年政务公开工作要点》，对照“十四五”规划（2021—2025年），自2019年以来持续推进，针对2022年度报告提出的问题逐项整改。2024年我们将继续努力。',
    );
    expect(of(r, 'TEXT-STALE-YEAR')).toEqual([]);
  });

  it('groups the stale years of one paragraph into one finding', () => {
    const r = withParagraph(makeReport({ year: 2023 }), 'problems', '2021年，我局…；2022年，我局…。');
    const f = of(r, 'TEXT-STALE-YEAR');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('2021年、2022年');
  });
});

describe('TEXT-FOREIGN-AGENCY', () => {
  it('fires on a township report naming another township’s column as its own (seeds/004 pattern)', () => {
    const r = township2023();
    const f = of(r, 'TEXT-FOREIGN-AGENCY');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ actual: '石坝镇', fingerprint: 'name|石坝镇' });
    expect(spanText(r, f[0]!.span!)).toBe('石坝镇');
    expect(of(township2023({ foreign: false }), 'TEXT-FOREIGN-AGENCY')).toEqual([]);
  });

  it('fires on a department report whose subject is another bureau', () => {
    const r = withBlockText(
      base,
      'overview',
      0,
      '2024年，云溪县民政局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》。',
    );
    expect(of(r, 'TEXT-FOREIGN-AGENCY').map((x) => x.actual)).toEqual(['云溪县民政局']);
    const contact = { ...base, preamble: '如对本报告有疑问，请与云溪县自然资源局办公室联系。' };
    expect(of(contact, 'TEXT-FOREIGN-AGENCY').map((x) => x.actual)).toEqual(['云溪县自然资源局办公室']);
  });

  it('accepts the report’s own name in short forms and other agencies mentioned in passing', () => {
    const r = withBlockText(
      makeReport({ agency: '和平县文化体育广播电视和旅游局' }),
      'overview',
      0,
      '2024年，和平县文旅局认真贯彻落实《条例》。县文旅局高度重视政务公开，会同县财政局开展专项检查。2024年，和平县坚持以公开促落实。',
    );
    expect(of(r, 'TEXT-FOREIGN-AGENCY')).toEqual([]);
    expect(of(cityGovernment2024(), 'TEXT-FOREIGN-AGENCY')).toEqual([]);
    expect(of(district2024(), 'TEXT-FOREIGN-AGENCY')).toEqual([]);
    expect(of(countyBureau2023(), 'TEXT-FOREIGN-AGENCY')).toEqual([]);
  });

  it('fires on last year’s name after a rename', () => {
    const last = lastYearOf(makeReport({ agency: '和平县文化和旅游局' }), { agency: '和平县文化体育广播电视和旅游局' });
    const r = withSection(makeReport({ agency: '和平县文化和旅游局' }), 'other', [
      '和平县文化体育广播电视和旅游局本年度未收取信息处理费。',
    ]);
    const f = of(r, 'TEXT-FOREIGN-AGENCY', { last });
    expect(f.map((x) => x.actual)).toEqual(['和平县文化体育广播电视和旅游局']);
    expect(f[0]!.message).toContain('更名前');
  });
});

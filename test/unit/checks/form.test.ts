import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../shared/checks/index';
import type { Finding } from '../../../shared/checks/types';
import type { Report } from '../../../shared/model/types';
import { blankReport } from '../../../shared/model/blank';
import { makeReport, withCells, withParagraph, withSection } from '../../fixtures/factory';
import { township2023 } from '../../fixtures/reports/township';
import { countyBureau2023 } from '../../fixtures/reports/county-bureau';
import { district2023 } from '../../fixtures/reports/district-government';

const of = (r: Report, rule: string): Finding[] =>
  runChecks(r, { mode: r.meta.source ? 'import' : 'editor' }).filter((f) => f.rule === rule);
const base = makeReport();

describe('SECTION-EMPTY', () => {
  it('asks for the text of 一、五、六 and the tables of 二、三、四 (tables lost on import: seeds/004 pattern)', () => {
    const f = of(township2023(), 'SECTION-EMPTY');
    expect(f.map((x) => x.fingerprint)).toEqual(['proactive', 'requests', 'review']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f[1]!.cells).toHaveLength(175);
    const empty = withSection(withSection(base, 'overview', []), 'other', [{ h: '（一）信息处理费收取情况' }]);
    expect(of(empty, 'SECTION-EMPTY').map((x) => x.fingerprint)).toEqual(['overview', 'other']);
  });

  it('does not accept “无” as 五、存在的主要问题及改进情况', () => {
    for (const text of ['无', '无。', '暂无。']) {
      const f = of(withSection(base, 'problems', [text]), 'SECTION-EMPTY');
      expect(f.map((x) => x.fingerprint)).toEqual(['problems']);
      expect(f[0]!.message).toContain('没有实际内容');
    }
  });

  it('a table filled with zeros is filled', () => {
    expect(of(countyBureau2023(), 'SECTION-EMPTY')).toEqual([]);
  });

  it('pre-2019 reports have their own structure: not judged', () => {
    const old = {
      ...blankReport({ agency: '红寺堡区文化体育旅游局', kind: 'department', year: 2016 }),
      format: 'pre-2019' as const,
    };
    expect(of(old, 'SECTION-EMPTY')).toEqual([]);
  });
});

describe('OVERVIEW-TOPICS', () => {
  it('names the topics 一、总体情况 leaves out', () => {
    const r = withSection(base, 'overview', [
      '2024年，本局持续深化政务公开。',
      { h: '（一）主动公开' },
      '主动公开各类信息。',
      { h: '（二）依申请公开' },
      '依法办理申请。',
    ]);
    const f = of(r, 'OVERVIEW-TOPICS');
    expect(f).toHaveLength(1);
    expect(f[0]!.actual).toBe('政府信息管理、政府信息公开平台建设、监督保障');
  });

  it('accepts topics written as headings or inside paragraphs', () => {
    expect(of(base, 'OVERVIEW-TOPICS')).toEqual([]);
    expect(of(township2023(), 'OVERVIEW-TOPICS')).toEqual([]);
  });
});

describe('FEE-STATEMENT', () => {
  it('fires when 六 says nothing about 信息处理费', () => {
    const f = of(withSection(base, 'other', ['本年度认真落实上级年度政务公开工作要点。']), 'FEE-STATEMENT');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('国办函〔2020〕109号');
  });

  it.each([
    '本年度没有产生信息公开处理费。',
    '2023 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。',
    '本机关本年度未收取信息处理费。',
    '全年依申请未向申请人收取依申请公开信息处理费。无其他需要报告的事项。',
    '全年收取政府信息公开信息处理费 3940 元。',
    '本年度未向申请人收取任何费用。',
  ])('accepts “%s”', (text) => {
    expect(of(withSection(base, 'other', [text]), 'FEE-STATEMENT')).toEqual([]);
  });

  it('is not asked of 2020 and earlier reports (the fee rules start in 2021)', () => {
    const r = {
      ...withSection(base, 'other', ['无其他需要报告的事项。']),
      year: 2020,
      format: 'gov-2019' as const,
      cells: blankReport({ agency: 'x', kind: 'department', year: 2020 }).cells,
    };
    expect(of(r, 'FEE-STATEMENT')).toEqual([]);
  });
});

describe('FORMAT-VERSION', () => {
  it('errors when the format does not fit the year', () => {
    const r = { ...base, format: 'gov-2019' as const };
    expect(of(r, 'FORMAT-VERSION')).toMatchObject([{ severity: 'error', expected: 'gov-2021', actual: 'gov-2019' }]);
    const early = makeReport({ year: 2020 }); // 2021-format tables in a 2020 report
    expect(of(early, 'FORMAT-VERSION')[0]!.expected).toBe('gov-2019');
  });

  it('errors on 2019 cells or vocabulary in a 2021+ report', () => {
    expect(of(withCells(base, { 't2_2019.licensing.prev_items': 3 }), 'FORMAT-VERSION')).toMatchObject([
      { severity: 'error', fingerprint: 'cells', cells: ['t2_2019.licensing.prev_items'] },
    ]);
    expect(
      of(withParagraph(base, 'proactive', '信息内容 本年新制作数量 本年新公开数量 对外公开总数量'), 'FORMAT-VERSION'),
    ).toMatchObject([{ severity: 'error', fingerprint: 'vocab|本年新制作数量' }]);
  });

  it('only warns about the single （六）其他处理 row', () => {
    expect(of(district2023(), 'FORMAT-VERSION')).toMatchObject([{ severity: 'warning', fingerprint: 'mixed-other' }]);
  });

  it('stays quiet on a 2021-format report of a 2021+ year', () => {
    expect(of(base, 'FORMAT-VERSION')).toEqual([]);
  });
});

describe('CITATION-OUTDATED', () => {
  it('fires on 国务院令第492号 and 国办公开办函〔2019〕60号 in a 2021+ report', () => {
    const r = withParagraph(
      base,
      'other',
      '依据《中华人民共和国政府信息公开条例》（国务院令第 492 号）和国办公开办函〔2019〕60号的要求编制。',
    );
    expect(of(r, 'CITATION-OUTDATED').map((f) => f.fingerprint)).toEqual(['492', '60']);
  });

  it('stays quiet on the current citations and on a 2020 report citing 60号', () => {
    expect(
      of(
        withParagraph(base, 'other', '根据《条例》（国令第711号）和国办公开办函〔2021〕30号编制。'),
        'CITATION-OUTDATED',
      ),
    ).toEqual([]);
    const r2020 = { ...withParagraph(base, 'other', '按照国办公开办函〔2019〕60号编制。'), year: 2020 };
    expect(of(r2020, 'CITATION-OUTDATED')).toEqual([]);
  });
});

describe('PUBLISH-DEADLINE', () => {
  it('31 January for departments and townships, 31 March for governments', () => {
    const dept = { ...base, signature: { ...base.signature, date: '2025-02-01' } };
    expect(of(dept, 'PUBLISH-DEADLINE')).toMatchObject([{ expected: '2025-01-31', actual: '2025-02-01' }]);
    expect(of({ ...base, signature: { ...base.signature, date: '2025-01-31' } }, 'PUBLISH-DEADLINE')).toEqual([]);
    const gov = makeReport({ agency: '淮清市人民政府', kind: 'government', signatureDate: '2025-03-31' });
    expect(of(gov, 'PUBLISH-DEADLINE')).toEqual([]);
    expect(
      of(makeReport({ agency: '淮清市人民政府', kind: 'government', signatureDate: '2025-04-01' }), 'PUBLISH-DEADLINE'),
    ).toHaveLength(1);
  });

  it('does not guess a deadline when the kind of agency is not known: only a date late for every kind', () => {
    const other = (date: string) => makeReport({ agency: '青禾公路养护段', kind: 'other', signatureDate: date });
    expect(of(other('2025-02-20'), 'PUBLISH-DEADLINE')).toEqual([]);
    const late = of(other('2025-04-02'), 'PUBLISH-DEADLINE');
    expect(late).toMatchObject([{ expected: '2025-03-31', actual: '2025-04-02' }]);
    expect(late[0]!.message).toContain('机关类别未定');
  });

  it('prefers the publication date found on import, and says nothing while unsigned', () => {
    const imported = makeReport({ signatureDate: '2025-01-20', source: { publishedAt: '2025-02-10' } as never });
    expect(of(imported, 'PUBLISH-DEADLINE')[0]!.message).toContain('发布日期2025年2月10日');
    expect(of({ ...base, signature: { ...base.signature, date: '' } }, 'PUBLISH-DEADLINE')).toEqual([]);
  });

  it('uses 31 March for every agency before the 2019 Regulation (seeds/003: published in October)', () => {
    const old = {
      ...blankReport({ agency: '吴忠市红寺堡区文化体育旅游局', kind: 'department', year: 2016 }),
      format: 'pre-2019' as const,
      signature: { name: 'x', date: '2017-10-23' },
    };
    expect(of(old, 'PUBLISH-DEADLINE')).toMatchObject([{ expected: '2017-03-31' }]);
  });
});

describe('TITLE', () => {
  it('accepts the full name, and the name without its city', () => {
    expect(of(base, 'TITLE')).toEqual([]);
    expect(
      of(
        {
          ...makeReport({ agency: '淮清市洪湖区人民政府', kind: 'government' }),
          title: '洪湖区人民政府2024年政府信息公开工作年度报告',
        },
        'TITLE',
      ),
    ).toEqual([]);
    expect(of({ ...base, title: '云溪县市场监督管理局2024 年政府信息公开工作年度报告' }, 'TITLE')).toEqual([]);
  });

  it('names what is wrong: abbreviated name, year in the wrong place (seeds/001 pattern), wrong year', () => {
    const f = of(countyBureau2023(), 'TITLE');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('中的机关名称不是全称');
    expect(f[0]!.message).toContain('没有以“政府信息公开工作年度报告”结尾');
    expect(of({ ...base, title: '云溪县市场监督管理局2023年政府信息公开工作年度报告' }, 'TITLE')[0]!.message).toContain(
      '年份写的是2023年',
    );
  });
});

describe('PUNCTUATION', () => {
  it('points out half-width marks and broken document numbers, as info', () => {
    const r = withSection(base, 'other', [
      '(一)信息处理费',
      '依据《办法》(国办函〔2020109号)，本年度未收取信息处理费,特此说明。',
      '按照国办函[2020]109号执行。',
    ]);
    const f = of(r, 'PUNCTUATION');
    expect(f.every((x) => x.severity === 'info')).toBe(true);
    const kinds = f.map((x) => x.fingerprint.split('|')[0]).sort();
    expect(kinds).toEqual(['comma', 'docno', 'docno-open', 'enum', 'paren']);
    expect(f.find((x) => x.fingerprint.startsWith('docno-open'))!.message).toContain('国办函〔2020〕109号');
    expect(f.find((x) => x.fingerprint.startsWith('docno|'))!.message).toContain('国办函〔2020〕109号');
  });

  it('finds unbalanced brackets and quotes', () => {
    const f = of(
      withParagraph(base, 'other', '依据《政府信息公开信息处理费管理办法，严格执行“先审查、后公开制度。'),
      'PUNCTUATION',
    );
    expect(f.map((x) => x.fingerprint.split('|')[0]).sort()).toEqual(['pair“', 'pair《']);
  });

  it('stays quiet on proper punctuation', () => {
    expect(of(base, 'PUNCTUATION')).toEqual([]);
  });
});

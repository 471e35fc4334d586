import { describe, expect, it } from 'vitest';
import { applyYearSuggestions, yearMentions } from '../../../shared/rollover/years';

const move = (text: string) => applyYearSuggestions(text, yearMentions(text, 2023, 2024));

describe('year suggestions when a 2023 report becomes the 2024 one', () => {
  it('moves years that mean the report year or its plans', () => {
    expect(move('2023年，我局认真贯彻落实《条例》。')).toBe('2024年，我局认真贯彻落实《条例》。');
    expect(move('统计期限为2023年1月1日至2023年12月31日。')).toBe('统计期限为2024年1月1日至2024年12月31日。');
    expect(move('2024年，我们将进一步加强培训。')).toBe('2025年，我们将进一步加强培训。');
    expect(move('截至2023年底，现行有效规范性文件12件。')).toBe('截至2024年底，现行有效规范性文件12件。');
    expect(move('2023年度政务公开工作要点')).toBe('2024年度政务公开工作要点');
  });

  it('leaves comparisons, carry-over, starting points, document numbers and law dates alone', () => {
    const kept = [
      '申请数量较2023年增长12%。',
      '与2023年相比有所下降。',
      '2023年结转的申请已全部办结。',
      '自2023年以来持续推进。',
      '国办函〔2023〕5号',
      '《条例》于2019年5月15日起施行。',
      '2008年以来，我局不断完善制度。',
    ];
    for (const text of kept) expect(move(text), text).toBe(text);
  });

  it('explains why a mention is left alone', () => {
    const [m] = yearMentions('较2023年增长', 2023, 2024);
    expect(m).toMatchObject({ year: 2023, suggested: null, reason: expect.stringMatching(/比较/) });
  });

  it('applies only the chosen mentions', () => {
    const text = '2023年收到申请；2023年办结。';
    const ms = yearMentions(text, 2023, 2024);
    expect(applyYearSuggestions(text, ms, new Set([ms[1]!.start]))).toBe('2023年收到申请；2024年办结。');
  });

  it('does not take digits of longer numbers for years', () => {
    expect(yearMentions('电话0517-20231234，共12023年', 2023, 2024)).toEqual([]);
  });
});

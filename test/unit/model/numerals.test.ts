import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatChineseNumber,
  parseArabicNumber,
  parseChineseNumber,
  parseNumber,
} from '../../../shared/model/numerals';
import { normalizeText, originalRange } from '../../../shared/checks/text/normalize';

describe('Chinese numerals', () => {
  it.each([
    ['零', 0],
    ['〇', 0],
    ['七', 7],
    ['十', 10],
    ['十七', 17],
    ['一十七', 17],
    ['二十一', 21],
    ['两', 2],
    ['两百', 200],
    ['二百零五', 205],
    ['一百零五', 105],
    ['一千零一十', 1010],
    ['三千一百一十九', 3119],
    ['两千零二十四', 2024],
    ['一万零一百', 10100],
    ['十万', 100000],
    ['十二万三千四百五十六', 123456],
    ['一亿零五万', 100050000],
    ['廿一', 21],
    ['二〇二三', 2023],
    ['一〇五', 105],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', '十十', '三三十', '百千', '万', '一二三十', 'x', '零百'])('refuses %j', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  it('writes numbers the standard way', () => {
    expect(formatChineseNumber(0)).toBe('零');
    expect(formatChineseNumber(10)).toBe('十');
    expect(formatChineseNumber(17)).toBe('十七');
    expect(formatChineseNumber(105)).toBe('一百零五');
    expect(formatChineseNumber(1010)).toBe('一千零一十');
    expect(formatChineseNumber(3119)).toBe('三千一百一十九');
    expect(formatChineseNumber(100005)).toBe('十万零五');
    expect(formatChineseNumber(200, { liang: true })).toBe('两百');
    expect(formatChineseNumber(15, { explicitOneTen: true })).toBe('一十五');
  });

  it('round-trips every number written in Chinese numerals (all styles)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.boolean(),
        fc.boolean(),
        (n, liang, explicitOneTen) => {
          expect(parseChineseNumber(formatChineseNumber(n, { liang, explicitOneTen }))).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips small numbers the way clerks write them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        expect(parseNumber(formatChineseNumber(n))).toBe(n);
        expect(parseNumber(String(n))).toBe(n);
      }),
    );
  });

  it('reads Arabic figures with separators and decimals', () => {
    expect(parseArabicNumber('3,119')).toBe(3119);
    expect(parseArabicNumber('96171.6')).toBe(96171.6);
    expect(parseArabicNumber('1.2.3')).toBeNull();
  });
});

describe('normalisation', () => {
  it('removes PDF line breaks and spaces inside phrases, keeps a space between two figures', () => {
    const raw = '全市共受理政府信息公开申请 3119 件，答\n复 3050 件，2024 年 1 月';
    const nt = normalizeText(raw);
    expect(nt.text).toBe('全市共受理政府信息公开申请3119件，答复3050件，2024年1月');
    expect(normalizeText('1 0 0 0').text).toBe('1 0 0 0');
  });

  it('maps half-width punctuation and full-width digits, but not a thousands separator', () => {
    expect(normalizeText('(一)主动公开,共１２件;').text).toBe('（一）主动公开，共12件；');
    expect(normalizeText('1,268条').text).toBe('1,268条');
  });

  it('maps normalised positions back to the original text', () => {
    const raw = '答\n复 3050 件';
    const nt = normalizeText(raw);
    const at = nt.text.indexOf('3050');
    const r = originalRange(nt, at, at + 4);
    expect(raw.slice(r.start, r.end)).toBe('3050');
    const whole = originalRange(nt, 0, nt.text.length);
    expect(raw.slice(whole.start, whole.end)).toBe(raw);
  });
});

/** A plain character-by-character statement of the normalisation, to check the fast one against. */
function reference(raw: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let pending = false;
  const alnum = (ch: string | undefined) => !!ch && /[0-9A-Za-z]/.test(ch);
  for (let i = 0; i < raw.length; i++) {
    let ch = raw[i]!;
    if (/[\s\u00a0\u3000\ufeff\u2000-\u200b]/.test(ch)) {
      pending = true;
      continue;
    }
    if (/[０-９Ａ-Ｚａ-ｚ]/.test(ch)) ch = String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    else if ('(),:;?!'.includes(ch)) {
      const keep =
        (ch === ',' || ch === ':') && /[0-9]/.test(text[text.length - 1] ?? '') && /[0-9]/.test(raw[i + 1] ?? '');
      if (!keep) ch = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' }[ch]!;
    }
    if (pending && alnum(text[text.length - 1]) && alnum(ch)) {
      text += ' ';
      map.push(i - 1);
    }
    pending = false;
    text += ch;
    map.push(i);
  }
  map.push(raw.length);
  return { text, map };
}

describe('normalisation against a plain reference', () => {
  it('gives the same text and offsets for any mix of Chinese, digits, spaces and punctuation', () => {
    const unit = fc.constantFrom(
      ...'政府公开申请件年 \n\t\r\u3000\u00a0\u200b\ufeff\u0001,(),:;?!１２０ＡｂｚAb09.，。（）'.split(''),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (raw) => {
        const got = normalizeText(raw);
        const want = reference(raw);
        expect(got.text).toBe(want.text);
        expect(Array.from(got.map)).toEqual(want.map);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('one reading of numerals for dates and enumerators', () => {
  it('dates written in Chinese numerals, 〇 typed as a full-width O included', async () => {
    const { parseDateText } = await import('../../../shared/model/dates');
    expect(parseDateText('二〇二五年一月二十日')).toBe('2025-01-20');
    expect(parseDateText('二Ｏ二四年十二月三十一日')).toBe('2024-12-31');
    expect(parseDateText('二〇二五年二月三十日')).toBeNull();
  });
  it("an enumerator's ordinal", async () => {
    const { enumeratorOf } = await import('../../../shared/import/text-utils');
    expect(enumeratorOf('十二、其他')?.ordinal).toBe(12);
    expect(enumeratorOf('（二十）其他')?.ordinal).toBe(20);
    expect(enumeratorOf('（三）其他')?.ordinal).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffChars, diffSides, type DiffPart } from '../../../renderer/src/import/text-diff';

const side = (parts: DiffPart[], drop: 'ins' | 'del') =>
  parts
    .filter((p) => p.type !== drop)
    .map((p) => p.text)
    .join('');

describe('diffChars (what the leader changed in Word)', () => {
  it('marks a changed figure inside a sentence, keeping the rest as it is', () => {
    const parts = diffChars('全年主动公开政府信息120条。', '全年主动公开政府信息125条。');
    expect(parts).toEqual([
      { type: 'same', text: '全年主动公开政府信息12' },
      { type: 'del', text: '0' },
      { type: 'ins', text: '5' },
      { type: 'same', text: '条。' },
    ]);
  });

  it('marks an inserted phrase and a deleted one', () => {
    expect(diffChars('本年度未收取信息处理费。', '本年度我局未收取信息处理费。')).toEqual([
      { type: 'same', text: '本年度' },
      { type: 'ins', text: '我局' },
      { type: 'same', text: '未收取信息处理费。' },
    ]);
    expect(diffChars('一是加强培训，二是完善制度。', '一是加强培训。')).toEqual([
      { type: 'same', text: '一是加强培训' },
      { type: 'del', text: '，二是完善制度' },
      { type: 'same', text: '。' },
    ]);
  });

  it('folds a single shared character between two changes into one replaced phrase', () => {
    const parts = diffChars('甲乙丙', '丁乙戊');
    expect(parts).toEqual([
      { type: 'del', text: '甲乙丙' },
      { type: 'ins', text: '丁乙戊' },
    ]);
  });

  it('handles empty sides and identical texts', () => {
    expect(diffChars('', '新增的段落')).toEqual([{ type: 'ins', text: '新增的段落' }]);
    expect(diffChars('删除的段落', '')).toEqual([{ type: 'del', text: '删除的段落' }]);
    expect(diffChars('相同', '相同')).toEqual([{ type: 'same', text: '相同' }]);
  });

  it('keeps characters outside the BMP whole (emoji, rare characters)', () => {
    const parts = diffChars('办理𠀀件😀', '办理𠀁件😀');
    expect(parts.find((p) => p.type === 'del')?.text).toBe('𠀀');
    expect(parts.find((p) => p.type === 'ins')?.text).toBe('𠀁');
  });

  // The worst case of a character diff. No time limit (a busy machine must not fail it): quadratic work runs into the test timeout.
  it('a paragraph rewritten wholesale is shown as replaced', () => {
    const a = '甲'.repeat(3000) + 'x'.repeat(3000);
    const b = 'y'.repeat(3000) + '乙'.repeat(3000);
    const parts = diffChars(a, b);
    expect(side(parts, 'ins')).toBe(a);
    expect(side(parts, 'del')).toBe(b);
  });

  it('property: each side reads back exactly as its text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('年', '报', '公', '开', '1', '2', '，', '。', 'a'), maxLength: 60 }),
        fc.string({ unit: fc.constantFrom('年', '报', '公', '开', '1', '2', '，', '。', 'b'), maxLength: 60 }),
        (a, b) => {
          const parts = diffChars(a, b);
          expect(side(parts, 'ins')).toBe(a);
          expect(side(parts, 'del')).toBe(b);
          const sides = diffSides(a, b);
          expect(sides.before.map((p) => p.text).join('')).toBe(a);
          expect(sides.after.map((p) => p.text).join('')).toBe(b);
          // Never two neighbours of the same type.
          for (let i = 1; i < parts.length; i++) expect(parts[i]!.type).not.toBe(parts[i - 1]!.type);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { templateFor } from '../../../templates/index';
import { cellPlace, locationOf } from '../../../renderer/src/logic/finding-place';
import type { Finding } from '../../../shared/checks/types';

/** A finding's location in the report's words, never a cell key (issue 13 item 12). */

const t2021 = templateFor('gov-2021');
const t2019 = templateFor('gov-2019');

describe('cellPlace', () => {
  it('names official cells by table, row and column', () => {
    expect(cellPlace('t3.other_other.natural', t2021)).toBe('表三 三（六）3.其他 · 自然人');
    expect(cellPlace('t2.regulations.issued', t2021)).toBe('表二 规章 · 本年制发件数');
    expect(cellPlace('t4.review.total', t2021)).toBe('表四 行政复议 · 总计');
  });
  it('names the single （六）其他处理 row a 2021 report may print as in 2019', () => {
    expect(cellPlace('t3.other.natural', t2021)).toBe('表三 三（六）其他处理 · 自然人');
    expect(cellPlace('t3.other.total', t2021)).toBe('表三 三（六）其他处理 · 总计');
    expect(cellPlace('t3.other.natural', t2019)).toMatch(/^表三 .*其他处理.* · 自然人$/);
  });
  it('never shows a key, even for a key no format knows or without a template', () => {
    for (const [key, tpl] of [
      ['t3.nonsense.natural', t2021],
      ['t9.x.y', t2021],
      ['t3.other.natural', null],
      ['legacy.a.b', null],
    ] as const) {
      const place = cellPlace(key, tpl);
      expect(place).not.toMatch(/[a-z_]/);
      expect(place).toMatch(/表|格/);
    }
  });
});

describe('locationOf', () => {
  const f = (patch: Partial<Finding>): Finding =>
    ({ rule: 'TEXT-NUMBER', severity: 'warning', message: '', fingerprint: 'x', ...patch }) as Finding;
  it('a paragraph checked against a cell', () => {
    expect(
      locationOf(
        f({ span: { where: 'section', section: 'requests', block: 1, start: 0, end: 2 }, cells: ['t3.other.natural'] }),
        t2021,
      ),
    ).toBe('三、依申请公开 · 第 2 段（对照 表三 三（六）其他处理 · 自然人）');
  });
});

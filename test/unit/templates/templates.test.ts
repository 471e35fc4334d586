import { describe, expect, it } from 'vitest';
import { GOV_2019, GOV_2021, TEMPLATES, tableOf, type GridCell, type TableDef } from '../../../templates/index';

/** Marks every grid slot covered by a cell; fails on overlap or on a slot left uncovered. */
function coverage(table: TableDef): string[] {
  const grid: (GridCell | undefined)[][] = Array.from({ length: table.gridRows }, () =>
    Array(table.gridCols).fill(undefined),
  );
  const problems: string[] = [];
  for (const cell of table.cells) {
    for (let r = cell.r; r < cell.r + (cell.rowspan ?? 1); r++) {
      for (let c = cell.c; c < cell.c + (cell.colspan ?? 1); c++) {
        if (r >= table.gridRows || c >= table.gridCols) problems.push(`${table.id} (${r},${c}) outside grid`);
        else if (grid[r]![c]) problems.push(`${table.id} (${r},${c}) covered twice`);
        else grid[r]![c] = cell;
      }
    }
  }
  grid.forEach((row, r) => row.forEach((cell, c) => !cell && problems.push(`${table.id} (${r},${c}) uncovered`)));
  return problems;
}

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every grid slot is covered exactly once', (_id, template) => {
    for (const table of template.tables) expect(coverage(table)).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: column widths add up to 1000 and data cells have fields',
    (_id, template) => {
      for (const table of template.tables) {
        expect(table.colWidths).toHaveLength(table.gridCols);
        expect(table.colWidths.reduce((a, b) => a + b, 0)).toBe(1000);
        for (const cell of table.cells.filter((c) => c.role === 'data')) {
          expect(template.fields[cell.key!], cell.key).toBeDefined();
        }
      }
      const dataKeys = template.tables.flatMap((t) => t.cells.filter((c) => c.role === 'data').map((c) => c.key));
      expect(new Set(dataKeys).size).toBe(dataKeys.length);
      expect(Object.keys(template.fields).sort()).toEqual([...dataKeys].sort());
    },
  );

  it('gov-2021 has the cell keys of report-file.md: 10 + 175 + 15', () => {
    const keys = Object.keys(GOV_2021.fields);
    expect(keys.filter((k) => k.startsWith('t2.'))).toHaveLength(10);
    expect(keys.filter((k) => k.startsWith('t3.'))).toHaveLength(175);
    expect(keys.filter((k) => k.startsWith('t4.'))).toHaveLength(15);
    expect(GOV_2021.resultRows).toHaveLength(21);
    expect(GOV_2021.fields['t2.admin_fees.amount']).toMatchObject({ type: 'decimal', maxDecimals: 6, unit: '万元' });
    expect(
      Object.values(GOV_2021.fields)
        .filter((f) => f.type === 'decimal')
        .map((f) => f.key),
    ).toEqual(['t2.admin_fees.amount']);
  });

  it('gov-2021 Table 3 merges are the official ones (format-2021.md §2.2)', () => {
    const t3 = tableOf(GOV_2021, 't3');
    const byText = (text: string) => t3.cells.find((c) => c.text === text);
    expect(t3.gridRows).toBe(28);
    expect(byText('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatchObject({
      r: 0,
      c: 0,
      rowspan: 3,
      colspan: 3,
    });
    expect(byText('三、本年度办理结果')).toMatchObject({ r: 5, c: 0, rowspan: 22 });
    expect(byText('（三）不予公开')).toMatchObject({ r: 7, c: 1, rowspan: 8 });
    expect(byText('（四）无法提供')).toMatchObject({ r: 15, c: 1, rowspan: 3 });
    expect(byText('（五）不予处理')).toMatchObject({ r: 18, c: 1, rowspan: 5 });
    expect(byText('（六）其他处理')).toMatchObject({ r: 23, c: 1, rowspan: 3 });
    expect(byText('3.危及“三安全一稳定”')).toMatchObject({ r: 9, c: 2 });
    expect(byText('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toMatchObject({ r: 23, c: 2 });
    expect(byText('（七）总计')).toMatchObject({ r: 26, c: 1, colspan: 2 });
    expect(byText('四、结转下年度继续办理')).toMatchObject({ r: 27, c: 0, colspan: 3 });
    expect(t3.cells.find((c) => c.key === 't3.res_open.natural')).toMatchObject({ r: 5, c: 3 });
    expect(t3.cells.find((c) => c.key === 't3.carry_next.total')).toMatchObject({ r: 27, c: 9 });
  });

  it('gov-2019 Table 3 has one （六）其他处理 row and 三 spans 20 rows', () => {
    const t3 = tableOf(GOV_2019, 't3');
    expect(t3.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ rowspan: 20 });
    expect(t3.cells.find((c) => c.text === '（六）其他处理')).toMatchObject({ c: 1, colspan: 2 });
    expect(GOV_2019.resultRows).toHaveLength(19);
    expect(GOV_2019.fields['t2_2019.licensing.change']!.min).toBeUndefined();
  });

  it('gov-2021 Table 4 has 15 data cells under the official three header rows', () => {
    const t4 = tableOf(GOV_2021, 't4');
    expect(t4.cells.filter((c) => c.role === 'data').map((c) => c.c)).toEqual([...Array(15).keys()]);
    expect(t4.cells.find((c) => c.text === '行政诉讼')).toMatchObject({ r: 0, c: 5, colspan: 10 });
    expect(t4.cells.filter((c) => c.text === '结果维持')).toHaveLength(3);
  });

  it('computed cells are the 总计 column, 三（七）总计 and the Table 4 totals', () => {
    const computed = Object.values(GOV_2021.fields)
      .filter((f) => f.computedFrom)
      .map((f) => f.key);
    expect(computed).toHaveLength(25 + 6 + 3);
    expect(computed).toContain('t3.res_total.natural');
    expect(computed).toContain('t3.new_received.total');
    expect(computed).toContain('t4.lit_after_review.total');
  });
});

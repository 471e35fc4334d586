import { describe, expect, it } from 'vitest';
import { formatClipboardTable, parseClipboardTable } from '../../../renderer/src/logic/clipboard';

describe('parseClipboardTable (Excel / WPS clipboard text)', () => {
  it('splits tabs and CRLF rows and drops the trailing line break', () => {
    expect(parseClipboardTable('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('accepts LF and a missing trailing line break', () => {
    expect(parseClipboardTable('7\t8\n9\t10')).toEqual([
      ['7', '8'],
      ['9', '10'],
    ]);
  });

  it('keeps empty cells, including a trailing empty cell', () => {
    expect(parseClipboardTable('1\t\t3\r\n\t\t\r\n')).toEqual([
      ['1', '', '3'],
      ['', '', ''],
    ]);
    expect(parseClipboardTable('5\t')).toEqual([['5', '']]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes', () => {
    const text = '"1,234"\t"a\tb"\t"line1\r\nline2"\t"say ""hi"""\r\n2\t3\t4\t5\r\n';
    expect(parseClipboardTable(text)).toEqual([
      ['1,234', 'a\tb', 'line1\r\nline2', 'say "hi"'],
      ['2', '3', '4', '5'],
    ]);
  });

  it('takes a quote that does not close a cell literally', () => {
    expect(parseClipboardTable('"12"abc\t3')).toEqual([['"12"abc', '3']]);
    expect(parseClipboardTable('4"5\t6')).toEqual([['4"5', '6']]);
  });

  it('returns nothing for empty text and one cell for a single value', () => {
    expect(parseClipboardTable('')).toEqual([]);
    expect(parseClipboardTable('42')).toEqual([['42']]);
    expect(parseClipboardTable('42\r\n')).toEqual([['42']]);
  });

  it('round-trips what it writes', () => {
    const rows = [
      ['1', 'a\tb'],
      ['x"y', ''],
    ];
    expect(parseClipboardTable(formatClipboardTable(rows))).toEqual(rows);
  });
});

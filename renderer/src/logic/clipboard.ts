/**
 * Parses a block copied from Excel or WPS: cells separated by tabs, rows by CRLF or LF, a
 * trailing line break after the last row, and cells that contain a tab, a line break or a quote
 * written in double quotes with inner quotes doubled ("a""b").
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const n = text.length;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // Quoted cell: read up to the closing quote that is followed by a separator or the end.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const q = text[j]!;
        if (q === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += q;
        j++;
      }
      const next = text[j];
      if (closed && (j >= n || next === '\t' || next === '\n' || next === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell (e.g. "12"abc): take the quote literally.
    }
    atCellStart = false;
    if (ch === '\t') {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  // The last row, unless the text ended with its line break (Excel always adds one).
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** Cells written back as tab-separated text (Ctrl+C), quoting like Excel when needed. */
export function formatClipboardTable(rows: string[][]): string {
  const quote = (v: string) => (/[\t\r\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
}

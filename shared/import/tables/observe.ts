import type { SrcCell, SrcLine, SrcTable } from '../source-doc';
import { matchKey } from '../text-utils';
import { isNumberToken, parseNumber } from './numbers';
import { LIMITS } from '../errors';

/**
 * What the table reader sees: numeric rows ("observations") with the label text around them.
 * A real table gives one observation per row with its blanks; a PDF or text copy gives lines whose
 * labels may sit on the line before or after the numbers, or one cell per line.
 */

export interface NumToken {
  raw: string;
  value: number | null;
  /** A blank cell of a real table, or a none-mark (—, /). */
  blank?: boolean;
  unit?: string;
  x0?: number;
  x1?: number;
  /** Digits stuck to a label or to each other (“数量210000021”): may hold several numbers. */
  glued?: boolean;
}

export interface Observation {
  /** Label on the same row (match key). */
  own: string;
  /** Label fragments between the previous observation and this one, and up to the next. */
  before: string;
  after: string;
  /** Printed label text (for messages). */
  text: string;
  nums: NumToken[];
  /** From a real table or a separated row: blanks are known. */
  structured: boolean;
  /** Label-only cells above this row (header rows), with positions, for column mapping. */
  headers: SrcCell[];
}

export interface ObservedTable {
  obs: Observation[];
  /** All label-only cells of the region with positions (header words). */
  headerCells: SrcCell[];
  /** Label text of the whole region (match key), for detection and messages. */
  key: string;
}

/**
 * Splits a label cell with numbers stuck to its end: “行政许可550” → label + 550, also with marks
 * of empty cells among them (“执法案卷90—” → label + 90 + —).
 */
function splitGlued(text: string): { label: string; tail?: string[] } {
  const t = text.normalize('NFKC');
  let i = t.length;
  while (i > 0 && /[\d.—–－/／]/.test(t[i - 1]!)) i--;
  const tail = t.slice(i);
  if (!/\d/.test(tail) || !/^[\d—–－/／]/.test(tail) || /^\./.test(tail)) return { label: text };
  const label = t.slice(0, i);
  // Only after Chinese text or a closing mark: “2.”, “第（一）项” and dates stay labels.
  if (!/[\u4e00-\u9fff”’)）】」]$/.test(label)) return { label: text };
  if (/(第|年|月|日|号|期|页|条第)$/.test(label)) return { label: text };
  const parts = tail.match(/\d+(?:\.\d+)?|[—–－/／]/g) ?? [];
  if (parts.join('') !== tail.replace(/\.(?!\d)/g, '')) return { label: text };
  return { label, tail: parts };
}

interface Piece {
  text: string;
  x0?: number;
  x1?: number;
}

/** Label part and trailing numbers of a line (tokens from the right while they read as numbers). */
function splitLine(pieces: Piece[]): { label: Piece[]; nums: NumToken[] } {
  let i = pieces.length;
  const nums: NumToken[] = [];
  while (i > 0 && isNumberToken(pieces[i - 1]!.text)) {
    i--;
    const p = pieces[i]!;
    const n = parseNumber(p.text)!;
    nums.unshift({
      raw: p.text.trim(),
      value: n.value,
      ...(n.mark ? { blank: true } : {}),
      ...(n.long ? { glued: true } : {}),
      ...(n.unit ? { unit: n.unit } : {}),
      ...pos(p),
    });
  }
  const label = pieces.slice(0, i);
  if (label.length) {
    const last = label[label.length - 1]!;
    const g = splitGlued(last.text);
    if (g.tail) {
      label[label.length - 1] = { ...last, text: g.label };
      const glued = g.tail.map((raw): NumToken => {
        if (!/\d/.test(raw)) return { raw, value: null, blank: true };
        return { raw, value: Number(raw), ...(raw.length > 1 ? { glued: true } : {}), ...pos(last) };
      });
      nums.unshift(...glued);
    }
  }
  return { label, nums };
}

const pos = (p: Piece) => (p.x0 !== undefined && p.x1 !== undefined ? { x0: p.x0, x1: p.x1 } : {});

/** Observations from lines (PDF or text). */
export function observeLines(lines: SrcLine[]): ObservedTable {
  const obs: Observation[] = [];
  const headerCells: SrcCell[] = [];
  let fragments: string[] = [];
  let lastHeaders: SrcCell[] = [];
  let run: { nums: NumToken[]; before: string; headers: SrcCell[] } | null = null;
  const keyParts: string[] = [];

  const flushRun = () => {
    if (!run) return;
    obs.push({
      own: '',
      before: run.before,
      after: '',
      text: run.before,
      nums: run.nums,
      structured: false,
      headers: run.headers,
    });
    run = null;
  };
  const closeAfter = () => {
    const prev = obs[obs.length - 1];
    if (prev && !prev.after) prev.after = matchKey(fragments.join(''));
  };
  /** Adds a value to the row being collected one cell per line, starting it after the label. */
  const collect = (num: NumToken) => {
    if (!run) {
      closeAfter();
      run = { nums: [], before: matchKey(fragments.join('')), headers: lastHeaders };
      fragments = [];
    }
    run.nums.push(num);
  };

  for (const l of lines) {
    if (obs.length >= LIMITS.tableRows) break; // a table has 30 rows; anything far beyond is not one
    if (l.emptyCell) {
      // A cell left empty in a one-cell-per-line table: a blank value of the row being collected.
      collect({ raw: '', value: null, blank: true });
      continue;
    }
    const separated = !!l.cells && (l.cells.length > 1 || !!l.barRow) && l.cells.every((c) => c.x0 === undefined);
    const pieces: Piece[] =
      l.cells && l.cells.length
        ? l.cells
        : l.text
            .split(/\s+/)
            .filter(Boolean)
            .map((text) => ({ text }));
    let label: Piece[];
    let nums: NumToken[];
    if (separated) {
      // | a | b | | c |: every cell right of the last label is a value, empty ones blank.
      const cells = l.cells!;
      let last = -1;
      cells.forEach((c, i) => {
        if (c.text.trim() && !isNumberToken(c.text)) last = i;
      });
      label = cells.slice(0, last + 1);
      nums = cells.slice(last + 1).map((c) => {
        const n = parseNumber(c.text);
        return {
          raw: c.text.trim(),
          value: n?.value ?? null,
          ...(n?.value === null || n === null ? { blank: true } : {}),
        };
      });
      // A row whose cells are all empty is a label on its own (a wrapped label's part), not a row of blanks.
      if (nums.every((t) => t.raw === '')) nums = [];
    } else ({ label, nums } = splitLine(pieces));
    const labelText = label.map((p) => p.text).join(' ');
    const labelKey = matchKey(labelText);
    keyParts.push(labelKey);

    if (nums.length === 0) {
      // A label-only line: header words or a label waiting for its numbers (or done with them).
      flushRun();
      closeAfter();
      if (labelKey) {
        fragments.push(labelText);
        const cells = label.filter((p) => p.x0 !== undefined).map((p) => ({ text: p.text, x0: p.x0!, x1: p.x1! }));
        headerCells.push(...cells);
        lastHeaders = cells.length ? cells : label.map((p) => ({ text: p.text }));
      }
      continue;
    }
    if (!labelKey && nums.length === 1 && !separated && nums[0]!.x0 === undefined) {
      // One cell per line (a table flattened by a website): collect until the next label.
      collect(nums[0]!);
      continue;
    }
    flushRun();
    closeAfter();
    obs.push({
      own: labelKey,
      before: matchKey(fragments.join('')),
      after: '',
      text: [...fragments, labelText].join(' ').trim(),
      nums,
      structured: separated,
      headers: lastHeaders,
    });
    fragments = [];
  }
  flushRun();
  closeAfter();
  return { obs, headerCells, key: keyParts.join('') };
}

/** Observations from real tables (HTML, .docx): one per row, blanks included. */
export function observeTables(tables: SrcTable[], headerKeys: string[]): ObservedTable {
  const obs: Observation[] = [];
  const headerCells: SrcCell[] = [];
  const keyParts: string[] = [];
  for (const t of tables) {
    let lastHeaders: SrcCell[] = [];
    for (const row of t.rows) {
      if (obs.length >= LIMITS.tableRows) break;
      let last = -1;
      row.forEach((c, i) => {
        if (c.text.trim() && !isNumberToken(c.text)) last = i;
      });
      const label = row.slice(0, last + 1);
      const values = row.slice(last + 1);
      const labelText = label.map((c) => c.text).join(' ');
      keyParts.push(matchKey(labelText));
      const nums: NumToken[] = values.map((c) => {
        const n = parseNumber(c.text);
        return {
          raw: c.text.trim(),
          value: n?.value ?? null,
          ...(n === null || n.value === null ? { blank: true } : {}),
          ...(n?.unit ? { unit: n.unit } : {}),
          ...(c.x0 !== undefined && c.x1 !== undefined ? { x0: c.x0, x1: c.x1 } : {}),
        };
      });
      const filled = nums.some((n) => !n.blank || n.raw);
      // A row of empty cells without a label is a data row left blank (Table 4 often is) when it is wide.
      const blankDataRow = last < 0 && values.length >= 5;
      if (!values.length || (!filled && !blankDataRow && (last < 0 || isHeaderRow(label, headerKeys)))) {
        if (label.length) {
          headerCells.push(...label);
          lastHeaders = label;
        }
        continue;
      }
      obs.push({
        own: matchKey(labelText),
        before: '',
        after: '',
        text: labelText,
        nums,
        structured: true,
        headers: lastHeaders,
      });
    }
  }
  return { obs, headerCells, key: keyParts.join('') };
}

/** A row of header words only (申请人情况 / 自然人 …) with empty cells beside them. */
function isHeaderRow(label: SrcCell[], headerKeys: string[]): boolean {
  return label.every((c) => {
    const k = matchKey(c.text);
    return !k || headerKeys.some((h) => (k.length >= 2 && h.includes(k)) || (h.length >= 4 && k.includes(h)));
  });
}

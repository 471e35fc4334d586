/**
 * Character-level differences between the app's text and the text of an edited .docx, to mark
 * what the leader changed. Myers' O((N+M)·D) algorithm on code points after trimming the common
 * prefix and suffix; past a bound on D (paragraphs rewritten wholesale) the whole middle is shown
 * as replaced, which is also what a reader would want to see.
 */

export type DiffPart = { type: 'same' | 'del' | 'ins'; text: string };

const MAX_EDITS = 600;

function push(parts: DiffPart[], type: DiffPart['type'], text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.type === type) last.text += text;
  else parts.push({ type, text });
}

/** Edit script of a → b over arrays of code points, or null when more than `max` edits are needed. */
function myers(a: string[], b: string[], max: number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the saved frontiers.
  const rev: { type: DiffPart['type']; ch: string }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      rev.push({ type: 'same', ch: a[--x]! });
      y--;
    }
    if (x === prevX) rev.push({ type: 'ins', ch: b[--y]! });
    else rev.push({ type: 'del', ch: a[--x]! });
  }
  while (x > 0 && y > 0) {
    rev.push({ type: 'same', ch: a[--x]! });
    y--;
  }
  const parts: DiffPart[] = [];
  for (let i = rev.length - 1; i >= 0; i--) push(parts, rev[i]!.type, rev[i]!.ch);
  return parts;
}

/**
 * A single unchanged character between two changes reads as noise (“将<del>全</del>年<del>…</del>”):
 * fold it into the changes on both sides so the reader sees one replaced phrase.
 */
function fold(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const prev = parts[i - 1];
    const next = parts[i + 1];
    if (p.type === 'same' && [...p.text].length === 1 && prev && next && prev.type !== 'same' && next.type !== 'same') {
      // Re-order as: deletions then insertions, the shared character in both.
      push(out, 'del', p.text);
      push(out, 'ins', p.text);
      continue;
    }
    push(out, p.type, p.text);
  }
  // Collapse runs of mixed del/ins into one del then one ins.
  const merged: DiffPart[] = [];
  let dels = '';
  let ins = '';
  const flush = () => {
    push(merged, 'del', dels);
    push(merged, 'ins', ins);
    dels = '';
    ins = '';
  };
  for (const p of out) {
    if (p.type === 'del') dels += p.text;
    else if (p.type === 'ins') ins += p.text;
    else {
      flush();
      push(merged, 'same', p.text);
    }
  }
  flush();
  return merged;
}

export function diffChars(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = midA.length && midB.length ? myers(midA, midB, MAX_EDITS) : null;
  if (middle) for (const p of middle) push(parts, p.type, p.text);
  else {
    push(parts, 'del', midA.join(''));
    push(parts, 'ins', midB.join(''));
  }
  push(parts, 'same', a.slice(endA).join(''));
  return fold(parts);
}

/** The two sides to show: the app's text with deletions marked, the document's with insertions. */
export function diffSides(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const parts = diffChars(before, after);
  return { before: parts.filter((p) => p.type !== 'ins'), after: parts.filter((p) => p.type !== 'del') };
}

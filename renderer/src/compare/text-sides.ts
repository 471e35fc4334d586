/**
 * The two sides of a changed paragraph with what differs marked: the common beginning and end are
 * kept, the middle is shown as deleted on last year's side and inserted on this year's (by code
 * point, so rare characters stay whole). A moved year or an added sentence reads exactly.
 */

export type DiffPart = { type: 'same' | 'del' | 'ins'; text: string };

export function diffSides(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
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
  const part = (type: DiffPart['type'], chars: string[]): DiffPart[] => (chars.length ? [{ type, text: chars.join('') }] : []);
  const head = part('same', a.slice(0, start));
  const tail = part('same', a.slice(endA));
  return {
    before: [...head, ...part('del', a.slice(start, endA)), ...tail],
    after: [...head, ...part('ins', b.slice(start, endB)), ...tail],
  };
}

/**
 * A date text without a zone, read as local time the way dayjs reads it (its REGEX_PARSE): the
 * library drew its times with dayjs, and this keeps every time drawn as before without loading
 * dayjs in the library's first script (only the editor's date picker needs it).
 */
const LOCAL_TIME = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/;

function parseTime(text: string): Date {
  const m = /Z$/i.test(text) ? null : LOCAL_TIME.exec(text);
  if (!m) return new Date(text);
  const num = (s: string | undefined, blank: number) => (s ? Number(s) : blank);
  return new Date(
    Number(m[1]),
    num(m[2], 1) - 1,
    num(m[3], 1),
    num(m[4], 0),
    num(m[5], 0),
    num(m[6], 0),
    Number((m[7] ?? '0').slice(0, 3)),
  );
}

const two = (n: number) => String(n).padStart(2, '0');

/** A stored ISO time as the clerk reads it: 2025-01-20 14:05 (blank when missing or invalid). */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = parseTime(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

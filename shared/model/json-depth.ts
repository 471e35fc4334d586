/**
 * Nesting of JSON text, measured before anything walks the parsed value: JSON.parse itself copes
 * with a million nested brackets, but every recursive reader after it (validation, the tolerant
 * report reader, structured clone) overflows the stack. A report is about six levels deep; what
 * goes far beyond is refused at the door with a message instead.
 */

/** Reports and API bodies: well above any real one. */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays/objects nest deeper than `max` in `text` (strings skipped; stops at the first excess). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

import type { Range } from "../parse/document.js";

export interface TextEdit {
  range: Range;
  text: string;
}

/**
 * Replaces each edit's range with its text and keeps every other char. Edits are taken in order
 * of position; one that overlaps an edit already taken (or inserts where another one does) is
 * left for the next pass, which sees the text after this one.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = "";
  let at = 0;
  let taken: Range | undefined;
  for (const edit of ordered) {
    const { start, end } = edit.range;
    if (start < 0 || end < start || end > text.length) continue;
    if (taken && (start < taken.end || (start === taken.start && end === taken.end))) continue;
    out += text.slice(at, start) + edit.text;
    at = end;
    taken = edit.range;
  }
  return out + text.slice(at);
}

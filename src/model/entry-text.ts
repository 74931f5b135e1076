import type { Entry, Range } from "../parse/document.js";
import type { SourceText } from "../parse/source.js";

// How an entry's value was written, next to what Properties.load made of it: the escapes that
// changed the text and the line breaks a trailing backslash joined.

/** An escape in a value that Properties.load turns into something else than what was written. */
export interface LostEscape {
  /** The backslash and the char after it. */
  range: Range;
  /** The two chars as written, e.g. "\z" or "\t". */
  written: string;
}

/** A trailing backslash that joined the next physical line to the value. */
export interface Continuation {
  /** The backslash. */
  range: Range;
  /** The joined line as written, blanks around it dropped. */
  line: string;
}

export interface WrittenValue {
  /** The value's text in the file, continuations included. */
  raw: string;
  lostEscapes: LostEscape[];
  continuations: Continuation[];
}

/** Escapes that mean what they say: a backslash, a \uXXXX char, and the chars Properties would otherwise take as syntax. */
const MEANT_ESCAPES = "\\u =:#!";

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\f";
const isBreak = (c: string | undefined): boolean => c === "\n" || c === "\r";

/** Reads the value of `entry` from the file's text, escape by escape, as Properties.load does. */
export function writtenValue(entry: Entry, source: SourceText): WrittenValue {
  const text = source.text;
  const { start, end } = entry.valueRange;
  const lostEscapes: LostEscape[] = [];
  const continuations: Continuation[] = [];
  let i = start;
  while (i < end) {
    if (text[i] !== "\\") {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (isBreak(next)) {
      let from = i + 2;
      if (next === "\r" && text[from] === "\n") from++;
      while (from < end && isBlank(text[from])) from++;
      let to = from;
      while (to < end && !isBreak(text[to])) to++;
      // Trailing blanks and backslashes dropped by a scan back from the end: a pattern anchored
      // only at the end would retry from each blank of a long run.
      let last = to;
      while (last > from && (isBlank(text[last - 1]) || text[last - 1] === "\\")) last--;
      continuations.push({ range: { start: i, end: i + 1 }, line: text.slice(from, last) });
      i = from;
      continue;
    }
    if (!MEANT_ESCAPES.includes(next)) lostEscapes.push({ range: { start: i, end: i + 2 }, written: `\\${next}` });
    i += 2;
  }
  return { raw: text.slice(start, end), lostEscapes, continuations };
}

/** The physical lines an entry covers, from the start of its first line through its last line terminator: what removing it removes. */
export function entryLines(entry: Entry, source: SourceText): Range {
  const text = source.text;
  const start = entry.range.start - (source.positionAt(entry.range.start).column - 1);
  let end = entry.range.end;
  if (text[end] === "\r") end++;
  if (text[end] === "\n") end++;
  return { start, end };
}

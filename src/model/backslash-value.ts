import type { Entry } from "../parse/document.js";
import type { SourceText } from "../parse/source.js";
import { writtenValue, type Continuation } from "./entry-text.js";
import { javaTrim } from "./java-number.js";

// What backslashes do to a value that was not meant to have escapes: a Windows path whose
// backslashes Properties.load drops, a trailing backslash that joins the next line.

/** A value for a message: the control chars an escape produced (a tab from C:\tmp) named, not printed. */
export function printable(text: string): string {
  return text.replace(/[\t\n\r\f]/g, (c) => ({ "\t": "<TAB>", "\n": "<LF>", "\r": "<CR>", "\f": "<FF>" })[c] ?? c);
}

export interface LostBackslashes {
  /** The value as written, trimmed. */
  written: string;
  /** The value with forward slashes for the backslashes, trimmed: what was meant. */
  slashed: string;
}

/** A value whose backslashes Properties.load takes for escapes that drop them; none when a backslash joins lines. */
export function lostBackslashes(entry: Entry, source: SourceText): LostBackslashes | undefined {
  const written = writtenValue(entry, source);
  if (written.lostEscapes.length === 0 || written.continuations.length > 0) return undefined;
  let slashed = "";
  let from = entry.valueRange.start;
  for (const lost of written.lostEscapes) {
    slashed += source.text.slice(from, lost.range.start) + "/";
    from = lost.range.start + 1;
  }
  slashed += source.text.slice(from, entry.valueRange.end);
  return { written: javaTrim(written.raw), slashed: javaTrim(slashed.replace(/\\\\/g, "/")) };
}

/** A line a trailing backslash joined to a value, which reads as a comment or an entry of its own. */
export interface SwallowedLine extends Continuation {
  looksLike: "comment" | "entry";
}

/** The lines joined to the value of `entry` that look like they were meant to stand alone. */
export function swallowedLines(entry: Entry, source: SourceText): SwallowedLine[] {
  const found: SwallowedLine[] = [];
  for (const joined of writtenValue(entry, source).continuations) {
    const looksLike = /^[#!]/.test(joined.line) ? "comment" : /^[^\s=:#!]+\s*[=:]/.test(joined.line) ? "entry" : undefined;
    if (looksLike) found.push({ ...joined, looksLike });
  }
  return found;
}

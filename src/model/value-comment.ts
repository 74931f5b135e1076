import type { Entry, Range } from "../parse/document.js";
import { javaTrim } from "./java-number.js";

// Properties.load knows comments only at the start of a line: in `clientPort=2181 # clients` the
// comment is part of the value ZooKeeper reads.

/** Where a comment written after a value starts: a blank, then # or !. */
export function commentStart(value: string): number | undefined {
  const m = /[ \t\f][#!]/.exec(value);
  return m ? m.index + 1 : undefined;
}

export interface TrailingComment {
  /** The comment, from its # or ! to the end of the value. */
  text: string;
  /** The value without it, trimmed as ZooKeeper trims values. */
  kept: string;
  /** What removing the comment removes from the file: from the end of the kept text to the end of the value. */
  range: Range;
}

/** The comment written after the value of `entry`; `value` is its value as ZooKeeper reads it (trimmed). */
export function trailingComment(entry: Entry, value: string): TrailingComment | undefined {
  const at = commentStart(value);
  if (at === undefined) return undefined;
  const kept = javaTrim(value.slice(0, at));
  // The value as read starts at the value range; the text after the kept part goes.
  const start = entry.valueOffset(entry.value.indexOf(kept) + kept.length);
  return { text: value.slice(at), kept, range: { start, end: entry.valueRange.end } };
}

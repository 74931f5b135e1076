import type { Document, Entry, Range } from "../parse/document.js";

// zkServer.sh, zkCleanup.sh and zkServer-initialize.sh do not read a config as Java does: they
// grep it line by line and cut each line with sed 's/.*=//'. This is the config as they see it.

/** A line as grep sees it: the text split at "\n" only, so a CR stays in the line. */
export interface ScriptLine {
  range: Range;
  text: string;
}

/** The keys the scripts read. */
export type ScriptKey = "dataDir" | "dataLogDir" | "clientPort" | "secureClientPort" | "clientPortAddress" | "secureClientPortAddress";

export const SCRIPT_KEYS: readonly ScriptKey[] = ["dataDir", "dataLogDir", "clientPort", "secureClientPort", "clientPortAddress", "secureClientPortAddress"];

/** The data directories are found by prefix; `zkServer.sh status` wants a non-letter after the port keys. */
export function grepPattern(key: ScriptKey): string {
  return key === "dataDir" || key === "dataLogDir" ? `^[[:space:]]*${key}` : `^[[:space:]]*${key}[^[:alpha:]]`;
}

function grepRegExp(key: ScriptKey): RegExp {
  const space = "[ \\t\\n\\v\\f\\r]*";
  return key === "dataDir" || key === "dataLogDir" ? new RegExp(`^${space}${key}`) : new RegExp(`^${space}${key}[^A-Za-z]`);
}

const split = new WeakMap<Document, readonly ScriptLine[]>();

/** The file as grep reads it, split once: each of the keys the scripts read may ask. */
function scriptLines(doc: Document): readonly ScriptLine[] {
  const cached = split.get(doc);
  if (cached) return cached;
  const text = doc.source.text;
  const lines: ScriptLine[] = [];
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ range: { start, end }, text: text.slice(start, end) });
    start = end + 1;
  }
  split.set(doc, lines);
  return lines;
}

/** The lines `grep "<grepPattern(key)>"` picks. */
function grepKey(doc: Document, key: ScriptKey): ScriptLine[] {
  const pattern = grepRegExp(key);
  return scriptLines(doc).filter((l) => pattern.test(l.text));
}

/**
 * Whether the key's name occurs outside the entry's own line: every line grep picks for the key
 * holds its name, so without one no other line can be picked, and the file need not be split.
 */
function namedElsewhere(text: string, key: string, own: Range): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    if (at < own.start || at + key.length > own.end) return true;
  }
  return false;
}

/** The lines grep picks for the key besides the line the key's entry starts on, in file order. */
export function extraGrepLines(doc: Document, key: ScriptKey, entry: Entry): ScriptLine[] {
  const own = lineOfEntry(doc, entry).range;
  if (!namedElsewhere(doc.source.text, key, own)) return [];
  // The entry's line is built apart from the split: it is the split's line that starts where it does.
  return grepKey(doc, key).filter((l) => l.range.start !== own.start);
}

/** The line grep sees an entry start on. */
export function lineOfEntry(doc: Document, entry: Entry): ScriptLine {
  const text = doc.source.text;
  const start = text.lastIndexOf("\n", entry.range.start - 1) + 1;
  const nl = text.indexOf("\n", entry.range.start);
  const end = nl < 0 ? text.length : nl;
  return { range: { start, end }, text: text.slice(start, end) };
}

/** What sed 's/.*=//' leaves of a line: the text after its last "=", or the whole line. */
export function afterLastEquals(line: string): string {
  return line.slice(line.lastIndexOf("=") + 1);
}

/** True when the entry's key and value are written without escapes, so "key=value" reads back the same. */
export function isPlainEntry(doc: Document, entry: Entry): boolean {
  const text = doc.source.text;
  if (entry.key.includes("\\") || entry.value.includes("\\")) return false;
  if (text.slice(entry.keyRange.start, entry.keyRange.end) !== entry.key) return false;
  for (let i = 0; i < entry.value.length; i++) if (text[entry.valueOffset(i)] !== entry.value[i]) return false;
  return true;
}

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

export function scriptLines(doc: Document): ScriptLine[] {
  const text = doc.source.text;
  const lines: ScriptLine[] = [];
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ range: { start, end }, text: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** The lines `grep "<grepPattern(key)>"` picks. */
export function grepKey(doc: Document, key: ScriptKey): ScriptLine[] {
  const pattern = grepRegExp(key);
  return scriptLines(doc).filter((l) => pattern.test(l.text));
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

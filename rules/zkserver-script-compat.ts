import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { isWindowsAbsolute } from "../src/model/facts.js";
import { javaTrim } from "../src/model/java-number.js";
import { afterLastEquals, extraGrepLines, grepPattern, isPlainEntry, lineOfEntry, SCRIPT_KEYS, type ScriptKey } from "../src/model/script-view.js";
import { defineRule, editFix, type Report } from "../src/lint/rule.js";
import { hasPlaceholder } from "../src/model/template.js";

const DIR_READERS = "zkServer.sh, zkCleanup.sh and zkServer-initialize.sh";
const STATUS = "zkServer.sh status";
const BOM = "\u00ef\u00bb\u00bf";

const KEEP_CR =
  "ZooKeeper accepts that, but zkServer.sh and zkCleanup.sh read the file with grep and keep the CR at the end of each value, so zkServer.sh status and zkCleanup.sh fail; save the file with LF line endings";

const messages = {
  dirNoEquals: {
    text: '{{key}} is written "{{written}}", without "="; zkServer.sh and zkServer-initialize.sh, which read it with grep and sed \'s/.*=//\', take the whole line for the path and create a directory named "{{line}}", and zkCleanup.sh does not find it; write "{{key}}={{value}}"',
    impact: "maintenance",
  },
  dirBlankBeforeEquals: {
    text: '{{key}} is written "{{written}}", with a blank before "="; zkCleanup.sh looks for "{{key}}=" and does not find it; write "{{key}}={{value}}"',
    impact: "maintenance",
  },
  dirBlankAfterEquals: {
    text: '{{key}} is written "{{written}}", with a blank after "="; zkCleanup.sh and zkServer-initialize.sh keep the blank and take "{{got}}" for a relative path, a directory that does not exist; write "{{key}}={{value}}"',
    impact: "maintenance",
  },
  portSeparator: {
    text:
      '{{key}} is written "{{written}}"; ' +
      STATUS +
      ' expects "{{key}}=" and takes "{{got}}" from this line, so it reports "Error contacting service. It is probably not running." even when the server runs; write "{{key}}={{value}}"',
    impact: "maintenance",
  },
  trailingBlanks: {
    text: '{{key}} "{{value}}" is followed by blanks; ZooKeeper trims them, but zkCleanup.sh and zkServer-initialize.sh keep them and look for a directory that does not exist ("Path \'{{got}}\' does not exist."); remove the trailing blanks',
    impact: "maintenance",
  },
  continued: {
    text: '{{key}} continues on the next line; ZooKeeper joins the lines, but {{readers}} read only the first one and take "{{got}}" for the value; write it on one line: "{{key}}={{value}}"',
    impact: "maintenance",
  },
  equalsInValue: {
    text: '{{key}} "{{value}}" contains "="; ' + DIR_READERS + ' keep only the text after the last "=" on the line ("{{got}}"); use a path without "="',
    impact: "maintenance",
  },
  extraLine: {
    text: 'this line also matches grep "{{pattern}}", which {{readers}} use to find {{key}} (line {{line}}), so they get a value of several lines; rename this key or remove the line',
    impact: "maintenance",
  },
  carriageReturn: { text: `the file's lines end with CR LF (Windows line endings); ${KEEP_CR}`, impact: "maintenance" },
  loneCarriageReturn: { text: `the file's lines end with a lone CR (classic Mac OS line endings); ${KEEP_CR}`, impact: "maintenance" },
  bom: {
    text: "the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1 and the scripts with grep, and neither expects the three bytes EF BB BF; save the file without the byte order mark",
    impact: "maintenance",
  },
  bomKey: {
    text:
      'the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1, so the first key is not "{{key}}" but "' +
      BOM +
      '{{key}}", an unknown key whose setting it ignores; save the file without the byte order mark',
    impact: "runtime",
  },
  bomDataDir: {
    text:
      'the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1, so the first key is "' +
      BOM +
      'dataDir", not dataDir, and it exits with "dataDir is not set"; save the file without the byte order mark',
    impact: "startup",
  },
} as const;

type Id = keyof typeof messages;

const isDirKey = (key: ScriptKey): boolean => key === "dataDir" || key === "dataLogDir";
/** zkCleanup.sh looks for "dataDir=" exactly, so only the other two take in lines that merely start alike. */
const grepReaders = (key: ScriptKey): string => (isDirKey(key) ? "zkServer.sh and zkServer-initialize.sh" : STATUS);

/** How many chars Java's trim drops from the end: blanks and control chars. */
function trailingBlanks(value: string): number {
  let n = 0;
  while (n < value.length && value.charCodeAt(value.length - 1 - n) <= 32) n++;
  return n;
}

/** An "=" the scripts cut at; a template's is filled in before any script reads the file. */
const hasEquals = (value: string): boolean => value.includes("=") && !hasPlaceholder(value);

export default defineRule({
  id: "zkserver-script-compat",
  meta: {
    description: "Keys that zkServer.sh and its helper scripts read with grep and sed are written the one way those scripts understand",
    fixable: true,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config, document } = file;
      const { text } = document.source;
      if (text.startsWith(BOM)) yield* checkBom(file);
      // A server whose data lives on a Windows path is started by zkServer.cmd, which leaves the file to Java.
      if (isWindowsAbsolute(config.text("dataDir") ?? "") || isWindowsAbsolute(config.text("dataLogDir") ?? "")) continue;
      if (text.includes("\r")) yield* checkLineEndings(file);
      for (const key of SCRIPT_KEYS) {
        const entry = config.get(key);
        if (entry) yield* checkKey(file, key, entry);
      }
    }
  },
});

function* checkBom(file: ConfigFile): Generator<Report<Id>> {
  const { document, config } = file;
  if (!document.source.text.startsWith(BOM)) return;
  const range = { start: 0, end: BOM.length };
  const fix = editFix(file, range, "");
  const first = document.entries[0];
  const key = first && first.keyRange.start === 0 ? first.key.slice(BOM.length) : "";
  if (key === "dataDir" && !config.get("dataDir")) yield { messageId: "bomDataDir", file, range, fix };
  else if (/^[A-Za-z]/.test(key)) yield { messageId: "bomKey", data: { key }, file, range, fix };
  else yield { messageId: "bom", file, range, fix };
}

function* checkLineEndings(file: ConfigFile): Generator<Report<Id>> {
  const text = file.document.source.text;
  const first = text.indexOf("\r");
  if (first < 0) return;
  const crlf = text[first + 1] === "\n";
  const last = text.lastIndexOf("\r");
  const end = text[last + 1] === "\n" ? last + 2 : last + 1;
  yield {
    messageId: crlf ? "carriageReturn" : "loneCarriageReturn",
    file,
    range: { start: first, end: first + (crlf ? 2 : 1) },
    fix: editFix(file, { start: first, end }, text.slice(first, end).replace(/\r\n?/g, "\n")),
  };
}

function* checkKey(file: ConfigFile, key: ScriptKey, entry: Entry): Generator<Report<Id>> {
  const { document } = file;
  const line = lineOfEntry(document, entry);
  for (const other of extraGrepLines(document, key, entry)) {
    const position = document.source.positionAt(line.range.start);
    const range = { start: other.range.start, end: other.range.end - (other.text.endsWith("\r") ? 1 : 0) };
    yield { messageId: "extraLine", data: { pattern: grepPattern(key), readers: grepReaders(key), key, line: position.line }, file, range };
  }
  const value = javaTrim(entry.value);
  if (value === "") return;
  // The usual line, "key=value", gives the scripts what ZooKeeper reads.
  if (!entry.continued && entry.separator === "=" && (!isDirKey(key) || (trailingBlanks(entry.value) === 0 && !hasEquals(value)))) return;
  const lineText = line.text.replace(/\r$/, "");
  const got = afterLastEquals(lineText);
  const plain = isPlainEntry(document, entry);
  const whole = { start: entry.keyRange.start, end: entry.valueRange.end };
  if (entry.continued) {
    const fix = plain ? { fix: editFix(file, entry.range, `${key}=${value}`) } : {};
    yield { messageId: "continued", data: { key, readers: isDirKey(key) ? DIR_READERS : STATUS, got, value }, file, range: whole, ...fix };
    return;
  }
  const written = document.source.text.slice(entry.keyRange.start, entry.valueRange.end);
  const separator = { start: entry.keyRange.end, end: entry.valueRange.start };
  if (isDirKey(key)) {
    const data = { key, written, line: lineText.trim(), got, value };
    const fix = editFix(file, separator, "=");
    if (!entry.separator.includes("=")) yield { messageId: "dirNoEquals", data, file, range: whole, fix };
    else if (!entry.separator.startsWith("=")) yield { messageId: "dirBlankBeforeEquals", data, file, range: whole, fix };
    else if (entry.separator !== "=") yield { messageId: "dirBlankAfterEquals", data, file, range: whole, fix };
    const blanks = trailingBlanks(entry.value);
    if (blanks > 0) {
      const range = { start: entry.valueOffset(entry.value.length - blanks), end: entry.valueRange.end };
      yield { messageId: "trailingBlanks", data: { key, value, got: entry.value }, file, range, fix: editFix(file, range, "") };
    }
    if (hasEquals(value)) yield { messageId: "equalsInValue", data: { key, value, got }, file, range: entry.valueRange };
  } else if (!entry.separator.includes("=")) {
    yield { messageId: "portSeparator", data: { key, written, got, value }, file, range: whole, fix: editFix(file, separator, "=") };
  }
}

import type { Entry, Range } from "../src/parse/document.js";
import { javaTrim } from "../src/model/java-number.js";
import { defineRule, type Report } from "../src/lint/rule.js";
import type { ConfigFile } from "../src/model/config-file.js";

const UTF8 = 'holds "{{text}}" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "{{latin1}}" instead; write it as {{escapes}}';
const NOT_UTF8 =
  'holds {{bytes}}, which is not UTF-8 text; ZooKeeper reads the file as ISO-8859-1 and sees "{{latin1}}", but editors that expect UTF-8 show something else; write it as {{escapes}}';

const messages = {
  utf8: { text: `The value of {{key}} ${UTF8}`, impact: "runtime" },
  utf8InKey: { text: `The key ${UTF8}`, impact: "runtime" },
  notUtf8: { text: `The value of {{key}} ${NOT_UTF8}`, impact: "maintenance" },
  notUtf8InKey: { text: `The key ${NOT_UTF8}`, impact: "maintenance" },
} as const;

type Id = keyof typeof messages;

/** A UTF-8 byte order mark, one char per byte; unknown-key and zkserver-script-compat report it. */
const BOM = "\u00ef\u00bb\u00bf";
/** Enough of a long run to recognise it; the message stays short. */
const SHOWN = 8;

/** Any char highRuns stops at. */
const NOT_ASCII = /[\u0080-\uffff]/;

const strict = new TextDecoder("utf-8", { fatal: true });

/** The runs of bytes 0x80–0xFF (one char per byte) within a range. */
function* highRuns(text: string, { start, end }: Range): Generator<Range> {
  for (let i = start; i < end;) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && text.charCodeAt(j) >= 0x80) j++;
    yield { start: i, end: j };
    i = j;
  }
}

const shorten = (s: string): string => (s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);

/** Java \uXXXX escapes, one per UTF-16 unit. */
function escape(s: string): string {
  let out = "";
  for (let i = 0; i < Math.min(s.length, SHOWN); i++) out += `\\u${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
  return s.length > SHOWN ? `${out}…` : out;
}

function* checkEntry(file: ConfigFile, entry: Entry): Generator<Report<Id>> {
  const text = file.document.source.text;
  const parts: [Range, boolean][] = [
    [entry.keyRange, true],
    [entry.valueRange, false],
  ];
  const key = javaTrim(entry.key);
  for (const [part, inKey] of parts) {
    for (const run of highRuns(text, part)) {
      const range = run.start === 0 && text.startsWith(BOM) ? { start: BOM.length, end: run.end } : run;
      if (range.start >= range.end) continue;
      const latin1 = text.slice(range.start, range.end);
      let decoded: string | undefined;
      try {
        decoded = strict.decode(Buffer.from(latin1, "latin1"));
      } catch {
        decoded = undefined;
      }
      if (decoded !== undefined) {
        yield {
          messageId: inKey ? "utf8InKey" : "utf8",
          data: { key, text: shorten(decoded), latin1: shorten(latin1), escapes: escape(decoded) },
          file,
          range,
        };
      } else {
        const bytes = [...shorten(latin1)].map((c) => (c === "…" ? c : `0x${c.charCodeAt(0).toString(16).toUpperCase()}`)).join(" ");
        yield { messageId: inKey ? "notUtf8InKey" : "notUtf8", data: { key, bytes, latin1: shorten(latin1), escapes: escape(latin1) }, file, range };
      }
    }
  }
}

export default defineRule({
  id: "file-encoding",
  meta: {
    description: "Keys and values are ASCII, with \\uXXXX escapes for other characters, as ZooKeeper reads the file as ISO-8859-1",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      // An all-ASCII file, the usual one, has no runs to look for.
      if (!NOT_ASCII.test(file.document.source.text)) continue;
      for (const entry of file.document.entries) yield* checkEntry(file, entry);
    }
  },
});

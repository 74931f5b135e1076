import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { entryLines } from "../src/model/entry-text.js";
import { javaTrim, parseJavaLong } from "../src/model/java-number.js";
import { defineRule, type EditFix, type Report } from "../src/lint/rule.js";

const messages = {
  overridden: {
    text: '{{key}} "{{value}}" is set again on line {{line}}; ZooKeeper silently keeps only the last value, "{{winner}}", and ignores this one; remove this line, or the other one if this is the value you meant',
    impact: "runtime",
  },
  repeated: {
    text: '{{key}} "{{value}}" is set again on line {{line}} to the same value; ZooKeeper keeps the last one, so this line does nothing; remove it',
    impact: "maintenance",
  },
  hashOrder: {
    text: '{{key}} here and {{other}} on line {{line}} both set {{what}}; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
    impact: "runtime",
  },
} as const;

type Id = keyof typeof messages;

/** Keys whose text after the first dot ZooKeeper reads as a number: server.2 and server.02 are one key. */
const NUMBERED = /^(server|group|weight)\.(.*)$/;

/** A cheap test for the prefixes NUMBERED looks for, so most keys skip the regular expression. */
const numbered = (key: string): boolean => key.startsWith("server.") || key.startsWith("group.") || key.startsWith("weight.");

/** identity(key).id, without building the pair for the keys that are not numbered. */
const idOf = (key: string): string => (numbered(key) ? identity(key).id : key);

/** What ZooKeeper finally files the key under: the trimmed key, with numbered keys by their number. */
function identity(key: string): { id: string; what: string } {
  const m = numbered(key) ? NUMBERED.exec(key) : null;
  const n = m ? parseJavaLong(m[2] as string) : undefined;
  if (m && n !== undefined) return { id: `${m[1]}.${n}`, what: `${m[1]} ${n}` };
  return { id: key, what: key };
}

export default defineRule({
  id: "duplicate-key",
  meta: {
    description: "Each key is set once, since ZooKeeper silently keeps only one of the values",
    fixable: true,
    messages,
    suggestions: { removeLine: "Remove line {{line}} ({{key}}={{value}})" },
  },
  *check({ workspace }) {
    for (const file of workspace.files) if (mayHaveDuplicates(file)) yield* checkFile(file);
  },
});

/** A numbered key spelled as ZooKeeper files it (server.2, not server.02): its identity is itself. */
const CANONICAL = /^(?:server|group|weight)\.(?:0|-?[1-9]\d{0,17})$/;

/**
 * False only when no two entries can be filed under one key, the usual case: every trimmed key
 * differs, and every numbered one is spelled as it is filed. True sends the file to the full check.
 */
function mayHaveDuplicates(file: ConfigFile): boolean {
  const { entries } = file.document;
  if (file.config.keyCount !== entries.length) return true;
  for (const entry of entries) {
    const key = javaTrim(entry.key);
    if (numbered(key) && !CANONICAL.test(key)) return true;
  }
  return false;
}

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { source } = file.document;
  const groups = new Map<string, Entry[]>();
  for (const entry of file.document.entries) {
    const id = idOf(javaTrim(entry.key));
    const list = groups.get(id);
    if (list) list.push(entry);
    else groups.set(id, [entry]);
  }
  for (const entries of groups.values()) {
    if (entries.length < 2) continue;
    const last = entries[entries.length - 1] as Entry;
    const line = source.positionAt(last.keyRange.start).line;
    const winner = javaTrim(last.value);
    for (const entry of entries.slice(0, -1)) {
      const key = javaTrim(entry.key);
      const value = javaTrim(entry.value);
      const here = source.positionAt(entry.keyRange.start).line;
      const removal: EditFix = { kind: "edit", path: file.path, range: entryLines(entry, source), text: "" };
      const suggestions = [{ messageId: "removeLine", data: { line: here, key, value }, fix: removal }];
      const at = { file, range: entry.keyRange };
      // Properties.load keeps the last of identical keys; keys that differ as written (server.02, or an
      // escaped blank that ZooKeeper trims later) are separate entries, and ZooKeeper meets them in hash order.
      if (entry.key !== last.key) {
        const other = javaTrim(last.key);
        const what = key === other ? key : identity(key).what;
        yield { messageId: "hashOrder", data: { key: JSON.stringify(entry.key), other: JSON.stringify(last.key), line, what }, ...at, suggestions };
      } else if (value === winner) {
        yield { messageId: "repeated", data: { key, value, line }, ...at, fix: removal };
      } else {
        yield { messageId: "overridden", data: { key, value, line, winner }, ...at, suggestions };
      }
    }
  }
}

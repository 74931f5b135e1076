import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { entryLines } from "../src/model/entry-text.js";
import { javaTrim } from "../src/model/java-number.js";
import { keyIdentity, repeatedKeys } from "../src/model/key-identity.js";
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
    text: "{{key}} here and {{other}} on line {{line}} both set {{what}}; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them",
    impact: "runtime",
  },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "duplicate-key",
  meta: {
    description: "Each key is set once, since ZooKeeper silently keeps only one of the values",
    fixable: true,
    messages,
    suggestions: { removeLine: "Remove line {{line}} ({{key}}={{value}})" },
  },
  *check({ workspace }) {
    for (const file of workspace.files) yield* checkFile(file);
  },
});

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { source } = file.document;
  for (const entries of repeatedKeys(file)) {
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
        const what = key === other ? key : keyIdentity(key).what;
        yield { messageId: "hashOrder", data: { key: JSON.stringify(entry.key), other: JSON.stringify(last.key), line, what }, ...at, suggestions };
      } else if (value === winner) {
        yield { messageId: "repeated", data: { key, value, line }, ...at, fix: removal };
      } else {
        yield { messageId: "overridden", data: { key, value, line, winner }, ...at, suggestions };
      }
    }
  }
}

import type { Document, Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { javaTrim } from "../src/model/java-number.js";
import { excerpt } from "../src/lint/excerpt.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const ADVICE = 'ZooKeeper refuses to start ("{{zk}}"); write \\u and four hexadecimal digits, or \\\\ for a backslash';

const NOT_AN_ESCAPE = `contains "{{escape}}", which is not a \\uXXXX escape, so Properties cannot load the file; ${ADVICE}`;
const OTHER_FILE = "(line {{line}} of {{name}})";

const messages = {
  malformedInValue: { text: `{{key}} "{{value}}" ${NOT_AN_ESCAPE}`, impact: "startup" },
  malformedInKey: { text: `The key "{{key}}" ${NOT_AN_ESCAPE}`, impact: "startup" },
  otherFileMalformedInValue: { text: `{{key}} "{{value}}" ${OTHER_FILE} ${NOT_AN_ESCAPE}`, impact: "startup" },
  otherFileMalformedInKey: { text: `The key "{{key}}" ${OTHER_FILE} ${NOT_AN_ESCAPE}`, impact: "startup" },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "properties-syntax",
  meta: {
    description: "Every file ZooKeeper loads with java.util.Properties is one Properties can load",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config } = file;
      if (file.document.problems.length > 0) yield* checkDocument(file, file.document);
      // The server lines' file and a leftover .dynamic.next are loaded the same way, and a failure there stops the server too.
      const dyn = config.get("dynamicConfigFile");
      if (!dyn) continue;
      // Named only when the server lines come from a dynamic file.
      const name = config.dynamicName;
      if (name !== undefined) yield* checkDocument(file, config.serverSource, { name, range: dyn.valueRange });
      if (file.nextDynamic) yield* checkDocument(file, file.nextDynamic.config.document, { name: file.nextDynamic.name, range: dyn.valueRange });
    }
  },
});

/** The logical line's text as one line: Properties drops a trailing backslash, the line break and the next line's leading blanks. */
function written(document: Document, range: Range): string {
  return javaTrim(document.source.text.slice(range.start, range.end).replace(/\\(\r\n|\r|\n)[ \t\f]*/g, ""));
}

/** Reports the problems of `document`, which is this file, or `other` (pointed at by the line that names it). */
function* checkDocument(file: ConfigFile, document: Document, other?: { name: string; range: Range }): Generator<Report<Id>> {
  for (const problem of document.problems) {
    const at = problem.range;
    const entry = document.entries.find((e) => e.range.start <= at.start && at.start < e.range.end);
    if (!entry) continue;
    const inKey = at.start < entry.keyRange.end;
    const place = other ? { line: document.source.positionAt(at.start).line, name: other.name } : {};
    const common = { ...place, escape: document.source.text.slice(at.start, at.end), zk: problem.message };
    const range = other?.range ?? at;
    // Another file than the config is quoted by excerpts: it may be anything the config names.
    const quote = other ? excerpt : (text: string): string => text;
    if (inKey) {
      yield {
        messageId: other ? "otherFileMalformedInKey" : "malformedInKey",
        data: { ...common, key: quote(written(document, entry.keyRange)) },
        file,
        range,
      };
    } else {
      const data = { ...common, key: quote(javaTrim(entry.key)), value: quote(written(document, entry.valueRange)) };
      yield { messageId: other ? "otherFileMalformedInValue" : "malformedInValue", data, file, range };
    }
  }
}

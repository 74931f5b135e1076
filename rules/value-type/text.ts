import type { Entry } from "../../src/parse/document.js";
import type { ConfigFile } from "../../src/model/config-file.js";
import { lostBackslashes, printable, swallowedLines } from "../../src/model/backslash-value.js";
import { javaTrim } from "../../src/model/java-number.js";
import { badValueImpact } from "../../src/model/key-reads.js";
import { zkWords } from "../../src/model/keys.js";
import { trailingComment } from "../../src/model/value-comment.js";
import type { Report } from "../../src/lint/rule.js";
import { NOTHING, removeComment, replaceValue, report, valueEdit, type Checked, type Id, type Reports } from "./messages.js";

// Values that are names and text: class names, host names, paths.

/** Class names and host names: short class names, and blanks no such name has. */
export function checkName(c: Checked): Reports {
  const { spec, key, value, file, entry } = c;
  const className = spec.aliases?.[value];
  const zk = zkWords(spec.zkInvalid ?? "", key, value);
  if (className !== undefined) return [{ ...report(c, "shortClassName", { key, value, zk, className }), fix: valueEdit(c, className) }];
  if (spec.type === "address" && spec.source === "explicit" && value === "" && key.endsWith("PortAddress")) {
    return [{ messageId: "emptyAddress", data: { key, port: key.slice(0, -"Address".length) }, file, range: entry.keyRange }];
  }
  const refused = badValueImpact(file.config, spec) === "startup";
  if (!refused) return checkText(c);
  if (/\s/.test(value)) {
    const comment = trailingComment(entry, value);
    if (comment) return [report(c, "commentRefused", { key, value, comment: comment.text, zk }, [removeComment(c, comment)])];
    return [report(c, spec.type === "class" ? "blankInClassName" : "blankRefused", { key, value, zk })];
  }
  // The aliases name every class ZooKeeper ships for the key; any other comes from a jar zkcfg cannot see.
  if (spec.aliases !== undefined && !Object.values(spec.aliases).includes(value)) {
    return [report(c, "notShipped", { key, value, zk, fallback: String(spec.default) })];
  }
  return checkText(c);
}

/** Paths and other text: comments and backslashes that Properties reads differently from what was meant. */
export function checkText(c: Checked): Reports {
  const { key, value } = c;
  const comment = trailingComment(c.entry, value);
  const commented = comment && report(c, "commentInValue", { key, value, comment: comment.text }, [removeComment(c, comment)]);
  const escaped = c.backslashes ? backslashReport(c) : undefined;
  if (!escaped) return commented ? [commented] : NOTHING;
  return commented ? [commented, escaped] : [escaped];
}

/** A value whose backslashes Properties takes for escapes that drop them. */
function backslashReport(c: Checked): Report<Id> | undefined {
  const lost = lostBackslashes(c.entry, c.file.document.source);
  if (!lost) return undefined;
  return report(c, "backslash", { key: c.key, written: lost.written, value: printable(c.value), slashed: lost.slashed }, [replaceValue(c, lost.slashed)]);
}

/** A trailing backslash whose next line looks like an entry or a comment: it was meant to end the value. */
export function checkContinuations(file: ConfigFile, entry: Entry): Reports {
  const swallowed = swallowedLines(entry, file.document.source);
  if (swallowed.length === 0) return NOTHING;
  const key = javaTrim(entry.key);
  return swallowed.map((joined) => ({
    messageId: joined.looksLike === "comment" ? "swallowedComment" : "swallowedLine",
    data: { key, line: joined.line, value: printable(javaTrim(entry.value)) },
    file,
    range: joined.range,
    suggestions: [{ messageId: "removeBackslash", data: { key }, fix: { kind: "edit", path: file.path, range: joined.range, text: "" } }],
  }));
}

import { zkWords, type KeySpec } from "../../src/model/keys.js";
import { badValueImpact } from "../../src/model/key-reads.js";
import { decodes, numberException, numberKind, readerName, readNumberValue, type NumberKind } from "../../src/model/number-value.js";
import { rangeBreach } from "../../src/model/value-range.js";
import { trailingComment } from "../../src/model/value-comment.js";
import type { Report } from "../../src/lint/rule.js";
import { at, replaceValue, removeComment, type Checked, type Id } from "./messages.js";

const REFUSED: Record<NumberKind, Id> = { whole: "notNumber", decimal: "notDecimalNumber", hex: "notHexNumber" };
// The catalog's one hexadecimal key refuses to start on a bad value: none is only logged.
const LOGGED: Partial<Record<NumberKind, Id>> = { whole: "numberLogged", decimal: "decimalNumberLogged" };

/** The key's default, for "uses the default …"; undefined when ZooKeeper works it out (from the cores, another key). */
function defaultOf(spec: KeySpec): string | undefined {
  return spec.default === null || spec.default === undefined || spec.default === "" ? undefined : String(spec.default);
}

/** A report that ZooKeeper falls back to the key's default: `withDefault`, or `builtIn` when the default is worked out. */
function fallbackReport(c: Checked, withDefault: Id, builtIn: Id, data: Record<string, string>): Report<Id> {
  const value = defaultOf(c.spec);
  return value === undefined ? { messageId: builtIn, data, ...at(c) } : { messageId: withDefault, data: { ...data, default: value }, ...at(c) };
}

/** A number key's value: one the reader cannot read, an octal surprise, or a number out of range. */
export function checkNumber(c: Checked): Report<Id> | undefined {
  const { spec, key, value } = c;
  const reader = readerName(spec);
  const reading = readNumberValue(spec, value);
  switch (reading.kind) {
    case "number":
      return checkRange(c, reading.value);
    case "octal":
      return { messageId: "octal", data: { key, value, reader, decoded: reading.decoded, decimal: reading.decimal }, ...at(c), suggestions: [replaceValue(c, reading.decimal)] };
    case "octalInvalid":
      return { ...fallbackReport(c, "octalInvalid", "octalInvalidBuiltIn", { key, value, reader, decimal: reading.decimal }), suggestions: [replaceValue(c, reading.decimal)] };
    case "unreadable":
      return unreadable(c);
  }
}

function unreadable(c: Checked): Report<Id> | undefined {
  const { spec, key, value } = c;
  const exception = numberException(spec, value);
  if (badValueImpact(c.file.config, spec) === "startup") {
    const comment = trailingComment(c.entry, value);
    if (comment && /^[+-]?[\d.]+$/.test(comment.kept)) {
      return { messageId: "notNumberComment", data: { key, value, exception, comment: comment.text }, ...at(c), suggestions: [removeComment(c, comment)] };
    }
    return { messageId: REFUSED[numberKind(spec)], data: { key, value, exception }, ...at(c) };
  }
  if (decodes(spec)) return fallbackReport(c, "numberIgnored", "numberIgnoredBuiltIn", { key, value, reader: readerName(spec) });
  const logged = LOGGED[numberKind(spec)];
  if (spec.zkInvalid === undefined || logged === undefined) return undefined;
  // Every key whose bad value ZooKeeper logs has a default in the catalog (test/model/number-value.test.ts).
  return fallbackReport(c, logged, logged, { key, value, zk: zkWords(spec.zkInvalid, key, value) });
}

/** What the key accepts, for "use …". */
function allowedRange(spec: KeySpec, side: "below" | "above"): string {
  if (spec.type === "port") return "a port from 1 to 65535";
  if (spec.min !== undefined && spec.max !== undefined) return `a value from ${spec.min} to ${spec.max}`;
  return side === "below" ? `at least ${spec.min}` : `at most ${spec.max}`;
}

function checkRange(c: Checked, n: number): Report<Id> | undefined {
  const { spec, key } = c;
  const version = c.file.config.version;
  const breach = rangeBreach(spec, n, version);
  if (!breach) return undefined;
  if (breach.kind === "notAllowed") {
    const data = { key, value: String(n), version, zk: spec.zkNotAllowed ?? "", allowed: breach.values.join(" or ") };
    if (breach.refused || breach.since === undefined) return { messageId: "notAllowed", data, ...at(c) };
    return { messageId: "deprecatedValue", data: { ...data, since: breach.since }, ...at(c) };
  }
  const data = { key, value: String(n), relation: breach.side, limit: String(breach.limit), zk: zkWords(spec.zkOutOfRange ?? "", key, String(n)), allowed: allowedRange(spec, breach.side) };
  return { messageId: spec.outOfRange === "runtime" ? "outOfRangeIgnored" : "outOfRange", data, ...at(c) };
}

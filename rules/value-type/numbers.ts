import { zkWords, type KeySpec } from "../../src/model/keys.js";
import { badValueImpact } from "../../src/model/key-reads.js";
import { decodes, numberException, numberKind, readerName, readNumberValue, type NumberKind } from "../../src/model/number-value.js";
import { rangeBreach } from "../../src/model/value-range.js";
import { trailingComment } from "../../src/model/value-comment.js";
import type { Report } from "../../src/lint/rule.js";
import { replaceValue, removeComment, report, type Checked, type Id } from "./messages.js";

const REFUSED: Record<NumberKind, Id> = { whole: "notNumber", decimal: "notDecimalNumber", hex: "notHexNumber" };
// The catalog's one hexadecimal key refuses to start on a bad value: none is only logged.
const LOGGED: Partial<Record<NumberKind, Id>> = { whole: "numberLogged", decimal: "decimalNumberLogged" };

/** The key's default, for "uses the default …"; undefined when ZooKeeper works it out (from the cores, another key). */
function defaultOf(spec: KeySpec): string | undefined {
  return spec.default === null || spec.default === undefined || spec.default === "" ? undefined : String(spec.default);
}

/** A report that ZooKeeper falls back to the key's default: `withDefault` naming it, or `builtIn` when the default is worked out. */
function fallbackReport(c: Checked, withDefault: Id, builtIn: Id, data: Record<string, string>, suggestions?: Report<Id>["suggestions"]): Report<Id> {
  const value = defaultOf(c.spec);
  if (value === undefined) return report(c, builtIn, data, suggestions);
  data.default = value;
  return report(c, withDefault, data, suggestions);
}

/** A number key's value: one the reader cannot read, an octal surprise, or a number out of range. */
export function checkNumber(c: Checked): Report<Id> | undefined {
  const { spec, key, value } = c;
  const reading = readNumberValue(spec, value);
  switch (reading.kind) {
    case "number":
      return checkRange(c, reading.value);
    case "octal":
      return report(c, "octal", { key, value, reader: readerName(spec), decoded: reading.decoded, decimal: reading.decimal }, [
        replaceValue(c, reading.decimal),
      ]);
    case "octalInvalid":
      return fallbackReport(c, "octalInvalid", "octalInvalidBuiltIn", { key, value, reader: readerName(spec), decimal: reading.decimal }, [
        replaceValue(c, reading.decimal),
      ]);
    case "unreadable":
      return unreadable(c);
  }
}

function unreadable(c: Checked): Report<Id> | undefined {
  const { spec, key, value } = c;
  if (badValueImpact(c.file.config, spec) === "startup") {
    const exception = numberException(spec, value);
    const comment = trailingComment(c.entry, value);
    if (comment && /^[+-]?[\d.]+$/.test(comment.kept))
      return report(c, "notNumberComment", { key, value, exception, comment: comment.text }, [removeComment(c, comment)]);
    return report(c, REFUSED[numberKind(spec)], { key, value, exception });
  }
  if (decodes(spec)) return fallbackReport(c, "numberIgnored", "numberIgnoredBuiltIn", { key, value, reader: readerName(spec) });
  const logged = LOGGED[numberKind(spec)];
  if (spec.zkInvalid === undefined || logged === undefined) return undefined;
  // Every key whose bad value ZooKeeper logs has a default in the catalog (test/model/number-value.test.ts).
  return fallbackReport(c, logged, logged, { key, value, zk: zkWords(spec.zkInvalid, key, value) });
}

/** A number outside the key's range, by what ZooKeeper does with it, the side, and whether the key is a port. */
const RANGE: Partial<Record<string, Id>> = {
  "startup port below": "portBelowRange",
  "startup port above": "portAboveRange",
  "startup below": "belowMinimum",
  "runtime port below": "portBelowRangeIgnored",
  "runtime port above": "portAboveRangeIgnored",
  "runtime below": "belowMinimumIgnored",
  "runtime above": "aboveMaximumIgnored",
};

/** The message for a number on `side` of the key's range; the catalog has a key for each (test/rules/value-type.test.ts). */
export function rangeMessage(spec: KeySpec, side: "below" | "above"): Id | undefined {
  return RANGE[`${spec.outOfRange === "runtime" ? "runtime" : "startup"}${spec.type === "port" ? " port" : ""} ${side}`];
}

function checkRange(c: Checked, n: number): Report<Id> | undefined {
  const { spec, key } = c;
  const version = c.file.config.version;
  const breach = rangeBreach(spec, n, version);
  if (!breach) return undefined;
  const value = String(n);
  if (breach.kind === "notAllowed") {
    const data = { key, value, version, zk: spec.zkNotAllowed ?? "", allowed: breach.values.join(" or ") };
    if (breach.refused || breach.since === undefined) return report(c, "notAllowed", data);
    return report(c, "deprecatedValue", { ...data, since: breach.since });
  }
  const messageId = rangeMessage(spec, breach.side);
  if (messageId === undefined) return undefined;
  return report(c, messageId, { key, value, limit: String(breach.limit), zk: zkWords(spec.zkOutOfRange ?? "", key, value) });
}

import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { writtenValue } from "../src/model/entry-text.js";
import {
  decodeJavaInt,
  decodeJavaLong,
  javaTrim,
  parseJavaDouble,
  parseJavaHexLong,
  parseJavaInt,
  parseJavaLong,
} from "../src/model/java-number.js";
import { keySpec, knownIn, zkWords, type KeySpec } from "../src/model/keys.js";
import { atLeast } from "../src/model/version.js";
import { defineRule, type EditFix, type Report, type Suggestion } from "../src/lint/rule.js";

const messages = {
  notNumber: {
    text: '{{key}} "{{value}}" is not {{what}}; ZooKeeper refuses to start ({{exception}}); write {{advice}}',
    impact: "startup",
    severity: "error",
  },
  notNumberComment: {
    text: '{{key}} "{{value}}" has a comment after the number, but # starts a comment only at the beginning of a line; ZooKeeper refuses to start ({{exception}}); move "{{comment}}" to a line of its own',
    impact: "startup",
    severity: "error",
  },
  numberIgnored: {
    text: '{{key}} "{{value}}" is not a number {{reader}} can read; ZooKeeper silently uses {{fallback}} instead; write a plain decimal number',
    impact: "runtime",
    severity: "warn",
  },
  numberLogged: {
    text: '{{key}} "{{value}}" is not {{what}}; ZooKeeper logs "{{zk}}" and uses {{fallback}} instead; write {{advice}}',
    impact: "runtime",
    severity: "warn",
  },
  octal: {
    text: '{{key}} "{{value}}" starts with 0, so {{reader}} reads it as an octal number and ZooKeeper uses {{decoded}}; write {{key}}={{decimal}}',
    impact: "runtime",
    severity: "warn",
  },
  octalInvalid: {
    text: '{{key}} "{{value}}" starts with 0, so {{reader}} reads it as an octal number, which cannot hold the digits 8 and 9; ZooKeeper silently uses {{fallback}} instead; write {{key}}={{decimal}}',
    impact: "runtime",
    severity: "warn",
  },
  outOfRange: {
    text: "{{key}} {{value}} is {{relation}} {{limit}}; ZooKeeper refuses to start ({{zk}}); use {{allowed}}",
    impact: "startup",
    severity: "error",
  },
  outOfRangeIgnored: {
    text: "{{key}} {{value}} is {{relation}} {{limit}}; ZooKeeper {{zk}}; use {{allowed}}",
    impact: "runtime",
    severity: "warn",
  },
  notAllowed: {
    text: "{{key}} {{value}} is not supported; ZooKeeper {{version}} refuses to start ({{zk}}); write {{key}}={{allowed}} or remove the line",
    impact: "startup",
    severity: "error",
  },
  deprecatedValue: {
    text: "{{key}} {{value}} still works in ZooKeeper {{version}}, but {{since}} and later refuse it (\"{{zk}}\"); write {{key}}={{allowed}}",
    impact: "maintenance",
    severity: "warn",
  },
  strictBoolean: {
    text: "{{key}} \"{{value}}\" is neither true nor false; ZooKeeper {{version}} refuses to start (Invalid option {{value}} for {{key}}. Choose 'true' or 'false.'); write {{advice}}",
    impact: "startup",
    severity: "error",
  },
  lenientBoolean: {
    text: '{{key}} "{{value}}" is not "true", so ZooKeeper {{version}} reads it as false ({{reader}} accepts only "true", in any case); write {{advice}}',
    impact: "runtime",
    severity: "warn",
  },
  exactBoolean: {
    text: '{{key}} "{{value}}" is not exactly "{{exact}}", the only text ZooKeeper compares it with, so ZooKeeper {{effect}}; write {{key}}={{exact}}',
    impact: "runtime",
    severity: "warn",
  },
  enumRefused: {
    text: '{{key}} "{{value}}" is not one of {{allowed}}; ZooKeeper refuses to start ({{zk}}); write one of {{allowed}}',
    impact: "startup",
    severity: "error",
  },
  enumIgnored: {
    text: '{{key}} "{{value}}" is not one of {{allowed}}; ZooKeeper silently {{effect}}; write one of {{allowed}}',
    impact: "runtime",
    severity: "warn",
  },
  shortClassName: {
    text: '{{key}} "{{value}}" is not a fully qualified class name; ZooKeeper refuses to start ({{zk}}); write {{key}}={{className}}',
    impact: "startup",
    severity: "error",
  },
  notShipped: {
    text: '{{key}} "{{value}}" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start ({{zk}}); add that jar to the class path, or remove the line to use {{fallback}}',
    impact: "startup",
    severity: "error",
  },
  commentRefused: {
    text: '{{key}} "{{value}}" ends in the comment "{{comment}}", but # starts a comment only at the beginning of a line; ZooKeeper refuses to start ({{zk}}); move the comment to a line of its own',
    impact: "startup",
    severity: "error",
  },
  blankRefused: {
    text: '{{key}} "{{value}}" contains a blank, which no {{what}} has; ZooKeeper refuses to start ({{zk}}); remove the blank',
    impact: "startup",
    severity: "error",
  },
  commentInValue: {
    text: '{{key}} "{{value}}" ends in the comment "{{comment}}", but # starts a comment only at the beginning of a line; ZooKeeper uses the whole text, comment included; move the comment to a line of its own',
    impact: "runtime",
    severity: "warn",
  },
  emptyAddress: {
    text: "{{key}} is empty, so ZooKeeper binds {{port}} to the loopback address only and no other host can connect; remove the line to listen on every address, or name the address",
    impact: "runtime",
    severity: "warn",
  },
  backslash: {
    text: '{{key}} is written "{{written}}", which ZooKeeper reads as "{{value}}" because Properties treats a backslash as an escape; write forward slashes, "{{slashed}}"',
    impact: "runtime",
    severity: "warn",
  },
  swallowedLine: {
    text: '{{key}} ends in a backslash, so ZooKeeper joins the next line, "{{line}}", to its value ("{{value}}") instead of reading it as {{what}}; remove the trailing backslash',
    impact: "runtime",
    severity: "warn",
  },
} as const;

type Id = keyof typeof messages;
type Yield = Generator<Report<Id>>;

/** init-sync-limits checks these. */
const OWNED_ELSEWHERE = new Set(["tickTime", "initLimit", "syncLimit", "minSessionTimeout", "maxSessionTimeout"]);

const TRUE_WORDS = new Set(["true", "yes", "y", "on", "1", "enable", "enabled"]);
const FALSE_WORDS = new Set(["false", "no", "n", "off", "0", "disable", "disabled"]);

/** What a boolean-ish word was meant to say, when it says something. */
function meaning(text: string): boolean | undefined {
  const t = text.toLowerCase();
  return TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : undefined;
}

/** Where a comment written after a value starts: Properties has none, so it belongs to the value. */
function commentStart(value: string): number | undefined {
  const m = /[ \t\f][#!]/.exec(value);
  return m ? m.index + 1 : undefined;
}

const INTEGER_TYPES = new Set(["int", "long", "port"]);

/** A value for a message: the control chars an escape produced (a tab from C:\tmp) named, not printed. */
function printable(text: string): string {
  return text.replace(/[\t\n\r\f]/g, (c) => ({ "\t": "<TAB>", "\n": "<LF>", "\r": "<CR>", "\f": "<FF>" })[c] ?? c);
}

interface Context {
  file: ConfigFile;
  entry: Entry;
  spec: KeySpec;
  key: string;
  /** The trimmed value ZooKeeper reads. */
  value: string;
  /** False when the file has no backslash: then no value has escapes or continuations. */
  backslashes: boolean;
}

export default defineRule({
  id: "value-type",
  meta: {
    description: "Every value has the type, range and form ZooKeeper reads for its key, in the selected version",
    fixable: true,
    messages,
    suggestions: {
      replaceValue: "Write {{key}}={{to}}",
      removeComment: 'Remove "{{comment}}" from the value',
      removeBackslash: "Remove the backslash at the end of the {{key}} line",
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const backslashes = file.document.source.text.includes("\\");
      // With every key set once, each entry is the one that wins.
      const setOnce = file.config.keyCount === file.document.entries.length;
      for (const entry of file.document.entries) {
        if (backslashes) yield* checkContinuations(file, entry);
        const key = javaTrim(entry.key);
        // Properties keeps the last of duplicate keys: only that one reaches ZooKeeper (duplicate-key reports the others).
        if ((!setOnce && file.config.get(key) !== entry) || OWNED_ELSEWHERE.has(key)) continue;
        const spec = keySpec(key);
        if (!spec || !knownIn(spec, file.config.version) || !reads(file, spec)) continue;
        yield* checkValue({ file, entry, spec, key, value: javaTrim(entry.value), backslashes });
      }
    }
  },
});

/** Whether ZooKeeper reads the key from this config at all. */
function reads(file: ConfigFile, spec: KeySpec): boolean {
  const { config } = file;
  // A standalone server never builds the quorum classes that read these properties.
  if (spec.source === "passthrough" && spec.quorumOnly && !config.isQuorum) return false;
  // Only the named provider reads its options.
  if (spec.provider !== undefined && config.text("metricsProvider.className") !== spec.provider) return false;
  // The config version is read from zoo.cfg only while zoo.cfg holds the server list.
  if (spec.name === "version" && config.get("dynamicConfigFile")) return false;
  return true;
}

function replaceValue(c: Context, to: string): Suggestion {
  return { messageId: "replaceValue", data: { key: c.key, to }, fix: valueEdit(c, to) };
}

function valueEdit(c: Context, to: string): EditFix {
  return { kind: "edit", path: c.file.path, range: c.entry.valueRange, text: to };
}

const NOTHING: readonly Report<Id>[] = [];

const one = (report: Report<Id> | undefined): readonly Report<Id>[] => (report ? [report] : NOTHING);

/** The check of the key's type; the common ones return their reports rather than yield them: no generator per entry. */
function checkValue(c: Context): Iterable<Report<Id>> {
  const { spec } = c;
  if (INTEGER_TYPES.has(spec.type) || spec.type === "double" || spec.type === "float" || spec.type === "hex-long") return one(checkNumber(c));
  switch (spec.type) {
    case "boolean-strict":
    case "boolean-lenient":
      return checkBoolean(c);
    case "boolean-exact":
      return checkExact(c);
    case "enum":
      return checkEnum(c);
    case "class":
    case "address":
      return checkName(c);
    case "path":
    case "string":
      return checkText(c);
  }
  return NOTHING;
}

/** Java's NumberFormatException text for a value the reader refuses. */
function numberException(spec: KeySpec, value: string): string {
  if (spec.zkInvalid !== undefined && spec.type === "hex-long") return zkWords(spec.zkInvalid, spec.name, value);
  if ((spec.type === "double" || spec.type === "float") && javaTrim(value) === "") return "NumberFormatException: empty String";
  return `NumberFormatException: For input string: "${value}"`;
}

const WHAT: Record<string, { what: string; advice: string }> = {
  "hex-long": { what: "a hexadecimal number", advice: "hexadecimal digits only, such as 100000000" },
  double: { what: "a number", advice: "a decimal number such as 0.5" },
  float: { what: "a number", advice: "a decimal number such as 0.5" },
};
const WHOLE = { what: "a whole number", advice: "a plain decimal number" };

/** The default, for "ZooKeeper uses …": the value when the catalog has one. */
function fallback(spec: KeySpec): string {
  return spec.default === null || spec.default === undefined || spec.default === "" ? "its built-in default" : `the default ${String(spec.default)}`;
}

/** Reads the value as the key's Java reader does; undefined when the reader refuses it. */
function readNumber(spec: KeySpec, value: string): number | bigint | undefined {
  switch (spec.parse) {
    case "Integer.parseInt":
      return parseJavaInt(value);
    case "Long.parseLong":
      return parseJavaLong(value);
    case "Long.parseLong(hex)":
      return parseJavaHexLong(value);
    case "Integer.getInteger":
      return decodeJavaInt(value);
    case "Long.getLong":
      return decodeJavaLong(value);
    default:
      return parseJavaDouble(value);
  }
}

function checkNumber(c: Context): Report<Id> | undefined {
  const { spec, key, value, file, entry } = c;
  const at = { file, range: entry.valueRange };
  const decodes = spec.parse === "Integer.getInteger" || spec.parse === "Long.getLong";
  const reader = spec.parse.replace("(hex)", "");
  const n = readNumber(spec, value);
  const octal = decodes && /^[+-]?0\d+$/.test(value);
  const decimal = octal ? value.replace(/^([+-]?)0+(?=\d)/, "$1") : value;
  if (octal && n === undefined) {
    return { messageId: "octalInvalid", data: { key, value, reader, fallback: fallback(spec), decimal }, ...at, suggestions: [replaceValue(c, decimal)] };
  }
  if (octal && String(n) !== decimal) {
    return { messageId: "octal", data: { key, value, reader, decoded: String(n), decimal }, ...at, suggestions: [replaceValue(c, decimal)] };
  }
  if (n === undefined) {
    const impact = spec.invalid === "startup-quorum" ? (file.config.isQuorum ? "startup" : "runtime") : spec.invalid;
    const { what, advice } = WHAT[spec.type] ?? WHOLE;
    const exception = numberException(spec, value);
    if (impact === "startup") {
      const comment = commentStart(value);
      if (comment !== undefined && /^[+-]?[\d.]+$/.test(javaTrim(value.slice(0, comment)))) {
        return { messageId: "notNumberComment", data: { key, value, exception, comment: value.slice(comment) }, ...at, suggestions: [removeComment(c, comment)] };
      }
      return { messageId: "notNumber", data: { key, value, what, exception, advice }, ...at };
    }
    if (decodes) return { messageId: "numberIgnored", data: { key, value, reader, fallback: fallback(spec) }, ...at };
    if (spec.zkInvalid !== undefined) {
      return { messageId: "numberLogged", data: { key, value, what, zk: zkWords(spec.zkInvalid, key, value), fallback: fallback(spec), advice }, ...at };
    }
    return undefined;
  }
  return checkRange(c, Number(n));
}

function checkRange(c: Context, n: number): Report<Id> | undefined {
  const { spec, key, file, entry } = c;
  const at = { file, range: entry.valueRange };
  const version = file.config.version;
  if (spec.values !== undefined && !spec.values.includes(String(n)) && spec.zkNotAllowed !== undefined) {
    const allowed = spec.values.join(" or ");
    const data = { key, value: String(n), version, zk: spec.zkNotAllowed, allowed };
    if (spec.valuesSince === undefined || atLeast(version, spec.valuesSince)) return { messageId: "notAllowed", data, ...at };
    return { messageId: "deprecatedValue", data: { ...data, since: spec.valuesSince }, ...at };
  }
  const below = spec.min !== undefined && n < spec.min;
  const above = spec.max !== undefined && n > spec.max;
  if ((!below && !above) || spec.outOfRange === undefined) return undefined;
  const relation = below ? "below" : "above";
  const limit = String(below ? spec.min : spec.max);
  const allowed =
    spec.type === "port" ? "a port from 1 to 65535" : spec.min !== undefined && spec.max !== undefined ? `a value from ${spec.min} to ${spec.max}` : below ? `at least ${spec.min}` : `at most ${spec.max}`;
  const zk = zkWords(spec.zkOutOfRange ?? "", key, String(n));
  return { messageId: spec.outOfRange === "runtime" ? "outOfRangeIgnored" : "outOfRange", data: { key, value: String(n), relation, limit, zk, allowed }, ...at };
}

function* checkBoolean(c: Context): Yield {
  const { spec, key, value, file, entry } = c;
  const version = file.config.version;
  const lower = value.toLowerCase();
  const meant = meaning(value);
  const advice = meant === undefined ? `${key}=true or ${key}=false` : `${key}=${meant}`;
  const suggestions = meant === undefined ? [] : [replaceValue(c, String(meant))];
  const at = { file, range: entry.valueRange, ...(suggestions.length > 0 ? { suggestions } : {}) };
  const strict = spec.type === "boolean-strict" && spec.strictSince !== undefined && atLeast(version, spec.strictSince);
  if (strict) {
    if (lower !== "true" && lower !== "false") yield { messageId: "strictBoolean", data: { key, value, version, advice }, ...at };
    return;
  }
  // Boolean.parseBoolean: "true" in any case is true, anything else false; report only what was not meant as false.
  if (lower === "true" || meant === false) return;
  const reader = spec.parse === "QuorumPeerConfig.parseBoolean" ? "Boolean.parseBoolean" : spec.parse;
  yield { messageId: "lenientBoolean", data: { key, value, version, reader, advice }, ...at };
}

function* checkExact(c: Context): Yield {
  const { spec, key, value, file, entry } = c;
  const exact = spec.exact ?? "";
  if (value === exact) return;
  const meant = meaning(value);
  // A value meaning the default (forceSync=true, admin.enableServer=True) does what was meant.
  if (meant !== undefined && meant !== meaning(exact)) return;
  yield {
    messageId: "exactBoolean",
    data: { key, value, exact, effect: spec.effect ?? "" },
    file,
    range: entry.valueRange,
    ...(meant === undefined ? {} : { suggestions: [replaceValue(c, exact)] }),
  };
}

function* checkEnum(c: Context): Yield {
  const { spec, key, value, file, entry } = c;
  const values = spec.values ?? [];
  const same = (a: string, b: string): boolean => (spec.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (spec.invalid === undefined || values.some((v) => same(v, value))) return;
  const named = values.filter((v) => v !== "").map((v) => `"${v}"`);
  const allowed = values.includes("") ? `${named.join(", ")} or nothing` : named.join(" or ");
  const at = { file, range: entry.valueRange };
  if (spec.invalid === "runtime") yield { messageId: "enumIgnored", data: { key, value, allowed, effect: spec.effect ?? "" }, ...at };
  else yield { messageId: "enumRefused", data: { key, value, allowed, zk: zkWords(spec.zkInvalid ?? "", key, value) }, ...at };
}

/** Class names and host names: short class names, and blanks no such name has. */
function* checkName(c: Context): Yield {
  const { spec, key, value, file, entry } = c;
  const at = { file, range: entry.valueRange };
  const className = spec.aliases?.[value];
  const zk = zkWords(spec.zkInvalid ?? "", key, value);
  if (className !== undefined) {
    yield { messageId: "shortClassName", data: { key, value, zk, className }, ...at, fix: valueEdit(c, className) };
    return;
  }
  const refused = spec.invalid === "startup" || (spec.invalid === "startup-quorum" && file.config.isQuorum);
  if (spec.type === "address" && spec.source === "explicit" && value === "" && key.endsWith("PortAddress")) {
    const portKey = key.slice(0, -"Address".length);
    yield { messageId: "emptyAddress", data: { key, port: portKey }, file, range: entry.keyRange };
    return;
  }
  if (!refused || !/\s/.test(value)) {
    // The aliases name every class ZooKeeper ships for the key; any other comes from a jar zkcfg cannot see.
    if (refused && spec.aliases !== undefined && !Object.values(spec.aliases).includes(value)) {
      yield { messageId: "notShipped", data: { key, value, zk, fallback: String(spec.default) }, ...at };
      return;
    }
    yield* checkText(c);
    return;
  }
  const comment = commentStart(value);
  if (comment !== undefined) {
    yield { messageId: "commentRefused", data: { key, value, comment: value.slice(comment), zk }, ...at, suggestions: [removeComment(c, comment)] };
  } else {
    yield { messageId: "blankRefused", data: { key, value, what: spec.type === "class" ? "class name" : "host name", zk }, ...at };
  }
}

function removeComment(c: Context, comment: number): Suggestion {
  const { entry } = c;
  const kept = javaTrim(c.value.slice(0, comment));
  // The value as read starts at the value range; the text after the kept part goes.
  const start = entry.valueOffset(entry.value.indexOf(kept) + kept.length);
  return {
    messageId: "removeComment",
    data: { comment: c.value.slice(comment) },
    fix: { kind: "edit", path: c.file.path, range: { start, end: entry.valueRange.end }, text: "" },
  };
}

/** Paths and other text: comments and backslashes that Properties reads differently from what was meant. */
function checkText(c: Context): readonly Report<Id>[] {
  const { key, value, file, entry } = c;
  const comment = commentStart(value);
  const commented: Report<Id> | undefined =
    comment === undefined ? undefined
    : { messageId: "commentInValue", data: { key, value, comment: value.slice(comment) }, file, range: entry.valueRange, suggestions: [removeComment(c, comment)] };
  const escaped = c.backslashes ? backslashReport(c) : undefined;
  if (!escaped) return one(commented);
  return commented ? [commented, escaped] : [escaped];
}

/** A value whose backslashes Properties takes for escapes that drop them. */
function backslashReport(c: Context): Report<Id> | undefined {
  const { key, value, file, entry } = c;
  const written = writtenValue(entry, file.document.source);
  if (written.lostEscapes.length === 0 || written.continuations.length > 0) return undefined;
  let slashed = "";
  let from = entry.valueRange.start;
  for (const lost of written.lostEscapes) {
    slashed += file.document.source.text.slice(from, lost.range.start) + "/";
    from = lost.range.start + 1;
  }
  slashed += file.document.source.text.slice(from, entry.valueRange.end);
  slashed = javaTrim(slashed.replace(/\\\\/g, "/"));
  return { messageId: "backslash", data: { key, written: javaTrim(written.raw), value: printable(value), slashed }, file, range: entry.valueRange, suggestions: [replaceValue(c, slashed)] };
}

/** A trailing backslash whose next line looks like an entry or a comment: it was meant to end the value. */
function* checkContinuations(file: ConfigFile, entry: Entry): Yield {
  const { continuations } = writtenValue(entry, file.document.source);
  const key = javaTrim(entry.key);
  for (const joined of continuations) {
    const what = /^[#!]/.test(joined.line) ? "a comment" : /^[^\s=:#!]+\s*[=:]/.test(joined.line) ? "an entry of its own" : undefined;
    if (what === undefined) continue;
    yield {
      messageId: "swallowedLine",
      data: { key, line: joined.line, value: printable(javaTrim(entry.value)), what },
      file,
      range: joined.range,
      suggestions: [{ messageId: "removeBackslash", data: { key }, fix: { kind: "edit", path: file.path, range: joined.range, text: "" } }],
    };
  }
}

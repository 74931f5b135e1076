import { decodeJavaInt, decodeJavaLong, javaTrim, parseJavaDouble, parseJavaHexLong, parseJavaInt, parseJavaLong } from "./java-number.js";
import { zkWords, type KeySpec } from "./keys.js";

// How ZooKeeper reads the value of a number key: the Java call the catalog names for it, with its
// quirks (Integer.getInteger takes a leading 0 for octal), and the exception it throws.

/** What a number key's values look like: whole numbers, decimals, or hexadecimal digits. */
export type NumberKind = "whole" | "decimal" | "hex";

export type NumberReading =
  /** The reader's number. */
  | { kind: "number"; value: number }
  /** A leading 0 that Integer.getInteger / Long.getLong read as octal: `decoded` is what ZooKeeper uses, `decimal` what was meant. */
  | { kind: "octal"; decoded: string; decimal: string }
  /** A leading 0 before an 8 or 9: no octal number, so the reader gives up. */
  | { kind: "octalInvalid"; decimal: string }
  /** Text the reader cannot read. */
  | { kind: "unreadable" };

const WHOLE_TYPES = new Set(["int", "long", "port"]);

/** The number keys: the ones readNumberValue reads. */
export function isNumberKey(spec: KeySpec): boolean {
  return WHOLE_TYPES.has(spec.type) || spec.type === "double" || spec.type === "float" || spec.type === "hex-long";
}

export function numberKind(spec: KeySpec): NumberKind {
  return spec.type === "hex-long" ? "hex" : spec.type === "double" || spec.type === "float" ? "decimal" : "whole";
}

/** The Java call by its name in messages: "Long.parseLong" for the hex reader too. */
export function readerName(spec: KeySpec): string {
  return spec.parse.replace("(hex)", "");
}

/** Integer.getInteger and Long.getLong decode (hex, octal), and fall back to the default on what they cannot read. */
export function decodes(spec: KeySpec): boolean {
  return spec.parse === "Integer.getInteger" || spec.parse === "Long.getLong";
}

/** Reads the value as the key's Java reader does; undefined when the reader refuses it. */
function read(spec: KeySpec, value: string): number | bigint | undefined {
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

/** The value of a number key (`value` trimmed as ZooKeeper trims it), as ZooKeeper reads it. */
export function readNumberValue(spec: KeySpec, value: string): NumberReading {
  const n = read(spec, value);
  const octal = decodes(spec) && /^[+-]?0\d+$/.test(value);
  if (octal) {
    const decimal = value.replace(/^([+-]?)0+(?=\d)/, "$1");
    if (n === undefined) return { kind: "octalInvalid", decimal };
    if (String(n) !== decimal) return { kind: "octal", decoded: String(n), decimal };
  }
  return n === undefined ? { kind: "unreadable" } : { kind: "number", value: Number(n) };
}

/** Java's exception text for a value the reader refuses. */
export function numberException(spec: KeySpec, value: string): string {
  if (spec.zkInvalid !== undefined && spec.type === "hex-long") return zkWords(spec.zkInvalid, spec.name, value);
  if ((spec.type === "double" || spec.type === "float") && javaTrim(value) === "") return "NumberFormatException: empty String";
  return `NumberFormatException: For input string: "${value}"`;
}

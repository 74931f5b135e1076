// Number parsing exactly as Java's Integer.parseInt / Long.parseLong accept it: an optional
// sign, ASCII digits only, no blanks, no radix prefix, within the type's range.

const DIGITS = /^[+-]?\d+$/;

export function parseJavaInt(text: string): number | undefined {
  if (!DIGITS.test(text)) return undefined;
  // An int has no -0: "-0" is 0.
  const n = Number(text) + 0;
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

export function parseJavaLong(text: string): bigint | undefined {
  if (!DIGITS.test(text)) return undefined;
  const n = BigInt(text);
  return n >= -9223372036854775808n && n <= 9223372036854775807n ? n : undefined;
}

/** Java's String.trim: drops every char up to U+0020 at both ends. */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Integer.decode / Long.decode: decimal, 0x/# hex, leading-0 octal; undefined when unparsable. */
function decodeJava(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX]|#|0(?=\d))?([0-9a-fA-F]+)$/.exec(text);
  if (!m) return undefined;
  const digits = m[3] as string;
  const prefix = m[2] === undefined ? "" : m[2] === "0" ? "0o" : "0x";
  const valid = prefix === "" ? /^\d+$/ : prefix === "0o" ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
  if (!valid.test(digits)) return undefined;
  const n = BigInt(prefix + digits);
  return m[1] === "-" ? -n : n;
}

/** Integer.getInteger / Integer.decode: decimal, 0x/# hex, leading-0 octal; undefined when unparsable. */
export function decodeJavaInt(text: string): number | undefined {
  const n = decodeJava(text);
  return n !== undefined && n >= -2147483648n && n <= 2147483647n ? Number(n) : undefined;
}

/** Long.getLong / Long.decode, as decodeJavaInt within a long's range. */
export function decodeJavaLong(text: string): bigint | undefined {
  const n = decodeJava(text);
  return n !== undefined && n >= -9223372036854775808n && n <= 9223372036854775807n ? n : undefined;
}

/** Long.parseLong(text, 16): an optional sign and hex digits, no prefix. */
export function parseJavaHexLong(text: string): bigint | undefined {
  const m = /^([+-]?)([0-9a-fA-F]+)$/.exec(text);
  if (!m) return undefined;
  const n = BigInt(`0x${m[2] as string}`) * (m[1] === "-" ? -1n : 1n);
  return n >= -9223372036854775808n && n <= 9223372036854775807n ? n : undefined;
}

// Java's floating-point literal: decimal or hex digits with an optional exponent and type suffix.
// The digits before and after the point are in separate groups that a run of digits cannot split
// two ways, so a long value that fails is rejected in one pass rather than retried at each split.
const JAVA_FLOAT =
  /^[+-]?(?:NaN|Infinity|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$/;

/** Double.parseDouble / Float.parseFloat: undefined when Java throws NumberFormatException. */
export function parseJavaDouble(text: string): number | undefined {
  const t = javaTrim(text);
  if (!JAVA_FLOAT.test(t)) return undefined;
  const body = t.replace(/[fFdD]$/, "");
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(body);
  if (hex) {
    const [, sign, whole = "", fraction = "", exponent = "0"] = hex;
    const mantissa = parseInt(whole + fraction || "0", 16) / 16 ** fraction.length;
    return (sign === "-" ? -1 : 1) * mantissa * 2 ** Number(exponent);
  }
  return Number(body);
}

// Number parsing exactly as Java's Integer.parseInt / Long.parseLong accept it: an optional
// sign, ASCII digits only, no blanks, no radix prefix, within the type's range.

const DIGITS = /^[+-]?\d+$/;

export function parseJavaInt(text: string): number | undefined {
  if (!DIGITS.test(text)) return undefined;
  const n = Number(text);
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
  return text.slice(start, end);
}

/** Integer.getInteger / Integer.decode: decimal, 0x/# hex, leading-0 octal; undefined when unparsable. */
export function decodeJavaInt(text: string): number | undefined {
  const m = /^([+-]?)(0[xX]|#|0(?=\d))?([0-9a-fA-F]+)$/.exec(text);
  if (!m) return undefined;
  const radix = m[2] === undefined ? 10 : m[2] === "0" ? 8 : 16;
  const digits = m[3] as string;
  const valid = radix === 10 ? /^\d+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
  if (!valid.test(digits)) return undefined;
  const n = parseInt(digits, radix) * (m[1] === "-" ? -1 : 1);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

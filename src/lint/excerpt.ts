/** How many characters of a value read from disk a message quotes: enough for any ZooKeeper id, too few to leak a secret. */
export const EXCERPT_LENGTH = 20;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A control character (C0, DEL, C1) as an escape; any other character as it is. */
function shown(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && (code < 0x7f || code >= 0xa0)) return ch;
  return NAMED[ch] ?? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
}

/**
 * A value that is not the config's own text (a myid's first line: whatever the file holds), as a
 * message may quote it: at most EXCERPT_LENGTH characters, control characters escaped, and "…"
 * where it was cut. The output layer escapes again; this keeps the quote short and legible.
 */
export function excerpt(value: string): string {
  let out = "";
  for (const ch of value) {
    const s = shown(ch);
    if (out.length + s.length > EXCERPT_LENGTH) return `${out}…`;
    out += s;
  }
  return out;
}

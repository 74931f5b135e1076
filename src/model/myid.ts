import { parseJavaLong } from "./java-number.js";

/**
 * How much of a myid zkcfg reads: ZooKeeper's ids fit in 20 bytes (a sign and 19 digits), so this
 * holds any id with its line end, and a longer first line is not an id ZooKeeper writes.
 */
export const MYID_READ_LIMIT = 64;

/** The myid file's content as ZooKeeper reads it: first line, untrimmed, Long.parseLong. */
export type MyidReading =
  | { kind: "valid"; id: bigint; text: string }
  /** ZooKeeper: "serverid <line> is not a number"; `firstLine` is cut at MYID_READ_LIMIT bytes. */
  | { kind: "invalid"; firstLine: string | null }
  /** -1 is ZooKeeper's "unset" marker: it reports "myid file is missing". */
  | { kind: "unset" };

/** Reads the first MYID_READ_LIMIT bytes of a myid; `more` says the file goes on. */
export function readMyid(bytes: Uint8Array, more = false): MyidReading {
  const text = Buffer.from(bytes).toString("utf8");
  if (text.length === 0) return { kind: "invalid", firstLine: null };
  const m = /\r\n|\r|\n/.exec(text);
  const firstLine = m ? text.slice(0, m.index) : text;
  // A first line that runs past what was read is longer than any id: not a number, whatever follows.
  if (!m && more) return { kind: "invalid", firstLine };
  const id = parseJavaLong(firstLine);
  if (id === undefined) return { kind: "invalid", firstLine };
  if (id === -1n) return { kind: "unset" };
  return { kind: "valid", id, text };
}

/** What makes a myid's first line that is not a number look like one: it is empty, starts with a byte order mark, or ends in a blank. */
export type MyidFlaw = "empty" | "byte-order-mark" | "trailing-blank";

export function myidFlaw(firstLine: string | null): MyidFlaw | undefined {
  if (firstLine === null) return "empty";
  if (firstLine.startsWith("\uFEFF")) return "byte-order-mark";
  return /\s$/.test(firstLine) ? "trailing-blank" : undefined;
}

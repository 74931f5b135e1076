import { parseJavaLong } from "./java-number.js";

/** The myid file's content as ZooKeeper reads it: first line, untrimmed, Long.parseLong. */
export type MyidReading =
  | { kind: "valid"; id: bigint; text: string }
  /** ZooKeeper: "serverid <line> is not a number". */
  | { kind: "invalid"; firstLine: string | null }
  /** -1 is ZooKeeper's "unset" marker: it reports "myid file is missing". */
  | { kind: "unset" };

export function readMyid(bytes: Uint8Array): MyidReading {
  const text = Buffer.from(bytes).toString("utf8");
  if (text.length === 0) return { kind: "invalid", firstLine: null };
  const m = /\r\n|\r|\n/.exec(text);
  const firstLine = m ? text.slice(0, m.index) : text;
  const id = parseJavaLong(firstLine);
  if (id === undefined) return { kind: "invalid", firstLine };
  if (id === -1n) return { kind: "unset" };
  return { kind: "valid", id, text };
}

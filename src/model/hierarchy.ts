import type { Entry, Range } from "../parse/document.js";
import { javaTrim, parseJavaLong } from "./java-number.js";
import { rangeOf, split, type Part } from "./server-spec.js";
import { atLeast, type ZkVersion } from "./version.js";

/** A `group.G=s1:s2…` line. */
export interface GroupLine {
  entry: Entry;
  id: bigint;
  members: Part<bigint>[];
}

/** A `weight.S=w` line. */
export interface WeightLine {
  entry: Entry;
  id: bigint;
  weight: Part<bigint>;
}

/** A group or weight key or value that is not a number: ZooKeeper exits with this NumberFormatException. */
export interface HierarchyError {
  entry: Entry;
  message: string;
  range: Range;
  /** The key's id is not a number (else a number of the value is not). */
  inKey: boolean;
}

/**
 * The hierarchical-quorum lines of a server source. ZooKeeper takes every key that starts with
 * "group" or "weight" as one (so `groupName` is read as a group whose id is not a number), and
 * any such key switches the ensemble from majority to hierarchical quorums.
 */
export interface Hierarchy {
  keys: Entry[];
  groups: GroupLine[];
  weights: WeightLine[];
  errors: HierarchyError[];
}

const nfe = (text: string): string => `NumberFormatException: For input string: "${text}"`;

export function readHierarchy(entries: readonly Entry[], version: ZkVersion): Hierarchy {
  // Properties keeps the last of duplicate keys.
  const byKey = new Map<string, Entry>();
  for (const entry of entries) byKey.set(entry.key, entry);
  const out: Hierarchy = { keys: [], groups: [], weights: [], errors: [] };
  for (const entry of byKey.values()) {
    const group = entry.key.startsWith("group");
    if (!group && !entry.key.startsWith("weight")) continue;
    out.keys.push(entry);
    // Like server ids: whatever follows the first dot, or the whole key when there is none.
    const idText = entry.key.slice(entry.key.indexOf(".") + 1);
    const id = parseJavaLong(idText);
    if (id === undefined) {
      out.errors.push({ entry, message: nfe(idText), range: entry.keyRange, inKey: true });
      continue;
    }
    // 3.4 reads the trimmed value; later versions read it as stored, trailing blanks included.
    const trimmed = !atLeast(version, "3.5");
    const text = trimmed ? javaTrim(entry.value) : entry.value;
    const piece = { text, start: trimmed ? entry.value.indexOf(text) : 0 };
    const numbers: Part<bigint>[] = [];
    let bad = false;
    for (const p of group ? split(piece, ":") : [piece]) {
      const n = parseJavaLong(p.text);
      if (n === undefined) {
        out.errors.push({ entry, message: nfe(p.text), range: p.text ? rangeOf(entry, p) : entry.valueRange, inKey: false });
        bad = true;
        break;
      }
      numbers.push({ value: n, range: rangeOf(entry, p) });
    }
    if (bad) continue;
    if (group) out.groups.push({ entry, id, members: numbers });
    else out.weights.push({ entry, id, weight: numbers[0] as Part<bigint> });
  }
  return out;
}

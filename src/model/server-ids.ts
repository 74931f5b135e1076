import type { ZooConfig } from "./config.js";
import type { ServerSpec } from "./server-spec.js";
import { addTo } from "./multimap.js";

// Server ids as ZooKeeper uses them: a session id carries the low 8 bits of its server's id, so ids
// outside 1-255 can clash; -1 is its "no id"; two spellings of one id (server.2, server.02) are one server.

export type IdProblem =
  /** Id -1: ZooKeeper's "no id", which no server can run as. */
  | { kind: "unset"; spec: ServerSpec }
  /** An id outside 1-255 whose low 8 bits (`low`) no other line shares. */
  | { kind: "outOfRange"; spec: ServerSpec; low: bigint }
  /** An id outside 1-255 whose low 8 bits are those of `other`'s id too. */
  | { kind: "sessionClash"; spec: ServerSpec; low: bigint; other: ServerSpec };

const inRange = (spec: ServerSpec): boolean => spec.id >= 1n && spec.id <= 255n;

/** Ids from 1 to 255, one line each: nothing for idProblems or respelledIds to find, the usual case. */
export function plainIds(config: ZooConfig): boolean {
  return config.shadowed.length === 0 && config.servers.every(inRange);
}

/** The server lines whose ids are outside 1-255, in line order of the ids. */
export function idProblems(config: ZooConfig): IdProblem[] {
  const lowOwners = new Map<bigint, ServerSpec[]>();
  for (const spec of config.servers) {
    const low = BigInt.asUintN(8, spec.id);
    addTo(lowOwners, low, spec);
  }
  const problems: IdProblem[] = [];
  for (const spec of config.servers) {
    if (inRange(spec)) continue;
    if (spec.id === -1n) {
      problems.push({ kind: "unset", spec });
      continue;
    }
    const low = BigInt.asUintN(8, spec.id);
    const other = lowOwners.get(low)?.find((s) => s !== spec);
    problems.push(other ? { kind: "sessionClash", spec, low, other } : { kind: "outOfRange", spec, low });
  }
  return problems;
}

/**
 * Lines that give one id under two spellings (server.2, then server.02): ZooKeeper keeps one of
 * them in hash order. Each line comes with the other; the same key twice is not one of these.
 */
export function respelledIds(config: ZooConfig): { spec: ServerSpec; other: ServerSpec }[] {
  const pairs: { spec: ServerSpec; other: ServerSpec }[] = [];
  for (const earlier of config.shadowed) {
    const later = config.server(earlier.id);
    if (!later || later.entry.key === earlier.entry.key) continue;
    pairs.push({ spec: earlier, other: later }, { spec: later, other: earlier });
  }
  return pairs;
}

import type { GroupLine, Hierarchy, WeightLine } from "./hierarchy.js";
import type { Part, ServerSpec } from "./server-spec.js";

/** A server id listed on a group line, with its server line when it has one. */
export interface GroupMember {
  group: GroupLine;
  member: Part<bigint>;
  spec: ServerSpec | undefined;
}

/** Who is in which group, as ZooKeeper fills its maps from the group and weight lines. */
export interface Membership {
  /** Each server's group: the line listing it first. */
  groupOf: Map<bigint, GroupLine>;
  /** Each listing after a server's first, with the line of the first: ZooKeeper exits on it, even within one line. */
  repeats: (GroupMember & { first: GroupLine })[];
  /** Each server's weight line: the last for its id. */
  weightOf: Map<bigint, WeightLine>;
  /** Participants no group lists. */
  ungrouped: ServerSpec[];
  /** Servers in a group that never vote (observers, ids without a server line), with their weight line if any. */
  nonVoters: (GroupMember & { weight: WeightLine | undefined })[];
}

export function readMembership(hierarchy: Hierarchy, servers: readonly ServerSpec[]): Membership {
  const groupOf = new Map<bigint, GroupLine>();
  const repeats: Membership["repeats"] = [];
  const server = new Map<bigint, ServerSpec>(servers.map((s) => [s.id, s]));
  for (const group of hierarchy.groups) {
    for (const member of group.members) {
      const first = groupOf.get(member.value);
      if (first) repeats.push({ group, member, spec: server.get(member.value), first });
      else groupOf.set(member.value, group);
    }
  }
  const weightOf = new Map<bigint, WeightLine>();
  for (const w of hierarchy.weights) weightOf.set(w.id, w);
  const nonVoters: Membership["nonVoters"] = [];
  for (const group of hierarchy.groups) {
    for (const member of group.members) {
      const spec = server.get(member.value);
      if (groupOf.get(member.value) !== group || spec?.role === "participant") continue;
      nonVoters.push({ group, member, spec, weight: weightOf.get(member.value) });
    }
  }
  const ungrouped = servers.filter((s) => s.role === "participant" && !groupOf.has(s.id));
  return { groupOf, repeats, weightOf, ungrouped, nonVoters };
}

/** QuorumHierarchical's count: a quorum is a weight majority in more than half of the groups whose weight is not 0. */
export interface QuorumCount {
  /** Groups whose total weight is 0: left out of the count (one line per group id). */
  zero: GroupLine[];
  /** Groups counted, as ZooKeeper counts lines. */
  counted: number;
  /** Counted groups whose participants hold more than half of their weight. */
  able: number;
  /** A quorum needs a majority in more than this many groups. */
  half: number;
  /** Every group weighs 0: no set of servers is ever a quorum. */
  none: boolean;
}

export function countQuorum(hierarchy: Hierarchy, membership: Membership, servers: readonly ServerSpec[]): QuorumCount {
  const { groupOf, weightOf } = membership;
  const role = new Map<bigint, ServerSpec["role"]>(servers.map((s) => [s.id, s.role]));
  const weight = (id: bigint): bigint => weightOf.get(id)?.weight.value ?? 1n;
  // Totals by group id: two keys spelling one id (group.1, group.01) make one group but count twice.
  const total = new Map<bigint, bigint>();
  const voting = new Map<bigint, bigint>();
  const lineOf = new Map<bigint, GroupLine>();
  for (const [id, group] of groupOf) {
    if (!lineOf.has(group.id)) lineOf.set(group.id, group);
    total.set(group.id, (total.get(group.id) ?? 0n) + weight(id));
    if (role.get(id) === "participant") voting.set(group.id, (voting.get(group.id) ?? 0n) + weight(id));
  }
  const zero = [...total].filter(([, sum]) => sum === 0n).map(([gid]) => lineOf.get(gid) as GroupLine);
  const counted = hierarchy.groups.length - zero.length;
  // Java's long division, which BigInt's matches: truncated toward zero.
  const able = [...total].filter(([gid, sum]) => sum !== 0n && (voting.get(gid) ?? 0n) > sum / 2n).length;
  return { zero, counted, able, half: Math.trunc(counted / 2), none: zero.length === total.size };
}

import type { Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import type { GroupLine, WeightLine } from "../src/model/hierarchy.js";
import { javaTrim } from "../src/model/java-number.js";
import type { ServerSpec } from "../src/model/server-spec.js";
import { atLeast } from "../src/model/version.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const messages = {
  keyNotNumbered: {
    text: '{{key}}{{place}} starts with "{{prefix}}", so ZooKeeper reads it as a {{prefix}}.N line; "{{id}}" is not a number, and it exits with "{{zk}}"; rename the key if it is not about hierarchical quorums, or write {{prefix}}.N',
    impact: "startup",
    severity: "error",
  },
  valueNotNumbers: {
    text: '{{key}} "{{value}}"{{place}} is not {{what}}; ZooKeeper exits with "{{zk}}"; write {{what}}, with no blanks',
    impact: "startup",
    severity: "error",
  },
  inTwoGroups: {
    text: '{{key}} "{{value}}"{{place}} lists server {{id}}, which {{other}} lists too; ZooKeeper exits with "Server {{id}}is in multiple groups"; keep each server in one group',
    impact: "startup",
    severity: "error",
  },
  notInGroup: {
    text: '{{key}}{{place}} is a participant in no group; ZooKeeper exits with "Server {{id}}is not in a group"; add {{id}} to one group.N line',
    impact: "startup",
    severity: "error",
  },
  groupCountLegacy: {
    text: 'the group lines list {{grouped}} server(s), and the config has {{participants}} participant(s); ZooKeeper 3.4 exits with "Every server must be in exactly one group"; list every participant in exactly one group, and nothing else',
    impact: "startup",
    severity: "error",
  },
  weightWithoutGroups: {
    text: '{{key}} "{{value}}"{{place}} is a weight without any group.N line, which still makes ZooKeeper use hierarchical quorums; it exits with "Server {{id}}is not in a group"; add group.N lines for every participant, or remove the weights',
    impact: "startup",
    severity: "error",
  },
  unknownMember: {
    text: '{{key}} "{{value}}"{{place}} lists {{id}}, which has no server line and no weight; ZooKeeper crashes with a NullPointerException while adding up the group\'s weight and exits; remove {{id}} from the group, or add server.{{id}}',
    impact: "startup",
    severity: "error",
  },
  observerMember: {
    text: '{{key}} "{{value}}"{{place}} lists observer {{id}}, which has no weight; ZooKeeper crashes with a NullPointerException while adding up the group\'s weight and exits; remove observers from the groups',
    impact: "startup",
    severity: "error",
  },
  nonVoterWeighed: {
    text: '{{key}} "{{value}}"{{place}} lists {{who}}: it never votes, but ZooKeeper counts its weight ({{weight}}) in the group, so the group needs more votes than its voters\' majority; remove {{id}} from the group',
    impact: "runtime",
    severity: "warn",
  },
  zeroWeight: {
    text: '{{key}} "{{value}}"{{place}} gives participant {{id}} no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer',
    impact: "resilience",
    severity: "warn",
  },
  negativeWeight: {
    text: '{{key}} "{{value}}"{{place}} is negative; ZooKeeper adds it up like any weight, so a vote of server {{id}} takes votes away from its group; use a positive weight',
    impact: "runtime",
    severity: "warn",
  },
  zeroGroup: {
    text: '{{key}} "{{value}}"{{place}} has a total weight of 0; ZooKeeper leaves such a group out when it counts groups, so its servers never count toward a quorum; give its participants weights, or remove the group',
    impact: "resilience",
    severity: "warn",
  },
  noCountedGroup: {
    text: "every group has a total weight of 0, and ZooKeeper leaves such groups out when it counts groups, so no set of servers is ever a quorum; ZooKeeper starts, but never elects a leader; give the participants positive weights",
    impact: "runtime",
    severity: "error",
  },
  noQuorum: {
    text: "only {{able}} of the {{counted}} counted groups can reach a majority of their own weight with their participants' votes, and a quorum needs a majority in more than {{half}} of them; ZooKeeper starts, but never elects a leader; give each group participants holding more than half of its weight",
    impact: "runtime",
    severity: "error",
  },
  weightIgnoredLegacy: {
    text: '{{key}} "{{value}}"{{place}} is a weight without any group.N line; ZooKeeper 3.4 uses weights only with groups and ignores it; add group.N lines, or remove the weights',
    impact: "maintenance",
    severity: "warn",
  },
  unusedWeight: {
    text: '{{key}} "{{value}}"{{place}} weighs {{who}}, which is in no group; ZooKeeper never uses this weight; remove the line, or fix the id',
    impact: "maintenance",
    severity: "warn",
  },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "hierarchical-quorum",
  meta: {
    description: "group.N and weight.N lines put every participant in exactly one group and can form a quorum",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    // Most configs have no group or weight line: nothing to check.
    for (const file of workspace.files) if (file.config.hierarchy.keys.length > 0) yield* checkFile(file);
  },
});

type Where = Record<"key" | "value" | "place", string>;

/** A group line can list thousands of ids, each with a message quoting the line: quotes stop at this length. */
const QUOTED = 100;

const quote = (value: string): string => (value.length > QUOTED ? `${value.slice(0, QUOTED)}…` : value);

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const { hierarchy, version } = config;
  // Group lines beside an unread dynamic file are dynamic-config's business, and the real ones are unknown.
  if (hierarchy.keys.length === 0 || !config.serversKnown) return;
  const legacy = !atLeast(version, "3.5");
  const where = (entry: GroupLine["entry"]): Where => ({
    key: entry.key,
    value: quote(legacy ? javaTrim(entry.value) : entry.value),
    place: config.sourcePlace(entry),
  });
  const at = (entry: GroupLine["entry"], range?: Range): Range => config.sourceRange(entry, range);

  for (const error of hierarchy.errors) {
    const { entry } = error;
    const prefix = entry.key.startsWith("group") ? "group" : "weight";
    // Compared by offsets: an entry may hand out a new range object each time it is asked.
    if (error.range.start === entry.keyRange.start && error.range.end === entry.keyRange.end) {
      const id = entry.key.slice(entry.key.indexOf(".") + 1);
      yield { messageId: "keyNotNumbered", data: { ...where(entry), prefix, id, zk: error.message }, file, range: at(entry, error.range) };
    } else {
      const what = prefix === "group" ? "a list of server ids separated by colons" : "a whole number";
      yield { messageId: "valueNotNumbers", data: { ...where(entry), what, zk: error.message }, file, range: at(entry, error.range) };
    }
  }

  // Each server's group, as ZooKeeper fills it: a second listing is fatal, even within one line.
  const groupOf = new Map<bigint, GroupLine>();
  let fatal = config.serverErrors.length > 0;
  for (const group of hierarchy.groups) {
    for (const member of group.members) {
      const first = groupOf.get(member.value);
      if (!first) {
        groupOf.set(member.value, group);
        continue;
      }
      fatal = true;
      const other = first === group ? "this line" : first.entry.key;
      yield { messageId: "inTwoGroups", data: { ...where(group.entry), id: member.value, other }, file, range: at(group.entry, member.range) };
    }
  }

  // ZooKeeper stops at the first number it cannot read: what follows would be guesses about a broken file.
  if (hierarchy.errors.length > 0) return;
  const weightOf = new Map<bigint, WeightLine>();
  for (const w of hierarchy.weights) weightOf.set(w.id, w);
  const participants = config.participants;
  if (legacy) {
    // 3.4 looks at groups and weights only in quorum mode, and then only compares counts.
    if (participants.length < 2) return;
    if (hierarchy.groups.length === 0) {
      for (const w of hierarchy.weights) yield { messageId: "weightIgnoredLegacy", data: where(w.entry), file, range: at(w.entry, w.entry.valueRange) };
      return;
    }
    if (groupOf.size !== participants.length) {
      const first = hierarchy.groups[0] as GroupLine;
      yield { messageId: "groupCountLegacy", data: { grouped: groupOf.size, participants: participants.length }, file, range: at(first.entry) };
      return;
    }
  } else if (hierarchy.groups.length === 0) {
    // The first participant ZooKeeper finds in no group; its map of servers iterates small ids in order.
    const first = participants[0];
    if (first) {
      for (const w of hierarchy.weights) yield { messageId: "weightWithoutGroups", data: { ...where(w.entry), id: first.id }, file, range: at(w.entry, w.entry.valueRange) };
    }
    return;
  } else {
    for (const spec of participants) {
      if (groupOf.has(spec.id)) continue;
      fatal = true;
      yield { messageId: "notInGroup", data: { key: spec.entry.key, place: config.sourcePlace(spec.entry), id: spec.id }, file, range: config.serverRange(spec, spec.entry.keyRange) };
    }
  }

  const server = new Map<bigint, ServerSpec>(config.servers.map((s) => [s.id, s]));
  for (const group of hierarchy.groups) {
    for (const member of group.members) {
      if (groupOf.get(member.value) !== group) continue;
      const spec = server.get(member.value);
      if (spec?.role === "participant") continue;
      const weight = weightOf.get(member.value);
      if (!weight) {
        // Without a weight line a non-participant has no weight, and adding it up crashes.
        fatal = true;
        yield { messageId: spec ? "observerMember" : "unknownMember", data: { ...where(group.entry), id: member.value }, file, range: at(group.entry, member.range) };
        continue;
      }
      const who = spec ? `observer ${member.value}` : `${member.value}, which has no server line`;
      yield { messageId: "nonVoterWeighed", data: { ...where(group.entry), who, id: member.value, weight: weight.weight.value }, file, range: at(group.entry, member.range) };
    }
  }

  for (const w of hierarchy.weights) {
    if (weightOf.get(w.id) !== w) continue;
    const spec = server.get(w.id);
    const data = { ...where(w.entry), id: w.id };
    const range = at(w.entry, w.weight.range);
    if (!groupOf.has(w.id)) {
      if (spec?.role !== "participant") {
        const who = spec ? `observer ${w.id}` : `server ${w.id} (no server line)`;
        yield { messageId: "unusedWeight", data: { ...data, who }, file, range };
      }
      continue;
    }
    if (spec?.role !== "participant") continue;
    if (w.weight.value === 0n) yield { messageId: "zeroWeight", data, file, range };
    else if (w.weight.value < 0n) yield { messageId: "negativeWeight", data, file, range };
  }

  if (fatal || !config.isQuorum) return;
  yield* checkQuorum(file, groupOf, weightOf, server, where, at);
}

/** QuorumHierarchical's count: a quorum is a weight majority in more than half of the non-zero groups. */
function* checkQuorum(
  file: ConfigFile,
  groupOf: Map<bigint, GroupLine>,
  weightOf: Map<bigint, WeightLine>,
  server: Map<bigint, ServerSpec>,
  where: (entry: GroupLine["entry"]) => Where,
  at: (entry: GroupLine["entry"], range?: Range) => Range,
): Generator<Report<Id>> {
  const { hierarchy } = file.config;
  const weight = (id: bigint): bigint => weightOf.get(id)?.weight.value ?? 1n;
  // Totals by group id: two keys spelling one id (group.1, group.01) make one group but count twice.
  const total = new Map<bigint, bigint>();
  const voting = new Map<bigint, bigint>();
  const lineOf = new Map<bigint, GroupLine>();
  for (const [id, group] of groupOf) {
    if (!lineOf.has(group.id)) lineOf.set(group.id, group);
    total.set(group.id, (total.get(group.id) ?? 0n) + weight(id));
    if (server.get(id)?.role === "participant") voting.set(group.id, (voting.get(group.id) ?? 0n) + weight(id));
  }
  const zero = [...total].filter(([, sum]) => sum === 0n).map(([gid]) => lineOf.get(gid) as GroupLine);
  const first = hierarchy.groups[0] as GroupLine;
  if (zero.length === total.size) {
    yield { messageId: "noCountedGroup", file, range: at(first.entry) };
    return;
  }
  for (const line of zero) yield { messageId: "zeroGroup", data: where(line.entry), file, range: at(line.entry, line.entry.valueRange) };
  const counted = hierarchy.groups.length - zero.length;
  // Java's long division, which BigInt's matches: truncated toward zero.
  const able = [...total].filter(([gid, sum]) => sum !== 0n && (voting.get(gid) ?? 0n) > sum / 2n).length;
  const half = Math.trunc(counted / 2);
  if (able > half) return;
  yield { messageId: "noQuorum", data: { able, counted, half }, file, range: at(first.entry) };
}

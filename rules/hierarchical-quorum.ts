import type { Entry, Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { countQuorum, readMembership, type Membership } from "../src/model/group-membership.js";
import type { GroupLine } from "../src/model/hierarchy.js";
import { lineValue } from "../src/model/server-spec.js";
import { atLeast } from "../src/model/version.js";
import { placeData } from "../src/lint/placed.js";
import { defineRule, type Report } from "../src/lint/rule.js";
import { messages } from "./hierarchical-quorum/messages.js";

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

/** A group line can list thousands of ids, each with a message quoting the line: quotes stop at this length. */
const QUOTED = 100;

const quote = (value: string): string => (value.length > QUOTED ? `${value.slice(0, QUOTED)}…` : value);

/** Where a message points: a group or weight line as quoted, and a range of it in its source. */
class Lines {
  constructor(private readonly file: ConfigFile) {}
  where(entry: Entry): Record<string, string | number> {
    const { config } = this.file;
    return { key: entry.key, value: quote(lineValue(entry, config.version)), ...placeData(config, entry) };
  }
  report(messageId: Id, entry: Entry, range?: Range, data: Record<string, string | bigint> = {}): Report<Id> {
    return { messageId, data: { ...this.where(entry), ...data }, file: this.file, range: this.file.config.sourceRange(entry, range) };
  }
}

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const { hierarchy } = config;
  // Group lines beside an unread dynamic file are dynamic-config's business, and the real ones are unknown.
  if (!config.serversKnown) return;
  const lines = new Lines(file);
  for (const error of hierarchy.errors) {
    const { entry } = error;
    const prefix = entry.key.startsWith("group") ? "group" : "weight";
    const id = entry.key.slice(entry.key.indexOf(".") + 1);
    if (error.inKey) yield lines.report("keyNotNumbered", entry, error.range, { prefix, id, zk: error.message });
    else yield lines.report(prefix === "group" ? "valueNotNumbers" : "weightNotNumber", entry, error.range, { zk: error.message });
  }
  const membership = readMembership(hierarchy, config.servers);
  for (const { group, member, first } of membership.repeats) {
    yield first === group
      ? lines.report("twiceInGroup", group.entry, member.range, { id: member.value })
      : lines.report("inTwoGroups", group.entry, member.range, { id: member.value, other: first.entry.key });
  }
  // ZooKeeper stops at the first number it cannot read: what follows would be guesses about a broken file.
  if (hierarchy.errors.length > 0) return;
  const modern = atLeast(config.version, "3.5");
  const grouped = modern ? yield* checkGroups(file, lines, membership) : yield* checkLegacyGroups(file, lines, membership);
  if (!grouped) return;
  yield* checkNonVoters(lines, membership);
  yield* checkWeights(file, lines, membership);
  // What makes ZooKeeper exit: then it never gets to count a quorum. (3.4 only compares counts.)
  const ungrouped = modern && membership.ungrouped.length > 0;
  const fatal = config.serverErrors.length > 0 || membership.repeats.length > 0 || ungrouped || membership.nonVoters.some((n) => !n.weight);
  if (!fatal && config.isQuorum) yield* checkQuorum(file, lines, membership);
}

/** 3.5+: a weight without groups still switches to hierarchical quorums; every participant needs a group. False: no group to check further. */
function* checkGroups(file: ConfigFile, lines: Lines, { ungrouped }: Membership): Generator<Report<Id>, boolean> {
  const { config } = file;
  const { hierarchy } = config;
  if (hierarchy.groups.length === 0) {
    // The first participant ZooKeeper finds in no group; its map of servers iterates small ids in order.
    const first = config.participants[0];
    if (first) for (const w of hierarchy.weights) yield lines.report("weightWithoutGroups", w.entry, w.entry.valueRange, { id: first.id });
    return false;
  }
  for (const spec of ungrouped) {
    yield {
      messageId: "notInGroup",
      data: { key: spec.entry.key, ...placeData(config, spec.entry), id: spec.id },
      file,
      range: config.serverRange(spec, spec.entry.keyRange),
    };
  }
  return true;
}

/** 3.4 looks at groups and weights only in quorum mode, and then only compares counts. False: nothing more to check. */
function* checkLegacyGroups(file: ConfigFile, lines: Lines, { groupOf }: Membership): Generator<Report<Id>, boolean> {
  const { hierarchy, participants } = file.config;
  if (participants.length < 2) return false;
  if (hierarchy.groups.length === 0) {
    for (const w of hierarchy.weights) yield lines.report("weightIgnoredLegacy", w.entry, w.entry.valueRange);
    return false;
  }
  if (groupOf.size === participants.length) return true;
  const first = (hierarchy.groups[0] as GroupLine).entry;
  yield { messageId: "groupCountLegacy", data: { grouped: groupOf.size, participants: participants.length }, file, range: file.config.sourceRange(first) };
  return false;
}

/** Group members that never vote: without a weight line adding them up crashes; with one, they weigh without voting. */
function* checkNonVoters(lines: Lines, { nonVoters }: Membership): Generator<Report<Id>> {
  for (const { group, member, spec, weight } of nonVoters) {
    const id = member.value;
    if (!weight) yield lines.report(spec ? "observerMember" : "unknownMember", group.entry, member.range, { id });
    else yield lines.report(spec ? "nonVoterWeighed" : "unknownWeighed", group.entry, member.range, { id, weight: weight.weight.value });
  }
}

function* checkWeights(file: ConfigFile, lines: Lines, { groupOf, weightOf }: Membership): Generator<Report<Id>> {
  for (const w of file.config.hierarchy.weights) {
    if (weightOf.get(w.id) !== w) continue;
    const spec = file.config.server(w.id);
    const participant = spec?.role === "participant";
    const report = (messageId: Id): Report<Id> => lines.report(messageId, w.entry, w.weight.range, { id: w.id });
    if (!groupOf.has(w.id)) {
      if (!participant) yield report(spec ? "unusedWeight" : "unusedWeightUnknown");
    } else if (participant && w.weight.value === 0n) yield report("zeroWeight");
    else if (participant && w.weight.value < 0n) yield report("negativeWeight");
  }
}

function* checkQuorum(file: ConfigFile, lines: Lines, membership: Membership): Generator<Report<Id>> {
  const { hierarchy } = file.config;
  const count = countQuorum(hierarchy, membership, file.config.servers);
  const first = (hierarchy.groups[0] as GroupLine).entry;
  if (count.none) {
    yield { messageId: "noCountedGroup", file, range: file.config.sourceRange(first) };
    return;
  }
  for (const line of count.zero) yield lines.report("zeroGroup", line.entry, line.entry.valueRange);
  if (count.able > count.half) return;
  yield { messageId: "noQuorum", data: { able: count.able, counted: count.counted, half: count.half }, file, range: file.config.sourceRange(first) };
}

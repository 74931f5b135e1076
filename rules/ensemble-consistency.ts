import { basename, dirname } from "node:path";
import type { Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { javaTrim } from "../src/model/java-number.js";
import { minorities, namedOf, MAX_NAMED, type Named } from "../src/model/majority.js";
import { disagreeing, disagreeingClientParts, memberLines, type ClientPartLine, type MemberLine } from "../src/model/member-lines.js";
import type { ServerSpec } from "../src/model/server-spec.js";
import { SHARED_SETTINGS, settingValues, type Disagreement, type SettingValue } from "../src/model/shared-settings.js";
import { placeData } from "../src/lint/placed.js";
import { defineRule, type Report } from "../src/lint/rule.js";
import { messages } from "./ensemble-consistency/messages.js";

type Id = keyof typeof messages;
/** The ids of a disagreement on a setting set in both configs; each has twins for a setting not set here or there. */
type SettingId = "timingDiffers" | "electionAlgDiffers" | "sslQuorumDiffers" | "portUnificationDiffers" | "saslDiffers" | "reconfigDiffers";
/** The ids about a server line; each has a twin for a line from the dynamic file. */
type LineId = "memberDiffers" | "clientPartDiffers" | "clientPartDiffersFromOwn";

const DIFFERS: Record<Disagreement, SettingId> = {
  timing: "timingDiffers",
  election: "electionAlgDiffers",
  tls: "sslQuorumDiffers",
  "port-unification": "portUnificationDiffers",
  sasl: "saslDiffers",
  reconfig: "reconfigDiffers",
};

export default defineRule({
  id: "ensemble-consistency",
  meta: {
    description: "The configs of one ensemble agree on its members, their client ports included, and on the settings every server must share",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const family of workspace.families) {
      const files = family.files.filter((f) => f.config.isQuorum && f.config.serversKnown);
      if (files.length < 2) continue;
      // The usual ensemble: every config has the same server lines, so no member can differ or be missing.
      if (!family.sameServerLines) yield* checkMembers(files);
      yield* checkClientParts(files, (f) => workspace.ownServer(f));
      for (const setting of SHARED_SETTINGS) {
        for (const { group, other, files: others } of minorities(settingValues(files, setting))) {
          for (const item of group) yield settingReport(DIFFERS[setting.disagreement], setting.key, item, other, others);
        }
      }
    }
  },
});

/**
 * Names other files as briefly as the reader needs: the base name when they sit beside this one.
 * Only the first few are named: a message that named all would make the output quadratic.
 */
function nameFiles(named: Named, from: ConfigFile): string {
  const names = [...new Set(named.first.map((f) => (dirname(f.path) === dirname(from.path) ? basename(f.path) : f.name)))];
  const more = named.count - named.first.length;
  return names.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** A server line as the message quotes it: its id, and its line in the dynamic file when it comes from one. */
function lineReport(id: LineId, v: { spec: ServerSpec; file: ConfigFile }, data: Record<string, string>, range: Range): Report<Id> {
  const line = { key: `server.${v.spec.id}`, value: javaTrim(v.spec.entry.value), ...data, ...placeData(v.file.config, v.spec.entry) };
  return { messageId: id, data: line, file: v.file, range };
}

/** The variants of one id across files, keyed by description: when more than one remains, the files disagree. */
function* checkMembers(files: ConfigFile[]): Generator<Report<Id>> {
  const byId = memberLines(files);
  for (const variants of byId.values()) {
    for (const { group, other, files: others } of minorities<MemberLine>(disagreeing(variants))) {
      for (const v of group) {
        const data = { other: javaTrim(other.spec.entry.value), files: nameFiles(others, v.file) };
        yield lineReport("memberDiffers", v, data, v.file.config.serverRange(v.spec, v.spec.entry.valueRange));
      }
    }
  }
  yield* checkMissing(files, byId);
}

/**
 * The ids each file lacks, from the ids of all (sorted once) minus its own, and the files that
 * hold the first of them: each file costs its own server lines and the few ids and files named.
 */
function* checkMissing(files: ConfigFile[], byId: Map<bigint, Map<string, MemberLine[]>>): Generator<Report<Id>> {
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const holders = new Map<bigint, ConfigFile[]>();
  const holdersOf = (id: bigint): ConfigFile[] => {
    let list = holders.get(id);
    if (!list) holders.set(id, (list = [...(byId.get(id) as Map<string, MemberLine[]>).values()].flat().map((v) => v.file)));
    return list;
  };
  // Files missing the same first ids name the same holders: counted once.
  const namedBy = new Map<string, Named>();
  for (const file of files) {
    const own = file.config.servers;
    const count = ids.length - own.length;
    if (count === 0) continue;
    const shown: bigint[] = [];
    // Both lists are sorted by id: walk them side by side until enough missing ids are found.
    for (let i = 0, j = 0; i < ids.length && shown.length < MAX_NAMED; i++) {
      const id = ids[i] as bigint;
      while (j < own.length && (own[j] as ServerSpec).id < id) j++;
      if (own[j]?.id !== id) shown.push(id);
    }
    const key = shown.join(",");
    let named = namedBy.get(key);
    if (!named) namedBy.set(key, (named = namedOf(shown.map(holdersOf))));
    const list = shown.map((id) => `server.${id}`).join(", ") + (count > shown.length ? ` and ${count - shown.length} more` : "");
    yield { messageId: count === 1 ? "memberMissing" : "membersMissing", data: { ids: list, files: nameFiles(named, file) }, file, range: file.config.anchor };
  }
}

/** The client parts of each member's lines: the member's own config, where the model knows it, decides; else the majority. */
function* checkClientParts(files: ConfigFile[], ownServer: (file: ConfigFile) => ServerSpec | undefined): Generator<Report<Id>> {
  for (const [id, lists] of disagreeingClientParts(files)) {
    const owner = lists.find((list) => list.some((v) => ownServer(v.file)?.id === id));
    const ownLine = owner?.find((v) => ownServer(v.file)?.id === id);
    if (owner && ownLine) {
      for (const group of lists)
        if (group !== owner) for (const v of group) yield clientReport(v, ownLine, { ownFile: nameFiles({ first: [ownLine.file], count: 1 }, v.file) });
    } else {
      for (const { group, other, files: others } of minorities(lists))
        for (const v of group) yield clientReport(v, other, { files: nameFiles(others, v.file) });
    }
  }
}

function clientReport(v: ClientPartLine, other: ClientPartLine, named: { ownFile: string } | { files: string }): Report<Id> {
  const data = { client: v.part.written, other: other.part.written, ...named };
  return lineReport("ownFile" in named ? "clientPartDiffersFromOwn" : "clientPartDiffers", v, data, v.file.config.serverRange(v.spec, v.part.range));
}

/** A setting's value as the message quotes it: as written, or not set with the default ZooKeeper uses, here and in the others. */
function settingReport(id: SettingId, key: string, item: SettingValue, other: SettingValue, others: Named): Report<Id> {
  const files = nameFiles(others, item.file);
  // Two configs that both leave the setting unset use the same default, so they never disagree: one of the two is written.
  const [messageId, data]: [Id, Record<string, string>] =
    item.written === undefined
      ? [`${id}UnsetHere`, { default: item.value, other: other.written as string }]
      : other.written === undefined
        ? [`${id}UnsetThere`, { value: item.written, default: other.value }]
        : [id, { value: item.written, other: other.written }];
  return { messageId, data: { key, ...data, files }, file: item.file, range: item.range };
}

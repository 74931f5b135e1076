import { basename, dirname } from "node:path";
import type { ConfigFile } from "../src/model/config-file.js";
import { javaTrim } from "../src/model/java-number.js";
import { minorities, namedOf, MAX_NAMED, type Named } from "../src/model/majority.js";
import { disagreeing, disagreeingClientParts, memberLines, type ClientPartLine, type MemberLine } from "../src/model/member-lines.js";
import type { ServerSpec } from "../src/model/server-spec.js";
import { SHARED_SETTINGS, settingValues, type Disagreement, type SettingValue } from "../src/model/shared-settings.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const MAKE_SAME = "make {{key}} the same in every config of the ensemble";
const CLIENTS_TOLD =
  "each server answers getConfig (the /zookeeper/config node that Curator's EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for {{key}} depending on which server they ask";
const SETTING = "{{key}} {{value}} here, but {{other}} in {{files}}";
const ONE_VALUE = "use one value in every config of the ensemble";
const TIMING = "the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads";
const MISSING = "a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines";

const messages = {
  // An error though each server starts: a member the servers disagree on is not part of one quorum.
  memberDiffers: {
    text: `{{key}} "{{value}}"{{place}} differs from {{key}} "{{other}}" in {{files}}; servers that disagree on a member's address or role cannot all reach it or count its vote; ${MAKE_SAME}`,
    impact: "runtime",
    severity: "error",
  },
  clientPartDiffers: {
    text: `{{key}} "{{value}}"{{place}} gives the client address {{client}}, but {{other}} in {{files}}; ${CLIENTS_TOLD}; ${MAKE_SAME}`,
    impact: "runtime",
  },
  clientPartDiffersFromOwn: {
    text: `{{key}} "{{value}}"{{place}} gives the client address {{client}}, but {{other}} in {{ownFile}}, {{key}}'s own config; ${CLIENTS_TOLD}; ${MAKE_SAME}`,
    impact: "runtime",
  },
  memberMissing: { text: `{{ids}} of {{files}} is missing here; ${MISSING}`, impact: "runtime" },
  membersMissing: { text: `{{ids}} of {{files}} are missing here; ${MISSING}`, impact: "runtime" },
  timingDiffers: { text: `${SETTING}; ${TIMING}; ${ONE_VALUE}`, impact: "runtime" },
  portUnificationDiffers: {
    text: `${SETTING}; only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS; ${ONE_VALUE}`,
    impact: "runtime",
  },
  saslDiffers: { text: `${SETTING}; a server that requires SASL rejects peers that do not use it; ${ONE_VALUE}`, impact: "runtime" },
  reconfigDiffers: { text: `${SETTING}; only some servers accept reconfig and rewrite their config files; ${ONE_VALUE}`, impact: "runtime" },
  // Errors though each server starts: servers that disagree here never form a quorum.
  electionAlgDiffers: {
    text: `${SETTING}; servers running different election algorithms cannot elect a leader together; ${ONE_VALUE}`,
    impact: "runtime",
    severity: "error",
  },
  sslQuorumDiffers: {
    text: `${SETTING}; a server that speaks TLS to its peers cannot talk to one that does not; ${ONE_VALUE}`,
    impact: "runtime",
    severity: "error",
  },
} as const;

type Id = keyof typeof messages;

const DIFFERS: Record<Disagreement, Id> = {
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

/** A server line as the message quotes it, and where it points. */
function lineData(v: { spec: ServerSpec; file: ConfigFile }): { key: string; value: string; place: string } {
  return { key: `server.${v.spec.id}`, value: javaTrim(v.spec.entry.value), place: v.file.config.sourcePlace(v.spec.entry) };
}

/** The variants of one id across files, keyed by description: when more than one remains, the files disagree. */
function* checkMembers(files: ConfigFile[]): Generator<Report<Id>> {
  const byId = memberLines(files);
  for (const variants of byId.values()) {
    for (const { group, other, files: others } of minorities<MemberLine>(disagreeing(variants))) {
      for (const v of group) {
        const data = { ...lineData(v), other: javaTrim(other.spec.entry.value), files: nameFiles(others, v.file) };
        yield { messageId: "memberDiffers", data, file: v.file, range: v.file.config.serverRange(v.spec, v.spec.entry.valueRange) };
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
  const data = { ...lineData(v), client: v.part.shown, other: other.part.shown, ...named };
  return {
    messageId: "ownFile" in named ? "clientPartDiffersFromOwn" : "clientPartDiffers",
    data,
    file: v.file,
    range: v.file.config.serverRange(v.spec, v.part.range),
  };
}

/** A setting's value as the message quotes it: as written, or "not set" with the value ZooKeeper uses. */
function settingReport(messageId: Id, key: string, item: SettingValue, other: SettingValue, others: Named): Report<Id> {
  const value = item.written === undefined ? `is not set (${item.value})` : `"${item.written}"`;
  const otherValue = other.written === undefined ? `not set (${other.value})` : `"${other.written}"`;
  return { messageId, data: { key, value, other: otherValue, files: nameFiles(others, item.file) }, file: item.file, range: item.range };
}

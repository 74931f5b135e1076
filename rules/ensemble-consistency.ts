import { basename, dirname } from "node:path";
import type { Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import type { ZooConfig } from "../src/model/config.js";
import { memberSignature } from "../src/model/ensemble.js";
import { hostKey, isWildcardLine } from "../src/model/hosts.js";
import { javaTrim, parseJavaInt } from "../src/model/java-number.js";
import type { ServerAddress, ServerSpec } from "../src/model/server-spec.js";
import { viewAddress } from "../src/model/inet.js";
import { atLeast } from "../src/model/version.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const MAX_NAMED = 3;

const messages = {
  memberDiffers: {
    text: '{{key}} "{{value}}"{{place}} differs from {{key}} "{{other}}" in {{files}}; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make {{key}} the same in every config of the ensemble',
    impact: "runtime",
    severity: "error",
  },
  clientPartDiffers: {
    text: '{{key}} "{{value}}"{{place}} gives the client address {{client}}, but {{other}} in {{files}}; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for {{key}} depending on which server they ask; make {{key}} the same in every config of the ensemble',
    impact: "runtime",
    severity: "warn",
  },
  memberMissing: {
    text: "{{ids}} of {{files}} {{verb}} missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
    impact: "runtime",
    severity: "warn",
  },
  settingDiffers: {
    text: "{{key}} {{value}} here, but {{other}} in {{files}}; {{effect}}; use one value in every config of the ensemble",
    impact: "runtime",
    severity: "warn",
  },
  settingBreaksQuorum: {
    text: "{{key}} {{value}} here, but {{other}} in {{files}}; {{effect}}; use one value in every config of the ensemble",
    impact: "runtime",
    severity: "error",
  },
} as const;

type Id = keyof typeof messages;

interface Setting {
  key: string;
  kind: "int" | "bool";
  /** The value ZooKeeper uses when the key is absent; undefined when an absent key is another rule's error. */
  fallback?: string;
  since?: "3.5";
  breaks: boolean;
  effect: string;
}

/** Settings each server reads for itself, which only work when every server of the ensemble reads the same. */
const SETTINGS: Setting[] = [
  { key: "tickTime", kind: "int", fallback: "3000", breaks: false, effect: "the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads" },
  { key: "initLimit", kind: "int", breaks: false, effect: "the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads" },
  { key: "syncLimit", kind: "int", breaks: false, effect: "the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads" },
  { key: "electionAlg", kind: "int", fallback: "3", breaks: true, effect: "servers running different election algorithms cannot elect a leader together" },
  { key: "sslQuorum", kind: "bool", fallback: "false", since: "3.5", breaks: true, effect: "a server that speaks TLS to its peers cannot talk to one that does not" },
  { key: "portUnification", kind: "bool", fallback: "false", since: "3.5", breaks: false, effect: "only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS" },
  { key: "quorum.auth.enableSasl", kind: "bool", fallback: "false", breaks: false, effect: "a server that requires SASL rejects peers that do not use it" },
  { key: "quorum.auth.learnerRequireSasl", kind: "bool", fallback: "false", breaks: false, effect: "a server that requires SASL rejects peers that do not use it" },
  { key: "quorum.auth.serverRequireSasl", kind: "bool", fallback: "false", breaks: false, effect: "a server that requires SASL rejects peers that do not use it" },
  { key: "reconfigEnabled", kind: "bool", fallback: "false", since: "3.5", breaks: false, effect: "only some servers accept reconfig and rewrite their config files" },
];

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
      if (!sameServerLines(files)) yield* checkMembers(files);
      yield* checkClientParts(files, (f) => workspace.ownServer(f));
      for (const setting of SETTINGS) if (valuesDiffer(files, setting)) yield* checkSetting(files, setting);
    }
  },
});

/** Files a message names: the first few, and how many there are in all. */
interface Named {
  first: ConfigFile[];
  count: number;
}

/**
 * Names other files as briefly as the reader needs: the base name when they sit beside this one.
 * Only the first few are named: a message that named all would make the output quadratic.
 */
function nameFiles(named: Named, from: ConfigFile): string {
  const names = [...new Set(named.first.map((f) => (dirname(f.path) === dirname(from.path) ? basename(f.path) : f.name)))];
  const more = named.count - named.first.length;
  return names.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** The first MAX_NAMED distinct files of the lists, and how many distinct files they hold. */
function namedOf(lists: Iterable<readonly ConfigFile[]>): Named {
  const all = new Set<ConfigFile>();
  for (const list of lists) for (const f of list) all.add(f);
  return { first: [...all].slice(0, MAX_NAMED), count: all.size };
}

/**
 * How a server line describes its member, for comparing files. A wildcard host (a server's own
 * line bound to 0.0.0.0) matches any host, so it is left out and compared by ports and role.
 */
function describe(spec: ServerSpec): { exact: string; ports: string; wildcard: boolean } {
  return { exact: memberSignature(spec), ports: memberSignature(spec, true), wildcard: isWildcardLine(spec) };
}

/**
 * Groups of files that describe one thing in different ways: each group to report, with the first
 * item of a group it differs from and the files of those groups. The group with the most files is
 * taken as the ensemble's; with a tie, every group is told, against all the others. Each file is in
 * one group at most, so the files of "all the others" are counted, not gathered, for each group.
 */
function* minorities<T extends { file: ConfigFile }>(groups: T[][]): Generator<{ group: T[]; other: T; files: Named }> {
  if (groups.length < 2) return;
  const [largest, second] = [...groups].sort((a, b) => b.length - a.length);
  if (largest && second && largest.length > second.length) {
    const files = namedOf([largest.map((x) => x.file)]);
    for (const group of groups) if (group !== largest) yield { group, other: largest[0] as T, files };
    return;
  }
  const total = groups.reduce((n, g) => n + g.length, 0);
  // Enough files in order to name MAX_NAMED of them that are not in any one group.
  const head: { file: ConfigFile; group: T[] }[] = [];
  for (const group of groups) {
    for (const x of group.slice(0, MAX_NAMED)) head.push({ file: x.file, group });
    if (head.length >= 2 * MAX_NAMED) break;
  }
  for (const [i, group] of groups.entries()) {
    const first = head.filter((h) => h.group !== group).slice(0, MAX_NAMED).map((h) => h.file);
    yield { group, other: (groups[i === 0 ? 1 : 0] as T[])[0] as T, files: { first, count: total - group.length } };
  }
}

/** Two server lines written alike: same id, role, hosts as written and ports, so every comparison below finds them equal. */
function sameLine(a: ServerSpec, b: ServerSpec): boolean {
  if (a.id !== b.id || a.role !== b.role || a.addresses.length !== b.addresses.length) return false;
  for (let i = 0; i < a.addresses.length; i++) {
    const x = a.addresses[i] as ServerAddress;
    const y = b.addresses[i] as ServerAddress;
    if (x.host.value !== y.host.value || x.quorumPort.value !== y.quorumPort.value || x.electionPort.value !== y.electionPort.value) return false;
  }
  return true;
}

/** True when every file has the same server lines, written alike (the usual ensemble): no member can differ or be missing. */
function sameServerLines(files: ConfigFile[]): boolean {
  const first = (files[0] as ConfigFile).config.servers;
  for (let f = 1; f < files.length; f++) {
    const servers = (files[f] as ConfigFile).config.servers;
    if (servers.length !== first.length) return false;
    for (let i = 0; i < servers.length; i++) if (!sameLine(first[i] as ServerSpec, servers[i] as ServerSpec)) return false;
  }
  return true;
}

/** The variants of one id across files, keyed by description: when more than one remains, the files disagree. */
function* checkMembers(files: ConfigFile[]): Generator<Report<Id>> {
  const byId = new Map<bigint, Map<string, { spec: ServerSpec; file: ConfigFile; ports: string; wildcard: boolean }[]>>();
  for (const file of files) {
    for (const spec of file.config.servers) {
      const d = describe(spec);
      let variants = byId.get(spec.id);
      if (!variants) byId.set(spec.id, (variants = new Map()));
      const key = d.wildcard ? `*:${d.ports}` : d.exact;
      const list = variants.get(key);
      const item = { spec, file, ports: d.ports, wildcard: d.wildcard };
      if (list) list.push(item);
      else variants.set(key, [item]);
    }
  }
  for (const [id, variants] of byId) {
    // Wildcard lines agree with any named variant that has their ports and role.
    const portsOfNamed = new Set([...variants.values()].filter((list) => !list[0]?.wildcard).map((list) => list[0]?.ports));
    const lists = [...variants.values()].filter((list) => !(list[0]?.wildcard && portsOfNamed.has(list[0].ports)));
    for (const { group: list, other, files: others } of minorities(lists)) {
      for (const v of list) {
        const { config } = v.file;
        yield {
          messageId: "memberDiffers",
          data: {
            key: `server.${id}`,
            value: javaTrim(v.spec.entry.value),
            place: config.sourcePlace(v.spec.entry),
            other: javaTrim(other.spec.entry.value),
            files: nameFiles(others, v.file),
          },
          file: v.file,
          range: config.serverRange(v.spec, v.spec.entry.valueRange),
        };
      }
    }
  }
  yield* checkMissing(files, byId);
}

/**
 * The ids each file lacks, from the ids of all (sorted once) minus its own, and the files that
 * hold the first of them: each file costs its own server lines and the few ids and files named.
 */
function* checkMissing(files: ConfigFile[], byId: Map<bigint, Map<string, { file: ConfigFile }[]>>): Generator<Report<Id>> {
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const holders = new Map<bigint, ConfigFile[]>();
  const holdersOf = (id: bigint): ConfigFile[] => {
    let list = holders.get(id);
    if (!list) holders.set(id, (list = [...(byId.get(id) as Map<string, { file: ConfigFile }[]>).values()].flat().map((v) => v.file)));
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
    yield {
      messageId: "memberMissing",
      data: { ids: list, files: nameFiles(named, file), verb: count === 1 ? "is" : "are" },
      file,
      range: file.config.anchor,
    };
  }
}

/** A server line's client part as clients are told it: `host:port`, or `*:port` for the wildcard (no host, 0.0.0.0). */
function clientPart(spec: ServerSpec): { key: string; shown: string; range: Range } | undefined {
  const port = spec.clientPort;
  if (!port) return undefined;
  const host = spec.clientHost;
  const key = `${host === undefined || viewAddress(host.value).kind === "any" ? "*" : hostKey(host.value)}:${port.value}`;
  const shown = host ? `${host.value}:${port.value}` : `${port.value}`;
  return { key, shown: `"${shown}"`, range: { start: host?.range.start ?? port.range.start, end: port.range.end } };
}

/**
 * The `;` client parts of each member's line across the files that write one. A wildcard host
 * agrees with a named one on the same port: both are the server's own port, as clients reach it.
 * The member's own config, where the model knows it, decides: the server listens where its own line says.
 */
function* checkClientParts(files: ConfigFile[], ownServer: (file: ConfigFile) => ServerSpec | undefined): Generator<Report<Id>> {
  const byId = new Map<bigint, Map<string, { spec: ServerSpec; file: ConfigFile; part: NonNullable<ReturnType<typeof clientPart>> }[]>>();
  for (const file of files) {
    for (const spec of file.config.servers) {
      const part = clientPart(spec);
      if (!part) continue;
      let variants = byId.get(spec.id);
      if (!variants) byId.set(spec.id, (variants = new Map()));
      const list = variants.get(part.key);
      if (list) list.push({ spec, file, part });
      else variants.set(part.key, [{ spec, file, part }]);
    }
  }
  for (const [id, variants] of byId) {
    if (variants.size < 2) continue;
    const namedPorts = new Set([...variants.keys()].filter((k) => !k.startsWith("*:")).map((k) => k.slice(k.lastIndexOf(":"))));
    const lists = [...variants.entries()].filter(([k]) => !(k.startsWith("*:") && namedPorts.has(k.slice(1)))).map(([, list]) => list);
    const owner = lists.find((list) => list.some((v) => ownServer(v.file)?.id === id));
    const ownLine = owner?.find((v) => ownServer(v.file)?.id === id);
    const groups = owner && ownLine ? lists.filter((l) => l !== owner).map((group) => ({ group, other: ownLine, files: undefined })) : [...minorities(lists)];
    for (const { group, other, files } of groups) {
      for (const v of group) {
        const { config } = v.file;
        yield {
          messageId: "clientPartDiffers",
          data: {
            key: `server.${id}`,
            value: javaTrim(v.spec.entry.value),
            place: config.sourcePlace(v.spec.entry),
            client: v.part.shown,
            other: other.part.shown,
            files: files ? nameFiles(files, v.file) : `${nameFiles({ first: [other.file], count: 1 }, v.file)}, server.${id}'s own config`,
          },
          file: v.file,
          range: config.serverRange(v.spec, v.part.range),
        };
      }
    }
  }
}

/** A setting's value as ZooKeeper uses it, for comparing; undefined when it is not a clear value (another rule's error). */
interface Seen {
  value: string;
  range: Range;
  /** How the value reads in this file's message, and in another file's. */
  here: string;
  there: string;
}

/** The value compared: as ZooKeeper uses it, or undefined when it is not a clear value. */
function comparedValue(config: ZooConfig, setting: Setting, text: string | undefined): string | undefined {
  if (setting.since && !atLeast(config.version, setting.since)) return undefined;
  if (text === undefined) return setting.fallback;
  if (setting.kind === "int") return parseJavaInt(text)?.toString();
  // 3.7 reads these booleans strictly; earlier versions take anything but "true" as false.
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  return atLeast(config.version, "3.7") ? undefined : "false";
}

function valueOf(file: ConfigFile, setting: Setting): Seen | undefined {
  const { config } = file;
  const entry = config.get(setting.key);
  const text = entry ? javaTrim(entry.value) : undefined;
  const value = comparedValue(config, setting, text);
  if (value === undefined) return undefined;
  if (!entry) return { value, range: config.anchor, here: `is not set (${value})`, there: `not set (${value})` };
  return { value, range: entry.valueRange, here: `"${text}"`, there: `"${text}"` };
}

/** True when the files hold two or more values of the setting: only then is there something to report. */
function valuesDiffer(files: ConfigFile[], setting: Setting): boolean {
  let seen: string | undefined;
  for (const { config } of files) {
    const value = comparedValue(config, setting, config.text(setting.key));
    if (value === undefined) continue;
    if (seen === undefined) seen = value;
    else if (value !== seen) return true;
  }
  return false;
}

function* checkSetting(files: ConfigFile[], setting: Setting): Generator<Report<Id>> {
  const byValue = new Map<string, (Seen & { file: ConfigFile })[]>();
  for (const file of files) {
    const v = valueOf(file, setting);
    if (!v) continue;
    const list = byValue.get(v.value);
    if (list) list.push({ ...v, file });
    else byValue.set(v.value, [{ ...v, file }]);
  }
  for (const { group, other, files } of minorities([...byValue.values()])) {
    for (const item of group) {
      yield {
        messageId: setting.breaks ? "settingBreaksQuorum" : "settingDiffers",
        data: {
          key: setting.key,
          value: item.here,
          other: other.there,
          files: nameFiles(files, item.file),
          effect: setting.effect,
        },
        file: item.file,
        range: item.range,
      };
    }
  }
}

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

/** Names other files as briefly as the reader needs: the base name when they sit beside this one. */
function nameFiles(files: ConfigFile[], from: ConfigFile): string {
  const names = [...new Set(files.map((f) => (dirname(f.path) === dirname(from.path) ? basename(f.path) : f.name)))];
  return names.slice(0, MAX_NAMED).join(", ") + (names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : "");
}

/**
 * How a server line describes its member, for comparing files. A wildcard host (a server's own
 * line bound to 0.0.0.0) matches any host, so it is left out and compared by ports and role.
 */
function describe(spec: ServerSpec): { exact: string; ports: string; wildcard: boolean } {
  return { exact: memberSignature(spec), ports: memberSignature(spec, true), wildcard: isWildcardLine(spec) };
}

/**
 * Groups of files that describe one thing in different ways: each group to report, with the groups
 * it differs from. The group with the most files is taken as the ensemble's; with a tie, every
 * group is told.
 */
function* minorities<T extends { file: ConfigFile }>(groups: T[][]): Generator<{ group: T[]; others: T[][] }> {
  if (groups.length < 2) return;
  const size = (g: T[]): number => new Set(g.map((x) => x.file)).size;
  const [largest, second] = [...groups].sort((a, b) => size(b) - size(a));
  const majority = largest && second && size(largest) > size(second) ? largest : undefined;
  for (const group of groups) {
    if (group === majority) continue;
    yield { group, others: groups.filter((g) => g !== group && (majority === undefined || g === majority)) };
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
  const missing = new Map<ConfigFile, ServerSpec[]>();
  const holders = new Map<ConfigFile, ConfigFile[]>();
  for (const [id, variants] of byId) {
    const present = new Set<ConfigFile>();
    for (const list of variants.values()) for (const v of list) present.add(v.file);
    for (const file of files) {
      if (present.has(file)) continue;
      const some = [...variants.values()][0]?.[0];
      if (!some) continue;
      missing.set(file, [...(missing.get(file) ?? []), some.spec]);
      holders.set(file, [...(holders.get(file) ?? []), ...[...present].filter((f) => f !== file)]);
    }
    // Wildcard lines agree with any named variant that has their ports and role.
    const portsOfNamed = new Set([...variants.values()].filter((list) => !list[0]?.wildcard).map((list) => list[0]?.ports));
    const lists = [...variants.values()].filter((list) => !(list[0]?.wildcard && portsOfNamed.has(list[0].ports)));
    for (const { group: list, others } of minorities(lists)) {
      const other = others[0]?.[0];
      if (!other) continue;
      for (const v of list) {
        const { config } = v.file;
        yield {
          messageId: "memberDiffers",
          data: {
            key: `server.${id}`,
            value: javaTrim(v.spec.entry.value),
            place: config.sourcePlace(v.spec.entry),
            other: javaTrim(other.spec.entry.value),
            files: nameFiles(others.flat().map((o) => o.file), v.file),
          },
          file: v.file,
          range: config.serverRange(v.spec, v.spec.entry.valueRange),
        };
      }
    }
  }
  for (const [file, specs] of missing) {
    const ids = specs.sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => `server.${s.id}`);
    const shown = ids.slice(0, MAX_NAMED).join(", ") + (ids.length > MAX_NAMED ? ` and ${ids.length - MAX_NAMED} more` : "");
    yield {
      messageId: "memberMissing",
      data: { ids: shown, files: nameFiles(holders.get(file) ?? [], file), verb: ids.length === 1 ? "is" : "are" },
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
    const groups = owner ? lists.filter((l) => l !== owner).map((group) => ({ group, others: [owner] })) : [...minorities(lists)];
    for (const { group, others } of groups) {
      const other = owner?.find((v) => ownServer(v.file)?.id === id) ?? others[0]?.[0];
      if (!other) continue;
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
            files: owner ? `${nameFiles([other.file], v.file)}, server.${id}'s own config` : nameFiles(others.flat().map((o) => o.file), v.file),
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
  for (const { group, others } of minorities([...byValue.values()])) {
    const other = others[0]?.[0];
    if (!other) continue;
    for (const item of group) {
      yield {
        messageId: setting.breaks ? "settingBreaksQuorum" : "settingDiffers",
        data: {
          key: setting.key,
          value: item.here,
          other: other.there,
          files: nameFiles(others.flat().map((o) => o.file), item.file),
          effect: setting.effect,
        },
        file: item.file,
        range: item.range,
      };
    }
  }
}

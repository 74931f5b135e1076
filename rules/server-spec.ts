import type { Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import type { ZooConfig } from "../src/model/config.js";
import { isHostSyntax, javaSocketAddress, viewAddress } from "../src/model/inet.js";
import { missingClientPort } from "../src/model/client-port.js";
import { javaTrim } from "../src/model/java-number.js";
import type { ServerSpec, ServerSpecError, ServerSpecErrorKind } from "../src/model/server-spec.js";
import { atLeast, type ZkVersion } from "../src/model/version.js";
import { validMyid } from "../src/model/valid-myid.js";
import { defineRule, type Report, type RuleContext } from "../src/lint/rule.js";

const messages = {
  badId: {
    text: '{{key}}{{place}}: "{{id}}" is not a number; ZooKeeper exits with "{{zk}}"; write the server id, a number from 1 to 255, after "server."',
    impact: "startup",
    severity: "error",
  },
  badForm: {
    text: '{{key}} "{{value}}"{{place}} does not have the form ZooKeeper {{version}} reads; it exits with "{{zk}}"; write {{grammar}}',
    impact: "startup",
    severity: "error",
  },
  badPort: {
    text: '{{key}} "{{value}}"{{place}} has a port that is not a number from 0 to 65535; ZooKeeper exits with "{{zk}}"; fix the port',
    impact: "startup",
    severity: "error",
  },
  badRole: {
    text: '{{key}} "{{value}}"{{place}} has a role ZooKeeper does not accept; it exits with "{{zk}}"; {{advice}}',
    impact: "startup",
    severity: "error",
  },
  samePorts: {
    text: '{{key}} "{{value}}"{{place}} uses one port as quorum and election port; ZooKeeper exits with "{{zk}}"; give the election port a number of its own',
    impact: "startup",
    severity: "error",
  },
  trailingBlank: {
    text: '{{key}} "{{value}}"{{place}} ends in blanks, and ZooKeeper {{version}} does not trim server lines; it exits with "{{zk}}"; remove the blanks at the end of the line',
    impact: "startup",
    severity: "error",
  },
  clientPartUnsupported: {
    text: '{{key}} "{{value}}"{{place}} has a ";" client part, which ZooKeeper 3.4 does not know (it came with 3.5); it exits with "{{zk}}"; remove the part from ";" on and set clientPort instead',
    impact: "startup",
    severity: "error",
  },
  pipeUnsupported: {
    text: '{{key}} "{{value}}"{{place}} lists several addresses with "|", which ZooKeeper {{version}} does not know (multi-address lines came with 3.6); it exits with "{{zk}}"; keep one address',
    impact: "startup",
    severity: "error",
  },
  noElectionPort: {
    text: '{{key}} "{{value}}"{{place}} has no election port; ZooKeeper 3.4 exits with "{{zk}}" when it runs a quorum; write host:quorumPort:electionPort',
    impact: "startup",
    severity: "error",
  },
  multiAddress: {
    text: '{{key}} "{{value}}"{{place}} lists {{count}} addresses; ZooKeeper exits with "Multiple address feature is disabled, but multiple addresses were specified for sid {{id}}" unless every server\'s JVM runs with -Dzookeeper.multiAddress.enabled=true, which no zoo.cfg key can set; keep one address, or add that flag to the JVM options',
    impact: "startup",
    severity: "error",
  },
  badOwnHost: {
    text: '{{key}} "{{value}}"{{place}} is this server\'s line, and "{{host}}" cannot be a host name or address; ZooKeeper cannot listen on it and exits with "As I\'m leaving the listener thread, I won\'t be able to participate in leader election any longer"; write this server\'s host name or address',
    impact: "startup",
    severity: "error",
  },
  badHost: {
    text: '{{key}} "{{value}}"{{place}} names "{{host}}", which cannot be a host name or address; no server can connect to server.{{id}} ("UnknownHostException: {{host}}"); write the host name or address of server.{{id}}',
    impact: "runtime",
    severity: "error",
  },
  wildcardOwn: {
    text: '{{key}} "{{value}}"{{place}} is this server\'s own line, with the wildcard address {{host}}: ZooKeeper listens on every address, but from 3.5 on it also hands this line out as the address of server.{{id}}: clients that learn the ensemble from getConfig (the /zookeeper/config node, Curator\'s EnsembleTracker) are told to connect to {{host}}{{peers}}; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address',
    impact: "runtime",
    severity: "warn",
  },
  wildcardOwnReconfig: {
    text: '{{key}} "{{value}}"{{place}} is this server\'s own line, with the wildcard address {{host}}, and reconfigEnabled is true: when this server leads a reconfiguration, it commits its own line into the configuration that every server then writes to its dynamic file, and from then on the others connect to {{host}}, which is themselves, never server.{{id}}; clients that read getConfig are told {{host}} too; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address',
    impact: "runtime",
    severity: "error",
  },
  wildcardOther: {
    text: '{{key}} "{{value}}"{{place}} gives server.{{id}} the wildcard address {{host}}{{why}}; this server connects to {{host}}, which is itself, and never reaches server.{{id}}; write the name or address of server.{{id}} (the wildcard belongs only on a server\'s own line, if anywhere)',
    impact: "runtime",
    severity: "error",
  },
  ignoredFields: {
    text: '{{key}} "{{value}}"{{place}} has more than four fields; ZooKeeper 3.4 logs "{{zk}}" and ignores "{{ignored}}"; remove the extra fields',
    impact: "runtime",
    severity: "warn",
  },
  skippedChar: {
    text: '{{key}} "{{value}}"{{place}} has "{{char}}" after "]" where a colon belongs; ZooKeeper skips that char unread and uses port {{port}}; write "]:" before the port',
    impact: "runtime",
    severity: "warn",
  },
  idOutOfRange: {
    text: "{{key}}{{place}}: id {{id}} is outside 1-255; ZooKeeper accepts it, but session ids carry only the id's low 8 bits ({{low}}), and the admin guide asks for 1-255; use an id from 1 to 255",
    impact: "runtime",
    severity: "warn",
  },
  idSessionClash: {
    text: "{{key}}{{place}} and {{other}} have ids with the same low 8 bits ({{low}}); ZooKeeper builds session ids from those bits, so the two servers can hand out the same session ids; give every server an id from 1 to 255",
    impact: "runtime",
    severity: "error",
  },
  idUnset: {
    text: '{{key}}{{place}}: id -1 is what ZooKeeper uses for "no id"; the server whose myid says -1 exits with "myid file is missing", so this server can never start; use an id from 1 to 255',
    impact: "runtime",
    severity: "error",
  },
  duplicateId: {
    text: "{{key}}{{place}} and {{other}} both give server id {{id}}; ZooKeeper keeps one of them, chosen by hash order rather than line order; keep one line per id",
    impact: "runtime",
    severity: "warn",
  },
  clientAddress: {
    text: '{{setting}} "{{static}}" is not the client address of this server\'s line {{key}} "{{value}}"{{place}}; ZooKeeper exits with "client address for this server (id = {{id}}) in static config file is {{zkStatic}} is different from client address found in dynamic file: {{zkLine}}"; make {{setting}} match the server line, or remove it and let the line decide',
    impact: "startup",
    severity: "error",
  },
  clientAddressEveryLine: {
    text: '{{setting}} "{{static}}" is not the client address of any server line, and every line has one; whichever server this is, ZooKeeper exits with "client address for this server (id = N) in static config file is {{zkStatic}} is different from client address found in dynamic file: …"; make {{setting}} match this server\'s line, or remove it',
    impact: "startup",
    severity: "error",
  },
  clientPortRequired: {
    text: '{{setting}}; ZooKeeper 3.4 exits with "clientPort is not set"; set the port clients connect to, e.g. clientPort=2181',
    impact: "startup",
    severity: "error",
  },
  noClientPort: {
    text: '{{setting}}{{lines}}; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181{{orLine}}',
    impact: "runtime",
    severity: "error",
  },
  peerTypeMismatch: {
    text: 'peerType "{{peerType}}" says this server is {{wanted}}, but its line {{key}}{{place}} makes it {{role}}; ZooKeeper logs "Peer type from servers list ({{ROLE}}) doesn\'t match peerType ({{WANTED}}). Defaulting to servers list." and runs it as {{role}}; make peerType and the server line agree',
    impact: "runtime",
    severity: "warn",
  },
  observersWithoutParticipants: {
    text: '{{key}}{{place}} is an observer, and no server line is a participant; ZooKeeper exits with "Observers w/o participants is an invalid configuration"; add participants, or remove the observers',
    impact: "startup",
    severity: "error",
  },
  observersWithoutQuorum: {
    text: '{{key}}{{place}} is an observer beside a single participant, which makes ZooKeeper run standalone; it exits with "Observers w/o quorum is an invalid configuration"; add participants{{orQuorumOfOne}}',
    impact: "startup",
    severity: "error",
  },
  standaloneWithoutParticipants: {
    text: 'standaloneEnabled "{{value}}" asks for a quorum, and no server line is a participant; ZooKeeper exits with "standaloneEnabled = false then number of participants should be >0"; add server lines, or remove standaloneEnabled=false',
    impact: "startup",
    severity: "error",
  },
} as const;

type Id = keyof typeof messages;

const byKind: Record<Exclude<ServerSpecErrorKind, "no-election-port">, Id> = {
  id: "badId",
  form: "badForm",
  port: "badPort",
  role: "badRole",
  "same-ports": "samePorts",
  "trailing-blank": "trailingBlank",
  pipe: "pipeUnsupported",
  "client-part": "clientPartUnsupported",
};

function grammar(version: ZkVersion): string {
  if (!atLeast(version, "3.5")) return "host:quorumPort:electionPort, optionally followed by :observer";
  return "host:quorumPort:electionPort, optionally :observer, then optionally ;clientPort or ;clientHost:clientPort";
}

function roleAdvice(version: ZkVersion): string {
  return atLeast(version, "3.5")
    ? 'the fourth field is participant or observer, the same on every address; a client port goes after ";"'
    : "the fourth field is participant or observer";
}

/** What a line shows in messages: its value as ZooKeeper reads it (3.4 trims, later versions do not). */
function shown(entry: { value: string }, version: ZkVersion): string {
  return atLeast(version, "3.5") ? entry.value : javaTrim(entry.value);
}

export default defineRule({
  id: "server-spec",
  meta: {
    description: "Every server.N line is one ZooKeeper's version reads, with a usable id and an address peers can reach, and the lines make a valid set that gives the server a client port",
    fixable: false,
    messages,
  },
  *check(context) {
    for (const file of context.workspace.files) {
      // Server lines beside an unread dynamic file are dynamic-config's business, and the real ones are unknown.
      const { config } = file;
      if (!config.serversKnown) continue;
      if (config.serverErrors.length > 0) yield* checkErrors(file);
      yield* checkLines(file, context);
      // A standalone server ignores its lone server line: only its grammar matters.
      if (config.isQuorum && !plainIds(config)) yield* checkIds(file);
      // Two participants or more pass every count check.
      if (config.serverErrors.length === 0 && config.participants.length < 2) yield* checkCounts(file);
      yield* checkOwnLine(file, context);
      yield* checkClientPort(file, context);
      if (config.isQuorum) yield* checkWildcards(file, context);
    }
  },
});

function* checkErrors(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const version = config.version;
  const missingElection = config.serverErrors.filter((e) => e.kind === "no-election-port").length;
  for (const error of config.serverErrors) {
    const base = { key: error.entry.key, value: shown(error.entry, version), place: config.sourcePlace(error.entry), zk: error.message, version };
    const range = config.sourceRange(error.entry, error.range);
    if (error.kind === "no-election-port") {
      // 3.4 checks election ports only when it runs a quorum: two or more participants.
      if (config.participants.length + missingElection >= 2) yield { messageId: "noElectionPort", data: base, file, range };
      continue;
    }
    const messageId = byKind[error.kind];
    const data = messageId === "badId" ? { ...base, id: idText(error) } : { ...base, grammar: grammar(version), advice: roleAdvice(version) };
    yield { messageId, data, file, range };
  }
}

function idText(error: ServerSpecError): string {
  return error.entry.key.slice(error.entry.key.indexOf(".") + 1);
}

/** The placeholders every message about a server line has. */
function lineData(config: ZooConfig, spec: ServerSpec): { key: string; value: string; place: string } {
  return { key: spec.entry.key, value: shown(spec.entry, config.version), place: config.sourcePlace(spec.entry) };
}

function* checkLines(file: ConfigFile, context: RuleContext): Generator<Report<Id>> {
  const { config } = file;
  const quorum = config.isQuorum;
  for (const spec of config.servers) {
    if (spec.multiAddress) {
      yield { messageId: "multiAddress", data: { ...lineData(config, spec), count: spec.addresses.length, id: spec.id }, file, range: config.serverRange(spec, spec.entry.valueRange) };
    }
    if (!quorum) continue;
    for (const a of spec.addresses) {
      if (isHostSyntax(a.host.value)) continue;
      // With quorumListenOnAllIPs the server listens on every address, whatever its own line says.
      const listensOnAll = config.text("quorumListenOnAllIPs")?.toLowerCase() === "true";
      const messageId = spec === context.workspace.ownServer(file) && !listensOnAll ? "badOwnHost" : "badHost";
      yield { messageId, data: { ...lineData(config, spec), host: a.host.value, id: spec.id }, file, range: config.serverRange(spec, a.host.range) };
    }
    if (spec.ignored) {
      const text = config.serverSource.source.text.slice(spec.ignored.start, spec.ignored.end);
      const zk = `${javaTrim(spec.entry.value)} does not have the form host:port or host:port:port  or host:port:port:type`;
      yield { messageId: "ignoredFields", data: { ...lineData(config, spec), zk, ignored: text }, file, range: config.serverRange(spec, spec.ignored) };
    }
    for (const skipped of spec.skipped) {
      const port = portAfter(spec, skipped.range.end);
      if (port === undefined) continue;
      yield { messageId: "skippedChar", data: { ...lineData(config, spec), char: skipped.value, port }, file, range: config.serverRange(spec, skipped.range) };
    }
  }
}

/** The port whose digits start right after a skipped char. */
function portAfter(spec: ServerSpec, offset: number): number | undefined {
  for (const a of spec.addresses) if (a.quorumPort.range.start === offset) return a.quorumPort.value;
  return spec.clientPort?.range.start === offset ? spec.clientPort.value : undefined;
}

/** Ids from 1 to 255, one line each: nothing for checkIds to report, the usual case. */
function plainIds(config: ZooConfig): boolean {
  if (config.shadowed.length > 0) return false;
  for (const spec of config.servers) if (spec.id < 1n || spec.id > 255n) return false;
  return true;
}

function* checkIds(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const lowOwners = new Map<bigint, ServerSpec[]>();
  for (const spec of config.servers) {
    const low = BigInt.asUintN(8, spec.id);
    const list = lowOwners.get(low);
    if (list) list.push(spec);
    else lowOwners.set(low, [spec]);
  }
  for (const spec of config.servers) {
    const data = { key: spec.entry.key, place: config.sourcePlace(spec.entry), id: spec.id };
    const range = config.serverRange(spec, spec.entry.keyRange);
    if (spec.id >= 1n && spec.id <= 255n) continue;
    if (spec.id === -1n) {
      yield { messageId: "idUnset", data, file, range };
      continue;
    }
    const low = BigInt.asUintN(8, spec.id);
    const other = lowOwners.get(low)?.find((s) => s !== spec);
    if (other) yield { messageId: "idSessionClash", data: { ...data, low, other: other.entry.key }, file, range };
    else yield { messageId: "idOutOfRange", data: { ...data, low }, file, range };
  }
  for (const earlier of config.shadowed) {
    const later = config.server(earlier.id);
    // The same key twice is duplicate-key's business; two spellings of one id are this rule's.
    if (!later || later.entry.key === earlier.entry.key) continue;
    for (const [spec, other] of [[earlier, later], [later, earlier]] as const) {
      yield {
        messageId: "duplicateId",
        data: { key: spec.entry.key, place: config.sourcePlace(spec.entry), other: other.entry.key, id: spec.id },
        file,
        range: config.serverRange(spec, spec.entry.keyRange),
      };
    }
  }
}

/** ZooKeeper's checks of how many participants and observers the lines declare. */
function* checkCounts(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const observers = config.servers.filter((s) => s.role === "observer");
  const participants = config.participants.length;
  const standaloneOff = atLeast(config.version, "3.5") && config.text("standaloneEnabled")?.toLowerCase() === "false";
  const first = observers[0];
  const at = (spec: ServerSpec): { data: { key: string; place: string }; range: Range } => ({
    data: { key: spec.entry.key, place: config.sourcePlace(spec.entry) },
    range: config.serverRange(spec, spec.entry.keyRange),
  });
  if (participants === 0 && standaloneOff) {
    const entry = config.get("standaloneEnabled");
    if (entry) yield { messageId: "standaloneWithoutParticipants", data: { value: javaTrim(entry.value) }, file, range: entry.valueRange };
  } else if (participants === 0 && first) {
    const { data, range } = at(first);
    yield { messageId: "observersWithoutParticipants", data, file, range };
  } else if (participants === 1 && !standaloneOff && first) {
    const { data, range } = at(first);
    const orQuorumOfOne = atLeast(config.version, "3.5") ? ", or set standaloneEnabled=false to run a quorum of one" : "";
    yield { messageId: "observersWithoutQuorum", data: { ...data, orQuorumOfOne }, file, range };
  }
}

/** The line this server runs as, against the client address and peerType of its own file. */
function* checkOwnLine(file: ConfigFile, context: RuleContext): Generator<Report<Id>> {
  const { config } = file;
  const own = context.workspace.ownServer(file);
  // A standalone server compares addresses only when its myid names the line.
  if (own && (config.isQuorum || validMyid(file)?.id === own.id)) {
    const conflict = clientConflict(file, own);
    if (conflict) {
      yield {
        messageId: "clientAddress",
        data: { ...conflict.data, key: own.entry.key, value: shown(own.entry, config.version), place: config.sourcePlace(own.entry), id: own.id, zkLine: lineAddress(own) },
        file,
        range: conflict.range,
      };
    }
    if (config.get("peerType")) yield* checkPeerType(file, own);
    return;
  }
  // Without knowing which line is this server's: if the static address fits none, it conflicts with whichever.
  if (!config.isQuorum || config.servers.length === 0) return;
  let conflict: Conflict | undefined;
  for (const spec of config.servers) {
    conflict = clientConflict(file, spec);
    if (!conflict) return;
  }
  if (conflict) yield { messageId: "clientAddressEveryLine", data: conflict.data, file, range: conflict.range };
}

interface Conflict {
  data: { setting: string; static: string; zkStatic: string };
  range: Range;
}

function lineAddress(spec: ServerSpec): string {
  return javaSocketAddress(spec.clientHost?.value ?? "0.0.0.0", spec.clientPort?.value ?? 0);
}

/** QuorumPeerConfig's check of clientPort[Address] against a server line's `;[host:]port`, where it can be told without DNS. */
function clientConflict(file: ConfigFile, spec: ServerSpec): Conflict | undefined {
  const { config } = file;
  if (!spec.clientPort) return undefined;
  const clientPort = config.int("clientPort");
  if (clientPort.kind !== "valid") return undefined;
  // Before 3.9 clientPort=0 means "no client port"; 3.9 reads it as a port to pick.
  if (clientPort.value === 0 && !atLeast(config.version, "3.9")) return undefined;
  const addressEntry = config.get("clientPortAddress");
  const staticHost = addressEntry ? javaTrim(addressEntry.value) : undefined;
  const staticView = staticHost === undefined ? ({ kind: "any" } as const) : viewAddress(staticHost);
  const lineView = viewAddress(spec.clientHost?.value ?? "0.0.0.0");
  const samePort = clientPort.value === spec.clientPort.value;
  let differs: boolean;
  if (staticView.kind === "any" || !samePort) differs = !samePort;
  else if (staticView.kind === "name" || lineView.kind === "name") return undefined;
  else differs = lineView.kind === "any" || staticView.ip !== lineView.ip;
  if (!differs) return undefined;
  const zkStatic = javaSocketAddress(staticHost, clientPort.value);
  // Point at what disagrees: the port when it differs, else the address.
  const byPort = !samePort || !addressEntry;
  const entry = byPort ? clientPort.entry : addressEntry;
  return {
    data: { setting: byPort ? "clientPort" : "clientPortAddress", static: javaTrim(entry.value), zkStatic },
    range: entry.valueRange,
  };
}

/** The releases whose peers follow the wildcard a restarted server advertises (fixed by ZOOKEEPER-2164 in 3.5.8 and 3.6.1). */
const WILDCARD_REJOIN: Partial<Record<ZkVersion, string>> = { "3.5": "3.5.8", "3.6": "3.6.1" };

/**
 * 0.0.0.0 (or ::) in server lines. On a server's own line it means "listen on every address", the
 * 3.4 container pattern; from 3.5 on that line is also what the server tells clients and, as leader
 * of a reconfiguration, every peer. On any other line it is simply no address of that server.
 */
function* checkWildcards(file: ConfigFile, context: RuleContext): Generator<Report<Id>> {
  const { config } = file;
  const wildcards = config.servers.flatMap((spec) => spec.addresses.filter((a) => viewAddress(a.host.value).kind === "any").map((a) => ({ spec, a })));
  if (wildcards.length === 0) return;
  const lines = [...new Set(wildcards.map((w) => w.spec))];
  // A lone wildcard line is taken for the server's own, as the container pattern writes it.
  const own = context.workspace.ownServer(file) ?? (lines.length === 1 ? lines[0] : undefined);
  for (const { spec, a } of wildcards) {
    const data = { ...lineData(config, spec), host: a.host.value, id: spec.id };
    const range = config.serverRange(spec, a.host.range);
    if (spec !== own) {
      const why = own
        ? ` but is not this server's own line (${own.entry.key})`
        : `, as ${lines.filter((l) => l !== spec).map((l) => l.entry.key).join(", ")} also ${lines.length > 2 ? "do" : "does"}, and only one line can be this server's own`;
      yield { messageId: "wildcardOther", data: { ...data, why }, file, range };
    } else if (atLeast(config.version, "3.5")) {
      if (config.text("reconfigEnabled")?.toLowerCase() === "true") {
        yield { messageId: "wildcardOwnReconfig", data, file, range };
      } else {
        const fixedIn = WILDCARD_REJOIN[config.version];
        const peers = fixedIn ? `, and peers before ${fixedIn} cannot reconnect to it after it restarts (they connect back to ${a.host.value})` : "";
        yield { messageId: "wildcardOwn", data: { ...data, peers }, file, range };
      }
    }
  }
}

/** A server that opens no client port: refused by 3.4, silently useless to clients from 3.5 on. */
function* checkClientPort(file: ConfigFile, context: RuleContext): Generator<Report<Id>> {
  const { config } = file;
  const missing = missingClientPort(config, context.workspace.ownServer(file));
  if (!missing) return;
  const { zero, own } = missing;
  if (!atLeast(config.version, "3.5")) {
    const setting = zero ? `clientPort is ${javaTrim(zero.value)}` : "clientPort is not set";
    yield { messageId: "clientPortRequired", data: { setting }, file, range: zero?.valueRange ?? { start: 0, end: 0 } };
    return;
  }
  const setting = zero ? "clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9)" : "neither clientPort nor secureClientPort is set";
  let lines = "";
  let orLine = "";
  if (own) {
    const { key, value, place } = lineData(config, own);
    lines = `, and this server's line ${key} "${value}"${place} has no ";" client port`;
    orLine = `, or add ";2181" to ${key}`;
  } else if (config.servers.length > 0) {
    lines = ', and no server line has a ";" client port';
    orLine = ', or add ";<port>" to each server line';
  }
  const range = own ? config.serverRange(own, own.entry.valueRange) : (zero?.valueRange ?? config.anchor);
  yield { messageId: "noClientPort", data: { setting, lines, orLine, version: config.version }, file, range };
}

const article = (role: string): string => (role === "observer" ? "an observer" : "a participant");

function* checkPeerType(file: ConfigFile, own: ServerSpec): Generator<Report<Id>> {
  const { config } = file;
  const entry = config.get("peerType");
  const wanted = config.text("peerType")?.toLowerCase();
  if (!entry || (wanted !== "observer" && wanted !== "participant") || wanted === own.role) return;
  yield {
    messageId: "peerTypeMismatch",
    data: {
      peerType: javaTrim(entry.value),
      wanted: article(wanted),
      WANTED: wanted.toUpperCase(),
      key: own.entry.key,
      place: config.sourcePlace(own.entry),
      role: article(own.role),
      ROLE: own.role.toUpperCase(),
    },
    file,
    range: entry.valueRange,
  };
}

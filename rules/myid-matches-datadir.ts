import { posix } from "node:path";
import type { ConfigFile } from "../src/model/config-file.js";
import { compareStrings } from "../src/model/order.js";
import { hostKey, serversNamingHost, type Workspace } from "../src/model/ensemble.js";
import type { ServerSpec } from "../src/model/server-spec.js";
import { atLeast } from "../src/model/version.js";
import { excerpt } from "../src/lint/excerpt.js";
import { defineRule, type Report, type RuleContext } from "../src/lint/rule.js";

const messages = {
  missingMyid: {
    text: 'dataDir "{{dataDir}}" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of {{ids}} this server is ({{why}}): run zkcfg fix --myid N {{file}}',
    impact: "startup",
    severity: "error",
  },
  missingMyidFixable: {
    text: 'dataDir "{{dataDir}}" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes {{id}} to it ({{reason}})',
    impact: "startup",
    severity: "error",
  },
  missingMyidWithData: {
    text: 'dataDir "{{dataDir}}" has no myid file but holds data (version-2/) of unknown identity; ZooKeeper exits with "myid file is missing"; write the id of the server that wrote this data to {{path}}',
    impact: "startup",
    severity: "error",
  },
  unsetMyid: {
    text: '{{path}} says -1, which ZooKeeper reads as "no id": it exits with "myid file is missing"; write this server\'s id ({{ids}})',
    impact: "startup",
    severity: "error",
  },
  unparsableMyid: {
    text: "{{path}} does not hold a plain number{{detail}}; ZooKeeper exits with \"serverid {{line}} is not a number\"; write only the id, digits and a newline",
    impact: "startup",
    severity: "error",
  },
  unreadableMyid: {
    text: "{{path}} cannot be read ({{reason}}); ZooKeeper runs as a user who must read it; fix its permissions",
    impact: "startup",
    severity: "error",
  },
  myidNotAFile: {
    text: "{{path}} is not a regular file; ZooKeeper cannot read the server id from it; replace it with a file holding this server's id",
    impact: "startup",
    severity: "error",
  },
  notInPeerList: {
    text: '{{path}} says {{id}}, but no server.{{id}} line is in this config; ZooKeeper exits with "My id {{id}} not in the peer list"; write one of {{ids}} or add server.{{id}}',
    impact: "startup",
    severity: "error",
  },
  duplicateMyid: {
    text: "{{path}} says {{id}}, as {{other}} of {{otherFile}} does; two servers with one id break the ensemble; give each server its own id",
    impact: "runtime",
    severity: "error",
  },
  sharedDataDir: {
    text: 'dataDir "{{dataDir}}" is also the dataDir of {{otherFile}} on this host; two servers writing one data directory corrupt each other\'s data; give each its own',
    impact: "runtime",
    severity: "error",
  },
  dataDirNotDirectory: {
    text: 'dataDir "{{dataDir}}" cannot be a directory: {{blockedAt}} is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataDir elsewhere',
    impact: "startup",
    severity: "error",
  },
  notSet: {
    text: 'dataDir is not set; ZooKeeper exits with "dataDir is not set"; add dataDir with an absolute path',
    impact: "startup",
    severity: "error",
  },
  relativeAssumed: {
    text: 'dataDir "{{dataDir}}" is relative: zkcfg checked {{path}}, assuming the server starts in {{workdir}}, where zkServer.sh is usually run from',
    impact: "maintenance",
    severity: "info",
  },
  elsewhere: {
    text: 'dataDir "{{dataDir}}" does not exist on this machine ({{path}}), so its myid and data were not checked; run zkcfg on the server, or with --root DIR on a copy of its files',
    impact: "maintenance",
    severity: "info",
  },
  myidOutsideLink: {
    text: "{{path}} is a symbolic link leading out of its data directory to a file not named myid; zkcfg does not read what it leads to; make myid a regular file holding this server's id, or a link to another myid",
    impact: "maintenance",
    severity: "warn",
  },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "myid-matches-datadir",
  meta: {
    description: "Each quorum server's dataDir holds a myid that ZooKeeper can read, that names one of its server lines, unique in the ensemble",
    fixable: true,
    messages,
  },
  *check(context) {
    const { workspace } = context;
    const claims = claimsByClientPort(workspace);
    const assigned = assignByFileOrder(workspace, claims);
    for (const file of workspace.files) yield* checkFile(file, context, claims, assigned);
    yield* checkShared(workspace);
  },
});

const idList = (file: ConfigFile): string => file.config.servers.map((s) => String(s.id)).join(", ");

function* checkFile(file: ConfigFile, context: RuleContext, claims: Map<ConfigFile, Claim>, assigned: Map<ConfigFile, bigint>): Generator<Report<Id>> {
  const { config, facts } = file;
  const dir = facts.dataDir;
  if (!dir) {
    yield { messageId: "notSet", file, range: { start: 0, end: 0 } };
    return;
  }
  const range = dir.entry.valueRange;
  const dataDir = dir.configured;
  if (dir.state === "elsewhere") {
    // Only a quorum server needs its myid; a standalone one is not worth a note.
    if (config.isQuorum) yield { messageId: "elsewhere", data: { dataDir, path: dir.path }, file, range };
    return;
  }
  if (dir.state === "not-a-directory") {
    yield { messageId: "dataDirNotDirectory", data: { dataDir, blockedAt: dir.blockedAt }, file, range };
    return;
  }
  if (dir.state !== "present" && dir.state !== "creatable") return;
  if (dir.relative && config.isQuorum) {
    yield { messageId: "relativeAssumed", data: { dataDir, path: dir.path, workdir: facts.workingDirectory }, file, range };
  }
  const quorum = config.isQuorum;
  const myid = dir.myid;
  const path = myid.path;
  if (myid.kind === "unreadable") {
    yield { messageId: "unreadableMyid", data: { path, reason: myid.reason }, file, range };
    return;
  }
  if (myid.kind === "not-a-file") {
    // ZooKeeper reads myid only when it is a regular file; anything else counts as absent.
    if (quorum) yield { messageId: "myidNotAFile", data: { path }, file, range };
    return;
  }
  if (myid.kind === "outside-link") {
    if (quorum) yield { messageId: "myidOutsideLink", data: { path }, file, range };
    return;
  }
  if (myid.kind === "absent") {
    if (!quorum) return;
    if (dir.store.hasData) {
      yield { messageId: "missingMyidWithData", data: { dataDir, path }, file, range };
      return;
    }
    const chosen = chooseId(file, context, claims, assigned);
    const holder = chosen.id === undefined ? undefined : myidHolding(context.workspace, file, chosen.id);
    // Writing an id another server's myid already holds would make two servers one.
    const choice = holder ? { reason: `${holder} already says ${chosen.id}` } : chosen;
    if (choice.id !== undefined) {
      yield {
        messageId: "missingMyidFixable",
        data: { dataDir, path, id: choice.id, reason: choice.reason },
        file,
        range,
        fix: { kind: "create", path, text: `${choice.id}\n`, root: facts.root },
      };
    } else {
      yield { messageId: "missingMyid", data: { dataDir, path, ids: idList(file), why: choice.reason, file: file.name }, file, range };
    }
    return;
  }
  const reading = myid.reading;
  // 3.4 reads myid only in quorum mode; later versions read it whenever it exists.
  if (!quorum && !atLeast(config.version, "3.5")) return;
  if (reading.kind === "invalid") {
    const line = reading.firstLine;
    const detail =
      line === null ? " (it is empty)"
      : line.startsWith("\uFEFF") ? " (it starts with a byte order mark)"
      : /\s$/.test(line) ? " (trailing blank)"
      : "";
    // The file may hold anything (a token, a key): the message quotes only a short excerpt.
    yield { messageId: "unparsableMyid", data: { path, line: line === null ? "null" : excerpt(line), detail }, file, range };
    return;
  }
  if (!quorum) return;
  if (reading.kind === "unset") {
    yield { messageId: "unsetMyid", data: { path, ids: idList(file) }, file, range };
    return;
  }
  if (!config.server(reading.id)) {
    yield { messageId: "notInPeerList", data: { path, id: reading.id, ids: idList(file) }, file, range };
    return;
  }
  const ensemble = context.workspace.ensembleOf(file);
  for (const other of ensemble.files) {
    if (other === file) continue;
    const od = other.facts.dataDir;
    if (!od || (od.state !== "present" && od.state !== "creatable") || od.myid.kind !== "present") continue;
    const r = od.myid.reading;
    // The ids first: comparing paths costs more, and ids rarely match.
    if (r.kind === "valid" && r.id === reading.id && !samePath(od.path, dir.path)) {
      yield { messageId: "duplicateMyid", data: { path, id: reading.id, other: od.myid.path, otherFile: other.name }, file, range };
      break;
    }
  }
}

/** The myid of another config of the ensemble that already holds `id`, if one does. */
function myidHolding(ws: Workspace, file: ConfigFile, id: bigint): string | undefined {
  for (const other of ws.ensembleOf(file).files) {
    const d = other.facts.dataDir;
    if (other === file || !d || (d.state !== "present" && d.state !== "creatable") || d.myid.kind !== "present") continue;
    if (d.myid.reading.kind === "valid" && d.myid.reading.id === id) return d.myid.path;
  }
  return undefined;
}

interface Choice {
  id?: bigint;
  reason: string;
}

/** The id to write when it is certain (DESIGN.md, "Fixes"); otherwise why it is not. */
function chooseId(file: ConfigFile, context: RuleContext, claims: Map<ConfigFile, Claim>, assigned: Map<ConfigFile, bigint>): Choice {
  const { config } = file;
  const dir = file.facts.dataDir;
  const sharer = context.workspace.files.find((f) => {
    const d = f.facts.dataDir;
    return f !== file && d && dir && "path" in d && "path" in dir && samePath(d.path, dir.path);
  });
  // One myid cannot name two servers (sharedDataDir says so too): no id is right.
  if (sharer) return { reason: `${sharer.name} has this dataDir too` };
  const claim = claims.get(file);
  if (claim?.alone) return { id: claim.id, reason: `server.${claim.id} carries clientPort ${claim.port}` };
  const reported = context.workspace.files.filter((f) => !f.context);
  if (context.myid !== undefined && reported.length === 1 && reported[0] === file) {
    return config.server(context.myid)
      ? { id: context.myid, reason: "given with --myid" }
      : { reason: `--myid ${context.myid} names no server line of this config` };
  }
  const named = serversNamingHost(config, context.hostname);
  if (named.length === 1 && named[0]) {
    // Another config of this ensemble here names this host through the same line: which one is it?
    const other = context.workspace.ensembleOf(file).files.find((f) => f !== file);
    if (!other) return { id: named[0].id, reason: `server.${named[0].id} names this host` };
    return { reason: `server.${named[0].id} names this host, but ${other.name} is a config of this ensemble here too` };
  }
  const byOrder = assigned.get(file);
  if (byOrder !== undefined) {
    return { id: byOrder, reason: "one host, no myid yet: ids follow file-name order" };
  }
  if (claim) return { reason: `server.${claim.id} carries clientPort ${claim.port}, but another config has that clientPort too` };
  const hosts = new Set(config.servers.map((s) => hostKey(s.addresses[0]?.host.value ?? "")));
  const present = context.workspace.ensembleOf(file).files.length;
  if (hosts.size === 1 && present < config.servers.length) {
    return { reason: `only ${present} of the ensemble's ${config.servers.length} configs are here, and the others may hold any id` };
  }
  return {
    reason: hosts.size === 1
      ? "no server line carries its clientPort, and not every config of this host has its own new, empty dataDir"
      : "no server line carries its clientPort and the servers are on several hosts",
  };
}

interface Claim {
  id: bigint;
  port: number;
  /** No other config of the ensemble claims this line. */
  alone: boolean;
}

/** The one server line whose client part has this port; undefined when none or several do. */
function onlyLineWithClientPort(servers: readonly ServerSpec[], port: number): ServerSpec | undefined {
  let found: ServerSpec | undefined;
  for (const s of servers) {
    if (s.clientPort?.value !== port) continue;
    if (found) return undefined;
    found = s;
  }
  return found;
}

/** The server line (3.5+ `;clientPort`) that carries a config's clientPort, when exactly one does. */
function claimsByClientPort(ws: Workspace): Map<ConfigFile, Claim> {
  const out = new Map<ConfigFile, Claim>();
  for (const ensemble of ws.ensembles) {
    const count = new Map<bigint, number>();
    for (const file of ensemble.files) {
      const clientPort = file.config.int("clientPort");
      if (clientPort.kind !== "valid") continue;
      const line = onlyLineWithClientPort(file.config.servers, clientPort.value);
      if (!line) continue;
      out.set(file, { id: line.id, port: clientPort.value, alone: true });
      count.set(line.id, (count.get(line.id) ?? 0) + 1);
    }
    for (const file of ensemble.files) {
      const claim = out.get(file);
      if (claim && (count.get(claim.id) ?? 0) > 1) claim.alone = false;
    }
  }
  return out;
}

/**
 * A single-host ensemble whose data dirs are all still empty: any one-to-one assignment of
 * ids works, so the ids no clientPort claims go to the other configs in file-name order.
 */
function assignByFileOrder(ws: Workspace, claims: Map<ConfigFile, Claim>): Map<ConfigFile, bigint> {
  const out = new Map<ConfigFile, bigint>();
  for (const ensemble of ws.ensembles) {
    const files = ensemble.files;
    // Only with one config per server line is every id accounted for: a missing config may hold any of them.
    if (ensemble.servers.length < 2 || files.length !== ensemble.servers.length) continue;
    // Checked before the rest, which costs more: ensembles on several hosts are the usual case.
    if (!onOneHost(ensemble.servers)) continue;
    const open = files.filter((f) => !claims.get(f)?.alone);
    const taken = new Set<bigint>();
    for (const f of files) {
      const claim = claims.get(f);
      if (claim?.alone) taken.add(claim.id);
    }
    const pool = ensemble.servers.filter((s) => !taken.has(s.id));
    if (open.length !== pool.length) continue;
    // A config with its own clientPort conflicts with a line carrying another one: only its own line fits.
    if (ensemble.servers.some((s) => s.clientPort) && open.some((f) => f.config.int("clientPort").kind !== "absent")) continue;
    const dirs = new Set<string>();
    const empty = files.every((f) => {
      const d = f.facts.dataDir;
      if (!d || (d.state !== "present" && d.state !== "creatable")) return false;
      if (d.myid.kind !== "absent" || d.store.hasData || dirs.has(pathKey(d.path))) return false;
      dirs.add(pathKey(d.path));
      return true;
    });
    if (!empty) continue;
    const sorted = [...open].sort((a, b) => compareStrings(a.path, b.path));
    sorted.forEach((f, i) => out.set(f, (pool[i] as { id: bigint }).id));
  }
  return out;
}

/** True when every server line's first address names one host. */
function onOneHost(servers: readonly ServerSpec[]): boolean {
  const host = hostKey(servers[0]?.addresses[0]?.host.value ?? "");
  for (let i = 1; i < servers.length; i++) if (hostKey(servers[i]?.addresses[0]?.host.value ?? "") !== host) return false;
  return true;
}

/** No two configs on one host may share a dataDir: a pure config fact, checked even off the host. */
function* checkShared(ws: Workspace): Generator<Report<Id>> {
  for (const host of ws.hosts) {
    // A config alone on its host shares its dataDir with no one.
    if (host.files.length < 2) continue;
    const seen = new Map<string, ConfigFile>();
    for (const file of host.files) {
      const dir = file.facts.dataDir;
      if (!dir) continue;
      const key = pathKey(dir.configured);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, file);
        continue;
      }
      yield { messageId: "sharedDataDir", data: { dataDir: dir.configured, otherFile: first.name }, file, range: dir.entry.valueRange };
      yield { messageId: "sharedDataDir", data: { dataDir: first.facts.dataDir?.configured ?? dir.configured, otherFile: file.name }, file: first, range: first.facts.dataDir?.entry.valueRange ?? { start: 0, end: 0 } };
    }
  }
}

/** A "." or ".." segment, which normalizing resolves. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** One key for the spellings of one directory: "/a//b/", "/a/./b" and "/a/b". */
function pathKey(path: string): string {
  // Most paths are spelled plainly already: nothing to collapse, resolve or strip.
  if (path !== "" && !path.includes("//") && !path.endsWith("/") && !DOT_SEGMENT.test(path)) return path;
  const normal = posix.normalize(path);
  return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
}

function samePath(a: string, b: string): boolean {
  return pathKey(a) === pathKey(b);
}

import { posix } from "node:path";
import type { ConfigFile } from "../src/model/config-file.js";
import { compareStrings } from "../src/model/order.js";
import type { Workspace } from "../src/model/ensemble.js";
import { onSeveralHosts } from "../src/model/hosts.js";
import type { Identity } from "../src/model/identity.js";
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
  missingMyidRelative: {
    text: 'dataDir "{{dataDir}}" is relative and has no myid at {{path}}; ZooKeeper exits with "myid file is missing"; zkcfg fix does not write it: ZooKeeper resolves a relative dataDir from the directory the server is started in, which zkcfg cannot know; make dataDir absolute, or write the id there yourself',
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
  duplicateMyidOneHost: {
    text: "{{path}} says {{id}}, as {{other}} of {{otherFile}} on this host does; both run as server.{{id}} and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id",
    impact: "startup",
    severity: "error",
  },
  sharedDataDir: {
    text: 'dataDir "{{dataDir}}" is also the dataDir of {{otherFile}} on this host; both read one myid and run as one server, so whichever starts second cannot bind that server\'s election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other\'s data; give each its own',
    impact: "startup",
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
    text: 'dataDir "{{dataDir}}" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
    impact: "maintenance",
    severity: "info",
  },
  elsewhereOneHost: {
    text: 'dataDir "{{dataDir}}" is not checked here: every server line is on loopback, so these configs run on one machine, but nothing says it is this one, so its myid and data were not read; on that machine run zkcfg with --root /, or name it in the settings\' "hosts"',
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
    const assigned = assignByFileOrder(workspace);
    for (const file of workspace.files) yield* checkFile(file, context, assigned);
    yield* checkShared(workspace);
  },
});

const idList = (file: ConfigFile): string => file.config.servers.map((s) => String(s.id)).join(", ");

function* checkFile(file: ConfigFile, context: RuleContext, assigned: Map<ConfigFile, bigint>): Generator<Report<Id>> {
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
    if (config.isQuorum) yield { messageId: onSeveralHosts(config.servers) ? "elsewhere" : "elsewhereOneHost", data: { dataDir }, file, range };
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
    if (dir.relative) {
      yield { messageId: "missingMyidRelative", data: { dataDir, path }, file, range };
      return;
    }
    const chosen = chooseId(file, context, assigned);
    const holder = chosen.id === undefined ? undefined : myidHolding(context.workspace, file, chosen.id);
    // Writing an id another server's myid already holds would make two servers one.
    const choice = holder ? { reason: `${holder} already says ${chosen.id}` } : chosen;
    if (choice.id !== undefined) {
      yield {
        messageId: "missingMyidFixable",
        data: { dataDir, path, id: choice.id, reason: choice.reason },
        file,
        range,
        fix: { kind: "create", path, text: `${choice.id}\n`, root: facts.root, ...(dir.state === "creatable" ? { missingDirectory: dir.path } : {}) },
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
      const host = context.workspace.hostOf(file);
      const oneHost = host.known && host === context.workspace.hostOf(other);
      yield { messageId: oneHost ? "duplicateMyidOneHost" : "duplicateMyid", data: { path, id: reading.id, other: od.myid.path, otherFile: other.name }, file, range };
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

/** Why an identity makes the id certain, in words. */
function because(identity: Identity): string {
  const { server, evidence } = identity;
  switch (evidence) {
    case "client-port":
      return `server.${server.id} carries clientPort ${server.clientPort?.value ?? ""}`;
    case "wildcard":
      return `server.${server.id} is written as 0.0.0.0, as a server writes its own line`;
    case "host-name":
      return `server.${server.id} names this host`;
    default:
      return "given with --myid";
  }
}

/** The other config of the ensemble that the model places on the same server line without a myid, if any (a myid holding it is myidHolding's). */
function rival(ws: Workspace, file: ConfigFile, id: bigint): ConfigFile | undefined {
  return ws.ensembleOf(file).files.find((f) => {
    const other = f === file ? undefined : ws.identity(f);
    return other !== undefined && other.evidence !== "myid" && other.server.id === id;
  });
}

/** The id to write when it is certain (DESIGN.md, "Fixes"); otherwise why it is not. */
function chooseId(file: ConfigFile, context: RuleContext, assigned: Map<ConfigFile, bigint>): Choice {
  const { config } = file;
  const ws = context.workspace;
  const dir = file.facts.dataDir;
  const sharer = ws.files.find((f) => {
    const d = f.facts.dataDir;
    return f !== file && d && dir && "path" in d && "path" in dir && samePath(d.path, dir.path);
  });
  // One myid cannot name two servers (sharedDataDir says so too): no id is right.
  if (sharer) return { reason: `${sharer.name} has this dataDir too` };
  const identity = ws.identity(file);
  if (identity) {
    const other = rival(ws, file, identity.server.id);
    if (!other) return { id: identity.server.id, reason: because(identity) };
    return { reason: `${because(identity)}, but ${other.name} is placed on server.${identity.server.id} too` };
  }
  if (context.myid !== undefined && ws.files.filter((f) => !f.context).length === 1) {
    return { reason: `--myid ${context.myid} names no server line of this config` };
  }
  const byOrder = assigned.get(file);
  if (byOrder !== undefined) {
    return { id: byOrder, reason: "one host, no myid yet: ids follow file-name order" };
  }
  const severalHosts = onSeveralHosts(config.servers);
  const present = ws.ensembleOf(file).files.length;
  if (!severalHosts && present < config.servers.length) {
    return { reason: `only ${present} of the ensemble's ${config.servers.length} configs are here, and the others may hold any id` };
  }
  return {
    reason: severalHosts
      ? "no server line carries its clientPort and the servers are on several hosts"
      : "no server line carries its clientPort, and not every config of this host has its own new, empty dataDir",
  };
}

/** A config whose server line the model tells, with no other config of its ensemble on that line. */
function certainLine(ws: Workspace, file: ConfigFile): bigint | undefined {
  const own = ws.ownServer(file);
  return own && !rival(ws, file, own.id) ? own.id : undefined;
}

/**
 * A single-host ensemble whose data dirs are all still empty: any one-to-one assignment of
 * ids works, so the ids no config is placed on go to the other configs in file-name order.
 */
function assignByFileOrder(ws: Workspace): Map<ConfigFile, bigint> {
  const out = new Map<ConfigFile, bigint>();
  for (const ensemble of ws.ensembles) {
    const files = ensemble.files;
    // Only with one config per server line is every id accounted for: a missing config may hold any of them.
    if (ensemble.servers.length < 2 || files.length !== ensemble.servers.length) continue;
    // Checked before the rest, which costs more: ensembles on several hosts are the usual case.
    if (onSeveralHosts(ensemble.servers)) continue;
    const taken = new Set<bigint>();
    const open: ConfigFile[] = [];
    for (const f of files) {
      const id = certainLine(ws, f);
      if (id === undefined) open.push(f);
      else taken.add(id);
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

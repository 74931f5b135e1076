import type { ConfigFile } from "../src/model/config-file.js";
import { hostKey, type Workspace } from "../src/model/ensemble.js";
import { atLeast } from "../src/model/version.js";
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
    text: 'dataDir "{{dataDir}}" is not a directory ({{path}}); ZooKeeper cannot create its data there and exits; remove it or point dataDir elsewhere',
    impact: "startup",
    severity: "error",
  },
  notSet: {
    text: 'dataDir is not set; ZooKeeper exits with "dataDir is not set"; add dataDir with an absolute path',
    impact: "startup",
    severity: "error",
  },
  elsewhere: {
    text: 'dataDir "{{dataDir}}" does not exist on this machine ({{path}}), so its myid and data were not checked; run zkcfg on the server, or with --root DIR on a copy of its files',
    impact: "maintenance",
    severity: "info",
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
    yield { messageId: "elsewhere", data: { dataDir, path: dir.path }, file, range };
    return;
  }
  if (dir.state === "not-a-directory") {
    yield { messageId: "dataDirNotDirectory", data: { dataDir, path: dir.path }, file, range };
    return;
  }
  if (dir.state !== "present" && dir.state !== "creatable") return;
  const quorum = config.isQuorum;
  const myid = dir.myid;
  const path = myid.path;
  if (myid.kind === "not-a-file") {
    yield { messageId: "myidNotAFile", data: { path }, file, range };
    return;
  }
  if (myid.kind === "absent") {
    if (!quorum) return;
    if (dir.hasData) {
      yield { messageId: "missingMyidWithData", data: { dataDir, path }, file, range };
      return;
    }
    const choice = chooseId(file, context, assigned);
    if (choice.id !== undefined) {
      yield {
        messageId: "missingMyidFixable",
        data: { dataDir, path, id: choice.id, reason: choice.reason },
        file,
        range,
        fix: { kind: "create", path, text: `${choice.id}\n` },
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
    yield { messageId: "unparsableMyid", data: { path, line: line ?? "null", detail }, file, range };
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
    if (od.path === dir.path) continue;
    const r = od.myid.reading;
    if (r.kind === "valid" && r.id === reading.id) {
      yield { messageId: "duplicateMyid", data: { path, id: reading.id, other: od.myid.path, otherFile: other.name }, file, range };
      break;
    }
  }
}

interface Choice {
  id?: bigint;
  reason: string;
}

/** The id to write when it is certain (DESIGN.md, "Fixes"); otherwise why it is not. */
function chooseId(file: ConfigFile, context: RuleContext, assigned: Map<ConfigFile, bigint>): Choice {
  const { config } = file;
  const clientPort = config.int("clientPort");
  if (clientPort.kind === "valid") {
    const lines = config.servers.filter((s) => s.clientPort?.value === clientPort.value);
    if (lines.length === 1 && lines[0]) {
      return { id: lines[0].id, reason: `server.${lines[0].id} carries clientPort ${clientPort.value}` };
    }
  }
  const reported = context.workspace.files.filter((f) => !f.context);
  if (context.myid !== undefined && reported.length === 1 && reported[0] === file) {
    return config.server(context.myid)
      ? { id: context.myid, reason: "given with --myid" }
      : { reason: `--myid ${context.myid} names no server line of this config` };
  }
  const host = context.hostname.toLowerCase();
  const short = host.split(".")[0];
  const named = config.servers.filter((s) => {
    const h = s.addresses[0]?.host.value.toLowerCase();
    return h !== undefined && hostKey(h) !== "loopback" && (h === host || h === short);
  });
  if (named.length === 1 && named[0]) return { id: named[0].id, reason: `server.${named[0].id} names this host` };
  const byOrder = assigned.get(file);
  if (byOrder !== undefined) {
    return { id: byOrder, reason: "one host, no myid yet: ids follow file-name order" };
  }
  return { reason: "no server line carries its clientPort and the servers are on several hosts" };
}

/**
 * A single-host ensemble whose data dirs are all still empty: any one-to-one assignment of
 * ids works, so ids go to the configs in file-name order.
 */
function assignByFileOrder(ws: Workspace): Map<ConfigFile, bigint> {
  const out = new Map<ConfigFile, bigint>();
  for (const ensemble of ws.ensembles) {
    const files = ensemble.files;
    if (ensemble.servers.length < 2 || files.length > ensemble.servers.length) continue;
    const hosts = new Set(ensemble.servers.map((s) => hostKey(s.addresses[0]?.host.value ?? "")));
    if (hosts.size !== 1) continue;
    const dirs = new Set<string>();
    const empty = files.every((f) => {
      const d = f.facts.dataDir;
      if (!d || (d.state !== "present" && d.state !== "creatable")) return false;
      if (d.myid.kind !== "absent" || d.hasData || dirs.has(d.path)) return false;
      dirs.add(d.path);
      return true;
    });
    if (!empty) continue;
    const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
    sorted.forEach((f, i) => out.set(f, (ensemble.servers[i] as { id: bigint }).id));
  }
  return out;
}

/** No two configs on one host may share a dataDir: a pure config fact, checked even off the host. */
function* checkShared(ws: Workspace): Generator<Report<Id>> {
  for (const host of ws.hosts) {
    const seen = new Map<string, ConfigFile>();
    for (const file of host.files) {
      const dir = file.facts.dataDir;
      if (!dir) continue;
      const first = seen.get(dir.configured);
      if (!first) {
        seen.set(dir.configured, file);
        continue;
      }
      yield { messageId: "sharedDataDir", data: { dataDir: dir.configured, otherFile: first.name }, file, range: dir.entry.valueRange };
      yield { messageId: "sharedDataDir", data: { dataDir: dir.configured, otherFile: file.name }, file: first, range: first.facts.dataDir?.entry.valueRange ?? { start: 0, end: 0 } };
    }
  }
}

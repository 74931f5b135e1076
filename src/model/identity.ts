import type { ConfigFile } from "./config-file.js";
import { isWildcardLine, serversNamingHost } from "./hosts.js";
import type { ServerSpec } from "./server-spec.js";
import { atLeast } from "./version.js";

/**
 * What tells which server line is a config's own, strongest first:
 * - myid: the myid file in its dataDir names the line;
 * - option: `zkcfg fix --myid N` for the one config named;
 * - client-port: (3.5+) the only line whose `;port` is the config's clientPort;
 * - wildcard: the only line written as `0.0.0.0`, the address a server binds on its own line;
 * - host-name: the only line naming the machine (this host, when a line names it; the settings' `hosts`).
 */
export type IdentityEvidence = "myid" | "option" | "client-port" | "wildcard" | "host-name";

export interface Identity {
  server: ServerSpec;
  evidence: IdentityEvidence;
}

export interface IdentityHints {
  hostname: string;
  /** The machine the settings' `hosts` name for the config. */
  machine?: string;
  /** --myid, for the one config named. */
  myid?: bigint;
}

/** The one server line that `pick` accepts, or undefined when none or several do. */
function only(servers: readonly ServerSpec[], pick: (s: ServerSpec) => boolean): ServerSpec | undefined {
  let found: ServerSpec | undefined;
  for (const s of servers) {
    if (!pick(s)) continue;
    if (found) return undefined;
    found = s;
  }
  return found;
}

/** The line carrying the config's clientPort (3.5+ `;port`), when exactly one does. */
export function clientPortLine(file: ConfigFile): ServerSpec | undefined {
  const clientPort = file.config.int("clientPort");
  if (clientPort.kind !== "valid") return undefined;
  return only(file.config.servers, (s) => s.clientPort?.value === clientPort.value);
}

/** The id the myid in the config's dataDir gives, when there is one ZooKeeper can read. */
export function fileMyid(file: ConfigFile): bigint | undefined {
  const dir = file.facts.dataDir;
  if (!dir || (dir.state !== "present" && dir.state !== "creatable") || dir.myid.kind !== "present") return undefined;
  return dir.myid.reading.kind === "valid" ? dir.myid.reading.id : undefined;
}

/** Which server line a config runs as, with the evidence; undefined when nothing tells. */
export function findIdentity(file: ConfigFile, hints: IdentityHints): Identity | undefined {
  const { config } = file;
  const myid = fileMyid(file);
  if (myid !== undefined) {
    const server = config.server(myid);
    if (server) return { server, evidence: "myid" };
  }
  if (hints.myid !== undefined) {
    const server = config.server(hints.myid);
    if (server) return { server, evidence: "option" };
  }
  if (atLeast(config.version, "3.5")) {
    const server = clientPortLine(file);
    if (server) return { server, evidence: "client-port" };
  }
  const wildcard = only(config.servers, isWildcardLine);
  if (wildcard) return { server: wildcard, evidence: "wildcard" };
  for (const name of [hints.machine, hints.hostname]) {
    if (name === undefined) continue;
    const named = serversNamingHost(config, name);
    if (named.length === 1 && named[0]) return { server: named[0], evidence: "host-name" };
  }
  return undefined;
}

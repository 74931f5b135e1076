import { dirname } from "node:path";
import type { ConfigFile } from "./config-file.js";
import type { ServerSpec } from "./server-spec.js";
import type { ZooConfig } from "./config.js";

/** Names that always mean "this machine": servers on them share one host. */
const LOOPBACK = /^(localhost|localhost\.localdomain|ip6-localhost|127(\.\d{1,3}){3}|::1|0:0:0:0:0:0:0:1)$/i;

export function hostKey(host: string): string {
  const h = host.trim().toLowerCase();
  return LOOPBACK.test(h) ? "loopback" : h;
}

/** The address a socket binds: loopback names collapse to 127.0.0.1, the wildcard stays apart. */
export function bindAddress(host: string | undefined): string {
  if (host === undefined || host === "" || host === "0.0.0.0" || host === "::" || host === "0:0:0:0:0:0:0:0") return "*";
  const h = host.trim().toLowerCase();
  if (h === "localhost" || h === "localhost.localdomain") return "127.0.0.1";
  if (h === "::1" || h === "0:0:0:0:0:0:0:1" || h === "ip6-localhost") return "::1";
  return h;
}

/** The server lines that name this machine by its host name (full or short, any case); loopback names never do. */
export function serversNamingHost(config: ZooConfig, hostname: string): ServerSpec[] {
  const full = hostname.toLowerCase();
  const short = full.split(".")[0];
  return config.servers.filter((s) => {
    const h = s.addresses[0]?.host.value.toLowerCase();
    if (h === undefined || hostKey(h) === "loopback") return false;
    // A short host name (no domain) matches the first label of a fully qualified server name.
    return h === full || h === short || (!full.includes(".") && h.split(".")[0] === full);
  });
}

/** Files whose server lists name the same members (ids, addresses, roles) form one ensemble. */
export interface Ensemble {
  key: string;
  files: ConfigFile[];
  /** The server lines, from the first file (all files of the ensemble agree on them). */
  servers: ServerSpec[];
}

export interface Host {
  key: string;
  files: ConfigFile[];
}

export interface Workspace {
  files: ConfigFile[];
  ensembles: Ensemble[];
  hosts: Host[];
  ensembleOf(file: ConfigFile): Ensemble;
  /** The server line this config runs as, when zkcfg can tell. */
  ownServer(file: ConfigFile): ServerSpec | undefined;
  hostOf(file: ConfigFile): Host;
}

function memberKey(s: ServerSpec): string {
  const addresses = s.addresses.map((a) => `${hostKey(a.host.value)}:${a.quorumPort.value}:${a.electionPort.value}`);
  return `${s.id}=${addresses.join("|")}:${s.role}`;
}

/** Which server line a config is for: its myid, else the line carrying its client port. */
function findOwnServer(file: ConfigFile): ServerSpec | undefined {
  const { config, facts } = file;
  const dir = facts.dataDir;
  if (dir && (dir.state === "present" || dir.state === "creatable") && dir.myid.kind === "present") {
    const reading = dir.myid.reading;
    if (reading.kind === "valid") return config.server(reading.id);
  }
  const clientPort = config.int("clientPort");
  if (clientPort.kind === "valid") {
    const matches = config.servers.filter((s) => s.clientPort?.value === clientPort.value);
    if (matches.length === 1) return matches[0];
  }
  return undefined;
}

/** Groups by hashing a signature per file, so the work grows with the number of files. */
export function groupWorkspace(files: ConfigFile[]): Workspace {
  const ensembles = new Map<string, Ensemble>();
  const ensembleOf = new Map<ConfigFile, Ensemble>();
  const own = new Map<ConfigFile, ServerSpec | undefined>();
  const hosts = new Map<string, Host>();
  const hostOf = new Map<ConfigFile, Host>();
  for (const file of files) {
    const servers = file.config.servers;
    const key = servers.length > 0 ? servers.map(memberKey).join(",") : `standalone:${file.path}`;
    let ensemble = ensembles.get(key);
    if (!ensemble) {
      ensemble = { key, files: [], servers };
      ensembles.set(key, ensemble);
    }
    ensemble.files.push(file);
    ensembleOf.set(file, ensemble);

    const mine = findOwnServer(file);
    own.set(file, mine);
    let hostName: string | undefined;
    if (mine?.addresses[0]) hostName = hostKey(mine.addresses[0].host.value);
    else {
      const names = new Set(servers.flatMap((s) => s.addresses.map((a) => hostKey(a.host.value))));
      if (names.size === 1) hostName = [...names][0];
    }
    // Standalone configs side by side in one directory are taken to run on one machine; any
    // other config whose host cannot be told stands alone: no cross-file port checks for it.
    const hk = hostName ?? (servers.length === 0 ? `dir:${dirname(file.path)}` : `unknown:${file.path}`);
    let host = hosts.get(hk);
    if (!host) {
      host = { key: hk, files: [] };
      hosts.set(hk, host);
    }
    host.files.push(file);
    hostOf.set(file, host);
  }
  return {
    files,
    ensembles: [...ensembles.values()],
    hosts: [...hosts.values()],
    ensembleOf: (f) => ensembleOf.get(f) as Ensemble,
    ownServer: (f) => own.get(f),
    hostOf: (f) => hostOf.get(f) as Host,
  };
}

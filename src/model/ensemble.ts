import { dirname } from "node:path";
import type { ConfigFile } from "./config-file.js";
import type { ServerAddress, ServerSpec } from "./server-spec.js";
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

/**
 * Configs whose server lists overlap, as the configs of one ensemble do even when they disagree:
 * they name one quorum or election address (host and port), one server id on one named host, or
 * belong to one ensemble. A family is at least as large as each of its files' ensembles.
 */
export interface Family {
  files: ConfigFile[];
}

export interface Workspace {
  files: ConfigFile[];
  ensembles: Ensemble[];
  hosts: Host[];
  ensembleOf(file: ConfigFile): Ensemble;
  families: Family[];
  familyOf(file: ConfigFile): Family;
  /** The server line this config runs as, when zkcfg can tell. */
  ownServer(file: ConfigFile): ServerSpec | undefined;
  hostOf(file: ConfigFile): Host;
}

function memberKey(s: ServerSpec): string {
  // Built in one string rather than mapped and joined: one per server line of every file.
  let addresses = "";
  for (let i = 0; i < s.addresses.length; i++) {
    const a = s.addresses[i] as ServerAddress;
    addresses += `${i === 0 ? "" : "|"}${hostKey(a.host.value)}:${a.quorumPort.value}:${a.electionPort.value}`;
  }
  return `${s.id}=${addresses}:${s.role}`;
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

/**
 * Groups by hashing a signature per file, so the work grows with the number of files.
 * `ensembleNames` (config path → name, from the settings' `ensembles`) groups the files it names
 * by that name instead, for when their server lists cannot tell.
 */
export function groupWorkspace(files: ConfigFile[], ensembleNames?: ReadonlyMap<string, string>): Workspace {
  const ensembles = new Map<string, Ensemble>();
  const ensembleOf = new Map<ConfigFile, Ensemble>();
  const own = new Map<ConfigFile, ServerSpec | undefined>();
  const hosts = new Map<string, Host>();
  const hostOf = new Map<ConfigFile, Host>();
  for (const file of files) {
    const servers = file.config.servers;
    const named = ensembleNames?.get(file.path);
    const key = named !== undefined ? `named:${named}` : servers.length > 0 ? servers.map(memberKey).join(",") : `standalone:${file.path}`;
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
  const familyOf = groupFamilies(files, (f) => ensembleOf.get(f) as Ensemble);
  return {
    files,
    ensembles: [...ensembles.values()],
    hosts: [...hosts.values()],
    ensembleOf: (f) => ensembleOf.get(f) as Ensemble,
    families: [...new Set(familyOf.values())],
    familyOf: (f) => familyOf.get(f) as Family,
    ownServer: (f) => own.get(f),
    hostOf: (f) => hostOf.get(f) as Host,
  };
}

/** A port's key among a host's keys: quorum ports as they are, election ports above every port. */
const ELECTION = 65536;

/**
 * Links files that share a key (union-find over hashed keys), so the work grows with the number
 * of server lines, never with pairs of files. The keys of a host sit in one map of their own
 * (ports as numbers, member ids as bigints), so no key string is built per address.
 */
function groupFamilies(files: ConfigFile[], ensembleOf: (file: ConfigFile) => Ensemble): Map<ConfigFile, Family> {
  const parent = files.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  const link = <K>(owner: Map<K, number>, key: K, i: number): void => {
    const first = owner.get(key);
    if (first === undefined) owner.set(key, i);
    else parent[root(i)] = root(first);
  };
  const byEnsemble = new Map<Ensemble, number>();
  const byHost = new Map<string, Map<number | bigint, number>>();
  files.forEach((file, i) => {
    link(byEnsemble, ensembleOf(file), i);
    for (const spec of file.config.servers) {
      for (const a of spec.addresses) {
        // A wildcard (a server's own line bound to 0.0.0.0) names no machine.
        if (bindAddress(a.host.value) === "*") continue;
        const host = hostKey(a.host.value);
        let keys = byHost.get(host);
        if (!keys) byHost.set(host, (keys = new Map()));
        // By role: one cluster's election port that is another's quorum port is a clash, not a shared server.
        link(keys, a.quorumPort.value, i);
        link(keys, ELECTION + a.electionPort.value, i);
        // Loopback ids repeat in every pseudo-cluster on a machine; a named host's do not.
        if (host !== "loopback") link(keys, spec.id, i);
      }
    }
  });
  const families = new Map<number, Family>();
  const out = new Map<ConfigFile, Family>();
  files.forEach((file, i) => {
    const r = root(i);
    let family = families.get(r);
    if (!family) {
      family = { files: [] };
      families.set(r, family);
    }
    family.files.push(file);
    out.set(file, family);
  });
  return out;
}

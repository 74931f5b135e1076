import { basename, dirname } from "node:path";
import type { ConfigFile } from "./config-file.js";
import type { ServerSpec } from "./server-spec.js";
import { groupFamilies, type Family } from "./family.js";
import { hostKey, isWildcardLine, lineHost, onLoopbackOnly, onSeveralHosts } from "./hosts.js";
import { findIdentity, type Identity } from "./identity.js";
import { memberKey } from "./member-signature.js";

/** Files whose server lists name the same members (ids, addresses, roles) form one ensemble. */
export interface Ensemble {
  key: string;
  files: ConfigFile[];
  /** The server lines, from the first file (all files of the ensemble agree on them). */
  servers: ServerSpec[];
}

/**
 * What places a config on its machine, strongest first (README, "Where each config runs"):
 * - settings: the settings' `hosts` name its machine;
 * - root: its root is its machine's file system (one root, one machine);
 * - this-machine: a server line names the host zkcfg runs on;
 * - own-line: its own server line (see Identity) names a machine, or is the only one on loopback;
 * - loopback: every server line is on loopback: one machine, which need not be this one;
 * - one-named-host: every server line names one machine;
 * - folder: a standalone config, placed with the standalone configs of its folder;
 * - none: nothing tells: it shares its host with no other config.
 */
export type HostEvidence = "settings" | "root" | "this-machine" | "own-line" | "loopback" | "one-named-host" | "folder" | "none";

export interface Host {
  key: string;
  files: ConfigFile[];
  evidence: HostEvidence;
  /** False when nothing places the config: then no other config shares its host. */
  known: boolean;
}

export interface Workspace {
  files: ConfigFile[];
  ensembles: Ensemble[];
  hosts: Host[];
  ensembleOf(file: ConfigFile): Ensemble;
  families: Family[];
  familyOf(file: ConfigFile): Family;
  /** The server line this config runs as, and what tells it, when zkcfg can tell. */
  identity(file: ConfigFile): Identity | undefined;
  /** The server line this config runs as, when zkcfg can tell. */
  ownServer(file: ConfigFile): ServerSpec | undefined;
  hostOf(file: ConfigFile): Host;
  /** Whether a server line of this config is on the config's own machine (its sockets open there). */
  isLocal(file: ConfigFile, spec: ServerSpec): boolean;
  /** The folder a config is grouped in: configs of different sites never share an ensemble or a host found from their lines. */
  siteOf(file: ConfigFile): string;
}

export interface GroupOptions {
  /** Config path → ensemble key, from the settings' `ensembles`: groups the files it names, whatever their lines say. */
  ensembleNames?: ReadonlyMap<string, string>;
  /** This machine's host name. */
  hostname: string;
  /** --myid, for the one config named. */
  myid?: bigint;
}

/**
 * The folder that bounds a config's groups: its own folder (a conf/ folder stands for its parent),
 * or its root, which is one machine's file system. A config at the top of its root (one
 * container's or machine's files) whose servers are on several machines is grouped in the folder
 * holding that root, with the other machines beside it.
 */
export function siteOf(file: ConfigFile): string {
  let dir = dirname(file.path);
  if (basename(dir) === "conf") dir = dirname(dir);
  if (file.root === undefined) return dir;
  return dir === file.root && onSeveralHosts(file.config.servers) ? dirname(dir) : file.root;
}

/** The name of a config's machine, when the settings or its root's /etc/hostname tell it. */
function machineName(file: ConfigFile): string | undefined {
  return file.machine ?? file.facts.machineNames?.hostname;
}

/** The names under which a config's own machine appears in its server lines. */
function localNames(file: ConfigFile, own: ServerSpec | undefined, hostname: string): Set<string> {
  const names = new Set(["loopback", "*"]);
  if (own) names.add(lineHost(own));
  const name = machineName(file);
  if (name !== undefined) names.add(hostKey(name));
  if (file.facts.reads?.kind === "server-line") names.add(hostKey(hostname));
  return names;
}

/** Where a config runs: its host's key and the evidence for it. */
function placeHost(file: ConfigFile, site: string, own: ServerSpec | undefined): { key: string; evidence: HostEvidence } {
  const servers = file.config.servers;
  if (file.machine !== undefined) return { key: `machine:${hostKey(file.machine)}`, evidence: "settings" };
  if (file.root !== undefined) return { key: `root:${file.root}`, evidence: "root" };
  if (file.facts.reads?.kind === "server-line") return { key: "this-machine", evidence: "this-machine" };
  if (onLoopbackOnly(servers)) return { key: `${site}|loopback`, evidence: "loopback" };
  if (own) {
    const h = lineHost(own);
    // A server's own line on loopback or 0.0.0.0 among named peers: the machine its peers call server.N.
    return { key: h === "loopback" || h === "*" ? `${site}|server.${own.id}` : `${site}|${h}`, evidence: "own-line" };
  }
  if (servers.length === 0) return { key: `${site}|standalone`, evidence: "folder" };
  const names = new Set(servers.map(lineHost));
  if (names.size === 1) return { key: `${site}|${[...names][0] ?? ""}`, evidence: "one-named-host" };
  return { key: `unknown:${file.path}`, evidence: "none" };
}

/** The ids of the members that some config of each site writes as 0.0.0.0: their host is compared as any host. */
function wildcardIds(files: ConfigFile[], siteOf: (file: ConfigFile) => string): Map<string, Set<bigint>> {
  const wildcards = new Map<string, Set<bigint>>();
  for (const file of files) {
    for (const s of file.config.servers) {
      if (!isWildcardLine(s)) continue;
      const site = siteOf(file);
      let ids = wildcards.get(site);
      if (!ids) wildcards.set(site, (ids = new Set()));
      ids.add(s.id);
    }
  }
  return wildcards;
}

/** The key a config's ensemble is found by: the settings' name for it, or its site and members. */
function ensembleKey(file: ConfigFile, site: string, named: string | undefined, masked: ReadonlySet<bigint> | undefined): string {
  if (named !== undefined) return `named:${named}`;
  const servers = file.config.servers;
  // A member written as 0.0.0.0 in some config of the site matches any host: compared by ports and role.
  return servers.length > 0 ? `${site}|${servers.map((s) => memberKey(s, masked?.has(s.id) === true)).join(",")}` : `standalone:${file.path}`;
}

/** The group of `map` under `key`, made by `make` the first time. */
function groupOf<K, G>(map: Map<K, G>, key: K, make: () => G): G {
  let group = map.get(key);
  if (group === undefined) map.set(key, (group = make()));
  return group;
}

/**
 * Groups by hashing a signature per file, so the work grows with the number of files. Configs
 * are grouped only within their site (siteOf); `ensembleNames` groups the files it names by that
 * name instead, for when their server lists cannot tell.
 */
export function groupWorkspace(files: ConfigFile[], options: GroupOptions): Workspace {
  const { ensembleNames, hostname } = options;
  const sites = new Map(files.map((f) => [f, siteOf(f)]));
  const site = (f: ConfigFile): string => sites.get(f) as string;
  const wildcards = wildcardIds(files, site);
  const reported = files.filter((f) => !f.context);
  // --myid names the server of the one config named, no other.
  const myidFile = options.myid !== undefined && reported.length === 1 ? reported[0] : undefined;
  const ensembles = new Map<string, Ensemble>();
  const ensembleOf = new Map<ConfigFile, Ensemble>();
  const identities = new Map<ConfigFile, Identity | undefined>();
  const locals = new Map<ConfigFile, Set<string>>();
  const hosts = new Map<string, Host>();
  const hostOf = new Map<ConfigFile, Host>();
  for (const file of files) {
    const key = ensembleKey(file, site(file), ensembleNames?.get(file.path), wildcards.get(site(file)));
    const ensemble = groupOf(ensembles, key, () => ({ key, files: [], servers: file.config.servers }));
    ensemble.files.push(file);
    ensembleOf.set(file, ensemble);
    const machine = machineName(file);
    const identity = findIdentity(file, {
      hostname,
      // The machine's name: the settings' `hosts`, else its root's /etc/hostname.
      ...(machine !== undefined ? { machine } : {}),
      ...(file === myidFile && options.myid !== undefined ? { myid: options.myid } : {}),
    });
    identities.set(file, identity);
    locals.set(file, localNames(file, identity?.server, hostname));
    const placed = placeHost(file, site(file), identity?.server);
    const host = groupOf(hosts, placed.key, () => ({ key: placed.key, files: [], evidence: placed.evidence, known: placed.evidence !== "none" }));
    host.files.push(file);
    hostOf.set(file, host);
  }
  const familyOf = groupFamilies(files, (f) => ensembleOf.get(f) as Ensemble, site);
  return {
    files,
    ensembles: [...ensembles.values()],
    hosts: [...hosts.values()],
    ensembleOf: (f) => ensembleOf.get(f) as Ensemble,
    families: [...new Set(familyOf.values())],
    familyOf: (f) => familyOf.get(f) as Family,
    identity: (f) => identities.get(f),
    ownServer: (f) => identities.get(f)?.server,
    hostOf: (f) => hostOf.get(f) as Host,
    isLocal: (f, spec) => spec === identities.get(f)?.server || (locals.get(f)?.has(lineHost(spec)) ?? false),
    siteOf: site,
  };
}

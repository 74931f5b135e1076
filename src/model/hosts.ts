import type { ServerSpec } from "./server-spec.js";
import type { ZooConfig } from "./config.js";
import { addTo } from "./multimap.js";

/** Names that always mean "the machine the server runs on": servers on them share one host. */
const LOOPBACK = /^(localhost|localhost\.localdomain|ip6-localhost|127(\.\d{1,3}){3}|::1|0:0:0:0:0:0:0:1)$/i;

/** One key per machine name: every loopback name is "loopback", and so is "", which Java resolves to loopback. */
export function hostKey(host: string): string {
  const h = host.trim().toLowerCase();
  return h === "" || LOOPBACK.test(h) ? "loopback" : h;
}

/** The wildcard address as a server line writes it. */
function isWildcardHost(host: string): boolean {
  const h = host.trim();
  return h === "0.0.0.0" || h === "::" || h === "0:0:0:0:0:0:0:0";
}

/** The address a socket binds: loopback names collapse to 127.0.0.1, the wildcard stays apart. */
export function bindAddress(host: string | undefined): string {
  if (host === undefined || host === "" || host === "0.0.0.0" || host === "::" || host === "0:0:0:0:0:0:0:0") return "*";
  const h = host.trim().toLowerCase();
  if (h === "localhost" || h === "localhost.localdomain") return "127.0.0.1";
  if (h === "::1" || h === "0:0:0:0:0:0:0:1" || h === "ip6-localhost") return "::1";
  return h;
}

/** The address a server line's socket binds: an empty host is loopback there (Java's getByName("")). */
export function lineBindAddress(host: string): string {
  return host.trim() === "" ? "127.0.0.1" : bindAddress(host);
}

/** A server line written as the wildcard (`0.0.0.0`): a server's own line, naming no machine. */
export function isWildcardLine(spec: ServerSpec): boolean {
  return spec.addresses.length > 0 && spec.addresses.every((a) => isWildcardHost(a.host.value));
}

/** The machine an address of a server line names: "loopback", "*" (wildcard) or the name. */
export function addressHost(host: string): string {
  return isWildcardHost(host) ? "*" : hostKey(host);
}

/** The machine a server line names, by its first address. */
export function lineHost(spec: ServerSpec): string {
  return addressHost(spec.addresses[0]?.host.value ?? "");
}

/** True when every server line is on loopback or the wildcard: the ensemble runs on one machine. */
export function onLoopbackOnly(servers: readonly ServerSpec[]): boolean {
  return (
    servers.length > 0 &&
    servers.every((s) => {
      const h = lineHost(s);
      return h === "loopback" || h === "*";
    })
  );
}

/** True when the server lines name more than one machine. */
export function onSeveralHosts(servers: readonly ServerSpec[]): boolean {
  const first = servers[0];
  if (!first) return false;
  const host = lineHost(first);
  for (let i = 1; i < servers.length; i++) if (lineHost(servers[i] as ServerSpec) !== host) return true;
  return false;
}

/** The server lines that name the machine `name` (full or short, any case); loopback names never do. */
export function serversNamingHost(config: ZooConfig, name: string): ServerSpec[] {
  const full = name.toLowerCase();
  const short = full.split(".")[0];
  return config.servers.filter((s) => {
    const h = lineHost(s);
    if (h === "loopback" || h === "*") return false;
    // A short host name (no domain) matches the first label of a fully qualified server name.
    return h === full || h === short || (!full.includes(".") && h.split(".")[0] === full);
  });
}

/**
 * Why zkcfg may read (and fix) a config's absolute paths, strongest first: a root stands for its
 * machine's file system; the settings' `hosts` names this machine; `zkcfg fix --myid N` is run
 * here for the one config named; a server line names this machine. Loopback-only server lists
 * prove one host, not this one: they give no such reason.
 */
export type ReadEvidence =
  { kind: "root"; root: string } | { kind: "settings"; machine: string } | { kind: "option" } | { kind: "server-line"; server: bigint };

/** What a config's placement depends on before its files are read. */
export interface PlacementInput {
  /** A root: the file system of the config's machine. */
  root?: string;
  /** The machine the settings' `hosts` name for this config. */
  machine?: string;
  /** This machine's host name. */
  hostname: string;
  /** --myid was given for this config, the one named: it is being set up here. */
  myidGiven?: boolean;
}

/** Why the config's absolute paths may be read where zkcfg runs (under its root, or on this machine), if they may. */
export function readEvidence(input: PlacementInput, config: ZooConfig): ReadEvidence | undefined {
  if (input.root !== undefined) return { kind: "root", root: input.root };
  if (input.machine !== undefined && sameMachineName(input.machine, input.hostname)) return { kind: "settings", machine: input.machine };
  if (input.myidGiven === true) return { kind: "option" };
  const [named] = serversNamingHost(config, input.hostname);
  return named ? { kind: "server-line", server: named.id } : undefined;
}

/** Host names compared as serversNamingHost compares them: a short name matches a full one's first label. */
function sameMachineName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return (!x.includes(".") && y.split(".")[0] === x) || (!y.includes(".") && x.split(".")[0] === y);
}

/** A machine's own names, from /etc/hostname and /etc/hosts under its root. */
export interface MachineNames {
  /** /etc/hostname's name, if the file is there. */
  hostname?: string;
  /** /etc/hosts: each name (lower case) → the addresses it maps to, in file order. */
  hosts: Map<string, string[]>;
}

/** /etc/hosts as the resolver reads it: an address, then names; `#` starts a comment. */
export function parseHostsFile(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of text.split("\n")) {
    const [address, ...names] = (raw.split("#")[0] ?? "").trim().split(/\s+/);
    if (!address || names.length === 0) continue;
    for (const name of names) {
      const key = name.toLowerCase();
      addTo(out, key, address);
    }
  }
  return out;
}

/** A loopback address (127.0.0.0/8, ::1), as /etc/hosts writes it. */
export function isLoopbackAddress(address: string): boolean {
  return /^127(\.\d{1,3}){3}$/.test(address) || address === "::1" || address === "0:0:0:0:0:0:0:1";
}

/** An IP address literal rather than a name. */
export function isAddressLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

/** The addresses a name maps to on a machine, by its full name or, failing that, its first label. */
export function addressesOf(names: MachineNames, host: string): string[] | undefined {
  const h = host.toLowerCase();
  return names.hosts.get(h) ?? names.hosts.get(h.split(".")[0] ?? h);
}

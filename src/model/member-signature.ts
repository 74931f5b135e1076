import { hostKey } from "./hosts.js";
import type { ServerAddress, ServerSpec } from "./server-spec.js";

/**
 * The member a server line describes, for comparing lines across configs: its addresses (hosts as
 * machines: every loopback name is one) and its role, `host:quorum:election|…:role`. With
 * `anyHost`, hosts are left out (a member written 0.0.0.0 somewhere matches any host).
 */
export function memberSignature(s: ServerSpec, anyHost = false): string {
  // Built in one string rather than mapped and joined: one per server line of every file.
  let addresses = "";
  for (let i = 0; i < s.addresses.length; i++) {
    const a = s.addresses[i] as ServerAddress;
    addresses += `${i === 0 ? "" : "|"}${anyHost ? "*" : hostKey(a.host.value)}:${a.quorumPort.value}:${a.electionPort.value}`;
  }
  return `${addresses}:${s.role}`;
}

/** One server process, whichever config lists it: its id and its member signature. */
export function memberKey(s: ServerSpec, anyHost = false): string {
  return `server.${s.id}=${memberSignature(s, anyHost)}`;
}

/** Two server lines written alike: same id, role, hosts as written and ports, so every comparison of members finds them equal. */
export function writtenAlike(a: ServerSpec, b: ServerSpec): boolean {
  if (a.id !== b.id || a.role !== b.role || a.addresses.length !== b.addresses.length) return false;
  for (let i = 0; i < a.addresses.length; i++) {
    const x = a.addresses[i] as ServerAddress;
    const y = b.addresses[i] as ServerAddress;
    if (x.host.value !== y.host.value || x.quorumPort.value !== y.quorumPort.value || x.electionPort.value !== y.electionPort.value) return false;
  }
  return true;
}

/** True when every list holds the same server lines, written alike (the usual ensemble): no member can differ or be missing. */
export function sameServerLines(lists: readonly (readonly ServerSpec[])[]): boolean {
  const first = lists[0] ?? [];
  for (let f = 1; f < lists.length; f++) {
    const servers = lists[f] as readonly ServerSpec[];
    if (servers.length !== first.length) return false;
    for (let i = 0; i < servers.length; i++) if (!writtenAlike(first[i] as ServerSpec, servers[i] as ServerSpec)) return false;
  }
  return true;
}

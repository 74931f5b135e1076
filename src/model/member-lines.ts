import type { Range } from "../parse/document.js";
import type { ConfigFile } from "./config-file.js";
import { hostKey, isWildcardLine } from "./hosts.js";
import { viewAddress } from "./inet.js";
import { memberSignature } from "./member-signature.js";
import type { ServerSpec } from "./server-spec.js";
import { addTo } from "./multimap.js";

/** One config's line for a member, and how it describes the member without its host. */
export interface MemberLine {
  spec: ServerSpec;
  file: ConfigFile;
  ports: string;
  wildcard: boolean;
}

/**
 * Each member's lines across the files, grouped by how they describe it (its signature). A wildcard
 * host (a server's own line bound to 0.0.0.0) matches any host, so it is grouped by ports and role.
 */
export function memberLines(files: readonly ConfigFile[]): Map<bigint, Map<string, MemberLine[]>> {
  const byId = new Map<bigint, Map<string, MemberLine[]>>();
  for (const file of files) {
    for (const spec of file.config.servers) {
      let variants = byId.get(spec.id);
      if (!variants) byId.set(spec.id, (variants = new Map()));
      const wildcard = isWildcardLine(spec);
      const ports = memberSignature(spec, true);
      addTo(variants, wildcard ? `*:${ports}` : memberSignature(spec), { spec, file, ports, wildcard });
    }
  }
  return byId;
}

/** The groups of one member's lines that disagree: wildcard lines agree with any named group that has their ports and role. */
export function disagreeing(variants: Map<string, MemberLine[]>): MemberLine[][] {
  const portsOfNamed = new Set([...variants.values()].filter((list) => !list[0]?.wildcard).map((list) => list[0]?.ports));
  return [...variants.values()].filter((list) => !(list[0]?.wildcard && portsOfNamed.has(list[0].ports)));
}

/** A server line's client part as clients are told it: `host:port`, or `*:port` for the wildcard (no host, 0.0.0.0). */
export interface ClientPart {
  key: string;
  /** As written: `host:port`, or the port alone. */
  written: string;
  range: Range;
}

export function clientPart(spec: ServerSpec): ClientPart | undefined {
  const port = spec.clientPort;
  if (!port) return undefined;
  const host = spec.clientHost;
  const key = `${host === undefined || viewAddress(host.value).kind === "any" ? "*" : hostKey(host.value)}:${port.value}`;
  const written = host ? `${host.value}:${port.value}` : `${port.value}`;
  return { key, written, range: { start: host?.range.start ?? port.range.start, end: port.range.end } };
}

export interface ClientPartLine {
  spec: ServerSpec;
  file: ConfigFile;
  part: ClientPart;
}

/**
 * The `;` client parts of each member's lines across the files that write one, grouped by what
 * clients are told, where they disagree. A wildcard host agrees with a named one on the same port:
 * both are the server's own port, as clients reach it.
 */
export function disagreeingClientParts(files: readonly ConfigFile[]): Map<bigint, ClientPartLine[][]> {
  const byId = new Map<bigint, Map<string, ClientPartLine[]>>();
  for (const file of files) {
    for (const spec of file.config.servers) {
      const part = clientPart(spec);
      if (!part) continue;
      let variants = byId.get(spec.id);
      if (!variants) byId.set(spec.id, (variants = new Map()));
      addTo(variants, part.key, { spec, file, part });
    }
  }
  const out = new Map<bigint, ClientPartLine[][]>();
  for (const [id, variants] of byId) {
    if (variants.size < 2) continue;
    const namedPorts = new Set([...variants.keys()].filter((k) => !k.startsWith("*:")).map((k) => k.slice(k.lastIndexOf(":"))));
    const lists = [...variants.entries()].filter(([k]) => !(k.startsWith("*:") && namedPorts.has(k.slice(1)))).map(([, list]) => list);
    if (lists.length > 1) out.set(id, lists);
  }
  return out;
}

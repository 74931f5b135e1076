import type { ComposeFinding } from "./checks.js";
import type { ComposeProject, ComposeService, Located } from "./model.js";

/**
 * The host ports a service publishes, from a `ports:` entry in short syntax (`[[IP:](port | range):]CONTAINER[/PROTOCOL]`,
 * the long syntax read into it). `fixed`: every port of the range is taken (`2181-2183:2181-2183`);
 * otherwise Docker takes one free port of the range (`2181-2183:2181`, or `published: "2181-2183"`).
 */
export interface HostPorts {
  ip: string;
  proto: string;
  from: number;
  to: number;
  fixed: boolean;
}

interface Claim extends HostPorts {
  service: ComposeService;
  at: Located<string | undefined>;
}

/** No more than this many ports are counted per entry: a range wider than that is no clash zkcfg can be sure of. */
const MAX_RANGE = 1024;

const range = (text: string): [number, number] | undefined => {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
};

/** "2181", "2181:2181", "127.0.0.1:2181:2181/udp", "[::1]:2181:2181", "2181-2183:2181" → the host ports published, if any. */
export function hostPortsOf(spec: string): HostPorts | undefined {
  const slash = spec.lastIndexOf("/");
  const body = slash < 0 ? spec : spec.slice(0, slash);
  const proto = slash < 0 ? "tcp" : spec.slice(slash + 1).toLowerCase();
  const parts = body.split(":");
  // A container port alone is published on a port Docker picks: it cannot clash.
  if (parts.length < 2) return undefined;
  const host = range(parts.at(-2) as string);
  const container = range(parts.at(-1) as string);
  if (!host || !container || host[1] < host[0] || host[1] - host[0] > MAX_RANGE) return undefined;
  const ip = parts
    .slice(0, -2)
    .join(":")
    .replace(/^\[(.*)\]$/, "$1");
  const fixed = host[1] - host[0] === container[1] - container[0];
  return { ip, proto, from: host[0], to: host[1], fixed };
}

/**
 * Whether two bindings share an address: one without an IP binds every address; 0.0.0.0 every IPv4
 * address and :: every IPv6 address (Docker binds an explicit 0.0.0.0 on IPv4 only).
 */
function sameAddress(a: string, b: string): boolean {
  if (a === "" || b === "" || a === b) return true;
  const v6 = (ip: string): boolean => ip.includes(":");
  return (a === "0.0.0.0" && !v6(b)) || (b === "0.0.0.0" && !v6(a)) || (a === "::" && v6(b)) || (b === "::" && v6(a));
}

const overlap = (a: Claim, b: Claim): boolean => a.proto === b.proto && a.service !== b.service && sameAddress(a.ip, b.ip) && a.from <= b.to && b.from <= a.to;
const shown = (c: Claim): string => `service ${c.service.name} ("${c.at.value ?? ""}")`;
const portsText = (from: number, to: number): string => (from === to ? `port ${from}` : `ports ${from}-${to}`);

/** Ports of the Docker host that two services publish: the container that starts second fails. */
export function hostPortClashes(project: ComposeProject): ComposeFinding[] {
  const claims: Claim[] = [];
  for (const service of project.services) {
    for (const at of service.ports) {
      const ports = at.value === undefined ? undefined : hostPortsOf(at.value);
      if (ports) claims.push({ ...ports, service, at });
    }
  }
  const out: ComposeFinding[] = [];
  claims.forEach((claim, i) => {
    const finding = claim.fixed ? fixedClash(claim, claims.slice(0, i)) : rangeExhausted(claim, claims, i);
    if (finding) out.push(finding);
  });
  return out;
}

/** A fixed port that an earlier entry of another service publishes too. */
function fixedClash(claim: Claim, earlier: Claim[]): ComposeFinding | undefined {
  const other = earlier.find((e) => e.fixed && overlap(e, claim));
  if (!other) return undefined;
  const from = Math.max(claim.from, other.from);
  const to = Math.min(claim.to, other.to);
  return {
    messageId: "hostPort",
    message: `service ${claim.service.name} publishes ${portsText(from, to)} of the Docker host (${claim.proto}), which ${shown(other)} publishes already; whichever container starts second fails ("port is already allocated"); publish another host port for one of them`,
    at: claim.at,
  };
}

/**
 * A range Docker picks one port from, when the fixed ports of other services and the ranges of
 * earlier entries inside it leave it none: certain, whatever port each range gets.
 */
function rangeExhausted(claim: Claim, claims: Claim[], index: number): ComposeFinding | undefined {
  const taken = new Set<number>();
  const by: Claim[] = [];
  for (const other of claims) {
    if (!other.fixed || !overlap(other, claim)) continue;
    by.push(other);
    for (let p = Math.max(other.from, claim.from); p <= Math.min(other.to, claim.to); p++) taken.add(p);
  }
  const inside = claims.slice(0, index).filter((o) => !o.fixed && overlap(o, claim) && o.from >= claim.from && o.to <= claim.to);
  const size = claim.to - claim.from + 1;
  if (taken.size + inside.length < size) return undefined;
  return {
    messageId: "hostPort",
    message: `service ${claim.service.name} publishes one free port of ${claim.from}-${claim.to} of the Docker host (${claim.proto}), and ${[...by, ...inside].map(shown).join(", ")} take all ${size} of them; its container fails to start ("port is already allocated"); widen the range or publish another host port`,
    at: claim.at,
  };
}

import type { ConfigFile } from "./config-file.js";
import type { Host, Workspace } from "./ensemble.js";
import { listPortBindings, type PortBinding } from "./ports.js";
import { addTo } from "./multimap.js";

/** How many of a set of bindings fall under each key the verdicts of a clash ask about. */
class Tally {
  size = 0;
  quorum = 0;
  /** Bindings whose process a linted config places on the host. */
  placedOwned = 0;
  readonly sockets = new Map<string, number>();
  readonly owners = new Map<string, number>();
  readonly files = new Map<ConfigFile, number>();
  /** Per file, its bindings per socket: a socket may be declared by several files. */
  readonly fileSockets = new Map<ConfigFile, Map<string, number>>();
  /** The first binding of each socket, in the order the bindings came. */
  readonly firsts: { binding: PortBinding; index: number }[] = [];

  add(b: PortBinding, index: number, placedOwners: ReadonlySet<string>): void {
    this.size++;
    if (b.kind === "quorum") this.quorum++;
    if (placedOwners.has(b.owner)) this.placedOwned++;
    const seen = this.sockets.get(b.socket);
    this.sockets.set(b.socket, (seen ?? 0) + 1);
    if (seen === undefined) this.firsts.push({ binding: b, index });
    this.owners.set(b.owner, (this.owners.get(b.owner) ?? 0) + 1);
    this.files.set(b.file, (this.files.get(b.file) ?? 0) + 1);
    let perFile = this.fileSockets.get(b.file);
    if (!perFile) this.fileSockets.set(b.file, (perFile = new Map()));
    perFile.set(b.socket, (perFile.get(b.socket) ?? 0) + 1);
  }
}

/** What one binding clashes with: the bindings of its port that overlap it, other than its own socket. */
export interface Clash {
  /** The other sockets. */
  sockets: number;
  /** The first binding of each of the first `limit` other sockets, in binding order. */
  first(limit: number): PortBinding[];
  /** Every clashing binding is in the binding's own file. */
  inOwnFile: boolean;
  /** Every clashing binding is opened by the binding's own process. */
  ownProcess: boolean;
  /** Every clashing binding is a quorum port. */
  allQuorum: boolean;
  /** A clashing binding belongs to another process that a linted config places on this host. */
  otherPlaced: boolean;
}

/**
 * Indexes the bindings of one port on one host so that each binding's clash is read from counts:
 * a binding overlaps those of its scope on its own address or the wildcard (all of its scope, if
 * it is the wildcard), and comparing each binding with each other would be quadratic in a host's
 * bindings of one port (thousands of identical configs, a config of thousands of server lines).
 */
export function indexClashes(bindings: readonly PortBinding[]): (b: PortBinding) => Clash | undefined {
  // Per scope: all of it, and per address ("*" included).
  const scopes = new Map<string, { all: Tally; byAddress: Map<string, Tally> }>();
  const placedOwners = new Set(bindings.filter((b) => b.placed).map((b) => b.owner));
  bindings.forEach((b, index) => {
    let scope = scopes.get(b.scope);
    if (!scope) scopes.set(b.scope, (scope = { all: new Tally(), byAddress: new Map() }));
    let tally = scope.byAddress.get(b.address);
    if (!tally) scope.byAddress.set(b.address, (tally = new Tally()));
    scope.all.add(b, index, placedOwners);
    tally.add(b, index, placedOwners);
  });
  return (b) => {
    const scope = scopes.get(b.scope);
    if (!scope) return undefined;
    // Sockets are per address, so these tallies never share a socket.
    const wildcard = scope.byAddress.get("*");
    const tallies = b.address === "*" ? [scope.all] : [scope.byAddress.get(b.address) as Tally, ...(wildcard ? [wildcard] : [])];
    const sum = (count: (t: Tally) => number): number => tallies.reduce((n, t) => n + count(t), 0);
    const own = sum((t) => t.sockets.get(b.socket) ?? 0);
    const clashing = sum((t) => t.size) - own;
    if (clashing === 0) return undefined;
    const inFile = sum((t) => t.files.get(b.file) ?? 0) - sum((t) => t.fileSockets.get(b.file)?.get(b.socket) ?? 0);
    const ownerBindings = sum((t) => t.owners.get(b.owner) ?? 0);
    return {
      sockets: sum((t) => t.sockets.size) - 1,
      first: (limit) =>
        tallies
          // One socket of the first limit + 1 of each may be the binding's own.
          .flatMap((t) => t.firsts.slice(0, limit + 1))
          .sort((x, y) => x.index - y.index)
          .map((f) => f.binding)
          .filter((o) => o.socket !== b.socket)
          .slice(0, limit),
      inOwnFile: inFile === clashing,
      // A socket names its owner, so the binding's own socket counts among its owner's bindings.
      ownProcess: ownerBindings === clashing + own,
      allQuorum: sum((t) => t.quorum) - (b.kind === "quorum" ? own : 0) === clashing,
      otherPlaced: sum((t) => t.placedOwned) - (placedOwners.has(b.owner) ? ownerBindings : 0) > 0,
    };
  };
}

/** Per host of a workspace: a host belongs to one workspace. */
const shared = new WeakMap<Host, readonly (readonly PortBinding[])[]>();

/**
 * The bindings of a host by port, in binding order, for each port on which two bindings share a
 * scope. Only bindings of one port and one scope can clash (indexClashes asks for the scope):
 * grouping by the port keeps a long server list on many hosts (all on 2888:3888) linear, and a port
 * whose bindings are each alone in their scope (the server lines of a config whose own host is
 * unknown, each line on its own host) is left out before any clash is indexed.
 */
export function sharedPorts(workspace: Workspace, host: Host): readonly (readonly PortBinding[])[] {
  const cached = shared.get(host);
  if (cached) return cached;
  const byPort = new Map<number, PortBinding[]>();
  for (const b of listPortBindings(workspace, host)) {
    addTo(byPort, b.port, b);
  }
  const out = [...byPort.values()].filter(twoShareAScope);
  shared.set(host, out);
  return out;
}

function twoShareAScope(bindings: readonly PortBinding[]): boolean {
  if (bindings.length < 2) return false;
  const scopes = new Set<string>();
  for (const b of bindings) {
    if (scopes.has(b.scope)) return true;
    scopes.add(b.scope);
  }
  return false;
}

/** The sockets one server listens on: quorum and election only in an ensemble, admin only where the AdminServer exists (3.5+). */
export interface ServerPorts {
  client: number;
  quorum?: number;
  election?: number;
  admin?: number;
}

export type PortKind = keyof ServerPorts;

/** The kinds in the order ports are listed and, from a base port, handed out on every host. */
export const PORT_KINDS: readonly PortKind[] = ["client", "quorum", "election", "admin"];

/** The ports ZooKeeper's documentation and sample config use; one-host ensembles count up from them. */
const CONVENTIONAL_PORTS: Required<ServerPorts> = { client: 2181, quorum: 2888, election: 3888, admin: 8080 };

/** Answers whether a port can be bound on 127.0.0.1 right now. */
export type PortProbe = (port: number) => Promise<boolean>;

export class PortsExhaustedError extends Error {}

export interface Allocation {
  ports: ServerPorts[];
  /** Ports passed over because something already listens on them, in order. */
  inUse: number[];
}

/**
 * Distinct ports for `count` servers on one host. Each kind counts up from its conventional port,
 * or, with a base port, one run from there gives every client port, then every quorum port, and so on.
 * Ports in use are passed over, so the result depends on the host at the time it is asked.
 */
export async function allocateOneHost(count: number, kinds: readonly PortKind[], basePort: number | undefined, isFree: PortProbe): Promise<Allocation> {
  const taken = new Set<number>();
  const inUse: number[] = [];
  const chosen = Array.from({ length: count }, () => ({}) as ServerPorts);
  let next = basePort;
  for (const kind of kinds) {
    let port = next ?? CONVENTIONAL_PORTS[kind];
    for (const server of chosen) {
      for (;;) {
        if (port > 65535) {
          throw new PortsExhaustedError(
            `no free ${kind} port left below 65536 (counting up from ${next ?? CONVENTIONAL_PORTS[kind]}); choose another --base-port`,
          );
        }
        if (!taken.has(port)) {
          if (await isFree(port)) break;
          inUse.push(port);
        }
        port++;
      }
      taken.add(port);
      server[kind] = port;
      port++;
    }
    if (basePort !== undefined) next = port;
  }
  return { ports: chosen, inUse };
}

/** The same ports on every host: the conventional ones, or base, base+1, base+2, base+3 in that order. */
export function hostPorts(kinds: readonly PortKind[], basePort: number | undefined): ServerPorts {
  const ports = {} as ServerPorts;
  for (const kind of kinds) ports[kind] = basePort === undefined ? CONVENTIONAL_PORTS[kind] : basePort + PORT_KINDS.indexOf(kind);
  return ports;
}

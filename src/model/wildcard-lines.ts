import type { ZooConfig } from "./config.js";
import { viewAddress } from "./inet.js";
import type { ServerAddress, ServerSpec } from "./server-spec.js";
import type { ZkVersion } from "./version.js";

// 0.0.0.0 (or ::) in server lines. On a server's own line it means "listen on every address", the
// 3.4 container pattern; from 3.5 on that line is also what the server tells clients and, as leader
// of a reconfiguration, every peer. On any other line it is simply no address of that server.

export interface WildcardAddress {
  spec: ServerSpec;
  address: ServerAddress;
  /** The line is the server's own: the placement model's answer, or the only line with a wildcard. */
  own: boolean;
}

/** quorumListenOnAllIPs=true: the server listens on every address, whatever its own line says. */
export function listensOnAllIPs(config: ZooConfig): boolean {
  return config.text("quorumListenOnAllIPs")?.toLowerCase() === "true";
}

/** Every wildcard address of the server lines; `own` is the line the placement model takes for the server's own. */
export function wildcardAddresses(
  config: ZooConfig,
  own: ServerSpec | undefined,
): { wildcards: WildcardAddress[]; lines: ServerSpec[]; own: ServerSpec | undefined } {
  const found: { spec: ServerSpec; address: ServerAddress }[] = [];
  for (const spec of config.servers) for (const address of spec.addresses) if (viewAddress(address.host.value).kind === "any") found.push({ spec, address });
  if (found.length === 0) return { wildcards: [], lines: [], own };
  const lines = [...new Set(found.map((w) => w.spec))];
  // A lone wildcard line is taken for the server's own, as the container pattern writes it.
  const ownLine = own ?? (lines.length === 1 ? lines[0] : undefined);
  return { wildcards: found.map((w) => ({ ...w, own: w.spec === ownLine })), lines, own: ownLine };
}

/** The releases whose peers follow the wildcard a restarted server advertises (fixed by ZOOKEEPER-2164 in 3.5.8 and 3.6.1). */
const WILDCARD_REJOIN: Partial<Record<ZkVersion, string>> = { "3.5": "3.5.8", "3.6": "3.6.1" };

/** The release of the line that fixed it, when peers of this version line may not reconnect to a restarted wildcard server. */
export function rejoinFixedIn(version: ZkVersion): string | undefined {
  return WILDCARD_REJOIN[version];
}

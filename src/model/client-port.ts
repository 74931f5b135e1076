import type { Entry } from "../parse/document.js";
import type { ZooConfig } from "./config.js";
import type { ServerSpec } from "./server-spec.js";
import { atLeast } from "./version.js";

/** Why a server opens no client port, when that is certain (see missingClientPort). */
export interface NoClientPort {
  /** clientPort or secureClientPort written as 0, which means "none" before 3.9. */
  zero?: Entry;
  /** The server's own line, without a `;` client port; absent when no line has one. */
  own?: ServerSpec;
}

/** Whether ZooKeeper binds a port from the key: written, and not the 0 that means "none" before 3.9 (a value it cannot read is value-type's error). */
function portSet(config: ZooConfig, key: string): boolean {
  const port = config.int(key);
  return port.kind === "invalid" || (port.kind === "valid" && (port.value !== 0 || atLeast(config.version, "3.9")));
}

/**
 * QuorumPeerConfig.setupClientPort: a server listens for clients on clientPort, on secureClientPort,
 * or (3.5+) on the `;port` of its own server line. When none is there, it starts without a client
 * listener. Certain when no server line has a client port; otherwise only when the config's own line
 * is known (`own`: the placement model's answer, from its myid) and lacks one.
 */
export function missingClientPort(config: ZooConfig, own: ServerSpec | undefined): NoClientPort | undefined {
  if (portSet(config, "clientPort") || (atLeast(config.version, "3.5") && portSet(config, "secureClientPort"))) return undefined;
  const zero = config.get("clientPort") ?? config.get("secureClientPort");
  const found: NoClientPort = zero ? { zero } : {};
  // 3.4 server lines have no client part: clientPort is the only way, and ZooKeeper 3.4 insists on it.
  if (!atLeast(config.version, "3.5") || config.servers.every((s) => !s.clientPort)) return found;
  return own && !own.clientPort ? { ...found, own } : undefined;
}

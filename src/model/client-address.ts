import type { Entry, Range } from "../parse/document.js";
import type { ZooConfig } from "./config.js";
import { javaSocketAddress, viewAddress } from "./inet.js";
import { javaTrim } from "./java-number.js";
import type { ServerSpec } from "./server-spec.js";
import { atLeast } from "./version.js";

// QuorumPeerConfig's check of clientPort / clientPortAddress against the `;[host:]port` of the
// server's own line: ZooKeeper exits when they name different addresses.

/** Where the static client address disagrees with a server line's. */
export interface ClientConflict {
  /** The key that disagrees: the port when it differs, else the address. */
  setting: "clientPort" | "clientPortAddress";
  entry: Entry;
  /** Its value, trimmed. */
  value: string;
  /** The static address as ZooKeeper prints it (InetSocketAddress.toString). */
  zkStatic: string;
  range: Range;
}

/** A server line's client address as ZooKeeper prints it. */
export function lineClientAddress(spec: ServerSpec): string {
  return javaSocketAddress(spec.clientHost?.value ?? "0.0.0.0", spec.clientPort?.value ?? 0);
}

/** The static client address against the line's, where it can be told without DNS; undefined when they agree or only DNS knows. */
export function clientConflict(config: ZooConfig, spec: ServerSpec): ClientConflict | undefined {
  if (!spec.clientPort) return undefined;
  const clientPort = config.int("clientPort");
  if (clientPort.kind !== "valid") return undefined;
  // Before 3.9 clientPort=0 means "no client port"; 3.9 reads it as a port to pick.
  if (clientPort.value === 0 && !atLeast(config.version, "3.9")) return undefined;
  const addressEntry = config.get("clientPortAddress");
  const staticHost = addressEntry ? javaTrim(addressEntry.value) : undefined;
  const staticView = staticHost === undefined ? ({ kind: "any" } as const) : viewAddress(staticHost);
  const lineView = viewAddress(spec.clientHost?.value ?? "0.0.0.0");
  const samePort = clientPort.value === spec.clientPort.value;
  let differs: boolean;
  if (staticView.kind === "any" || !samePort) differs = !samePort;
  else if (staticView.kind === "name" || lineView.kind === "name") return undefined;
  else differs = lineView.kind === "any" || staticView.ip !== lineView.ip;
  if (!differs) return undefined;
  const byPort = !samePort || !addressEntry;
  const entry = byPort ? clientPort.entry : addressEntry;
  return {
    setting: byPort ? "clientPort" : "clientPortAddress",
    entry,
    value: javaTrim(entry.value),
    zkStatic: javaSocketAddress(staticHost, clientPort.value),
    range: entry.valueRange,
  };
}

/** When which line is this server's is unknown: the conflict with the last line, if the static address fits none of them. */
export function conflictWithEveryLine(config: ZooConfig): ClientConflict | undefined {
  let conflict: ClientConflict | undefined;
  for (const spec of config.servers) {
    conflict = clientConflict(config, spec);
    if (!conflict) return undefined;
  }
  return conflict;
}

import type { ZooConfig } from "./config.js";
import type { KeySpec } from "./keys.js";

// Whether ZooKeeper reads a known key from a given config, and what a value it cannot read does there.

/** Whether ZooKeeper reads the key from this config at all. */
export function readsKey(config: ZooConfig, spec: KeySpec): boolean {
  // A standalone server never builds the quorum classes that read these properties.
  if (spec.source === "passthrough" && spec.quorumOnly && !config.isQuorum) return false;
  // Only the named provider reads its options.
  if (spec.provider !== undefined && config.text("metricsProvider.className") !== spec.provider) return false;
  // The config version is read from zoo.cfg only while zoo.cfg holds the server list.
  if (spec.name === "version" && config.get("dynamicConfigFile")) return false;
  return true;
}

/** What a value the key's reader cannot read does in this config: "startup-quorum" resolved by its mode. */
export function badValueImpact(config: ZooConfig, spec: KeySpec): "startup" | "runtime" | undefined {
  return spec.invalid === "startup-quorum" ? (config.isQuorum ? "startup" : "runtime") : spec.invalid;
}

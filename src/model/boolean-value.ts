import type { KeySpec } from "./keys.js";
import { atLeast, type ZkVersion } from "./version.js";

// How ZooKeeper reads the value of a boolean key, and what a boolean-ish word was meant to say.

const TRUE_WORDS = new Set(["true", "yes", "y", "on", "1", "enable", "enabled"]);
const FALSE_WORDS = new Set(["false", "no", "n", "off", "0", "disable", "disabled"]);

/** What a boolean-ish word (yes, off, 1, Enabled) was meant to say, when it says something. */
export function meaning(text: string): boolean | undefined {
  const t = text.toLowerCase();
  return TRUE_WORDS.has(t) ? true : FALSE_WORDS.has(t) ? false : undefined;
}

export type BooleanReading =
  /** ZooKeeper reads it as was meant: true or false, or a word meaning false where anything but "true" is false. */
  | { kind: "read" }
  /** Neither true nor false, which the key's strict reader (QuorumPeerConfig.parseBoolean, 3.6+) refuses. */
  | { kind: "refused"; meant: boolean | undefined }
  /** Not "true", so the lenient reader (Boolean.parseBoolean and the like) reads false, though true or nothing was meant. */
  | { kind: "false"; meant: true | undefined; reader: string };

const READ: BooleanReading = { kind: "read" };

/** A boolean-strict or boolean-lenient key's value (trimmed), as ZooKeeper `version` reads it. */
export function readBooleanValue(spec: KeySpec, value: string, version: ZkVersion): BooleanReading {
  const lower = value.toLowerCase();
  const meant = meaning(value);
  if (spec.type === "boolean-strict" && spec.strictSince !== undefined && atLeast(version, spec.strictSince)) {
    return lower === "true" || lower === "false" ? READ : { kind: "refused", meant };
  }
  // Boolean.parseBoolean: "true" in any case is true, anything else false.
  if (lower === "true" || meant === false) return READ;
  // Before strictSince QuorumPeerConfig.parseBoolean was Boolean.parseBoolean.
  const reader = spec.parse === "QuorumPeerConfig.parseBoolean" ? "Boolean.parseBoolean" : spec.parse;
  return { kind: "false", meant, reader };
}

/**
 * A boolean-exact key (String.equals against one spelling): whether the value misses that spelling
 * in a way that matters, and what it meant. A value meaning the default (forceSync=true,
 * admin.enableServer=True) does what was meant.
 */
export function exactMiss(spec: KeySpec, value: string): { meant: boolean | undefined } | undefined {
  const exact = spec.exact ?? "";
  if (value === exact) return undefined;
  const meant = meaning(value);
  if (meant !== undefined && meant !== meaning(exact)) return undefined;
  return { meant };
}

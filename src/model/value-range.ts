import type { KeySpec } from "./keys.js";
import { atLeast, type ZkVersion } from "./version.js";

// The numbers a key accepts once read: the catalog's min and max, or the few values a version allows.

export type RangeBreach =
  /** A number outside the key's list of values; `refused` from `since` on, accepted (deprecated) before. */
  | { kind: "notAllowed"; values: readonly string[]; refused: boolean; since?: ZkVersion }
  /** A number below min or above max. */
  | { kind: "outside"; side: "below" | "above"; limit: number };

/** How `n`, the number ZooKeeper read for the key, breaks the key's range in `version`, if it does. */
export function rangeBreach(spec: KeySpec, n: number, version: ZkVersion): RangeBreach | undefined {
  if (spec.values !== undefined && spec.zkNotAllowed !== undefined && !spec.values.includes(String(n))) {
    const refused = spec.valuesSince === undefined || atLeast(version, spec.valuesSince);
    return { kind: "notAllowed", values: spec.values, refused, ...(spec.valuesSince === undefined ? {} : { since: spec.valuesSince }) };
  }
  // Only a breach ZooKeeper acts on counts: the catalog says what it does (outOfRange).
  if (spec.outOfRange === undefined) return undefined;
  if (spec.min !== undefined && n < spec.min) return { kind: "outside", side: "below", limit: spec.min };
  if (spec.max !== undefined && n > spec.max) return { kind: "outside", side: "above", limit: spec.max };
  return undefined;
}

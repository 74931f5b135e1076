/** ZooKeeper release lines zkcfg knows, oldest first. */
export const KNOWN_VERSIONS = ["3.4", "3.5", "3.6", "3.7", "3.8", "3.9"] as const;
export type ZkVersion = (typeof KNOWN_VERSIONS)[number];
export const DEFAULT_VERSION: ZkVersion = "3.9";

/** Accepts "3.8", "3.8.4" or "3.8.0-1"; returns undefined for anything else. */
export function parseVersion(text: string): ZkVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:[.-].*)?$/.exec(text.trim());
  if (!m) return undefined;
  const line = `${m[1]}.${m[2]}`;
  return (KNOWN_VERSIONS as readonly string[]).includes(line) ? (line as ZkVersion) : undefined;
}

/** True when `version` is `since` or newer. */
export function atLeast(version: ZkVersion, since: ZkVersion): boolean {
  return KNOWN_VERSIONS.indexOf(version) >= KNOWN_VERSIONS.indexOf(since);
}

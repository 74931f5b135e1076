import type { ConfigFile } from "./config-file.js";

/** The server id this config's myid gives ZooKeeper, and where that myid is; undefined when it gives none (absent, unread, not a number, -1). */
export function validMyid(file: ConfigFile): { id: bigint; path: string } | undefined {
  const dir = file.facts.dataDir;
  if (!dir || (dir.state !== "present" && dir.state !== "creatable") || dir.myid.kind !== "present") return undefined;
  const { reading, path } = dir.myid;
  return reading.kind === "valid" ? { id: reading.id, path } : undefined;
}

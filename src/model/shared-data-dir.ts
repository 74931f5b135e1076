import type { ConfigFile } from "./config-file.js";
import { directoryKey } from "./directory-key.js";
import type { Workspace } from "./ensemble.js";
import { addTo } from "./multimap.js";

/** Configs of one host whose dataDir is one directory, in the workspace's order: they read one myid and write one data directory. */
export type DataDirSharers = readonly ConfigFile[];

const cache = new WeakMap<Workspace, Map<ConfigFile, DataDirSharers>>();

/** Each config that shares its dataDir with another config of its host, with all the configs sharing it. A pure config fact: known even off the host. */
export function dataDirSharers(ws: Workspace): Map<ConfigFile, DataDirSharers> {
  let out = cache.get(ws);
  if (out) return out;
  out = new Map();
  for (const host of ws.hosts) {
    // A config alone on its host shares its dataDir with no one.
    if (host.files.length < 2) continue;
    const byDir = new Map<string, ConfigFile[]>();
    for (const file of host.files) {
      const dir = file.facts.dataDir;
      if (!dir) continue;
      const key = directoryKey(dir);
      addTo(byDir, key, file);
    }
    for (const group of byDir.values()) if (group.length > 1) for (const file of group) out.set(file, group);
  }
  cache.set(ws, out);
  return out;
}

import type { ConfigFile } from "./config-file.js";
import type { Ensemble } from "./ensemble.js";
import { addTo } from "./multimap.js";

/** The server id this config's myid gives ZooKeeper, and where that myid is; undefined when it gives none (absent, unread, not a number, -1). */
export function validMyid(file: ConfigFile): { id: bigint; path: string } | undefined {
  const dir = file.facts.dataDir;
  if (!dir || (dir.state !== "present" && dir.state !== "creatable") || dir.myid.kind !== "present") return undefined;
  const { reading, path } = dir.myid;
  return reading.kind === "valid" ? { id: reading.id, path } : undefined;
}

/** A config whose myid gives an id, and that myid's path. */
export interface MyidHolder {
  file: ConfigFile;
  path: string;
}

const holders = new WeakMap<Ensemble, Map<bigint, MyidHolder[]>>();

/**
 * The configs of an ensemble whose myid gives each id, in the ensemble's order: asking each config
 * of a large ensemble which other holds its id reads every myid once, not once per config.
 */
export function myidHolders(ensemble: Ensemble): Map<bigint, MyidHolder[]> {
  let out = holders.get(ensemble);
  if (out) return out;
  out = new Map();
  for (const file of ensemble.files) {
    const myid = validMyid(file);
    if (!myid) continue;
    addTo(out, myid.id, { file, path: myid.path });
  }
  holders.set(ensemble, out);
  return out;
}

import type { ConfigFile } from "./config-file.js";
import type { Workspace } from "./ensemble.js";
import { onSeveralHosts } from "./hosts.js";
import type { IdentityEvidence } from "./identity.js";
import { compareStrings } from "./order.js";
import type { ServerSpec } from "./server-spec.js";
import { directoryKey } from "./directory-key.js";
import { dataDirSharers } from "./shared-data-dir.js";
import { myidHolders } from "./valid-myid.js";

/** What places a config without a myid on its server line (never its myid: it has none). */
export type LineEvidence = Exclude<IdentityEvidence, "myid">;

/**
 * The id to write into a config's missing myid when it is certain (DESIGN.md, "Fixes"), or what
 * keeps it uncertain:
 * - line: the model places the config on `server` (see Identity), and no other config there;
 * - file-order: a single-host ensemble whose data dirs are all new: ids in file-name order;
 * - held: the id it would get is what another myid of the ensemble (`holder`) already says;
 * - shared-dir: `sharer`, on the same host, has this dataDir too: one myid cannot name two servers;
 * - rival: the config is placed on `server`, but so is `rival`;
 * - option-no-line: --myid names no server line of the config;
 * - partial: only `present` of the ensemble's `total` configs are linted: the others may hold any id;
 * - several-hosts / not-every-dir-new: nothing tells the line.
 */
export type MyidChoice =
  | { kind: "line"; id: bigint; evidence: LineEvidence; server: ServerSpec }
  | { kind: "file-order"; id: bigint }
  | { kind: "held"; id: bigint; holder: string }
  | { kind: "shared-dir"; sharer: ConfigFile }
  | { kind: "rival"; evidence: LineEvidence; server: ServerSpec; rival: ConfigFile }
  | { kind: "option-no-line"; myid: bigint }
  | { kind: "partial"; present: number; total: number }
  | { kind: "several-hosts" }
  | { kind: "not-every-dir-new" };

/** The other config of the ensemble that the model places on server line `id` without a myid, if any (a myid holding it is `holder`'s). */
function rival(ws: Workspace, file: ConfigFile, id: bigint): ConfigFile | undefined {
  return ws.ensembleOf(file).files.find((f) => {
    const other = f === file ? undefined : ws.identity(f);
    return other !== undefined && other.evidence !== "myid" && other.server.id === id;
  });
}

/** The myid of another config of the ensemble that already says `id`, if one does. */
function holder(ws: Workspace, file: ConfigFile, id: bigint): string | undefined {
  return myidHolders(ws.ensembleOf(file))
    .get(id)
    ?.find((h) => h.file !== file)?.path;
}

/** A config whose server line the model tells, with no other config of its ensemble on that line. */
function certainLine(ws: Workspace, file: ConfigFile): bigint | undefined {
  const own = ws.ownServer(file);
  return own && !rival(ws, file, own.id) ? own.id : undefined;
}

/** Every config has a new, empty data directory, and no two the same one. */
function allNew(files: readonly ConfigFile[]): boolean {
  const dirs = new Set<string>();
  return files.every((f) => {
    const d = f.facts.dataDir;
    if (!d || (d.state !== "present" && d.state !== "creatable") || d.myid.kind !== "absent" || d.store.hasData) return false;
    const key = directoryKey(d);
    if (dirs.has(key)) return false;
    dirs.add(key);
    return true;
  });
}

const byFileOrder = new WeakMap<Workspace, Map<ConfigFile, bigint>>();

/**
 * A single-host ensemble whose data dirs are all still empty: any one-to-one assignment of ids
 * works, so the ids no config is placed on go to the other configs in file-name order.
 */
function assignByFileOrder(ws: Workspace): Map<ConfigFile, bigint> {
  let out = byFileOrder.get(ws);
  if (out) return out;
  out = new Map();
  byFileOrder.set(ws, out);
  for (const ensemble of ws.ensembles) {
    const files = ensemble.files;
    // Only with one config per server line is every id accounted for: a missing config may hold any of them.
    if (ensemble.servers.length < 2 || files.length !== ensemble.servers.length) continue;
    // Checked before the rest, which costs more: ensembles on several hosts are the usual case.
    if (onSeveralHosts(ensemble.servers)) continue;
    const taken = new Set<bigint>();
    const open: ConfigFile[] = [];
    for (const f of files) {
      const id = certainLine(ws, f);
      if (id === undefined) open.push(f);
      else taken.add(id);
    }
    const pool = ensemble.servers.filter((s) => !taken.has(s.id));
    if (open.length !== pool.length) continue;
    // A config with its own clientPort conflicts with a line carrying another one: only its own line fits.
    if (ensemble.servers.some((s) => s.clientPort) && open.some((f) => f.config.int("clientPort").kind !== "absent")) continue;
    if (!allNew(files)) continue;
    const sorted = [...open].sort((a, b) => compareStrings(a.path, b.path));
    sorted.forEach((f, i) => out.set(f, (pool[i] as ServerSpec).id));
  }
  return out;
}

/** The id the config's line or the file order makes certain, or why none is. */
function certainId(ws: Workspace, file: ConfigFile, myid: bigint | undefined): MyidChoice {
  const shared = dataDirSharers(ws).get(file);
  const sharer = shared?.find((f) => f !== file);
  if (sharer) return { kind: "shared-dir", sharer };
  const identity = ws.identity(file);
  if (identity) {
    // A config without a myid is never placed by one.
    const evidence = identity.evidence as LineEvidence;
    const other = rival(ws, file, identity.server.id);
    if (other) return { kind: "rival", evidence, server: identity.server, rival: other };
    return { kind: "line", id: identity.server.id, evidence, server: identity.server };
  }
  if (myid !== undefined && ws.files.filter((f) => !f.context).length === 1) return { kind: "option-no-line", myid };
  const byOrder = assignByFileOrder(ws).get(file);
  if (byOrder !== undefined) return { kind: "file-order", id: byOrder };
  const { servers } = file.config;
  if (onSeveralHosts(servers)) return { kind: "several-hosts" };
  const present = ws.ensembleOf(file).files.length;
  return present < servers.length ? { kind: "partial", present, total: servers.length } : { kind: "not-every-dir-new" };
}

/** The id to write into the config's missing myid, or why zkcfg cannot tell it; `myid` is --myid. */
export function chooseMyid(ws: Workspace, file: ConfigFile, myid?: bigint): MyidChoice {
  const choice = certainId(ws, file, myid);
  if (choice.kind !== "line" && choice.kind !== "file-order") return choice;
  // Writing an id another server's myid already holds would make two servers one.
  const path = holder(ws, file, choice.id);
  return path === undefined ? choice : { kind: "held", id: choice.id, holder: path };
}

import { isAbsolute, join, dirname, basename, resolve } from "node:path";
import type { Entry } from "../parse/document.js";
import type { FileSystem } from "../io/fs.js";
import type { ZooConfig } from "./config.js";
import { javaTrim } from "./java-number.js";
import { readMyid, type MyidReading } from "./myid.js";

/** Where a config's paths are looked up: this machine, or a tree standing in for the target host. */
export interface HostView {
  fs: FileSystem;
  /** Absolute paths in configs are read under this directory (a checkout or an image being built). */
  root?: string;
  /** Skip every file-system check. */
  syntaxOnly: boolean;
}

export function hostPath(view: HostView, configured: string): string {
  return view.root ? join(view.root, configured) : configured;
}

export type MyidFact =
  | { kind: "absent"; path: string }
  | { kind: "present"; path: string; reading: MyidReading }
  | { kind: "not-a-file"; path: string };

/**
 * What zkcfg could learn about a dataDir:
 * - present: the directory exists, its myid was read;
 * - creatable: it does not exist but its parent does (ZooKeeper will create it; it has no myid);
 * - elsewhere: neither it nor its parent exists: the config is for another machine, checks are skipped;
 * - not-a-directory: something else stands at that path;
 * - relative: resolved against the server's working directory, which zkcfg cannot know;
 * - unchecked: --syntax-only.
 */
export type DataDirFact =
  | { state: "present"; entry: Entry; configured: string; path: string; myid: MyidFact; hasData: boolean }
  | { state: "creatable"; entry: Entry; configured: string; path: string; myid: MyidFact; hasData: false }
  | { state: "elsewhere" | "not-a-directory"; entry: Entry; configured: string; path: string }
  | { state: "relative" | "unchecked"; entry: Entry; configured: string };

export interface DynamicFileFact {
  entry: Entry;
  configured: string;
  /** Where zkcfg looked; a relative path is looked up beside the config. */
  path: string;
  exists: boolean | "unchecked";
}

export interface Facts {
  dataDir?: DataDirFact;
  dynamicFile?: DynamicFileFact;
  /** Name of the directory holding the config (zkServer.sh looks up bare names in conf/). */
  directoryName: string;
}

function readMyidFact(view: HostView, dir: string): MyidFact {
  const path = join(dir, "myid");
  const kind = view.fs.kind(path);
  if (kind === undefined) return { kind: "absent", path };
  if (kind !== "file") return { kind: "not-a-file", path };
  return { kind: "present", path, reading: readMyid(view.fs.readFile(path)) };
}

export function readDataDirFact(view: HostView, entry: Entry): DataDirFact {
  const configured = javaTrim(entry.value);
  if (view.syntaxOnly) return { state: "unchecked", entry, configured };
  if (!isAbsolute(configured)) return { state: "relative", entry, configured };
  const path = hostPath(view, configured);
  const kind = view.fs.kind(path);
  if (kind === "directory") {
    return {
      state: "present",
      entry,
      configured,
      path,
      myid: readMyidFact(view, path),
      hasData: view.fs.kind(join(path, "version-2")) !== undefined,
    };
  }
  if (kind !== undefined) return { state: "not-a-directory", entry, configured, path };
  if (view.fs.kind(dirname(path)) === "directory") {
    return { state: "creatable", entry, configured, path, myid: { kind: "absent", path: join(path, "myid") }, hasData: false };
  }
  return { state: "elsewhere", entry, configured, path };
}

export function readFacts(view: HostView, config: ZooConfig, configPath: string): Facts {
  const facts: Facts = { directoryName: basename(dirname(resolve(configPath))) };
  const dataDir = config.get("dataDir");
  if (dataDir) facts.dataDir = readDataDirFact(view, dataDir);
  const dyn = config.get("dynamicConfigFile");
  if (dyn) {
    const configured = javaTrim(dyn.value);
    const path = isAbsolute(configured) ? hostPath(view, configured) : join(dirname(configPath), configured);
    facts.dynamicFile = {
      entry: dyn,
      configured,
      path,
      exists: view.syntaxOnly ? "unchecked" : view.fs.kind(path) === "file",
    };
  }
  return facts;
}

import { join, dirname, basename, posix, resolve } from "node:path";
import type { Entry } from "../parse/document.js";
import type { FileSystem } from "../io/fs.js";
import type { ZooConfig } from "./config.js";
import { javaTrim } from "./java-number.js";
import { readMyid, type MyidReading } from "./myid.js";
import { hostKey, serversNamingHost } from "./ensemble.js";

/** Where a config's paths are looked up: this machine, or a tree standing in for the target host. */
export interface HostView {
  fs: FileSystem;
  /** Absolute paths in configs are read under this directory (a checkout or an image being built). */
  root?: string;
  /** Skip every file-system check. */
  syntaxOnly: boolean;
  /** This machine's host name: a config whose server line names it is for this machine. */
  hostname: string;
}

/** A Windows drive path (`C:/zk`, `D:\\zk`): absolute on the Windows server it is written for. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path);
}

/** Absolute on the server the config is for, POSIX or Windows. */
export function isAbsolutePath(path: string): boolean {
  return posix.isAbsolute(path) || isWindowsAbsolute(path);
}

export function hostPath(view: HostView, configured: string): string {
  return view.root ? join(view.root, configured) : configured;
}

export type MyidFact =
  | { kind: "absent"; path: string }
  | { kind: "present"; path: string; reading: MyidReading }
  | { kind: "not-a-file"; path: string }
  | { kind: "unreadable"; path: string; reason: string };

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

function readMyidFactAt(view: HostView, dir: string): MyidFact {
  const path = join(dir, "myid");
  const kind = view.fs.kind(path);
  if (kind === undefined) return { kind: "absent", path };
  if (kind !== "file") return { kind: "not-a-file", path };
  let bytes: Uint8Array;
  try {
    bytes = view.fs.readFile(path);
  } catch (e) {
    return { kind: "unreadable", path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  return { kind: "present", path, reading: readMyid(bytes) };
}

/**
 * A dataDir that does not exist yet is still this machine's when zkcfg was told so (--root), when
 * a server line names this host, or when every server is on loopback (such an ensemble runs where
 * it is); a parent that merely exists (/var/lib) proves nothing.
 */
function isThisMachine(view: HostView, config: ZooConfig): boolean {
  if (view.root !== undefined || serversNamingHost(config, view.hostname).length > 0) return true;
  const hosts = config.servers.map((s) => hostKey(s.addresses[0]?.host.value ?? ""));
  return hosts.length > 0 && hosts.every((h) => h === "loopback");
}

export function readDataDirFact(view: HostView, entry: Entry, config: ZooConfig): DataDirFact {
  const configured = javaTrim(entry.value);
  if (view.syntaxOnly) return { state: "unchecked", entry, configured };
  if (!isAbsolutePath(configured)) return { state: "relative", entry, configured };
  // A Windows server's path: not on this machine, whatever is mounted here.
  if (isWindowsAbsolute(configured)) return { state: "elsewhere", entry, configured, path: configured };
  const path = hostPath(view, configured);
  const kind = view.fs.kind(path);
  if (kind === "directory") {
    return {
      state: "present",
      entry,
      configured,
      path,
      myid: readMyidFactAt(view, path),
      hasData: view.fs.kind(join(path, "version-2")) !== undefined,
    };
  }
  if (kind !== undefined) return { state: "not-a-directory", entry, configured, path };
  if (view.fs.kind(dirname(path)) === "directory" && isThisMachine(view, config)) {
    return { state: "creatable", entry, configured, path, myid: { kind: "absent", path: join(path, "myid") }, hasData: false };
  }
  return { state: "elsewhere", entry, configured, path };
}

export function readFacts(view: HostView, config: ZooConfig, configPath: string): Facts {
  const facts: Facts = { directoryName: basename(dirname(resolve(configPath))) };
  const dataDir = config.get("dataDir");
  if (dataDir) facts.dataDir = readDataDirFact(view, dataDir, config);
  const dyn = config.get("dynamicConfigFile");
  if (dyn) {
    const configured = javaTrim(dyn.value);
    const path = posix.isAbsolute(configured) ? hostPath(view, configured) : join(dirname(configPath), configured);
    facts.dynamicFile = {
      entry: dyn,
      configured,
      path,
      exists: view.syntaxOnly || isWindowsAbsolute(configured) ? "unchecked" : view.fs.kind(path) === "file",
    };
  }
  return facts;
}

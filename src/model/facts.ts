import { join, dirname, basename, normalize, parse, posix, resolve, sep } from "node:path";
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

/** What `version-2/` of a data or log directory holds: ZooKeeper's own data, if any. */
export interface StoreContents {
  /** version-2/ exists: some server wrote here. */
  hasData: boolean;
  snapshots: boolean;
  logs: boolean;
}

const EMPTY: StoreContents = { hasData: false, snapshots: false, logs: false };

/**
 * What zkcfg could learn about a data (or log) directory:
 * - present: the directory exists (its myid and version-2/ were read);
 * - creatable: it does not exist, the config is for this machine, and ZooKeeper can create it;
 * - elsewhere: it does not exist and nothing says the config is for this machine: checks are skipped;
 * - not-a-directory: a file stands at that path or above it, so ZooKeeper cannot create it;
 * - unchecked: --syntax-only.
 * `relative` marks a path resolved against the assumed working directory (see workingDirectory).
 */
export type DirFact =
  | { state: "present"; entry: Entry; configured: string; path: string; relative: boolean; myid: MyidFact; store: StoreContents }
  | { state: "creatable"; entry: Entry; configured: string; path: string; relative: boolean; myid: MyidFact; store: StoreContents }
  | { state: "elsewhere"; entry: Entry; configured: string; path: string; relative: boolean }
  | { state: "not-a-directory"; entry: Entry; configured: string; path: string; relative: boolean; blockedAt: string }
  | { state: "unchecked"; entry: Entry; configured: string };

export type DataDirFact = DirFact;

export interface DynamicFileFact {
  entry: Entry;
  configured: string;
  /** Where zkcfg looked: absolute paths under --root, relative ones from the assumed working directory. */
  path: string;
  relative: boolean;
  exists: boolean | "unchecked";
}

export interface Facts {
  dataDir?: DataDirFact;
  dataLogDir?: DirFact;
  dynamicFile?: DynamicFileFact;
  /** `<config>.dynamic.next`, left by a reconfiguration; ZooKeeper reads it when the config names a dynamic file. */
  nextDynamicFile?: { path: string };
  /** Name of the directory holding the config (zkServer.sh looks up bare names in conf/). */
  directoryName: string;
  /** Where relative paths of this config were resolved (see workingDirectory). */
  workingDirectory: string;
}

/**
 * ZooKeeper resolves relative paths against the server's working directory, which zkServer.sh
 * leaves as it finds it. zkcfg assumes the usual one: ZooKeeper's home, the parent of the conf/
 * directory holding the config (`bin/zkServer.sh start` run from there), or else the config's own
 * directory.
 */
export function workingDirectory(configPath: string): string {
  const dir = dirname(resolve(configPath));
  return basename(dir) === "conf" ? dirname(dir) : dir;
}

function readMyidFactAt(view: HostView, dir: string): MyidFact {
  const path = join(dir, "myid");
  let bytes: Uint8Array;
  try {
    // Read first: a fleet's myids are there, and a read that works needs no stat before it.
    bytes = view.fs.readFile(path);
  } catch (e) {
    const kind = view.fs.kind(path);
    if (kind === undefined) return { kind: "absent", path };
    if (kind !== "file") return { kind: "not-a-file", path };
    return { kind: "unreadable", path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  return { kind: "present", path, reading: readMyid(bytes) };
}

function readStore(view: HostView, dir: string): StoreContents {
  const store = join(dir, "version-2");
  const kind = view.fs.kind(store);
  if (kind === undefined) return EMPTY;
  if (kind !== "directory") return { hasData: true, snapshots: false, logs: false };
  let names: string[] = [];
  try {
    names = view.fs.list(store);
  } catch {
    // Unlistable: still data of some server; its kind stays unknown.
  }
  return { hasData: true, snapshots: names.some((n) => n.startsWith("snapshot.")), logs: names.some((n) => n.startsWith("log.")) };
}

/**
 * A directory that does not exist yet is still this machine's when zkcfg was told so (--root), when
 * a server line names this host, or when every server is on loopback (such an ensemble runs where
 * it is); a parent that merely exists (/var/lib) proves nothing.
 */
function isThisMachine(view: HostView, config: ZooConfig): boolean {
  if (view.root !== undefined || serversNamingHost(config, view.hostname).length > 0) return true;
  const hosts = config.servers.map((s) => hostKey(s.addresses[0]?.host.value ?? ""));
  return hosts.length > 0 && hosts.every((h) => h === "loopback");
}

/**
 * The deepest existing path above `path`, if it is not a directory (ZooKeeper's mkdirs stops there).
 * Found from the top of the normalized path down: the walk ends where the existing directories do,
 * so a long path (or one spelled `/./././…`) costs a stat per directory there is, not per segment.
 */
function blockingAncestor(view: HostView, path: string): string | undefined {
  const normal = normalize(path);
  const top = parse(normal).root.length;
  for (let end = normal.indexOf(sep, top); end > 0 && end < normal.length - 1; end = normal.indexOf(sep, end + 1)) {
    const above = normal.slice(0, end);
    const kind = view.fs.kind(above);
    if (kind !== "directory") return kind === undefined ? undefined : above;
  }
  return undefined;
}

/** Where a path of the config lies on the machine zkcfg checks: under --root, or from the working directory. */
function locate(view: HostView, configured: string, configPath: string): { path: string; relative: boolean } {
  if (isAbsolutePath(configured)) return { path: hostPath(view, configured), relative: false };
  return { path: join(workingDirectory(configPath), configured), relative: true };
}

export function readDirFact(view: HostView, entry: Entry, config: ZooConfig, configPath: string, withMyid: boolean): DirFact {
  const configured = javaTrim(entry.value);
  if (view.syntaxOnly) return { state: "unchecked", entry, configured };
  // A Windows server's path: not on this machine, whatever is mounted here.
  if (isWindowsAbsolute(configured)) return { state: "elsewhere", entry, configured, path: configured, relative: false };
  const { path, relative } = locate(view, configured, configPath);
  const myidOf = (dir: string): MyidFact => (withMyid ? readMyidFactAt(view, dir) : { kind: "absent", path: join(dir, "myid") });
  const kind = view.fs.kind(path);
  if (kind === "directory") {
    return { state: "present", entry, configured, path, relative, myid: myidOf(path), store: readStore(view, path) };
  }
  if (kind !== undefined) return { state: "not-a-directory", entry, configured, path, relative, blockedAt: path };
  // A file standing where a parent directory must be rules the path out on any machine reading this tree.
  const blockedAt = blockingAncestor(view, path);
  if (blockedAt !== undefined) return { state: "not-a-directory", entry, configured, path, relative, blockedAt };
  if (!isThisMachine(view, config)) return { state: "elsewhere", entry, configured, path, relative };
  return { state: "creatable", entry, configured, path, relative, myid: { kind: "absent", path: join(path, "myid") }, store: EMPTY };
}

export function readFacts(view: HostView, config: ZooConfig, configPath: string): Facts {
  const facts: Facts = { directoryName: basename(dirname(resolve(configPath))), workingDirectory: workingDirectory(configPath) };
  const dataDir = config.get("dataDir");
  if (dataDir) facts.dataDir = readDirFact(view, dataDir, config, configPath, true);
  const dataLogDir = config.get("dataLogDir");
  if (dataLogDir) facts.dataLogDir = readDirFact(view, dataLogDir, config, configPath, false);
  const dyn = config.get("dynamicConfigFile");
  if (dyn) {
    const configured = javaTrim(dyn.value);
    const { path, relative } = locate(view, configured, configPath);
    facts.dynamicFile = {
      entry: dyn,
      configured,
      path,
      relative,
      exists: view.syntaxOnly || isWindowsAbsolute(configured) ? "unchecked" : view.fs.kind(path) === "file",
    };
    const next = `${configPath}.dynamic.next`;
    if (!view.syntaxOnly && view.fs.kind(next) === "file") facts.nextDynamicFile = { path: next };
  }
  return facts;
}

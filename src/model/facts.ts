import { join, dirname, basename, normalize, parse, posix, resolve, sep } from "node:path";
import type { Entry } from "../parse/document.js";
import { findZookeeperHome, type ZookeeperHome } from "./zk-home.js";
import { NotAFileError, realPathOf, type FileSystem } from "../io/fs.js";
import { whyNotRead, type UnreadReason } from "./named-file.js";
import { LinkLoopError, resolveInRoot, within } from "../io/rooted-path.js";
import type { ZooConfig } from "./config.js";
import { decodeLatin1 } from "../parse/source.js";
import { javaTrim } from "./java-number.js";
import { MYID_READ_LIMIT, readMyid, type MyidReading } from "./myid.js";
import { onLoopbackOnly, parseHostsFile, readEvidence, type MachineNames, type ReadEvidence } from "./hosts.js";

/** Where a config's paths are looked up: this machine, or a tree standing in for the target host. */
export interface HostView {
  fs: FileSystem;
  /** Absolute paths in configs are read under this directory (a checkout or an image being built). */
  root?: string;
  /** Skip every file-system check. */
  syntaxOnly: boolean;
  /** This machine's host name: a config whose server line names it is for this machine. */
  hostname: string;
  /** The machine the settings' `hosts` name for the config. */
  machine?: string;
  /** --myid was given for this config, the one named. */
  myidGiven?: boolean;
}

/** A Windows drive path (`C:/zk`, `D:\\zk`): absolute on the Windows server it is written for. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path);
}

/** Absolute on the server the config is for, POSIX or Windows. */
export function isAbsolutePath(path: string): boolean {
  return posix.isAbsolute(path) || isWindowsAbsolute(path);
}

const roots = new WeakMap<HostView, string>();

/** The tree the config's paths are resolved in: the real path of --root (asked once per view), or this machine's "/". */
function rootOf(view: HostView): string {
  if (view.root === undefined) return "/";
  // --syntax-only reads nothing, not even where the root leads.
  if (view.syntaxOnly) return view.root;
  let root = roots.get(view);
  if (root === undefined) roots.set(view, (root = realPathOf(view.fs, view.root)));
  return root;
}

/**
 * Where a path of the config leads, as a host path inside the config's root, resolved as the
 * target machine would (see resolveInRoot): a relative one from `from`. Throws LinkLoopError.
 */
export function hostPath(view: HostView, configured: string, from?: string): string {
  return resolveInRoot((p) => view.fs.readlink?.(p), rootOf(view), configured, from);
}

export type MyidFact =
  | { kind: "absent"; path: string }
  | { kind: "present"; path: string; reading: MyidReading }
  | { kind: "not-a-file"; path: string }
  /** A symbolic link leading out of its data directory to a file not named myid: not read, for it may lead to anything the user running zkcfg may read. */
  | { kind: "outside-link"; path: string }
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
 * - elsewhere: an absolute path of a config not proven to be for this machine (not read at all),
 *   or a relative one that does not exist where nothing says the server runs: checks are skipped;
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
  /** Why zkcfg does not read it though it is there (see whyNotRead). */
  unread?: UnreadReason;
}

export interface Facts {
  /** The tree this config's paths were resolved in (see hostPath), when a root is given: the real path of --root or the settings' root. */
  root?: string;
  /** Why the config's absolute paths were read (under its root, or on this machine); unset: they were not. */
  reads?: ReadEvidence;
  /** The names of the machine under the config's root (its /etc/hostname and /etc/hosts). */
  machineNames?: MachineNames;
  dataDir?: DataDirFact;
  dataLogDir?: DirFact;
  dynamicFile?: DynamicFileFact;
  /** `<config>.dynamic.next`, left by a reconfiguration; ZooKeeper reads it when the config names a dynamic file. */
  nextDynamicFile?: { path: string; unread?: UnreadReason };
  /** Name of the directory holding the config (zkServer.sh looks up bare names in conf/). */
  directoryName: string;
  /** The ZooKeeper home around a config outside conf/, when one is there (not looked for with --syntax-only). */
  zookeeperHome?: ZookeeperHome;
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

/** The myid at `path` (a host path), read no further than ZooKeeper's ids need and never through a link. */
function readMyidAt(view: HostView, path: string): MyidFact | "link" {
  try {
    // Read first: a fleet's myids are there, and a read that works needs no stat before it.
    const { bytes, more } = view.fs.readHead(path, MYID_READ_LIMIT);
    return { kind: "present", path, reading: readMyid(bytes, more) };
  } catch (e) {
    if (e instanceof NotAFileError) return e.what === "a symbolic link" ? "link" : { kind: "not-a-file", path };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "absent", path };
    return { kind: "unreadable", path, reason: code ?? (e as Error).message };
  }
}

function readMyidFactAt(view: HostView, dir: string): MyidFact {
  const path = join(dir, "myid");
  const fact = readMyidAt(view, path);
  if (fact !== "link") return fact;
  // ZooKeeper follows the link; zkcfg does too while it stays in the data directory, or leads to
  // another myid (Debian links /var/lib/zookeeper/myid to /etc/zookeeper/conf/myid), never to
  // anything else the user running zkcfg may read (/proc/self/environ, a private file).
  let target: string;
  try {
    target = hostPath(view, "myid", dir);
  } catch {
    return { kind: "not-a-file", path };
  }
  if (within(dir, target) === undefined && basename(target) !== "myid") return { kind: "outside-link", path };
  const read = readMyidAt(view, target);
  // Read from where the link leads, named where ZooKeeper looks.
  return read === "link" ? { kind: "not-a-file", path } : { ...read, path };
}

function readStore(view: HostView, dir: string): StoreContents {
  let store: string;
  try {
    // Under a root, a link there is followed inside it; on this machine, as the system follows it.
    store = view.root === undefined ? join(dir, "version-2") : hostPath(view, "version-2", dir);
  } catch {
    return { hasData: true, snapshots: false, logs: false };
  }
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
 * A relative path is resolved in the linted tree; one that does not exist there is still where the
 * server runs when the config's machine is known (readEvidence), or when every server is on loopback
 * (such an ensemble runs where it is); a parent that merely exists proves nothing.
 */
function runsHere(reads: ReadEvidence | undefined, config: ZooConfig): boolean {
  return reads !== undefined || onLoopbackOnly(config.servers);
}

/**
 * The deepest existing path above `path`, if it is not a directory (ZooKeeper's mkdirs stops there).
 * Found from the top of the normalized path down: the walk ends where the existing directories do,
 * so a long path (or one spelled `/./././…`) costs a stat per directory there is, not per segment.
 */
function blockingAncestor(view: HostView, path: string): string | undefined {
  const normal = normalize(path);
  // Walked from the top down (one stat per directory that exists, however many `/./` the path
  // holds), but never above the root: what lies outside it is not the target machine's.
  const root = rootOf(view);
  const top = root !== "/" && within(root, normal) !== undefined ? root.length : parse(normal).root.length;
  for (let end = normal.indexOf(sep, top); end > 0 && end < normal.length - 1; end = normal.indexOf(sep, end + 1)) {
    const above = normal.slice(0, end);
    const kind = view.fs.kind(above);
    if (kind !== "directory") return kind === undefined ? undefined : above;
  }
  return undefined;
}

/**
 * Where a path of the config lies on the machine zkcfg checks: an absolute one in the config's
 * root, a relative one from the working directory (in the root when the config is in it; from a
 * config beside the tree, as without --root). `loop`: resolving it met a loop of links there.
 */
function locate(view: HostView, configured: string, configPath: string): { path: string; relative: boolean; loop?: true } {
  const relative = !isAbsolutePath(configured);
  // Nothing is looked up under --syntax-only, nor for a Windows server's path.
  if (view.syntaxOnly || isWindowsAbsolute(configured)) return { path: configured, relative };
  const workdir = workingDirectory(configPath);
  const inRoot = !relative || within(rootOf(view), workdir) !== undefined;
  try {
    const path = inRoot ? hostPath(view, configured, workdir) : resolveInRoot((p) => view.fs.readlink?.(p), "/", configured, workdir);
    return { path, relative };
  } catch (e) {
    if (e instanceof LinkLoopError) return { path: e.at, relative, loop: true };
    throw e;
  }
}

/** `reads`: readEvidence(view, config), worked out once per config by readFacts. */
export function readDirFact(view: HostView, entry: Entry, config: ZooConfig, configPath: string, withMyid: boolean, reads: ReadEvidence | undefined): DirFact {
  const configured = javaTrim(entry.value);
  if (view.syntaxOnly) return { state: "unchecked", entry, configured };
  // A Windows server's path: not on this machine, whatever is mounted here.
  if (isWindowsAbsolute(configured)) return { state: "elsewhere", entry, configured, path: configured, relative: false };
  // This machine's files say nothing about a config not proven to be for it: not even read.
  if (!reads && isAbsolutePath(configured)) return { state: "elsewhere", entry, configured, path: configured, relative: false };
  const { path, relative, loop } = locate(view, configured, configPath);
  if (loop) return { state: "not-a-directory", entry, configured, path, relative, blockedAt: path };
  const myidOf = (dir: string): MyidFact => (withMyid ? readMyidFactAt(view, dir) : { kind: "absent", path: join(dir, "myid") });
  const kind = view.fs.kind(path);
  if (kind === "directory") {
    return { state: "present", entry, configured, path, relative, myid: myidOf(path), store: readStore(view, path) };
  }
  if (kind !== undefined) return { state: "not-a-directory", entry, configured, path, relative, blockedAt: path };
  // A file standing where a parent directory must be rules the path out on any machine reading this tree.
  const blockedAt = blockingAncestor(view, path);
  if (blockedAt !== undefined) return { state: "not-a-directory", entry, configured, path, relative, blockedAt };
  if (!runsHere(reads, config)) return { state: "elsewhere", entry, configured, path, relative };
  return { state: "creatable", entry, configured, path, relative, myid: { kind: "absent", path: join(path, "myid") }, store: EMPTY };
}

/** A small text file of the machine under the root, if it is there. */
function readRootText(view: HostView, path: string): string | undefined {
  try {
    return decodeLatin1(view.fs.readFile(hostPath(view, path), 64 * 1024));
  } catch {
    // Absent or unreadable: the machine's names stay unknown.
    return undefined;
  }
}

/** A root's own names: only a root is one machine's file system; this machine's /etc says nothing about a config. */
function readMachineNames(view: HostView): MachineNames | undefined {
  if (view.root === undefined || view.syntaxOnly) return undefined;
  const hosts = readRootText(view, "/etc/hosts");
  const hostname = readRootText(view, "/etc/hostname")?.split("\n")[0]?.trim();
  if (hosts === undefined && !hostname) return undefined;
  return { hosts: parseHostsFile(hosts ?? ""), ...(hostname ? { hostname } : {}) };
}

export function readFacts(view: HostView, config: ZooConfig, configPath: string): Facts {
  const facts: Facts = { directoryName: basename(dirname(resolve(configPath))), workingDirectory: workingDirectory(configPath) };
  if (view.root !== undefined) facts.root = rootOf(view);
  const reads = readEvidence(view, config);
  if (reads) facts.reads = reads;
  const machineNames = readMachineNames(view);
  if (machineNames) facts.machineNames = machineNames;
  const dataDir = config.get("dataDir");
  if (dataDir) facts.dataDir = readDirFact(view, dataDir, config, configPath, true, reads);
  const dataLogDir = config.get("dataLogDir");
  if (dataLogDir) facts.dataLogDir = readDirFact(view, dataLogDir, config, configPath, false, reads);
  const dyn = config.get("dynamicConfigFile");
  if (dyn) {
    const configured = javaTrim(dyn.value);
    const { path, relative, loop } = locate(view, configured, configPath);
    const unchecked = view.syntaxOnly || isWindowsAbsolute(configured) || (!reads && isAbsolutePath(configured));
    const exists = unchecked ? "unchecked" : !loop && view.fs.kind(path) === "file";
    facts.dynamicFile = { entry: dyn, configured, path, relative, exists };
    // A link stays in the config's tree, or under --root, where every link already resolves; `--root /`
    // is this machine itself, where a link may lead to anyone's file.
    const tree = [facts.workingDirectory, ...(facts.root === undefined || facts.root === "/" ? [] : [facts.root])];
    if (exists === true) {
      const lexical = join(locate(view, posix.dirname(configured), configPath).path, posix.basename(configured));
      const unread = whyNotRead(view.fs, lexical, path, tree);
      if (unread) facts.dynamicFile.unread = unread;
    }
    const next = `${configPath}.dynamic.next`;
    if (!view.syntaxOnly && view.fs.kind(next) === "file") {
      const unread = whyNotRead(view.fs, next, realPathOf(view.fs, next), tree);
      facts.nextDynamicFile = unread ? { path: next, unread } : { path: next };
    }
  }
  if (!view.syntaxOnly && facts.directoryName !== "conf") {
    const home = findZookeeperHome(view.fs, resolve(configPath));
    if (home) facts.zookeeperHome = home;
  }
  return facts;
}

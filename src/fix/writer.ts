import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  readSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { CreateFileFix } from "../lint/rule.js";
import { nodeFileSystem } from "../io/node-fs.js";
import { resolveInRoot, within } from "../io/rooted-path.js";

export interface WriteOutcome {
  path: string;
  written: boolean;
  /** Why it was left alone, when it was. */
  reason?: string;
  /** Left alone because the file already holds exactly the content to write (another run wrote it). */
  unchanged?: true;
}

/** What a system error means for the user, in words. */
function explain(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `permission denied (${code})`;
    case "EROFS":
      return "the file system is read-only (EROFS)";
    case "ENOSPC":
      return "no space left on the device (ENOSPC)";
    case "EDQUOT":
      return "the disk quota is exhausted (EDQUOT)";
    case "ELOOP":
      return "a loop of symbolic links (ELOOP)";
    default:
      return code ?? (e as Error).message;
  }
}

class WriteError extends Error {}

/** For tests only: steps where another process may change the disk, to show what the writer then does. */
export interface WriterHooks {
  /** createFile: the path is resolved, no directory is open yet. */
  afterResolve?: () => void;
  /** replaceFile: the new content is ready beside the config, not yet in place. */
  beforeCommit?: () => void;
}

/** A directory held open, and the host path it was reached by (for messages only). */
interface Dir {
  fd: number;
  path: string;
}

let fdPaths: boolean | undefined;

/**
 * `name` in an open directory, as a path for the system calls Node has (it has no openat). On
 * Linux through /proc/self/fd/N, which the kernel resolves from the very directory held open, as
 * openat() would, so a directory swapped for a link since it was opened is not followed.
 * Elsewhere by its path, once it is checked that the path still leads to the directory held open.
 */
function at(dir: Dir, name: string): string {
  fdPaths ??= existsSync("/proc/self/fd");
  if (fdPaths) return `/proc/self/fd/${dir.fd}/${name}`;
  const held = fstatSync(dir.fd);
  const now = statSync(dir.path, { throwIfNoEntry: false });
  if (!now?.isDirectory() || now.dev !== held.dev || now.ino !== held.ino)
    throw new WriteError(`${dir.path} changed while zkcfg was writing; nothing was written there`);
  return join(dir.path, name);
}

const DIRECTORY = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

/** Opens the directory `name` in `parent` without following a link; undefined when nothing is there. */
function openDirectory(parent: Dir, name: string, whole: string): Dir | undefined {
  const path = join(parent.path, name);
  try {
    return { fd: openSync(at(parent, name), DIRECTORY), path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    // O_NOFOLLOW with O_DIRECTORY answers ENOTDIR for a link too (ELOOP without O_DIRECTORY).
    if (code === "ELOOP" || (code === "ENOTDIR" && lstatSync(at(parent, name), { throwIfNoEntry: false })?.isSymbolicLink())) {
      throw new WriteError(`cannot create ${whole}: ${path} is a symbolic link (it was not when zkcfg looked); zkcfg never writes through a link`);
    }
    if (code === "ENOTDIR") throw new WriteError(`cannot create ${whole}: ${path} is a file, not a directory`);
    throw new WriteError(`cannot create ${whole}: ${explain(e)}`);
  }
}

/** The directories of one write, held open from the root down, and those this write created. */
interface Chain {
  dirs: Dir[];
  /** Created by this write, outermost first: the directory index of its parent in `dirs`, and its name. */
  created: { parent: number; name: string }[];
}

/**
 * Opens `dir` (a host path inside `root`, no link on the way) one directory at a time from the
 * root, never following a link, creating what is missing. Node's recursive mkdir is not used: it
 * follows links, and spins forever where mkdir(2) answers ENOENT under a parent that exists (/proc).
 */
function openChain(root: string, dir: string): Chain {
  const chain: Chain = { dirs: [], created: [] };
  try {
    // The root is the user's choice: the path given is followed to it.
    chain.dirs.push({ fd: openSync(root, constants.O_RDONLY | constants.O_DIRECTORY), path: root });
    for (const name of (within(root, dir) ?? "/").split("/").filter(Boolean)) {
      const parent = chain.dirs.length - 1;
      const top = chain.dirs[parent] as Dir;
      let next = openDirectory(top, name, dir);
      if (next === undefined) {
        try {
          mkdirSync(at(top, name), 0o755);
          chain.created.push({ parent, name });
        } catch (e) {
          // Another run may have just made it: the open below tells.
          if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new WriteError(`cannot create ${join(top.path, name)}: ${explain(e)}`);
        }
        next = openDirectory(top, name, dir);
        if (next === undefined) throw new WriteError(`cannot create ${join(top.path, name)}: it vanished while zkcfg was creating it`);
      }
      chain.dirs.push(next);
    }
    return chain;
  } catch (e) {
    closeChain(chain, false);
    throw e instanceof WriteError ? e : new WriteError(`cannot create ${dir}: ${explain(e)}`);
  }
}

/** Closes the chain; unless the write went through, removes the directories it created, innermost first, while still empty. */
function closeChain(chain: Chain, written: boolean): void {
  if (!written) {
    for (const { parent, name } of [...chain.created].reverse()) {
      try {
        rmdirSync(at(chain.dirs[parent] as Dir, name));
      } catch {
        // Not empty any more (another run wrote into it) or already gone: leave it.
      }
    }
  }
  for (const d of chain.dirs) closeSync(d.fd);
}

/** Whether the regular file `name` in `dir` holds exactly `content`; never opens anything else (a FIFO, a link). */
function holds(dir: Dir, name: string, content: Uint8Array): boolean {
  let fd: number;
  try {
    fd = openSync(at(dir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const stat = fstatSync(fd);
    return stat.isFile() && stat.size === content.byteLength && readAll(fd).equals(content);
  } finally {
    closeSync(fd);
  }
}

/** Everything from the start of an open file, however it has grown. */
function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
}

/** What stands at the target already, if anything: a link is never followed, a file never replaced. */
function alreadyThere(dir: Dir, path: string, content: Uint8Array): WriteOutcome | undefined {
  const name = basename(path);
  const stat = lstatSync(at(dir, name), { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (stat.isSymbolicLink())
    return { path, written: false, reason: `it is a symbolic link (to ${readlinkSync(at(dir, name))}); zkcfg never writes through a link` };
  if (holds(dir, name, content)) return { path, written: false, unchanged: true, reason: "it already holds exactly this content" };
  return { path, written: false, reason: "it already exists; zkcfg never overwrites a myid" };
}

const tempName = (path: string): string => `.${basename(path)}.zkcfg-${process.pid}-${Date.now()}.tmp`;

/**
 * Writes the whole content to the new file `name` in `dir`, synced, with `prepare` applied to it
 * first (owner, mode); a failure leaves no file.
 */
function writeTemp(dir: Dir, name: string, content: Uint8Array, prepare: (fd: number) => void): void {
  const fd = openSync(at(dir, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    prepare(fd);
    for (let done = 0; done < content.byteLength;) done += writeSync(fd, content, done);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    discard(dir, name);
    throw e;
  }
  closeSync(fd);
}

function discard(dir: Dir, name: string | undefined): void {
  if (name === undefined) return;
  try {
    unlinkSync(at(dir, name));
  } catch {
    // Already gone: nothing is left behind either way.
  }
}

/** Makes a new directory entry survive a crash of the machine, where the file system allows it. */
function syncDirectory(dir: Dir): void {
  try {
    fsyncSync(dir.fd);
  } catch {
    // Some file systems cannot sync a directory; the file itself is already on disk.
  }
}

/**
 * The one place zkcfg creates files. The directories on the way are resolved inside the fix's
 * root as the target machine would (resolveInRoot), then opened one at a time from the root without
 * following any link, so that one swapped in meanwhile is refused rather than followed. The whole
 * content goes to a temp file in the directory held open, is synced, then a hard link puts it in
 * place: link() fails when anything (a file, a symlink) is already there, so an existing myid is
 * never overwritten, and no reader, however early it looks or whenever zkcfg is killed, sees a
 * partial file under the target's name. A failure leaves neither the temp file nor the directories
 * this call created.
 */
export function createFile(fix: CreateFileFix, hooks: WriterHooks = {}): WriteOutcome {
  const { path, text } = fix;
  const root = fix.root ?? "/";
  const content = Buffer.from(text);
  const inside = within(root, resolve(dirname(path)));
  if (inside === undefined) return { path, written: false, reason: `it is outside ${root}, the tree zkcfg was given` };
  let chain: Chain;
  try {
    const resolved = resolveInRoot((p) => nodeFileSystem.readlink?.(p), root, inside);
    hooks.afterResolve?.();
    chain = openChain(root, resolved);
  } catch (e) {
    return { path, written: false, reason: e instanceof WriteError ? e.message : explain(e) };
  }
  const dir = chain.dirs[chain.dirs.length - 1] as Dir;
  let temp: string | undefined;
  let linked = false;
  try {
    const before = alreadyThere(dir, path, content);
    if (before) return before;
    temp = tempName(path);
    writeTemp(dir, temp, content, (fd) => fchmodSync(fd, 0o644));
    linkSync(at(dir, temp), at(dir, basename(path)));
    linked = true;
    syncDirectory(dir);
    return { path, written: true };
  } catch (e) {
    // Another run may have put the very same content there a moment ago.
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      return alreadyThere(dir, path, content) ?? { path, written: false, reason: "it appeared while zkcfg was writing; left as it is" };
    }
    return { path, written: false, reason: e instanceof WriteError ? e.message : `cannot write it: ${explain(e)}` };
  } finally {
    // Linked or not, the temp name goes.
    discard(dir, temp);
    closeChain(chain, linked);
  }
}

/** Whether the file held open is still, byte for byte and inode for inode, the one read at `seen`, and still at its name. */
function unchanged(dir: Dir, name: string, fd: number, seen: BigIntStats, expected: Uint8Array): boolean {
  const now = fstatSync(fd, { bigint: true });
  const named = lstatSync(at(dir, name), { bigint: true, throwIfNoEntry: false });
  return (
    named !== undefined &&
    named.dev === seen.dev &&
    named.ino === seen.ino &&
    now.size === seen.size &&
    now.mtimeNs === seen.mtimeNs &&
    now.ctimeNs === seen.ctimeNs &&
    readAll(fd).equals(expected)
  );
}

const CHANGED = "it changed while zkcfg was fixing it; left as it is";

/**
 * Replaces a config's whole content, when it still holds `expected` (the text the edits were
 * planned on): the new bytes go to a temp file beside it, with its owner, group and mode, and
 * rename() puts that in place, so a reader sees the old file or the new one, never a mix. Just
 * before the rename, the file held open since the start is checked again (inode, size, times,
 * content): a line appended meanwhile leaves it as it is. A link is left alone: the rename would
 * replace the link itself, not the file it points to.
 */
export function replaceFile(path: string, expected: Uint8Array, content: Uint8Array, hooks: WriterHooks = {}): WriteOutcome {
  const name = basename(path);
  let dir: Dir;
  let fd: number;
  try {
    // The config's folder is the one the user named, links and all; the file itself is no link.
    dir = { fd: openSync(dirname(path), constants.O_RDONLY | constants.O_DIRECTORY), path: dirname(path) };
  } catch (e) {
    return { path, written: false, reason: `cannot read it: ${explain(e)}` };
  }
  try {
    fd = openSync(at(dir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    closeSync(dir.fd);
    const link = (e as NodeJS.ErrnoException).code === "ELOOP";
    return { path, written: false, reason: link ? "it is a symbolic link; zkcfg edits only regular files" : `cannot read it: ${explain(e)}` };
  }
  let temp: string | undefined;
  try {
    const seen = fstatSync(fd, { bigint: true });
    if (!seen.isFile()) return { path, written: false, reason: "it is not a regular file" };
    // The size first: a file grown huge meanwhile is not read to tell.
    if (seen.size !== BigInt(expected.byteLength) || !readAll(fd).equals(expected)) return { path, written: false, reason: CHANGED };
    temp = tempName(path);
    writeTemp(dir, temp, content, (out) => {
      // Owner first: chown clears the set-id bits that the mode then restores.
      const own = fstatSync(out);
      try {
        if (own.uid !== Number(seen.uid) || own.gid !== Number(seen.gid)) fchownSync(out, Number(seen.uid), Number(seen.gid));
      } catch (e) {
        throw new WriteError(`zkcfg cannot give the new file its owner and group: ${explain(e)}; left as it is`);
      }
      fchmodSync(out, Number(seen.mode) & 0o7777);
    });
    hooks.beforeCommit?.();
    if (!unchanged(dir, name, fd, seen, expected)) return { path, written: false, reason: CHANGED };
    renameSync(at(dir, temp), at(dir, name));
    temp = undefined;
    syncDirectory(dir);
    return { path, written: true };
  } catch (e) {
    return { path, written: false, reason: e instanceof WriteError ? e.message : `cannot write it: ${explain(e)}` };
  } finally {
    discard(dir, temp);
    closeSync(fd);
    closeSync(dir.fd);
  }
}

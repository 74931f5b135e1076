import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CreateFileFix } from "../lint/rule.js";

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

/** Removes directories this run created, innermost first, as long as they are still empty. */
function removeDirectories(created: string[]): void {
  for (const d of [...created].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty any more (another run wrote into it) or already gone: leave it.
    }
  }
}

/**
 * mkdir -p, returning what it created (outermost first). Node's recursive mkdir is not used: it
 * spins forever where mkdir(2) answers ENOENT under a parent that exists, as it does in /proc.
 */
function makeDirectories(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    let stat: Stats;
    try {
      stat = statSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file further up; the walk finds and names it.
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(d) === d) throw new WriteError(`cannot create ${dir}: ${explain(e)}`);
      missing.push(d);
      continue;
    }
    if (!stat.isDirectory()) throw new WriteError(`cannot create ${dir}: ${d} is a file, not a directory`);
    break;
  }
  const created: string[] = [];
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
      created.push(d);
    } catch (e) {
      // Another run may have just made it; anything else at that name is in the way.
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && statSync(d, { throwIfNoEntry: false })?.isDirectory()) continue;
      removeDirectories(created);
      throw new WriteError(`cannot create ${d}: ${explain(e)}`);
    }
  }
  return created;
}

/** What stands at the target already, if anything: a link is never followed, a file never replaced. */
function alreadyThere(path: string, content: Buffer): WriteOutcome | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return { path, written: false, reason: `it is a symbolic link (to ${readlinkSync(path)}); zkcfg never writes through a link` };
  if (stat.isFile() && stat.size === content.byteLength && readFileSync(path).equals(content)) {
    return { path, written: false, unchanged: true, reason: "it already holds exactly this content" };
  }
  return { path, written: false, reason: "it already exists; zkcfg never overwrites a myid" };
}

/**
 * Writes the whole content to a new temp file beside `path`, with `mode`, synced to disk; returns
 * its name. A failure leaves no temp file.
 */
function writeTemp(path: string, content: Uint8Array, mode: number): string {
  const temp = join(dirname(path), `.${basename(path)}.zkcfg-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(temp, "wx", mode);
  try {
    fchmodSync(fd, mode);
    for (let done = 0; done < content.byteLength; ) done += writeSync(fd, content, done);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    discard(temp);
    throw e;
  }
  closeSync(fd);
  return temp;
}

function discard(temp: string | undefined): void {
  if (temp === undefined) return;
  try {
    unlinkSync(temp);
  } catch {
    // Already gone: nothing is left behind either way.
  }
}

/** Makes a new directory entry survive a crash of the machine, where the file system allows it. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a directory; the file itself is already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The one place zkcfg creates files: the whole content goes to a temp file beside the target, is
 * synced, then a hard link puts it in place. link() fails when anything (a file, a symlink) is
 * already there, so an existing myid is never overwritten, and no reader, however early it looks
 * or whenever zkcfg is killed, sees a partial file under the target's name. A failure leaves
 * neither the temp file nor the directories this call created.
 */
export function createFile(fix: CreateFileFix): WriteOutcome {
  const { path, text } = fix;
  const content = Buffer.from(text);
  const dir = dirname(path);
  const before = alreadyThere(path, content);
  if (before) return before;
  let created: string[];
  try {
    created = makeDirectories(dir);
  } catch (e) {
    return { path, written: false, reason: e instanceof WriteError ? e.message : explain(e) };
  }
  let temp: string | undefined;
  let linked = false;
  try {
    temp = writeTemp(path, content, 0o644);
    linkSync(temp, path);
    linked = true;
    syncDirectory(dir);
    return { path, written: true };
  } catch (e) {
    // Another run may have put the very same content there a moment ago.
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      return alreadyThere(path, content) ?? { path, written: false, reason: "it appeared while zkcfg was writing; left as it is" };
    }
    return { path, written: false, reason: `cannot write it: ${explain(e)}` };
  } finally {
    // Linked or not, the temp name goes.
    discard(temp);
    if (!linked) removeDirectories(created);
  }
}

/**
 * Replaces a config's whole content: the new bytes go to a temp file beside it, with its mode, and
 * rename() puts that in place, so a reader sees the old file or the new one, never a mix. A link
 * is left alone: the rename would replace the link itself, not the file it points to.
 */
export function replaceFile(path: string, content: Uint8Array): WriteOutcome {
  let mode: number;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return { path, written: false, reason: "it is a symbolic link; zkcfg edits only regular files" };
    if (!stat.isFile()) return { path, written: false, reason: "it is not a regular file" };
    mode = stat.mode & 0o7777;
  } catch (e) {
    return { path, written: false, reason: `cannot read it: ${explain(e)}` };
  }
  let temp: string | undefined;
  try {
    temp = writeTemp(path, content, mode);
    renameSync(temp, path);
    temp = undefined;
    syncDirectory(dirname(path));
    return { path, written: true };
  } catch (e) {
    return { path, written: false, reason: `cannot write it: ${explain(e)}` };
  } finally {
    discard(temp);
  }
}

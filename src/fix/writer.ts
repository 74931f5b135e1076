import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CreateFileFix } from "../lint/rule.js";

export interface WriteOutcome {
  path: string;
  written: boolean;
  /** Why it was left alone, when it was. */
  reason?: string;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one place zkcfg writes: the whole content goes to a temp file beside the target, then a
 * hard link puts it in place. link() fails when anything (a file, a symlink) is already there,
 * so an existing myid is never overwritten, and no reader ever sees a partial file.
 */
export function createFile(fix: CreateFileFix): WriteOutcome {
  const { path, text } = fix;
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return { path, written: false, reason: `cannot create ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (exists(path)) return { path, written: false, reason: "it already exists; zkcfg never overwrites a myid" };
  const temp = join(dir, `.${basename(path)}.zkcfg-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    linkSync(temp, path);
    return { path, written: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "EEXIST" ? "it appeared while zkcfg was writing; left as it is" : `cannot write it: ${code ?? (e as Error).message}`;
    return { path, written: false, reason };
  } finally {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up when the temp file was never created.
    }
  }
}

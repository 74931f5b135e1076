import { statSync, type Stats } from "node:fs";
import { dirname } from "node:path";

const STICKY = 0o1000;
const GROUP_WRITE = 0o020;
const OTHERS_WRITE = 0o002;

const mode = (stats: Stats): string => `mode ${(stats.mode & 0o7777).toString(8).padStart(4, "0")}`;

/** Why what is at `path` could be changed by someone other than `uid` and root, if it could. */
function foreignControl(stats: Stats, uid: number, gid: number | undefined, isDirectory: boolean): string | undefined {
  if (stats.uid !== uid && stats.uid !== 0) return `owned by uid ${stats.uid}, ${uid === 0 ? "not by you (uid 0)" : `neither you (uid ${uid}) nor root`}`;
  // In a sticky directory (/tmp) others may add files, but not rename or replace someone else's.
  if (isDirectory && (stats.mode & STICKY) !== 0) return undefined;
  // A group write bit is harmless when the group is the user's own (a user-private group with umask 002).
  const groupWrite = (stats.mode & GROUP_WRITE) !== 0 && stats.gid !== gid;
  if (groupWrite || (stats.mode & OTHERS_WRITE) !== 0) return `writable by group or others (${mode(stats)})`;
  return undefined;
}

/**
 * Why the settings file at `realPath` (links resolved) is not to be trusted, if it is not: when it
 * or its directory belongs to another user than the one running zkcfg (root excepted), or others
 * (or a group other than the user's own) may write it, that is someone else's say over this run (and for JavaScript settings,
 * code run as this user), as git refuses a repository someone else owns.
 */
export function whyUntrusted(realPath: string): string | undefined {
  const uid = process.geteuid?.();
  // No owners to compare (Windows).
  if (uid === undefined) return undefined;
  const gid = process.getegid?.();
  const file = foreignControl(statSync(realPath), uid, gid, false);
  if (file) return `it is ${file}`;
  const dir = dirname(realPath);
  const holder = foreignControl(statSync(dir), uid, gid, true);
  return holder ? `its directory ${dir} is ${holder}` : undefined;
}

import { dirname } from "node:path";
import { realPathOf, type FileSystem } from "../io/fs.js";
import { within } from "../io/rooted-path.js";

/**
 * Pseudo-file systems: their files say size 0 and hold what a process or the kernel holds (an
 * environment, memory, a device's stream), never a config someone wrote.
 */
const PSEUDO = ["/proc", "/sys", "/dev"];

/** Why zkcfg did not read a file a config names (a dynamic file, a `.dynamic.next`): facts the messages quote. */
export type UnreadReason =
  /** It lies in /proc, /sys or /dev. */
  | { kind: "pseudo"; directory: string }
  /** It is a link leading out of these directories. */
  | { kind: "linkOut"; directories: string[] }
  | { kind: "tooLarge"; limitMiB: number }
  /** Something other than a regular file stands there: "a directory", "a named pipe (FIFO)"… */
  | { kind: "notFile"; what: string }
  /** Reading it failed with this error (an errno code when there is one). */
  | { kind: "failed"; error: string };

/**
 * Why zkcfg does not read a file a config names (a dynamic file, a `.dynamic.next`), or undefined
 * when it may. `lexical` is where ZooKeeper opens it (its directories resolved, its own name not),
 * `resolved` where that leads, `tree` the directories a link at `lexical` may lead into besides its
 * own. zkcfg runs as root on configs strangers write: a link there must not make it print what only
 * root may read; a file the config names directly is read, and quoted by excerpts only.
 */
export function whyNotRead(fs: FileSystem, lexical: string, resolved: string, tree: readonly string[]): UnreadReason | undefined {
  const pseudo = PSEUDO.find((p) => within(p, resolved) !== undefined);
  if (pseudo) return { kind: "pseudo", directory: pseudo };
  if (fs.readlink?.(lexical) === undefined) return undefined;
  const dirs = [dirname(lexical), ...tree];
  if (dirs.some((d) => within(realPathOf(fs, d), resolved) !== undefined)) return undefined;
  // Named by the widest of them: the link's own directory is usually inside the config's tree.
  const named = dirs.filter((d) => !dirs.some((o) => o !== d && within(o, d) !== undefined));
  return { kind: "linkOut", directories: named };
}

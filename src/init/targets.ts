import { dirname } from "node:path";
import type { FileSystem } from "../io/fs.js";
import type { InitPlan } from "./plan.js";

/** The nearest existing ancestor of a path, when it is something other than a directory. */
function blockingAncestor(path: string, fs: FileSystem): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const kind = fs.kind(dir);
    if (kind !== undefined) return kind === "directory" ? undefined : dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Everything that stops init from writing its plan, all of it at once: a file that exists (init
 * never overwrites), a path through a non-directory, a data or log directory that already holds
 * something (another server's data, whose identity a new myid would contradict).
 */
export function findConflicts(plan: InitPlan, fs: FileSystem): string[] {
  const found = new Set<string>();
  for (const { path } of plan.files) {
    if (fs.kind(path) !== undefined) found.add(`${path} exists`);
    else {
      const blocked = blockingAncestor(path, fs);
      if (blocked !== undefined) found.add(`${blocked} is not a directory`);
    }
  }
  for (const dir of plan.freshDirs) {
    const kind = fs.kind(dir);
    if (kind === undefined) continue;
    if (kind !== "directory") {
      found.add(`${dir} is not a directory`);
      continue;
    }
    let names: string[];
    try {
      names = fs.list(dir);
    } catch (e) {
      found.add(`${dir} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    if (names.length > 0) found.add(`${dir} is not empty (${names.join(", ")}): it may hold another server's data`);
  }
  return [...found];
}

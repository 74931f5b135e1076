import { resolve } from "node:path";
import { CachedFileSystem } from "./cached-fs.js";
import type { FileSystem } from "./fs.js";

/**
 * The files a quoted glob matches, relative to `cwd` and sorted. With the run's CachedFileSystem
 * the walk reads the same listings the rest of the run uses, so a fleet's directories are listed
 * once in all, not once for the glob and again for linting.
 */
export async function globFiles(pattern: string, cwd: string, fs: FileSystem): Promise<string[]> {
  // Loaded only for a quoted glob: a hook passes plain names, and it need not pay for the import.
  const { globSync } = await import("tinyglobby");
  const options = { cwd, onlyFiles: true, expandDirectories: false };
  if (!(fs instanceof CachedFileSystem)) return globSync(pattern, options).sort();
  const readdirSync = (path: string): readonly unknown[] => {
    const dirents = fs.dirents(resolve(cwd, path));
    if (!dirents) throw Object.assign(new Error(`cannot list ${path}`), { code: "EACCES" });
    return dirents;
  };
  // Only the listing is shared: tinyglobby takes node's own functions for links (realpath, stat).
  return globSync(pattern, { ...options, fs: { readdirSync } as never }).sort();
}

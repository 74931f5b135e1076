import { relative, resolve, sep } from "node:path";
import { compareStrings } from "../model/order.js";
import { CachedFileSystem } from "./cached-fs.js";
import type { DirEntry, FileSystem } from "./fs.js";

export interface GlobMatch {
  path: string;
  /** The path relative to the working directory, as zkcfg names the file. */
  shown: string;
}

/** A segment of a simple pattern after its base: a name as written, or a test for names. */
type Segment = string | RegExp;

/** What makes a pattern more than names and `*` or `?` wildcards: classes, braces, extglobs, escapes. */
const NOT_SIMPLE = /[\\[\]{}()!+@]|\*\*/;

/** `*.cfg` → a test for one name, with tinyglobby's default of wildcards never matching a leading dot. */
function segmentOf(text: string): Segment {
  if (!text.includes("*") && !text.includes("?")) return text;
  const source = text
    .replace(/[.^$|]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(text.startsWith(".") ? `^${source}$` : `^(?!\\.)${source}$`);
}

/**
 * The pattern as a base directory and the segments below it, when every segment from the first
 * wildcard on is a name, with or without `*` and `?`; undefined for any other pattern.
 */
export function simplePattern(pattern: string, cwd: string): { base: string; segments: Segment[] } | undefined {
  if (NOT_SIMPLE.test(pattern) || pattern.endsWith("/")) return undefined;
  const parts = pattern.split("/");
  const first = parts.findIndex((p) => p.includes("*") || p.includes("?"));
  if (first < 0) return undefined;
  const below = parts.slice(first);
  if (below.some((p) => p === "" || p === "." || p === "..")) return undefined;
  const prefix = parts.slice(0, first).join("/");
  return { base: resolve(cwd, prefix === "" && pattern.startsWith("/") ? "/" : prefix), segments: below.map(segmentOf) };
}

/** The files below `base` that the segments match, through the run's listings; links are followed. */
function walk(fs: CachedFileSystem, base: string, segments: Segment[]): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    const segment = segments[depth] as Segment;
    const last = depth === segments.length - 1;
    for (const entry of fs.listed(dir) ?? []) {
      const name = entry.name;
      if (typeof segment === "string" ? name !== segment : !segment.test(name)) continue;
      // dir is absolute and normal, name a single name: no need for join's normalizing.
      const path = dir.endsWith(sep) ? dir + name : dir + sep + name;
      // The listing tells files and directories; a link is followed.
      const kind = entry.kind === "link" ? fs.kind(path) : entry.kind;
      if (last && kind === "file") found.push(path);
      else if (!last && kind === "directory") visit(path, depth + 1);
    }
  };
  visit(base, 0);
  return found;
}

/**
 * The files a quoted glob matches, relative to `cwd` and sorted. With the run's CachedFileSystem
 * the walk reads the listings the rest of the run uses, so a fleet's directories are listed once
 * in all. A simple pattern (names with `*` and `?`, as in `conf/*.cfg`) is walked here, and more
 * cheaply than tinyglobby walks it; tinyglobby walks any other over the same listings.
 */
export async function globFiles(pattern: string, cwd: string, fs: FileSystem): Promise<GlobMatch[]> {
  const simple = fs instanceof CachedFileSystem ? simplePattern(pattern, cwd) : undefined;
  if (simple) {
    const found = walk(fs as CachedFileSystem, simple.base, simple.segments).map((path) => ({ path, shown: relative(cwd, path) }));
    return found.sort((a, b) => compareStrings(a.shown, b.shown));
  }
  // Loaded only for a pattern not walked here: a hook passes plain names, and it need not pay for the import.
  const { globSync } = await import("tinyglobby");
  const options = { cwd, onlyFiles: true, expandDirectories: false };
  // Only the listing is shared: tinyglobby takes node's own functions for links (realpath, stat).
  const names = globSync(pattern, fs instanceof CachedFileSystem ? { ...options, fs: { readdirSync: listingsOf(fs, cwd) } as never } : options);
  return names.sort().map((name) => {
    const path = resolve(cwd, name);
    return { path, shown: relative(cwd, path) || name };
  });
}

/** An entry as tinyglobby reads a Dirent. */
const direntOf = ({ name, kind }: DirEntry) => ({
  name,
  isFile: () => kind === "file",
  isDirectory: () => kind === "directory",
  isSymbolicLink: () => kind === "link",
});

/** readdirSync for tinyglobby, answered from the run's listings. */
function listingsOf(fs: CachedFileSystem, cwd: string): (path: string) => readonly unknown[] {
  return (path) => {
    const entries = fs.listed(resolve(cwd, path));
    if (!entries) throw Object.assign(new Error(`cannot list ${path}`), { code: "EACCES" });
    return entries.map(direntOf);
  };
}

import { readdirSync, type Dirent } from "node:fs";
import { basename, dirname, resolve, sep } from "node:path";
import type { EntryKind, FileSystem } from "./fs.js";

/** Whether resolve() would give the path back as it is; on POSIX told without making a new string. */
function isNormalAbsolute(path: string): boolean {
  if (sep !== "/") return path === resolve(path);
  return path.startsWith("/") && !/\/\/|\/\.\.?(?:\/|$)/.test(path) && (path === "/" || !path.endsWith("/"));
}

/** What a listing says an entry is: links and the like need a stat to tell. */
export const kindOfEntry = (d: Dirent): EntryKind | "link-or-other" => (d.isFile() ? "file" : d.isDirectory() ? "directory" : "link-or-other");

interface Listing {
  /** As readdir gave them: what a glob walks. */
  dirents: Dirent[];
  /** Name → what it is ("link-or-other" still needs a stat). */
  byName: Map<string, EntryKind | "link-or-other">;
  sorted?: string[];
}

/**
 * One run's view of the disk, on top of the node file system. zkcfg asks about every config, data
 * dir and parent directory it meets, and with thousands of configs the asking costs more than the
 * linting. So each directory is listed at most once, and what is known is never asked again:
 * - a path whose directory has been listed (the glob, the settings search and the link check list
 *   the configs' directories) is answered from the listing; any other with one stat;
 * - a path's real path is asked of the disk only when a listing shows a link (or cannot tell) on the way.
 */
export class CachedFileSystem implements FileSystem {
  private readonly listings = new Map<string, Listing | null>();
  private readonly kinds = new Map<string, EntryKind | undefined>();
  /** Path → whether it and every directory above it are plain files and directories, not links. */
  private readonly linkFree = new Map<string, boolean>();

  constructor(private readonly inner: FileSystem) {}

  private listing(dir: string): Listing | null {
    let found = this.listings.get(dir);
    if (found !== undefined) return found;
    try {
      const dirents = readdirSync(dir, { withFileTypes: true });
      const byName = new Map<string, EntryKind | "link-or-other">();
      for (const d of dirents) byName.set(d.name, kindOfEntry(d));
      found = { dirents, byName };
    } catch {
      found = null;
    }
    this.listings.set(dir, found);
    return found;
  }

  kind(path: string): EntryKind | undefined {
    if (this.kinds.has(path)) return this.kinds.get(path);
    const parent = dirname(path);
    const listing = parent === path ? undefined : this.listings.get(parent);
    const entry = listing?.byName.get(basename(path));
    let kind: EntryKind | undefined;
    if (entry === "file" || entry === "directory") kind = entry;
    else if (listing && entry === undefined) kind = undefined;
    // Links, sockets and the like, directories not listed (or not listable) and the root: one stat.
    else kind = this.inner.kind(path);
    this.kinds.set(path, kind);
    return kind;
  }

  readFile(path: string, limit?: number): Uint8Array {
    return this.inner.readFile(path, limit);
  }

  readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    return this.inner.readHead(path, limit);
  }

  /** Only an entry the listing cannot tell (a link or the like) costs a readlink. */
  readlink(path: string): string | undefined {
    const parent = dirname(path);
    const listing = parent === path ? undefined : this.listing(parent);
    const entry = listing?.byName.get(basename(path));
    if (entry === "file" || entry === "directory" || (listing && entry === undefined)) return undefined;
    return this.inner.readlink?.(path);
  }

  list(path: string): string[] {
    const listing = this.listing(path);
    if (!listing) return this.inner.list(path);
    listing.sorted ??= [...listing.byName.keys()].sort();
    return [...listing.sorted];
  }

  /** The directory's entries as readdir gives them (the glob walks these), or undefined when it cannot be listed. */
  dirents(path: string): readonly Dirent[] | undefined {
    return this.listing(path)?.dirents;
  }

  refresh(): void {
    this.listings.clear();
    this.kinds.clear();
    this.linkFree.clear();
  }

  realpath(path: string): string {
    if (isNormalAbsolute(path) && this.isLinkFree(path)) return path;
    return this.inner.realpath ? this.inner.realpath(path) : path;
  }

  private isLinkFree(path: string): boolean {
    const parent = dirname(path);
    if (parent === path) return true;
    let free = this.linkFree.get(path);
    if (free === undefined) {
      const entry = this.listing(parent)?.byName.get(basename(path));
      free = (entry === "file" || entry === "directory") && this.isLinkFree(parent);
      this.linkFree.set(path, free);
    }
    return free;
  }
}

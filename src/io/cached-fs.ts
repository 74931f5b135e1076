import { basename, dirname, resolve, sep } from "node:path";
import type { DirEntry, EntryKind, FileSystem } from "./fs.js";

/** Whether resolve() would give the path back as it is; on POSIX told without making a new string. */
function isNormalAbsolute(path: string): boolean {
  if (sep !== "/") return path === resolve(path);
  return path.startsWith("/") && !/\/\/|\/\.\.?(?:\/|$)/.test(path) && (path === "/" || !path.endsWith("/"));
}

interface Listing {
  /** As the wrapped file system listed them: what a glob walks. */
  entries: DirEntry[];
  /** Name → what it is ("link" still needs a stat to follow). */
  byName: Map<string, DirEntry["kind"]>;
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
  /** Path → whether the listings show nothing there (see knownAbsent). */
  private readonly absent = new Map<string, boolean>();

  constructor(private readonly inner: FileSystem) {}

  private listing(dir: string): Listing | null {
    let found = this.listings.get(dir);
    if (found !== undefined) return found;
    found = this.knownAbsent(dir) ? null : this.readListing(dir);
    this.listings.set(dir, found);
    return found;
  }

  private readListing(dir: string): Listing | null {
    try {
      const entries = this.inner.entries(dir);
      return { entries, byName: new Map(entries.map((e) => [e.name, e.kind])) };
    } catch {
      return null;
    }
  }

  /**
   * Whether what is cached already shows that nothing is at `path`: its directory was listed
   * without it, or is itself known to be absent. A relative dataDir resolved against a config's
   * directory often names such a path; each failed system call costs a thrown error, and with
   * thousands of configs those were half the run. The answer for each path on the way up is kept
   * once no later listing can change it, so a path of n absent directories costs n steps, not n².
   */
  private knownAbsent(path: string): boolean {
    const walked: string[] = [];
    let answer: boolean | undefined;
    for (let p = path; answer === undefined;) {
      answer = this.absent.get(p);
      if (answer !== undefined) break;
      const parent = dirname(p);
      const listing = parent === p ? undefined : this.listings.get(parent);
      // The root, or a directory not listed yet: nothing is known, and a listing may tell later.
      if (listing === undefined) return false;
      walked.push(p);
      if (listing) answer = !listing.byName.has(basename(p));
      // A directory that could not be listed: its entries are absent if it is.
      else p = parent;
    }
    for (const p of walked) this.absent.set(p, answer);
    return answer;
  }

  kind(path: string): EntryKind | undefined {
    if (this.kinds.has(path)) return this.kinds.get(path);
    const parent = dirname(path);
    const entry = parent === path ? undefined : this.listings.get(parent)?.byName.get(basename(path));
    let kind: EntryKind | undefined;
    if (entry !== undefined && entry !== "link") kind = entry;
    else if (this.knownAbsent(path)) kind = undefined;
    // Links, directories not listed (or not listable) and the root: one stat.
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

  /** Only a link, or an entry in a directory that cannot be listed (and is there), costs a readlink. */
  readlink(path: string): string | undefined {
    const parent = dirname(path);
    const listing = parent === path ? undefined : this.listing(parent);
    if (listing && listing.byName.get(basename(path)) !== "link") return undefined;
    if (listing === null && this.knownAbsent(parent)) return undefined;
    return this.inner.readlink?.(path);
  }

  list(path: string): string[] {
    const listing = this.listing(path);
    if (!listing) return this.inner.list(path);
    listing.sorted ??= [...listing.byName.keys()].sort();
    return [...listing.sorted];
  }

  entries(path: string): DirEntry[] {
    const listing = this.listing(path);
    if (!listing) return this.inner.entries(path);
    return [...listing.entries];
  }

  /** The directory's entries as listed (the glob walks these, without a copy), or undefined when it cannot be listed. */
  listed(path: string): readonly DirEntry[] | undefined {
    return this.listing(path)?.entries;
  }

  refresh(): void {
    this.listings.clear();
    this.kinds.clear();
    this.linkFree.clear();
    this.absent.clear();
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

import { readdirSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { EntryKind, FileSystem } from "./fs.js";

/**
 * One run's view of the disk: each directory is listed once and the questions "what is at this
 * path" and "which names are here" are answered from that listing. zkcfg asks them for every
 * config, data dir and parent directory it meets; with thousands of configs, one readdir per
 * directory is far cheaper than a stat per question. Links are still followed with a stat.
 */
export class CachedFileSystem implements FileSystem {
  /** Directory → its names and what each is ("link" and the like still need a stat). */
  private readonly listings = new Map<string, Map<string, EntryKind | "other-or-link"> | null>();
  private readonly kinds = new Map<string, EntryKind | undefined>();

  constructor(private readonly inner: FileSystem) {}

  private listing(dir: string): Map<string, EntryKind | "other-or-link"> | null {
    let found = this.listings.get(dir);
    if (found !== undefined) return found;
    try {
      found = new Map();
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        found.set(d.name, d.isFile() ? "file" : d.isDirectory() ? "directory" : "other-or-link");
      }
    } catch {
      found = null;
    }
    this.listings.set(dir, found);
    return found;
  }

  kind(path: string): EntryKind | undefined {
    if (this.kinds.has(path)) return this.kinds.get(path);
    const parent = dirname(path);
    let kind: EntryKind | undefined;
    const listing = parent === path ? null : this.listing(parent);
    const entry = listing?.get(basename(path));
    if (listing && !entry) kind = undefined;
    else if (entry === "file" || entry === "directory") kind = entry;
    // Links, sockets and the like, unreadable parents and the root: ask the disk.
    else kind = this.inner.kind(path);
    this.kinds.set(path, kind);
    return kind;
  }

  readFile(path: string, limit?: number): Uint8Array {
    return this.inner.readFile(path, limit);
  }

  list(path: string): string[] {
    const listing = this.listing(path);
    return listing ? [...listing.keys()].sort() : this.inner.list(path);
  }

  refresh(): void {
    this.listings.clear();
    this.kinds.clear();
  }

  realpath(path: string): string {
    return this.inner.realpath ? this.inner.realpath(path) : path;
  }
}

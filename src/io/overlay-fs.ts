import { basename, dirname, join } from "node:path";
import { realPathOf, TooLargeError, type DirEntry, type EntryKind, type FileSystem } from "./fs.js";

/**
 * A file system as it would be after some files are written: each written path reads with its
 * new content, a new one as a regular file, and the directories it needs exist. Everything else is
 * asked of the file system below, which is never changed. A fix plan lints this view pass after
 * pass, so each pass sees the configs it edited and the myid files it would create.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();
  /** Directory → the names written into it, directories a written file needs included. */
  private readonly added = new Map<string, Map<string, EntryKind>>();

  constructor(private readonly below: FileSystem) {}

  /** Makes `path` (absolute, normal) read as a file holding `bytes`, creating the directories above it that are missing. */
  write(path: string, bytes: Uint8Array): void {
    this.files.set(path, bytes);
    // A file that is there keeps what it is (a link to a config stays that link): only its content is new.
    if (this.below.kind(path) === "file") return;
    let kind: EntryKind = "file";
    for (let p = path, parent = dirname(p); parent !== p; p = parent, parent = dirname(p)) {
      const names = this.added.get(parent) ?? new Map<string, EntryKind>();
      this.added.set(parent, names);
      names.set(basename(p), kind);
      if (this.below.kind(parent) === "directory") break;
      kind = "directory";
    }
  }

  kind(path: string): EntryKind | undefined {
    return this.addedKind(path) ?? this.below.kind(path);
  }

  private addedKind(path: string): EntryKind | undefined {
    return this.added.get(dirname(path))?.get(basename(path));
  }

  readFile(path: string, limit = Number.POSITIVE_INFINITY): Uint8Array {
    const bytes = this.files.get(path);
    if (bytes === undefined) return this.below.readFile(path, limit);
    if (bytes.byteLength > limit) throw new TooLargeError(path, bytes.byteLength);
    return bytes;
  }

  readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    const bytes = this.files.get(path);
    if (bytes === undefined) return this.below.readHead(path, limit);
    return { bytes: bytes.subarray(0, limit), more: bytes.byteLength > limit };
  }

  /** A written file or a directory made for one is no link. */
  readlink(path: string): string | undefined {
    return this.addedKind(path) === undefined ? this.below.readlink?.(path) : undefined;
  }

  list(path: string): string[] {
    return this.entries(path)
      .map((e) => e.name)
      .sort();
  }

  entries(path: string): DirEntry[] {
    const names = this.added.get(path);
    if (names === undefined) return this.below.entries(path);
    const below = this.below.kind(path) === "directory" ? this.below.entries(path).filter((e) => !names.has(e.name)) : [];
    return [...below, ...[...names].map(([name, kind]) => ({ name, kind }))];
  }

  /** A path written here is where its directory really is; the file system below tells the rest. */
  realpath(path: string): string {
    const parent = dirname(path);
    if (this.addedKind(path) !== undefined) return join(realPathOf(this, parent), basename(path));
    return this.below.realpath ? this.below.realpath(path) : path;
  }

  refresh(): void {
    this.below.refresh?.();
  }
}

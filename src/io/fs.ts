/** The read-only view of the file system that the model uses; only src/fix/writer.ts writes. */
export type EntryKind = "file" | "directory" | "other";

/** An entry of a directory listing, as the listing tells it: a link is not followed. */
export interface DirEntry {
  name: string;
  kind: EntryKind | "link";
}

export interface FileSystem {
  /** What is at `path` (following links), or undefined when nothing is; a loop of links is "other". */
  kind(path: string): EntryKind | undefined;
  /**
   * The bytes of a regular file. Throws NotAFileError for anything else (without waiting on a
   * FIFO), TooLargeError past `limit` bytes (without reading the rest), or the system's error.
   */
  readFile(path: string, limit?: number): Uint8Array;
  /**
   * At most the first `limit` bytes of a regular file, and whether it holds more, without
   * following a link at `path` itself. Throws NotAFileError for a link or anything else that is
   * not a regular file (without waiting on a FIFO), or the system's error.
   */
  readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean };
  /** Where the link at `path` points, or undefined when `path` is not a link (file systems without links need not say). */
  readlink?(path: string): string | undefined;
  /** Names in a directory, sorted. */
  list(path: string): string[];
  /** The entries of a directory with what each is, in the order the system lists them; throws when it cannot be listed. */
  entries(path: string): DirEntry[];
  /** The path with every symbolic link resolved (file systems without links need not say). */
  realpath?(path: string): string;
  /** Drops whatever was cached about the disk: zkcfg itself just changed it. */
  refresh?(): void;
}

export class NotAFileError extends Error {
  /** What stands there instead: "a named pipe (FIFO)", "a socket", "a directory"… */
  readonly what: string;
  constructor(path: string, what: string) {
    super(`${path} is ${what}, not a regular file`);
    this.what = what;
  }
}

export class TooLargeError extends Error {
  /** The size in bytes when known, else the limit it passed. */
  readonly size: number;
  constructor(path: string, size: number) {
    super(`${path} is larger than zkcfg reads`);
    this.size = size;
  }
}

/** Where a path really leads; the path itself when that cannot be told. */
export function realPathOf(fs: FileSystem, path: string): string {
  try {
    return fs.realpath?.(path) ?? path;
  } catch {
    return path;
  }
}

/** The read-only view of the file system that the model uses; only src/fix/writer.ts writes. */
export type EntryKind = "file" | "directory" | "other";

export interface FileSystem {
  /** What is at `path` (following links), or undefined when nothing is. */
  kind(path: string): EntryKind | undefined;
  readFile(path: string): Uint8Array;
  /** Names in a directory, sorted. */
  list(path: string): string[];
}

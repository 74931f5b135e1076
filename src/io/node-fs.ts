import { readdirSync, readFileSync, statSync } from "node:fs";
import type { EntryKind, FileSystem } from "./fs.js";

export const nodeFileSystem: FileSystem = {
  kind(path: string): EntryKind | undefined {
    try {
      const s = statSync(path);
      return s.isFile() ? "file" : s.isDirectory() ? "directory" : "other";
    } catch {
      return undefined;
    }
  },
  readFile(path: string): Uint8Array {
    return readFileSync(path);
  },
  list(path: string): string[] {
    return readdirSync(path).sort();
  },
};

import { posix } from "node:path";
import { NotAFileError, TooLargeError, type DirEntry, type EntryKind, type FileSystem } from "./fs.js";

/** posix.normalize, and no trailing slash: "/a/b/" names /a/b, as it does for stat(2). */
function normalize(path: string): string {
  const p = posix.normalize(path);
  return p.length > 1 ? p.replace(/\/+$/, "") : p;
}

/** An in-memory file tree for tests and fix planning: absolute posix path → content. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(["/"]);

  constructor(files: Record<string, string | Uint8Array> = {}, dirs: string[] = []) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
    for (const d of dirs) this.mkdir(d);
  }

  mkdir(path: string): void {
    for (let p = normalize(path); !this.dirs.has(p); p = posix.dirname(p)) this.dirs.add(p);
  }

  write(path: string, content: string | Uint8Array): void {
    const p = normalize(path);
    this.mkdir(posix.dirname(p));
    this.files.set(p, typeof content === "string" ? Buffer.from(content, "latin1") : content);
  }

  kind(path: string): EntryKind | undefined {
    const p = normalize(path);
    // As for stat(2), "file/" is not the file.
    if (this.files.has(p)) return path.endsWith("/") ? undefined : "file";
    return this.dirs.has(p) ? "directory" : undefined;
  }

  readFile(path: string, limit = Number.POSITIVE_INFINITY): Uint8Array {
    const content = this.files.get(normalize(path));
    if (!content) {
      if (this.dirs.has(normalize(path))) throw new NotAFileError(path, "a directory");
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    }
    if (content.byteLength > limit) throw new TooLargeError(path, content.byteLength);
    return content;
  }

  readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    const content = this.readFile(path);
    return { bytes: content.subarray(0, limit), more: content.byteLength > limit };
  }

  list(path: string): string[] {
    const dir = normalize(path);
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split("/")[0] as string);
    }
    return [...names].sort();
  }

  entries(path: string): DirEntry[] {
    if (this.kind(path) !== "directory") throw Object.assign(new Error(`ENOTDIR: ${path}`), { code: this.kind(path) ? "ENOTDIR" : "ENOENT" });
    const dir = normalize(path);
    return this.list(dir).map((name) => ({ name, kind: this.kind(posix.join(dir, name)) as EntryKind }));
  }
}

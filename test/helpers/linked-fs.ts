import { posix } from "node:path";
import { NotAFileError, type DirEntry, type EntryKind } from "../../src/io/fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";

/**
 * An in-memory tree with symbolic links (path → target), consistent as a real disk is: a link sits
 * in a directory that exists and lists it as a link, whether or not its target exists; stat and
 * reads follow links, anywhere in a path; a read that refuses links (readHead, O_NOFOLLOW) fails on
 * one.
 */
export class LinkedFileSystem extends MemoryFileSystem {
  constructor(
    files: Record<string, string>,
    private readonly links: Record<string, string>,
  ) {
    super(files);
    for (const link of Object.keys(links)) this.mkdir(posix.dirname(link));
  }

  readlink(path: string): string | undefined {
    return this.links[posix.normalize(path)];
  }

  /** The path with every link in it followed (at most 40, as Linux allows). */
  realpath(path: string): string {
    let resolved = "/";
    const pending = posix.normalize(path).split("/").filter(Boolean).reverse();
    for (let hops = 0; pending.length > 0;) {
      const next = posix.join(resolved, pending.pop() as string);
      const target = this.links[next];
      if (target === undefined) resolved = next;
      else if (++hops > 40) throw Object.assign(new Error(`ELOOP: ${path}`), { code: "ELOOP" });
      else {
        pending.push(...posix.resolve(resolved, target).split("/").filter(Boolean).reverse());
        resolved = "/";
      }
    }
    return resolved;
  }

  override kind(path: string): EntryKind | undefined {
    return super.kind(this.realpath(path));
  }

  override entries(path: string): DirEntry[] {
    const dir = this.realpath(path);
    const links = Object.keys(this.links).filter((l) => posix.dirname(l) === dir);
    const others = super.entries(dir).filter((e) => !links.includes(posix.join(dir, e.name)));
    return [...others, ...links.map((l) => ({ name: posix.basename(l), kind: "link" as const }))].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  override readFile(path: string, limit?: number): Uint8Array {
    return super.readFile(this.realpath(path), limit);
  }

  override readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    if (this.readlink(path) !== undefined) throw new NotAFileError(path, "a symbolic link");
    return super.readHead(this.realpath(path), limit);
  }
}

import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { NotAFileError, TooLargeError, type DirEntry, type EntryKind, type FileSystem } from "./fs.js";

function describe(stat: Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  return "not a regular file";
}

export const nodeFileSystem: FileSystem = {
  kind(path: string): EntryKind | undefined {
    try {
      // No exception for the common "nothing there": zkcfg asks that of thousands of paths.
      const s = statSync(path, { throwIfNoEntry: false });
      if (s === undefined) return undefined;
      return s.isFile() ? "file" : s.isDirectory() ? "directory" : "other";
    } catch (e) {
      // Something is there, but following it never ends.
      return (e as NodeJS.ErrnoException).code === "ELOOP" ? "other" : undefined;
    }
  },
  readFile(path: string, limit = Number.POSITIVE_INFINITY): Uint8Array {
    // Non-blocking, so that opening a FIFO nobody writes to returns at once instead of waiting.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new NotAFileError(path, describe(stat));
      if (stat.size > limit) throw new TooLargeError(path, stat.size);
      // Read to the end rather than trusting the size: /proc files say 0, and files grow.
      // One byte past the size shows a file that grew; a size of 0 may still hide content (/proc).
      let buffer = Buffer.allocUnsafe(stat.size > 0 ? stat.size + 1 : 1024);
      let total = 0;
      for (;;) {
        if (total === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
        const n = readSync(fd, buffer, total, buffer.length - total, null);
        if (n === 0) break;
        total += n;
        if (total > limit) throw new TooLargeError(path, limit);
      }
      return buffer.subarray(0, total);
    } finally {
      closeSync(fd);
    }
  },
  readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    } catch (e) {
      // O_NOFOLLOW refuses a link with ELOOP: name it for what it is.
      if ((e as NodeJS.ErrnoException).code === "ELOOP" && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
        throw new NotAFileError(path, "a symbolic link");
      throw e;
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new NotAFileError(path, describe(stat));
      // One byte past the limit tells a longer file, whatever its size says (/proc files say 0).
      const buffer = Buffer.alloc(limit + 1);
      let total = 0;
      while (total < buffer.length) {
        const n = readSync(fd, buffer, total, buffer.length - total, null);
        if (n === 0) break;
        total += n;
      }
      return { bytes: buffer.subarray(0, Math.min(total, limit)), more: total > limit };
    } finally {
      closeSync(fd);
    }
  },
  readlink(path: string): string | undefined {
    try {
      return readlinkSync(path);
    } catch {
      // Not a link (EINVAL), or nothing there.
      return undefined;
    }
  },
  list(path: string): string[] {
    return readdirSync(path).sort();
  },
  entries(path: string): DirEntry[] {
    return readdirSync(path, { withFileTypes: true }).map((d) => ({
      name: d.name,
      kind: d.isFile() ? "file" : d.isDirectory() ? "directory" : d.isSymbolicLink() ? "link" : "other",
    }));
  },
  realpath(path: string): string {
    return realpathSync(path);
  },
};

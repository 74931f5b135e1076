import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotAFileError, TooLargeError } from "../../src/io/fs.js";
import { nodeFileSystem as fs } from "../../src/io/node-fs.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-node-fs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("nothing was thrown");
};

describe("nodeFileSystem.readFile", () => {
  it("reads every byte of a regular file", () => {
    const bytes = Buffer.from([0x74, 0xe9, 0xff, 0x0a, 0x00, 0x80]);
    writeFileSync(join(work, "bytes"), bytes);
    expect(Buffer.from(fs.readFile(join(work, "bytes")))).toEqual(bytes);
  });

  it("refuses a file over the limit by its size", () => {
    writeFileSync(join(work, "hundred"), "x".repeat(100));
    const e = thrown(() => fs.readFile(join(work, "hundred"), 10));
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as TooLargeError).size).toBe(100);
  });

  it.skipIf(!existsSync("/proc/cpuinfo"))("reads to the end of a file whose size says 0 (/proc), and stops at the limit there too", () => {
    const expected = readFileSync("/proc/cpuinfo");
    expect(Buffer.from(fs.readFile("/proc/cpuinfo"))).toEqual(expected);
    const e = thrown(() => fs.readFile("/proc/cpuinfo", 16));
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as TooLargeError).size).toBe(16);
  });

  it("does not wait on a FIFO nobody writes to", () => {
    execFileSync("mkfifo", [join(work, "fifo")]);
    expect(fs.kind(join(work, "fifo"))).toBe("other");
    const e = thrown(() => fs.readFile(join(work, "fifo")));
    expect(e).toBeInstanceOf(NotAFileError);
    expect((e as NotAFileError).what).toBe("a named pipe (FIFO)");
  });

  it("says a loop of links is something, not nothing, and why it cannot be read", () => {
    symlinkSync("loop-b", join(work, "loop-a"));
    symlinkSync("loop-a", join(work, "loop-b"));
    expect(fs.kind(join(work, "loop-a"))).toBe("other");
    expect((thrown(() => fs.readFile(join(work, "loop-a"))) as NodeJS.ErrnoException).code).toBe("ELOOP");
    expect(fs.kind(join(work, "nothing"))).toBeUndefined();
  });

  it("resolves links to the real path", () => {
    writeFileSync(join(work, "real.cfg"), "");
    symlinkSync("real.cfg", join(work, "link.cfg"));
    expect(fs.realpath?.(join(work, "link.cfg"))).toBe(fs.realpath?.(join(work, "real.cfg")));
  });
});

describe("nodeFileSystem.readHead", () => {
  it("reads at most the limit and says whether there is more, however large the file says it is", () => {
    writeFileSync(join(work, "short"), "3\n");
    expect(fs.readHead(join(work, "short"), 64)).toEqual({ bytes: Buffer.from("3\n"), more: false });
    writeFileSync(join(work, "huge"), "");
    truncateSync(join(work, "huge"), 1024 ** 3);
    const head = fs.readHead(join(work, "huge"), 64);
    expect(head.bytes.byteLength).toBe(64);
    expect(head.more).toBe(true);
  });

  it.skipIf(!existsSync("/proc/self/environ"))("never follows a link at the path itself: it is named, and what it leads to is not read", () => {
    symlinkSync("/proc/self/environ", join(work, "environ-link"));
    const e = thrown(() => fs.readHead(join(work, "environ-link"), 64));
    expect(e).toBeInstanceOf(NotAFileError);
    expect((e as NotAFileError).what).toBe("a symbolic link");
  });

  it("refuses what is not a regular file without waiting on it", () => {
    execFileSync("mkfifo", [join(work, "head-fifo")]);
    expect((thrown(() => fs.readHead(join(work, "head-fifo"), 64)) as NotAFileError).what).toBe("a named pipe (FIFO)");
    expect((thrown(() => fs.readHead("/dev/zero", 64)) as NotAFileError).what).toBe("a character device");
  });
});

describe("nodeFileSystem.readlink", () => {
  it("says where a link points, and nothing for anything else", () => {
    symlinkSync("../elsewhere", join(work, "pointer"));
    expect(fs.readlink?.(join(work, "pointer"))).toBe("../elsewhere");
    expect(fs.readlink?.(join(work, "short"))).toBeUndefined();
    expect(fs.readlink?.(join(work, "nothing-here"))).toBeUndefined();
  });
});

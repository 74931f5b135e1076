import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

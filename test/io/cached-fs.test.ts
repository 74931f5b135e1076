import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { CachedFileSystem } from "../../src/io/cached-fs.js";
import type { FileSystem } from "../../src/io/fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { nodeFileSystem } from "../../src/io/node-fs.js";

// realpath: tmpdir itself may lie behind a link (macOS), which the tests below must not confuse with theirs.
const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-cached-fs-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The node file system, counting how often each question reaches the disk. */
function counting(): { fs: FileSystem; calls: Record<string, number> } {
  const calls: Record<string, number> = { kind: 0, list: 0, entries: 0, realpath: 0, readlink: 0 };
  const count =
    <A extends unknown[], R>(name: string, f: (...args: A) => R) =>
    (...args: A): R => {
      calls[name] = (calls[name] ?? 0) + 1;
      return f(...args);
    };
  const fs: FileSystem = {
    kind: count("kind", nodeFileSystem.kind),
    readFile: nodeFileSystem.readFile,
    readHead: nodeFileSystem.readHead,
    list: count("list", nodeFileSystem.list),
    entries: count("entries", nodeFileSystem.entries),
    realpath: count("realpath", (p: string) => nodeFileSystem.realpath?.(p) ?? p),
    readlink: count("readlink", (p: string) => nodeFileSystem.readlink?.(p)),
  };
  return { fs, calls };
}

describe("CachedFileSystem", () => {
  const tree = join(work, "tree");
  mkdirSync(join(tree, "zk1", "conf"), { recursive: true });
  writeFileSync(join(tree, "zk1", "conf", "zoo.cfg"), "tickTime=2000\n");
  symlinkSync(join(tree, "zk1"), join(tree, "zk1-link"));
  symlinkSync("zoo.cfg", join(tree, "zk1", "conf", "zoo-link.cfg"));

  it("answers kinds with one stat each until the directory is listed, then from the listing; links with a stat", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    expect(cached.kind(join(tree, "zk1", "conf", "zoo.cfg"))).toBe("file");
    expect(cached.kind(join(tree, "zk1", "conf", "zoo.cfg"))).toBe("file");
    expect(calls.kind).toBe(1);
    calls.kind = 0;
    expect(cached.list(join(tree, "zk1", "conf"))).toEqual(["zoo-link.cfg", "zoo.cfg"]);
    expect(cached.kind(join(tree, "zk1", "conf", "missing.cfg"))).toBeUndefined();
    expect(calls.kind).toBe(0);
    expect(cached.kind(join(tree, "zk1", "conf", "zoo-link.cfg"))).toBe("file");
    expect(calls.kind).toBe(1);
    // Its parent was not listed.
    expect(cached.kind(join(tree, "zk1", "conf"))).toBe("directory");
    expect(calls.kind).toBe(2);
  });

  it("gives a path without links as its own real path, without asking the disk", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    const path = join(tree, "zk1", "conf", "zoo.cfg");
    expect(cached.realpath(path)).toBe(path);
    expect(calls.realpath).toBe(0);
  });

  it("resolves a link anywhere in the path, in the last part or in a directory above", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    const real = join(tree, "zk1", "conf", "zoo.cfg");
    expect(cached.realpath(join(tree, "zk1", "conf", "zoo-link.cfg"))).toBe(real);
    expect(cached.realpath(join(tree, "zk1-link", "conf", "zoo.cfg"))).toBe(real);
    expect(calls.realpath).toBe(2);
  });

  it("asks the disk for a path that is not in normal form", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    expect(cached.realpath(join(tree, "zk1-link") + "/conf/../conf/zoo.cfg")).toBe(join(tree, "zk1", "conf", "zoo.cfg"));
    expect(calls.realpath).toBe(1);
  });

  it("sees a link made after refresh()", () => {
    const cached = new CachedFileSystem(nodeFileSystem);
    const dir = join(work, "later");
    mkdirSync(join(work, "elsewhere"), { recursive: true });
    mkdirSync(dir);
    writeFileSync(join(dir, "x"), "");
    expect(cached.realpath(join(dir, "x"))).toBe(join(dir, "x"));
    rmSync(dir, { recursive: true });
    symlinkSync(join(work, "elsewhere"), dir);
    writeFileSync(join(work, "elsewhere", "x"), "");
    cached.refresh();
    expect(cached.realpath(join(dir, "x"))).toBe(join(work, "elsewhere", "x"));
  });

  it("lists names sorted, from the same listing, and a caller's change to the list stays its own", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    const names = cached.list(join(tree, "zk1", "conf"));
    expect(names).toEqual(["zoo-link.cfg", "zoo.cfg"]);
    names.pop();
    expect(cached.list(join(tree, "zk1", "conf"))).toEqual(["zoo-link.cfg", "zoo.cfg"]);
    expect(calls.list).toBe(0);
    expect(calls.entries).toBe(1);
  });

  it("lists through the file system it wraps, once per directory, links told apart from other entries", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    const byName = (dir: string) => Object.fromEntries(cached.entries(dir).map((e) => [e.name, e.kind]));
    expect(byName(tree)).toEqual({ zk1: "directory", "zk1-link": "link" });
    expect(byName(join(tree, "zk1", "conf"))).toEqual({ "zoo.cfg": "file", "zoo-link.cfg": "link" });
    expect(byName(tree)).toEqual({ zk1: "directory", "zk1-link": "link" });
    expect(calls.entries).toBe(2);
    // The listing answers kinds: only the link is asked of the disk.
    expect(cached.kind(join(tree, "zk1"))).toBe("directory");
    expect(calls.kind).toBe(0);
    expect(cached.kind(join(tree, "zk1-link"))).toBe("directory");
    expect(calls.kind).toBe(1);
  });

  it("tells links from the listing of their directory: only a link costs a readlink", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    expect(cached.readlink(join(tree, "zk1"))).toBeUndefined();
    expect(cached.readlink(join(tree, "missing"))).toBeUndefined();
    expect(cached.readlink(join(tree, "zk1", "conf", "zoo.cfg"))).toBeUndefined();
    expect(calls.readlink).toBe(0);
    expect(cached.readlink(join(tree, "zk1-link"))).toBe(join(tree, "zk1"));
    expect(calls.readlink).toBe(1);
  });

  it("asks nothing about a path under a directory a listing shows absent", () => {
    const { fs, calls } = counting();
    const cached = new CachedFileSystem(fs);
    // A relative dataDir resolved against the config's directory: zk1/conf/zk1/data.
    const absent = join(tree, "zk1", "conf", "zk1");
    for (const path of [absent, join(absent, "data"), join(absent, "data", "myid")]) expect(cached.readlink(path)).toBeUndefined();
    expect(cached.kind(join(absent, "data"))).toBeUndefined();
    expect(cached.kind(join(absent, "data", "version-2"))).toBeUndefined();
    expect(cached.listed(join(absent, "data"))).toBeUndefined();
    expect(calls).toEqual({ kind: 0, list: 0, entries: 1, realpath: 0, readlink: 0 });
    // Under a link or a file, the listing cannot tell: the disk is asked.
    expect(cached.kind(join(tree, "zk1-link", "conf", "zoo.cfg"))).toBe("file");
    expect(cached.kind(join(tree, "zk1", "conf", "zoo.cfg", "x"))).toBeUndefined();
    expect(calls.kind).toBe(2);
  });

  it("walks a path of absent directories once: its work grows with the path, not with its square", () => {
    // Map lookups counted, not time: a path of n absent directories resolved one directory at a
    // time (as a relative dataDir is) once asked about every directory above each one again.
    const lookups = (n: number): number => {
      const cached = new CachedFileSystem(new MemoryFileSystem({ "/top/x": "" }));
      const get = vi.spyOn(Map.prototype, "get");
      try {
        for (let i = 1, path = "/top/d"; i <= n; i++, path += "/d") {
          expect(cached.readlink(path)).toBeUndefined();
          expect(cached.kind(path)).toBeUndefined();
        }
        return get.mock.calls.length;
      } finally {
        get.mockRestore();
      }
    };
    expect(lookups(400) / lookups(200)).toBeLessThan(2.5);
  });
});

import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFile } from "../../src/fix/writer.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-writer-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("createFile", () => {
  it("writes the file and creates missing directories, leaving no temp file behind", () => {
    const path = join(work, "a/b/data/myid");
    expect(createFile({ kind: "create", path, text: "1\n" })).toEqual({ path, written: true });
    expect(readFileSync(path, "utf8")).toBe("1\n");
    expect(readdirSync(join(work, "a/b/data"))).toEqual(["myid"]);
  });

  it("never overwrites an existing file", () => {
    const path = join(work, "existing/myid");
    mkdirSync(join(work, "existing"));
    writeFileSync(path, "7\n");
    const outcome = createFile({ kind: "create", path, text: "1\n" });
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toMatch(/already exists/);
    expect(readFileSync(path, "utf8")).toBe("7\n");
  });

  it("never writes through a symlink, even a dangling one", () => {
    const dir = join(work, "linked");
    mkdirSync(dir);
    const target = join(work, "elsewhere-myid");
    symlinkSync(target, join(dir, "myid"));
    const outcome = createFile({ kind: "create", path: join(dir, "myid"), text: "1\n" });
    expect(outcome).toEqual({ path: join(dir, "myid"), written: false, reason: `it is a symbolic link (to ${target}); zkcfg never writes through a link` });
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(join(dir, "myid")).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(["myid"]);
  });

  it("explains a data dir that is a file and writes nothing", () => {
    writeFileSync(join(work, "plainfile"), "x");
    const outcome = createFile({ kind: "create", path: join(work, "plainfile/myid"), text: "1\n" });
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toBe(`cannot create ${join(work, "plainfile")}: ${join(work, "plainfile")} is a file, not a directory`);
    expect(readFileSync(join(work, "plainfile"), "utf8")).toBe("x");
  });

  it("explains a file in the way further up and creates nothing", () => {
    writeFileSync(join(work, "blocker"), "x");
    const outcome = createFile({ kind: "create", path: join(work, "blocker/zk/data/myid"), text: "1\n" });
    expect(outcome.reason).toBe(`cannot create ${join(work, "blocker/zk/data")}: ${join(work, "blocker")} is a file, not a directory`);
  });

  it("says when the file already holds exactly that content (another run wrote it), and touches nothing", () => {
    const path = join(work, "same/myid");
    mkdirSync(join(work, "same"));
    writeFileSync(path, "3\n");
    expect(createFile({ kind: "create", path, text: "3\n" })).toEqual({
      path,
      written: false,
      unchanged: true,
      reason: "it already holds exactly this content",
    });
    expect(createFile({ kind: "create", path, text: "4\n" })).toEqual({ path, written: false, reason: "it already exists; zkcfg never overwrites a myid" });
    expect(readdirSync(join(work, "same"))).toEqual(["myid"]);
  });

  it("when writing fails, leaves neither the temp file nor the directories it created", () => {
    // A name so long that the temp file's (the name plus a suffix) exceeds NAME_MAX.
    const path = join(work, "fresh/zk/data", "m".repeat(240));
    const outcome = createFile({ kind: "create", path, text: "1\n" });
    expect(outcome).toEqual({ path, written: false, reason: "cannot write it: ENAMETOOLONG" });
    expect(existsSync(join(work, "fresh"))).toBe(false);
  });

  it.skipIf(process.platform !== "linux")("gives up at once where the kernel refuses to create directories (/proc), instead of spinning", () => {
    const outcome = createFile({ kind: "create", path: "/proc/zkcfg-writer-test/data/myid", text: "1\n" });
    expect(outcome).toEqual({ path: "/proc/zkcfg-writer-test/data/myid", written: false, reason: "cannot create /proc/zkcfg-writer-test: ENOENT" });
  });
});

describe("createFile under a root: nothing outside it is written", () => {
  const top = join(work, "rooted");
  const R = join(top, "root");
  const OUTSIDE = join(top, "outside");
  mkdirSync(R, { recursive: true });
  mkdirSync(OUTSIDE);
  const create = (path: string, hooks = {}) => createFile({ kind: "create", path: join(R, path), text: "1\n", root: R }, hooks);

  it("directory links on the way lead inside the root, as on the machine the root stands for", () => {
    symlinkSync(OUTSIDE, join(R, "var"));
    expect(create("var/lib/zookeeper/myid")).toEqual({ path: join(R, "var/lib/zookeeper/myid"), written: true });
    expect(readFileSync(join(R, OUTSIDE, "lib/zookeeper/myid"), "utf8")).toBe("1\n");
    expect(readdirSync(OUTSIDE)).toEqual([]);
  });

  it("a path outside the root is refused", () => {
    const outcome = createFile({ kind: "create", path: join(OUTSIDE, "data/myid"), text: "1\n", root: R });
    expect(outcome).toEqual({ path: join(OUTSIDE, "data/myid"), written: false, reason: `it is outside ${R}, the tree zkcfg was given` });
    expect(readdirSync(OUTSIDE)).toEqual([]);
  });

  it("a directory swapped for a link while it writes is refused, not followed, and leaves no temp file nor new directory", () => {
    mkdirSync(join(R, "srv/zk"), { recursive: true });
    const outcome = create("srv/zk/data/myid", {
      afterResolve: () => {
        rmSync(join(R, "srv/zk"), { recursive: true });
        symlinkSync(OUTSIDE, join(R, "srv/zk"));
      },
    });
    expect(outcome).toEqual({
      path: join(R, "srv/zk/data/myid"),
      written: false,
      reason: `cannot create ${join(R, "srv/zk/data")}: ${join(R, "srv/zk")} is a symbolic link (it was not when zkcfg looked); zkcfg never writes through a link`,
    });
    expect(readdirSync(OUTSIDE)).toEqual([]);
    expect(readdirSync(join(R, "srv"))).toEqual(["zk"]);
  });

  it("a link put where a missing data directory was to be created is not followed either", () => {
    mkdirSync(join(R, "opt"), { recursive: true });
    const outcome = create("opt/data/myid", {
      afterResolve: () => symlinkSync(OUTSIDE, join(R, "opt/data")),
    });
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toContain("is a symbolic link (it was not when zkcfg looked)");
    expect(readdirSync(OUTSIDE)).toEqual([]);
    expect(readdirSync(join(R, "opt"))).toEqual(["data"]);
  });
});

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
    expect(outcome.written).toBe(false);
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(join(dir, "myid")).isSymbolicLink()).toBe(true);
  });

  it("explains a data dir that is a file and writes nothing", () => {
    writeFileSync(join(work, "plainfile"), "x");
    const outcome = createFile({ kind: "create", path: join(work, "plainfile/myid"), text: "1\n" });
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toMatch(/cannot create .*plainfile: EEXIST|ENOTDIR/);
    expect(readFileSync(join(work, "plainfile"), "utf8")).toBe("x");
  });
});

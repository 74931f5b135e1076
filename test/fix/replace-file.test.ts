import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replaceFile } from "../../src/fix/writer.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-replace-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("replaceFile", () => {
  it("replaces the whole content, keeps the mode and leaves no temp file", () => {
    const dir = join(work, "conf");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\n");
    chmodSync(path, 0o640);
    expect(replaceFile(path, Buffer.from("dataDir=/var/zk\n"))).toEqual({ path, written: true });
    expect(readFileSync(path, "utf8")).toBe("dataDir=/var/zk\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["zoo.cfg"]);
  });

  it("writes every byte as given", () => {
    const path = join(work, "latin1.cfg");
    writeFileSync(path, "x");
    const bytes = Buffer.from([0x64, 0xe9, 0x3d, 0xff, 0x0a]);
    expect(replaceFile(path, bytes).written).toBe(true);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("never replaces a symbolic link, nor writes through it", () => {
    const target = join(work, "real.cfg");
    writeFileSync(target, "dataDir /var/zk\n");
    const link = join(work, "linked.cfg");
    symlinkSync(target, link);
    const outcome = replaceFile(link, Buffer.from("dataDir=/var/zk\n"));
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toMatch(/symbolic link/);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("dataDir /var/zk\n");
  });

  it("says why when there is no regular file to replace", () => {
    expect(replaceFile(join(work, "missing.cfg"), Buffer.from("x")).reason).toMatch(/cannot read it: ENOENT/);
    mkdirSync(join(work, "dir.cfg"));
    expect(replaceFile(join(work, "dir.cfg"), Buffer.from("x")).reason).toBe("it is not a regular file");
  });
});

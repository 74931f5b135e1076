import {
  appendFileSync,
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replaceFile } from "../../src/fix/writer.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-replace-"));
const CHANGED = "it changed while zkcfg was fixing it; left as it is";
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("replaceFile", () => {
  it("replaces the whole content, keeps the mode and leaves no temp file", () => {
    const dir = join(work, "conf");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\n");
    chmodSync(path, 0o640);
    expect(replaceFile(path, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n"))).toEqual({ path, written: true });
    expect(readFileSync(path, "utf8")).toBe("dataDir=/var/zk\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["zoo.cfg"]);
  });

  it("writes every byte as given", () => {
    const path = join(work, "latin1.cfg");
    writeFileSync(path, "x");
    const bytes = Buffer.from([0x64, 0xe9, 0x3d, 0xff, 0x0a]);
    expect(replaceFile(path, Buffer.from("x"), bytes).written).toBe(true);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("never replaces a symbolic link, nor writes through it", () => {
    const target = join(work, "real.cfg");
    writeFileSync(target, "dataDir /var/zk\n");
    const link = join(work, "linked.cfg");
    symlinkSync(target, link);
    const outcome = replaceFile(link, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n"));
    expect(outcome.written).toBe(false);
    expect(outcome.reason).toMatch(/symbolic link/);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("dataDir /var/zk\n");
  });

  it("says why when there is no regular file to replace", () => {
    expect(replaceFile(join(work, "missing.cfg"), Buffer.from(""), Buffer.from("x")).reason).toMatch(/cannot read it: ENOENT/);
    mkdirSync(join(work, "dir.cfg"));
    expect(replaceFile(join(work, "dir.cfg"), Buffer.from(""), Buffer.from("x")).reason).toBe("it is not a regular file");
  });

  it("leaves a config that no longer holds the text the edits were planned on", () => {
    const dir = join(work, "stale");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\nclientPort=2181\n");
    expect(replaceFile(path, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n"))).toEqual({ path, written: false, reason: CHANGED });
    expect(readFileSync(path, "utf8")).toBe("dataDir /var/zk\nclientPort=2181\n");
    expect(readdirSync(dir)).toEqual(["zoo.cfg"]);
  });

  it("a line appended between the check and the rename is kept: the edit is given up, its temp file removed", () => {
    const dir = join(work, "race");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\n");
    const outcome = replaceFile(path, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n"), {
      beforeCommit: () => appendFileSync(path, "clientPort=2181\n"),
    });
    expect(outcome).toEqual({ path, written: false, reason: CHANGED });
    expect(readFileSync(path, "utf8")).toBe("dataDir /var/zk\nclientPort=2181\n");
    expect(readdirSync(dir)).toEqual(["zoo.cfg"]);
  });

  it("a config replaced by another file (a rename over it) meanwhile is left as it is", () => {
    const dir = join(work, "renamed");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\n");
    const outcome = replaceFile(path, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n"), {
      // The same bytes, but a new file: what an editor's save does.
      beforeCommit: () => {
        writeFileSync(join(dir, "saved"), "dataDir /var/zk\n");
        renameSync(join(dir, "saved"), path);
      },
    });
    expect(outcome.reason).toBe(CHANGED);
    expect(readdirSync(dir)).toEqual(["zoo.cfg"]);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner, group and mode of a config root edits (nobody:nogroup stays so)", () => {
    const dir = join(work, "owned");
    mkdirSync(dir);
    const path = join(dir, "zoo.cfg");
    writeFileSync(path, "dataDir /var/zk\n");
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o2640);
    expect(replaceFile(path, Buffer.from("dataDir /var/zk\n"), Buffer.from("dataDir=/var/zk\n")).written).toBe(true);
    const stat = statSync(path);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([65534, 65534, 0o2640]);
    expect(readFileSync(path, "utf8")).toBe("dataDir=/var/zk\n");
  });
});

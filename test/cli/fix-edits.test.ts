import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canRunAsNobody, NOBODY, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-fix-edits-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The CR fix spans the file from the first CR to the last, so the fixes inside it (a separator,
// trailing blanks, the whitelist) wait for a second pass.
const BROKEN = "tickTime=2000\r\ndataDir /var/lib/zookeeper  \r\nclientPort 2181\r\n4lw.commands.whitelist=ruok stat, MNTR\r\n";
const FIXED = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n4lw.commands.whitelist=ruok, stat, mntr\n";

function conf(name: string, text: string): string {
  const dir = join(work, name, "conf");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "zoo.cfg"), text, "latin1");
  return join(dir, "zoo.cfg");
}

describe("zkcfg fix with edits", () => {
  it("--dry-run shows the config after every pass as a diff, --check names it, and both leave it alone", () => {
    const path = conf("plan", BROKEN);
    const dry = zkcfg(["fix", "--dry-run", "--format", "compact", path]);
    // Outside the working directory, the diff names the config by its absolute path.
    const minus = BROKEN.split("\n")
      .slice(0, -1)
      .map((l) => `-${l.replace("\r", "\\r")}\n`);
    const plus = FIXED.split("\n")
      .slice(0, -1)
      .map((l) => `+${l}\n`);
    expect(dry.stdout).toBe(`--- ${path}\n+++ ${path}\n@@ -1,4 +1,4 @@\n${minus.join("")}${plus.join("")}`);
    expect(dry.code).toBe(0);
    const check = zkcfg(["fix", "--check", path]);
    expect(check.stdout).toBe(`would edit ${path}\n`);
    expect(check.code).toBe(1);
    expect(readFileSync(path, "latin1")).toBe(BROKEN);
  });

  it("edits in passes until nothing changes, keeps every other byte, and a second run is a no-op", () => {
    const path = conf("write", BROKEN);
    const r = zkcfg(["fix", "--format", "compact", path]);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("edited "))).toEqual([`edited ${path}`]);
    expect(readFileSync(path, "latin1")).toBe(FIXED);
    expect(r.stdout).not.toMatch(/\[(zkserver-script-compat|four-letter-words)\]/);
    expect(readdirSync(join(work, "write", "conf"))).toEqual(["zoo.cfg"]);
    const again = zkcfg(["fix", path]);
    expect(again.stdout).not.toMatch(/^edited /m);
    expect(zkcfg(["fix", "--check", path]).code).toBe(0);
  });

  it("does not edit a config that is a symbolic link, and says why", () => {
    const target = conf("target", BROKEN);
    const dir = join(work, "linked");
    mkdirSync(dir);
    symlinkSync(target, join(dir, "zoo.cfg"));
    const r = zkcfg(["fix", join(dir, "zoo.cfg")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`did not write ${join(dir, "zoo.cfg")}: it is a symbolic link`);
    expect(readFileSync(target, "latin1")).toBe(BROKEN);
  });

  it.skipIf(process.getuid?.() !== 0)("root's fix keeps the owner, group and mode of a config it edits (nobody:nogroup stays so)", () => {
    const path = conf("owned", BROKEN);
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o640);
    const r = zkcfg(["fix", path]);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("edited "))).toEqual([`edited ${path}`]);
    expect(readFileSync(path, "latin1")).toBe(FIXED);
    const stat = statSync(path);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });

  it.skipIf(!canRunAsNobody())("a user who cannot give the new file the config's owner leaves the config as it is, with no temp file", () => {
    const path = conf("foreign", BROKEN);
    // nobody may write the folder, not change the owner of root's config.
    chmodSync(work, 0o755);
    chownSync(join(work, "foreign"), 65534, 65534);
    chownSync(join(work, "foreign", "conf"), 65534, 65534);
    chmodSync(path, 0o644);
    const r = zkcfg(["fix", path], NOBODY);
    expect(r.stderr).toBe(`zkcfg: did not write ${path}: zkcfg cannot give the new file its owner and group: permission denied (EPERM); left as it is\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(path, "latin1")).toBe(BROKEN);
    expect(statSync(path).uid).toBe(0);
    expect(readdirSync(join(work, "foreign", "conf"))).toEqual(["zoo.cfg"]);
  });
});

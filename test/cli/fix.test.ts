import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-fix-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CONFIGS = ["conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];
const myidOf = (dir: string, port: number): string => join(dir, "usr/local/zookeeper/quorum-data", `d${port}`, "myid");

function example(name: string): string {
  const dir = join(work, name);
  cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
  return dir;
}

describe("zkcfg fix on the example", () => {
  it("--check names what the whole fix would write, and writes nothing", () => {
    const dir = example("plan");
    const check = zkcfg(["fix", "--check", ...CONFIGS], { cwd: dir });
    expect(check.stdout.split("\n").filter((l) => l.startsWith("would write"))).toEqual(
      [2181, 2182, 2183].map((p, i) => `would write ${myidOf(dir, p)} ("${i + 1}")`),
    );
    expect(check.code).toBe(1);
    for (const p of [2181, 2182, 2183]) expect(existsSync(myidOf(dir, p))).toBe(false);
  });

  it("writes each myid once, prints each file, and leaves the admin port clash (a warning) to the user", () => {
    const dir = example("write");
    const r = zkcfg(["fix", ...CONFIGS], { cwd: dir });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("wrote"))).toEqual([2181, 2182, 2183].map((p, i) => `wrote ${myidOf(dir, p)} ("${i + 1}")`));
    expect(r.stdout).not.toContain("myid file is missing");
    expect(r.stdout).toContain("Port 8080");
    expect(r.code).toBe(0);
    const again = zkcfg(["fix", ...CONFIGS], { cwd: dir });
    expect(again.stdout).not.toMatch(/^wrote /m);
    expect(zkcfg(["fix", "--check", ...CONFIGS], { cwd: dir }).code).toBe(0);
  });

  it("never overwrites a myid that exists, and then reports the real problem", () => {
    const dir = example("existing");
    writeFileSync(myidOf(dir, 2182), "7\n");
    const r = zkcfg(["fix", "--format", "compact", ...CONFIGS], { cwd: dir });
    expect(readFileSync(myidOf(dir, 2182), "utf8")).toBe("7\n");
    // With one myid present, file-name order is no longer certain: nothing is written.
    expect(r.stdout).not.toMatch(/^wrote /m);
    expect(r.stdout).toContain("says 7, but no server.7 line is in this config");
  });
});

describe("when the id is not certain", () => {
  const multiHost = (dataDir: string, port: number): string =>
    `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=${dataDir}\nclientPort=${port}\nserver.1=zk1.example:2888:3888\nserver.2=zk2.example:2888:3888\nserver.3=zk3.example:2888:3888\n`;

  it("explains why and how to say it; --myid N on one file writes it", () => {
    const dir = join(work, "uncertain");
    mkdirSync(join(dir, "conf"), { recursive: true });
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "conf/zoo.cfg"), multiHost(join(dir, "data"), 2181));
    // No server line names this machine: its data dir here is not read, and the note says how to set it up.
    const r = zkcfg(["fix", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stdout).toContain("nothing says this config is for this machine (no server line names it)");
    expect(r.stdout).toContain("zkcfg fix --myid N writes its id there");
    expect(existsSync(join(dir, "data/myid"))).toBe(false);
    // Under a root (here: this machine's own files) zkcfg reads it and says why the id is not certain.
    const rooted = zkcfg(["fix", "--root", "/", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(rooted.stdout).toContain("zkcfg cannot tell which of 1, 2, 3 this server is");
    expect(rooted.stdout).toContain("run zkcfg fix --myid N conf/zoo.cfg");
    expect(existsSync(join(dir, "data/myid"))).toBe(false);
    const given = zkcfg(["fix", "--myid", "2", "conf/zoo.cfg"], { cwd: dir });
    expect(given.stdout).toContain(`wrote ${join(dir, "data/myid")} ("2")`);
    expect(readFileSync(join(dir, "data/myid"), "utf8")).toBe("2\n");
  });

  it("refuses --myid with several files", () => {
    const r = zkcfg(["fix", "--myid", "2", "a.cfg", "b.cfg"], { cwd: work });
    expect(r.code).toBe(2);
  });

  it("never writes where data of unknown identity exists", () => {
    const dir = example("with-data");
    mkdirSync(join(dir, "usr/local/zookeeper/quorum-data/d2181/version-2"));
    const r = zkcfg(["fix", "--format", "compact", ...CONFIGS], { cwd: dir });
    expect(r.stdout).not.toMatch(/^wrote /m);
    expect(r.stdout).toContain("holds data (version-2/) of unknown identity");
    for (const p of [2181, 2182, 2183]) expect(existsSync(myidOf(dir, p))).toBe(false);
  });

  it("creates a missing dataDir whose parent exists, under --root", () => {
    const dir = join(work, "rooted");
    mkdirSync(join(dir, "image/var/lib/zookeeper"), { recursive: true });
    mkdirSync(join(dir, "conf"));
    writeFileSync(
      join(dir, "conf/zoo.cfg"),
      multiHost("/var/lib/zookeeper/data", 2181).replace("server.2=zk2.example:2888:3888", "server.2=zk2.example:2888:3888;2181"),
    );
    const r = zkcfg(["fix", "--root", "image", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stdout).toContain(`wrote ${join(dir, "image/var/lib/zookeeper/data/myid")} ("2")`);
    expect(readFileSync(join(dir, "image/var/lib/zookeeper/data/myid"), "utf8")).toBe("2\n");
  });
});

describe("zkcfg fix --dry-run", () => {
  /** Every path under `dir` with its size and modification time: what a write would change. */
  const snapshot = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .sort()
      .map((p) => `${p} ${statSync(join(dir, p)).size} ${statSync(join(dir, p)).mtimeMs}`);

  it("prints a unified diff of each edited config and each myid it would create, and writes nothing", () => {
    const dir = example("dry-diff");
    const cfg = join(dir, "conf/zoo_2181.cfg");
    writeFileSync(cfg, readFileSync(cfg, "latin1").replace("clientPort=2181", "clientPort 2181"));
    const before = snapshot(dir);
    const r = zkcfg(["fix", "--dry-run", "--quiet", ...CONFIGS], { cwd: dir });
    const created = [1, 2, 3].map((id) => `--- /dev/null\n+++ b/usr/local/zookeeper/quorum-data/d${2180 + id}/myid\n@@ -0,0 +1 @@\n+${id}\n`);
    expect(r.stdout).toBe(
      "--- a/conf/zoo_2181.cfg\n+++ b/conf/zoo_2181.cfg\n@@ -2,7 +2,7 @@\n initLimit=10\n syncLimit=5\n dataDir=/usr/local/zookeeper/quorum-data/d2181\n" +
        "-clientPort 2181\n+clientPort=2181\n server.1=localhost:3333:3334\n server.2=localhost:4444:4445\n server.3=localhost:5555:5556\n" +
        created.join(""),
    );
    expect(r.stderr).toBe("");
    // What remains after the planned fixes are warnings only.
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it("exits 1 when errors remain after the planned fixes, and prints them", () => {
    const dir = example("dry-errors");
    const cfg = join(dir, "conf/zoo_2181.cfg");
    writeFileSync(cfg, readFileSync(cfg, "latin1").replace("tickTime=2000", "tickTime=often"));
    const r = zkcfg(["fix", "--dry-run", "--format", "compact", ...CONFIGS], { cwd: dir });
    expect(r.stdout).toContain("+++ b/usr/local/zookeeper/quorum-data/d2182/myid\n");
    expect(r.stdout).toMatch(/^conf\/zoo_2181\.cfg:1:\d+: error .*often/m);
    expect(r.stdout).not.toContain("myid file");
    expect(r.code).toBe(1);
  });

  it("exits 2 on input it cannot read, after showing the rest", () => {
    const dir = example("dry-missing");
    const r = zkcfg(["fix", "--dry-run", ...CONFIGS, "conf/missing.cfg"], { cwd: dir });
    expect(r.stderr).toBe("zkcfg: conf/missing.cfg: no such file\n");
    expect(r.stdout).toContain("+++ b/usr/local/zookeeper/quorum-data/d2181/myid\n");
    expect(r.code).toBe(2);
  });

  it("keeps standard output one JSON document with --format json: the diff goes to standard error", () => {
    const dir = example("dry-json");
    const r = zkcfg(["fix", "--dry-run", "--format", "json", ...CONFIGS], { cwd: dir });
    const results = JSON.parse(r.stdout) as { filePath: string }[];
    expect(results.map((res) => res.filePath).sort()).toEqual([...CONFIGS].sort());
    expect(r.stderr).toContain("--- /dev/null\n+++ b/usr/local/zookeeper/quorum-data/d2181/myid\n@@ -0,0 +1 @@\n+1\n");
    const written = zkcfg(["fix", "--format", "json", ...CONFIGS], { cwd: dir });
    expect(() => JSON.parse(written.stdout) as unknown).not.toThrow();
    expect(written.stderr).toContain("wrote ");
    expect(readFileSync(myidOf(dir, 2181), "utf8")).toBe("1\n");
  });

  it("escapes the control characters of a config's lines in the diff", () => {
    const dir = join(work, "dry-escape");
    mkdirSync(join(dir, "conf"), { recursive: true });
    writeFileSync(join(dir, "conf/zoo.cfg"), "tickTime=2000\ndataDir /var/lib/zookeeper\n# \x1b[2J\x1b]0;owned\x07 note\n", "latin1");
    const r = zkcfg(["fix", "--dry-run", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stdout).toContain("-dataDir /var/lib/zookeeper\n+dataDir=/var/lib/zookeeper\n # \\x1b[2J\\x1b]0;owned\\x07 note\n");
    expect(r.stdout).not.toContain("\x1b");
    expect(r.stdout).not.toContain("\x07");
  });
});

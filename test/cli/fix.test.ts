import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  it("--dry-run and --check print the plan and write nothing", () => {
    const dir = example("plan");
    const dry = zkcfg(["fix", "--dry-run", ...CONFIGS], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout.split("\n").filter((l) => l.startsWith("would write"))).toEqual([2181, 2182, 2183].map((p, i) => `would write ${myidOf(dir, p)} ("${i + 1}")`));
    const check = zkcfg(["fix", "--check", ...CONFIGS], { cwd: dir });
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
    writeFileSync(join(dir, "conf/zoo.cfg"), multiHost("/var/lib/zookeeper/data", 2181).replace("server.2=zk2.example:2888:3888", "server.2=zk2.example:2888:3888;2181"));
    const r = zkcfg(["fix", "--root", "image", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stdout).toContain(`wrote ${join(dir, "image/var/lib/zookeeper/data/myid")} ("2")`);
    expect(readFileSync(join(dir, "image/var/lib/zookeeper/data/myid"), "utf8")).toBe("2\n");
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, zkcfg } from "./run-cli.js";

const EXAMPLE = "fixtures/examples/pseudo-cluster/conf";
const ZOO_2182 = readFileSync(join(REPO, EXAMPLE, "zoo_2182.cfg"), "utf8");

describe("zkcfg lint --stdin", () => {
  it("lints the text as the file --stdin-filename names: its settings, data dir and sibling configs", () => {
    const r = zkcfg(["lint", "--format", "compact", "--stdin", "--stdin-filename", `${EXAMPLE}/zoo_2182.cfg`], { input: ZOO_2182 });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    // The example's .zkcfgrc.json roots the data dirs in the example folder, and the siblings share port 8080.
    expect(r.stdout).toContain(`${EXAMPLE}/zoo_2182.cfg:1:1: warning Port 8080 (AdminServer default) is also used by zoo_2181.cfg, zoo_2183.cfg on this host;`);
    expect(r.stdout.split("\n").filter((l) => l.includes(": error "))).toEqual([
      `${EXAMPLE}/zoo_2182.cfg:4:9: error dataDir "/usr/local/zookeeper/quorum-data/d2182" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (one host, no myid yet: ids follow file-name order) [myid-matches-datadir]`,
    ]);
  });

  it("reads the text from standard input, not the file at that path", () => {
    const r = zkcfg(["lint", "--format", "compact", "--stdin", "--stdin-filename", `${EXAMPLE}/zoo_2182.cfg`], {
      input: ZOO_2182 + "admin.enableServer=false\ninitLimit=ten\n",
    });
    expect(r.stdout).not.toContain(`${EXAMPLE}/zoo_2182.cfg:1:1: warning Port 8080`);
    expect(r.stdout).toContain(`${EXAMPLE}/zoo_2182.cfg:10:11: error initLimit "ten" is not a whole number`);
  });

  it("checks the name's place: a zoo*.cfg outside conf/ is reported in a ZooKeeper home, inside conf/ or without a home it is not", () => {
    const text = "tickTime=2000\ndataDir=/nonexistent/zkcfg-stdin\nclientPort=2181\n";
    const lint = (name: string): string =>
      zkcfg(["lint", "--format", "compact", "--stdin", "--stdin-filename", name], { input: text, cwd: join(REPO, "fixtures") }).stdout;
    // The example is a ZooKeeper home: it has a conf/ directory.
    expect(lint("examples/pseudo-cluster/zoo.cfg")).toMatch(
      /^examples\/pseudo-cluster\/zoo\.cfg:1:1: warning examples\/pseudo-cluster\/zoo\.cfg is not in the conf\/ directory of the ZooKeeper home/,
    );
    expect(lint("examples/pseudo-cluster/conf/zoo.cfg")).not.toContain("conf/ directory");
    expect(lint("zoo.cfg")).not.toContain("conf/ directory");
  });

  it("calls the text <stdin> without --stdin-filename", () => {
    const r = zkcfg(["lint", "--format", "compact", "--stdin"], { input: "initLimit=x\n" });
    expect(r.stdout).toContain('<stdin>:1:11: error initLimit "x" is not a whole number');
  });

  it("rejects binary input like a binary file", () => {
    const r = zkcfg(["lint", "--stdin"], { input: "tickTime=2000\0\n" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zkcfg: <stdin>: is a binary file \(a NUL byte at line 1, column 14\)/);
  });

  it.each([
    [["lint", "--stdin", "conf/zoo.cfg"], "zkcfg: --stdin reads the config from standard input; name no files with it\n"],
    [["lint", "--stdin-filename", "conf/zoo.cfg", "conf/zoo.cfg"], "zkcfg: --stdin-filename goes with --stdin\n"],
    [["fix", "--stdin"], "zkcfg: zkcfg fix --stdin has no file to write back to; add --dry-run to see what fix would do, or --check to test it\n"],
  ])("usage error %j exits 2", (args, message) => {
    const r = zkcfg(args, { input: ZOO_2182 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
});

describe("zkcfg fix --stdin", () => {
  it("--dry-run prints what fix would write for the text at that path, and writes nothing", () => {
    const r = zkcfg(["fix", "--format", "compact", "--stdin", "--dry-run", "--stdin-filename", `${EXAMPLE}/zoo_2182.cfg`], { input: ZOO_2182 });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "--- /dev/null",
      "+++ b/fixtures/examples/pseudo-cluster/usr/local/zookeeper/quorum-data/d2182/myid",
      "@@ -0,0 +1 @@",
      "+2",
    ]);
  });

  it("--check exits 1 when fix would write something", () => {
    const r = zkcfg(["fix", "--stdin", "--check", "--stdin-filename", `${EXAMPLE}/zoo_2182.cfg`], { input: ZOO_2182 });
    expect(r.code).toBe(1);
  });
});

import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const ESC = String.fromCharCode(27);
const STANDALONE = "tickTime=2000\ndataDir=/srv/zkcfg-test-standalone\nclientPort=2181\n";

describe("zkcfg lint on the shipped example (the README's quick start)", () => {
  const run = zkcfg(["lint", "fixtures/examples/pseudo-cluster/conf/*.cfg"]);
  it("prints the three missing myids (errors) and the admin port clash (warnings: the ensemble runs on without it), and exits 1", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout.match(/has no myid file; ZooKeeper exits with "myid file is missing"/g)).toHaveLength(3);
    expect(run.stdout.match(/Port 8080 \(AdminServer default\) is also used by/g)).toHaveLength(3);
    expect(run.stdout).toContain("✖ 6 problems (3 errors, 3 warnings)");
    expect(run.stdout).toContain("3 errors and 0 warnings potentially fixable with `zkcfg fix`.");
  });
  it("uses no colors when stdout is not a terminal", () => {
    expect(run.stdout).not.toContain(ESC);
  });
  it("colors with FORCE_COLOR and not with NO_COLOR", () => {
    expect(zkcfg(["lint", "fixtures/examples/pseudo-cluster/conf/*.cfg"], { env: { FORCE_COLOR: "1", NO_COLOR: undefined } }).stdout).toContain(
      `${ESC}[31merror`,
    );
  });
});

describe("exit codes and bad input", () => {
  it("exits 0 on a clean file and prints nothing", () => {
    const dir = tree("clean", { "conf/zoo.cfg": STANDALONE });
    const r = zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports a missing file with exit 2 and still lints the others", () => {
    const dir = tree("missing", { "conf/zoo.cfg": STANDALONE + "initLimit=abc\nserver.1=a:1:2\nserver.2=b:1:2\nserver.3=c:1:2\n" });
    const r = zkcfg(["lint", "conf/nope.cfg", "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("zkcfg: conf/nope.cfg: no such file\n");
    expect(r.stdout).toContain('initLimit "abc" is not a whole number');
  });

  it.each([
    ["a directory", (d: string) => mkdirSync(join(d, "confdir")), "confdir", /confdir: is a directory; name the configs in it, e.g. "confdir\/\*\.cfg"/],
    ["a binary file", (d: string) => writeFileSync(join(d, "bin.cfg"), Buffer.from([0x74, 0, 0x01, 0xff])), "bin.cfg", /bin\.cfg: is a binary file/],
    ["a glob that matches nothing", () => undefined, "conf/*.nothing", /conf\/\*\.nothing: no files match this pattern/],
    [
      "a huge file",
      (d: string) => writeFileSync(join(d, "huge.cfg"), "#".repeat(9 * 1024 * 1024)),
      "huge.cfg",
      /huge\.cfg: is 9\.0 MiB; a zoo\.cfg is a few KiB/,
    ],
  ])("names %s, exits 2, and lints the rest", (_what, make, arg, message) => {
    const dir = tree(`bad-${arg.replace(/\W/g, "")}`, { "conf/zoo.cfg": STANDALONE });
    make(dir);
    const r = zkcfg(["lint", arg, "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("names an unreadable file", () => {
    if (process.getuid?.() === 0) {
      // root reads everything; use a dangling symlink, which is unreadable for anyone
      const dir = tree("unreadable", { "conf/zoo.cfg": STANDALONE });
      symlinkSync(join(dir, "nowhere"), join(dir, "dangling.cfg"));
      const r = zkcfg(["lint", "dangling.cfg", "conf/zoo.cfg"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("zkcfg: dangling.cfg: no such file\n");
      return;
    }
    const dir = tree("unreadable", { "conf/zoo.cfg": STANDALONE, "secret.cfg": STANDALONE });
    chmodSync(join(dir, "secret.cfg"), 0o000);
    const r = zkcfg(["lint", "secret.cfg"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("zkcfg: secret.cfg: cannot be read: permission denied\n");
  });

  it.each([
    [["lint", "--format", "xml", "x"], 'zkcfg: --format must be stylish, json, compact, sarif or github, not "xml"\n'],
    [["lint", "--zk-version", "4.0", "x"], 'zkcfg: --zk-version must be a ZooKeeper version from 3.4 to 3.9, not "4.0"\n'],
    [["lint", "--bogus"], 'zkcfg: unknown option "--bogus"; see zkcfg --help\n'],
    [["frobnicate"], 'zkcfg: unknown command "frobnicate"; the commands are lint, fix, explain, rules and init\n'],
    [["lint"], "zkcfg: name the config files to lint, e.g. zkcfg lint conf/*.cfg\n"],
    [["lint", "--myid", "3", "x"], "zkcfg: --myid belongs to zkcfg fix\n"],
  ])("usage error %j exits 2", (args, message) => {
    const r = zkcfg(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  it("prints its version and help", () => {
    expect(zkcfg(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = zkcfg(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("zkcfg lint [options]");
  });
});

describe("options", () => {
  const even = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\nserver.1=a:2888:3888\nserver.2=b:2888:3888\n";

  it("--max-warnings turns warnings into exit 1; --quiet hides them", () => {
    const dir = tree("warnings", { "conf/zoo.cfg": even });
    expect(zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir }).code).toBe(0);
    const strict = zkcfg(["lint", "--max-warnings", "0", "conf/zoo.cfg"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("2 voting members tolerate no failure");
    const quiet = zkcfg(["lint", "--quiet", "--max-warnings", "0", "conf/zoo.cfg"], { cwd: dir });
    expect(quiet).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("notes once that a dataDir for another machine was not checked", () => {
    const dir = tree("elsewhere", { "conf/zoo.cfg": even });
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stdout.split("\n").filter((l) => l.includes(": note "))).toEqual([
      'conf/zoo.cfg:4:9: note dataDir "/nonexistent/zk" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files [myid-matches-datadir]',
    ]);
  });

  it("--root reads absolute paths under DIR; --syntax-only skips the file system", () => {
    const dir = tree("rooted", { "image/var/lib/zk/.keep": "", "conf/zoo.cfg": even.replace("/nonexistent/zk", "/var/lib/zk") });
    const rooted = zkcfg(["lint", "--format", "compact", "--root", "image", "conf/zoo.cfg"], { cwd: dir });
    expect(rooted.code).toBe(1);
    expect(rooted.stdout).toContain('conf/zoo.cfg:4:9: error dataDir "/var/lib/zk" has no myid file');
    const syntax = zkcfg(["lint", "--format", "compact", "--root", "image", "--syntax-only", "conf/zoo.cfg"], { cwd: dir });
    expect(syntax.stdout).not.toContain("myid");
    expect(syntax.code).toBe(0);
  });

  it("--format json prints ESLint's result shape with impact on every message", () => {
    const r = zkcfg(["lint", "--format", "json", "fixtures/examples/pseudo-cluster/conf/zoo_2182.cfg"]);
    const results = JSON.parse(r.stdout) as {
      filePath: string;
      errorCount: number;
      warningCount: number;
      fixableErrorCount: number;
      messages: Record<string, unknown>[];
    }[];
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({
      filePath: "fixtures/examples/pseudo-cluster/conf/zoo_2182.cfg",
      errorCount: 1,
      warningCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
    });
    for (const m of result!.messages) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(["ruleId", "severity", "impact", "message", "line", "column", "endLine", "endColumn"]));
    }
    expect(result!.messages.find((m) => m.ruleId === "myid-matches-datadir")).toMatchObject({
      line: 4,
      column: 9,
      endLine: 4,
      endColumn: 47,
      impact: "startup",
      severity: 2,
    });
  });

  it("--zk-version 3.4 knows no AdminServer", () => {
    const r = zkcfg(["lint", "--format", "compact", "--zk-version", "3.4", "fixtures/examples/pseudo-cluster/conf/*.cfg"]);
    expect(r.stdout).not.toContain("8080");
    expect(r.stdout).toContain("myid file is missing");
  });
});

describe("one named file is checked against its ensemble", () => {
  it("reads the sibling configs of its ensemble and reports only on the named file", () => {
    const r = zkcfg(["lint", "--format", "compact", "fixtures/examples/pseudo-cluster/conf/zoo_2183.cfg"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith("fixtures/examples/pseudo-cluster/conf/zoo_2183.cfg:"))).toBe(true);
    expect(r.stdout).toContain("is also used by zoo_2181.cfg, zoo_2182.cfg on this host");
    expect(r.stdout).toContain("zkcfg fix writes 3 to it");
  });

  it("ignores siblings of other ensembles", () => {
    const dir = join(work, "siblings");
    cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
    writeFileSync(join(dir, "conf/other.cfg"), "tickTime=2000\ndataDir=/usr/local/zookeeper/quorum-data/d2181\nclientPort=2181\n");
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo_2181.cfg"], { cwd: dir });
    expect(r.stdout).not.toContain("other.cfg");
  });
});

describe("the stock zoo_sample.cfg beside zoo.cfg", () => {
  // The sample as shipped (comments left out); zoo.cfg keeps its data where the sample suggests not to.
  const SAMPLE = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/tmp/zookeeper\nclientPort=2181\n";
  const dir = tree("stock-layout", { "conf/zoo.cfg": STANDALONE, "conf/zoo_sample.cfg": SAMPLE });

  it("is skipped by a glob: no port clash with zoo.cfg", () => {
    const r = zkcfg(["lint", "--format", "compact", "conf/*.cfg"], { cwd: dir });
    expect(r.stdout).not.toMatch(/zoo_sample|port-collision/);
    expect(r.code).toBe(0);
  });

  it("is linted when named alone", () => {
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo_sample.cfg"], { cwd: dir });
    expect(r.stdout).toContain('conf/zoo_sample.cfg:4:9: warning dataDir "/tmp/zookeeper" is under /tmp');
    expect(r.stdout).not.toContain("port-collision");
  });
});

describe("explain and rules", () => {
  it("explain prints the rule's doc; an unknown rule exits 2", () => {
    const r = zkcfg(["explain", "port-collision"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# port-collision");
    const bad = zkcfg(["explain", "port-collisions"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no rule "port-collisions"');
  });
  it("rules lists every rule", () => {
    const r = zkcfg(["rules"]);
    for (const id of ["config-location", "init-sync-limits", "myid-matches-datadir", "odd-server-count", "port-collision"]) {
      expect(r.stdout).toContain(id);
    }
  });
});

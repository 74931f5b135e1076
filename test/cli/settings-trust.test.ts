// Settings files as a stranger would plant them, through the built CLI: the search stays inside the
// project, a file another user controls is refused (as git refuses a repository someone else
// owns), and --no-js-config never runs JavaScript settings. The tests that need two users run
// zkcfg as root and write as nobody, in a scratch directory that stands in for /tmp (mode 1777).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canRunAsNobody, NOBODY, writeTree, zkcfg } from "./run-cli.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-trust-")));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
/** Two voting members: odd-server-count warns unless settings say otherwise. */
const TWO = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\nserver.1=a:2888:3888\nserver.2=b:2888:3888\n";
const ODD_ERROR = JSON.stringify({ rules: { "odd-server-count": "error" } });
const BROKEN = "tickTime=2000\ndataDir=/nonexistent/zk\nclientPort=2181\ninitLimit=abc\n";

/** Settings written as JavaScript that leave a mark, by uid, when they run. */
const marking = (dir: string): string =>
  `require("node:fs").writeFileSync(${JSON.stringify(join(dir, "ran-as-"))} + process.getuid(), ""); module.exports = {};\n`;

/** odd-server-count's severity on each linted file, from `zkcfg lint --format json`. */
function oddSeverity(cwd: string, args: string[]): Record<string, number | undefined> {
  const r = zkcfg(["lint", "--format", "json", ...args], { cwd });
  expect(r.stderr).toBe("");
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
  return Object.fromEntries(results.map((res) => [res.filePath, res.messages.find((m) => m.ruleId === "odd-server-count")?.severity]));
}

describe("the search stays inside the project", () => {
  it("stops at the top of a repository (.git), not only at a package.json", () => {
    const dir = writeTree(join(work, "repo-top"), { ".zkcfgrc.json": ODD_ERROR, "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/conf/zoo.cfg": TWO });
    expect(oddSeverity(join(dir, "repo"), ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 1 });
  });

  it("never goes above the working directory's project: without one, the working directory is its top", () => {
    const dir = writeTree(join(work, "no-project"), { ".zkcfgrc.json": ODD_ERROR, "site/conf/zoo.cfg": TWO });
    expect(oddSeverity(join(dir, "site"), ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 1 });
    // From the directory of the settings file, they apply.
    expect(oddSeverity(dir, ["site/conf/zoo.cfg"])).toEqual({ "site/conf/zoo.cfg": 2 });
  });
});

describe.skipIf(!isRoot)("a settings file someone else controls is refused, and not run", () => {
  it("root linting what init wrote under a shared /tmp does not run nobody's zkcfg.config.cjs; the other configs are still linted", () => {
    const scratch = join(work, "tmp");
    mkdirSync(scratch);
    chmodSync(scratch, 0o1777);
    const home = writeTree(join(work, "root-home"), { "conf/zoo.cfg": BROKEN });
    const planted = join(scratch, "zkcfg.config.cjs");
    execFileSync("sh", ["-c", 'printf %s "$1" > "$2"', "sh", marking(scratch), planted], NOBODY);
    expect(zkcfg(["init", "--servers", "3", "--dir", join(scratch, "zk")], { cwd: home }).code).toBe(0);
    const r = zkcfg(["lint", "--format", "compact", join(scratch, "zk/conf/*.cfg"), "conf/zoo.cfg"], { cwd: home });
    expect(existsSync(join(scratch, "ran-as-0"))).toBe(false);
    expect(r.stderr).toBe(
      `zkcfg: ../tmp/zkcfg.config.cjs: not read: it is owned by uid 65534, not by you (uid 0); if you trust it, make it yours and writable by you alone (chown, chmod go-w), or run with --no-config; the 3 configs it applies to are not linted\n`,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('conf/zoo.cfg:4:11: error initLimit "abc" is not a whole number');
    expect(r.stdout).not.toContain("zoo_2181.cfg");
  });

  it.each([
    ["the file is writable by others", 0o666, 0o755, "it is writable by group or others (mode 0666)"],
    ["the file is writable by a group that is not root's", 0o664, 0o755, "it is writable by group or others (mode 0664)"],
    ["its directory is writable by others, without the sticky bit", 0o644, 0o777, "its directory WORK is writable by group or others (mode 0777)"],
  ])("a JSON settings file of root's is refused when %s", (_what, fileMode, dirMode, why) => {
    const dir = writeTree(mkdtempSync(join(work, "modes-")), { "package.json": "{}", ".zkcfgrc.json": ODD_ERROR, "conf/zoo.cfg": TWO });
    chmodSync(join(dir, ".zkcfgrc.json"), fileMode);
    chownSync(join(dir, ".zkcfgrc.json"), 0, NOBODY.gid);
    chmodSync(dir, dirMode);
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stderr).toBe(
      `zkcfg: .zkcfgrc.json: not read: ${why.replace("WORK", dir)}; if you trust it, make it yours and writable by you alone (chown, chmod go-w), or run with --no-config; the config it applies to is not linted\n`,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    chmodSync(dir, 0o755);
  });

  it("a settings file writable by the user's own group (a user-private group, umask 002) is read", () => {
    const dir = writeTree(mkdtempSync(join(work, "own-group-")), { "package.json": "{}", ".zkcfgrc.json": ODD_ERROR, "conf/zoo.cfg": TWO });
    chmodSync(join(dir, ".zkcfgrc.json"), 0o664);
    chownSync(join(dir, ".zkcfgrc.json"), 0, process.getegid?.() ?? 0);
    chmodSync(dir, 0o775);
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
    chmodSync(dir, 0o755);
  });

  it("a settings file in a sticky directory (such as /tmp), yours and writable by you alone, is read", () => {
    const dir = writeTree(mkdtempSync(join(work, "sticky-")), { "package.json": "{}", ".zkcfgrc.json": ODD_ERROR, "conf/zoo.cfg": TWO });
    chmodSync(dir, 0o1777);
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
  });

  it("--config FILE is checked the same way, and --print-config says why", () => {
    const dir = writeTree(mkdtempSync(join(work, "explicit-")), { "ci/zkcfg.json": ODD_ERROR, "conf/zoo.cfg": TWO });
    chownSync(join(dir, "ci/zkcfg.json"), NOBODY.uid, NOBODY.gid);
    const refusal =
      "zkcfg: ci/zkcfg.json: not read: it is owned by uid 65534, not by you (uid 0); if you trust it, make it yours and writable by you alone (chown, chmod go-w), or run with --no-config";
    expect(zkcfg(["lint", "--config", "ci/zkcfg.json", "conf/zoo.cfg"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: `${refusal}; the config it applies to is not linted\n`,
    });
    expect(zkcfg(["--config", "ci/zkcfg.json", "--print-config", "conf/zoo.cfg"], { cwd: dir })).toEqual({ code: 2, stdout: "", stderr: `${refusal}\n` });
  });

  it.skipIf(!canRunAsNobody())("nobody reads settings that root owns (root is trusted), and refuses root's group-writable ones", () => {
    const dir = writeTree(mkdtempSync(join(work, "as-nobody-")), { "package.json": "{}", ".zkcfgrc.json": ODD_ERROR, "conf/zoo.cfg": TWO });
    chmodSync(dir, 0o755);
    const r = zkcfg(["lint", "--format", "json", "conf/zoo.cfg"], { cwd: dir, ...NOBODY });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain('"ruleId":"odd-server-count","severity":2');
    chmodSync(join(dir, ".zkcfgrc.json"), 0o664);
    expect(zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir, ...NOBODY }).stderr).toContain(
      "zkcfg: .zkcfgrc.json: not read: it is writable by group or others (mode 0664)",
    );
  });
});

describe("--no-js-config", () => {
  it("refuses a JavaScript settings file without running it: those configs are not linted, the others are (exit 2)", () => {
    const dir = writeTree(join(work, "no-js"), {
      "package.json": "{}",
      "js/conf/zoo.cfg": TWO,
      "json/.zkcfgrc.json": ODD_ERROR,
      "json/conf/zoo.cfg": TWO,
    });
    writeTree(dir, { "js/zkcfg.config.cjs": marking(dir) });
    const r = zkcfg(["lint", "--no-js-config", "--format", "compact", "js/conf/zoo.cfg", "json/conf/zoo.cfg"], { cwd: dir });
    expect(existsSync(join(dir, `ran-as-${process.getuid?.() ?? ""}`))).toBe(false);
    expect(r.stderr).toBe(
      "zkcfg: js/zkcfg.config.cjs: not run: settings written in JavaScript are code, and --no-js-config reads only JSON and YAML settings; write them as .zkcfgrc.json, or run with --no-config; the config it applies to is not linted\n",
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^json\/conf\/zoo\.cfg:6:1: error 2 voting members/m);
    expect(r.stdout).not.toContain("js/conf");
    // Without the flag, the same file runs (it is code: the README says so).
    zkcfg(["lint", "js/conf/zoo.cfg"], { cwd: dir });
    expect(existsSync(join(dir, `ran-as-${process.getuid?.() ?? ""}`))).toBe(true);
  });

  it("refuses --config naming a JavaScript file too", () => {
    const dir = writeTree(join(work, "no-js-explicit"), { "package.json": "{}", "conf/zoo.cfg": TWO, "ci/zkcfg.mjs": "export default {};\n" });
    const r = zkcfg(["lint", "--no-js-config", "--config", "ci/zkcfg.mjs", "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zkcfg: ci\/zkcfg\.mjs: not run: settings written in JavaScript are code/);
  });
});

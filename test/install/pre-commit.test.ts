// pre-commit as users run it: a project whose .pre-commit-config.yaml names this repository (a
// clone of its committed HEAD) and both hooks, installed and run with the registry out of reach, so
// from the npm cache alone; then a commit that breaks a config (blocked, with the finding) and one
// that fixes it. Without pre-commit the suite is skipped with the reason; with
// ZKCFG_REQUIRE_ZOOKEEPER=1 (CI, which installs it) it fails instead.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../cli/run-cli.js";
import { cloneHead, must, OFFLINE_NPM, offlineUnavailable, run } from "./scratch.js";

const version = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const missing =
  version.status !== 0 ? `pre-commit is not installed (apt-get install pre-commit): ${version.error?.message ?? version.stderr}` : offlineUnavailable;

/** Three servers of one ensemble on this host, each with its own ports and a data dir holding its myid. */
function ensemble(project: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const id of [1, 2, 3]) {
    const data = join(project, "data", String(id));
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "myid"), `${id}\n`);
    files[`conf/zoo_${id}.cfg`] = [
      "tickTime=2000",
      "initLimit=10",
      "syncLimit=5",
      `dataDir=${data}`,
      `clientPort=${2180 + id}`,
      `admin.serverPort=${8080 + id}`,
      "autopurge.purgeInterval=24",
      ...[1, 2, 3].map((k) => `server.${k}=127.0.0.1:${2887 + k}:${3887 + k}`),
      "",
    ].join("\n");
  }
  return files;
}

function suite(): void {
  const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-pre-commit-")));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const project = join(work, "project");
  let env: NodeJS.ProcessEnv = {};
  const git = (...args: string[]) => run("git", args, { cwd: project, env, offline: true });
  const commits = () => Number(must("git", ["rev-list", "--count", "HEAD"], { cwd: project }).stdout);

  beforeAll(() => {
    const { clone, commit } = cloneHead(work);
    // A scratch pre-commit home, so that the user's own cache of hook environments is not touched.
    env = {
      ...OFFLINE_NPM,
      PRE_COMMIT_HOME: join(work, "pre-commit-home"),
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.invalid",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.invalid",
    };
    mkdirSync(project);
    must("git", ["init", "--quiet"], { cwd: project });
    writeTree(project, {
      ...ensemble(project),
      // Not ZooKeeper's: the hooks must leave it alone.
      "setup.cfg": "[metadata]\nname = demo\nversion = 1.0\n\n[options]\npackages = find:\n",
      ".gitignore": "data/\n",
      ".pre-commit-config.yaml": [
        "repos:",
        `  - repo: ${pathToFileURL(clone).href}`,
        `    rev: ${commit}`,
        "    hooks:",
        "      - id: zkcfg",
        "      - id: zkcfg-fix",
        "",
      ].join("\n"),
    });
    must("git", ["add", "-A"], { cwd: project });
    must("pre-commit", ["install"], { cwd: project, env });
  }, 60_000);

  it("installs both hooks offline and passes the clean configs, leaving setup.cfg alone", () => {
    const r = run("pre-commit", ["run", "--all-files"], { cwd: project, env, offline: true });
    expect(r.stdout).toMatch(/^zkcfg lint\.+Passed$/m);
    expect(r.stdout).toMatch(/^zkcfg fix\.+Passed$/m);
    expect(r.code).toBe(0);
    expect(git("commit", "--quiet", "-m", "Three servers").code).toBe(0);
  }, 180_000);

  it("blocks a commit that breaks a config, and prints the finding", () => {
    const path = join(project, "conf", "zoo_2.cfg");
    writeFileSync(path, readFileSync(path, "utf8").replace("initLimit=10", "initLimit=ten"));
    git("add", "-A");
    const before = commits();
    // git shows what a hook prints on its stderr.
    const r = git("commit", "-m", "Break server 2");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^zkcfg lint\.+Failed$/m);
    expect(r.stderr).toMatch(/^conf\/zoo_2\.cfg\n +2:11 +error +initLimit "ten" is not a whole number/m);
    expect(commits()).toBe(before);
  }, 60_000);

  it("lets the commit that fixes it through", () => {
    const path = join(project, "conf", "zoo_2.cfg");
    writeFileSync(path, readFileSync(path, "utf8").replace("initLimit=ten", "initLimit=12"));
    git("add", "-A");
    const before = commits();
    const r = git("commit", "-m", "Fix server 2");
    expect(r.stderr).toMatch(/^zkcfg lint\.+Passed$/m);
    expect(r.code).toBe(0);
    expect(commits()).toBe(before + 1);
  }, 60_000);
}

if (missing === undefined) describe("the pre-commit hooks, from a repo: entry", suite);
else if (process.env["ZKCFG_REQUIRE_ZOOKEEPER"] === "1")
  describe("the pre-commit hooks, from a repo: entry", () => {
    it("has pre-commit to run", () => {
      throw new Error(`pre-commit is required (ZKCFG_REQUIRE_ZOOKEEPER=1) but ${missing}`);
    });
  });
else {
  console.warn(`zkcfg: skipping the pre-commit tests: ${missing}`);
  describe.skip("the pre-commit hooks, from a repo: entry", suite);
}

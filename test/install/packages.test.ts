// The npm package as users install it: the tarball `npm pack` makes from a clone, and the clone
// itself as a git dependency, each into a project of its own with the registry out of reach. Slow
// (npm runs), so the tarball is packed once for all the tests here.
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, zkcfg } from "../cli/run-cli.js";
import { cloneHead, must, npmProject, OFFLINE_NPM, offlineUnavailable, run } from "./scratch.js";

const EXAMPLE = join(REPO, "fixtures", "examples", "pseudo-cluster");
const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-install-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let clone = "";
let tarball = "";
let packOutput = "";
// Without a network namespace (not root) the installs reach the registry: said, and refused in CI.
const offline = { env: OFFLINE_NPM, offline: offlineUnavailable === undefined };
if (offlineUnavailable !== undefined) console.warn(`zkcfg: the install tests run online: ${offlineUnavailable}`);

beforeAll(() => {
  if (offlineUnavailable !== undefined && process.env["ZKCFG_REQUIRE_ZOOKEEPER"] === "1") throw new Error(offlineUnavailable);
  ({ clone } = cloneHead(work));
  packOutput = must("npm", ["pack", "--pack-destination", work], { cwd: clone, ...offline }).stdout;
  tarball = join(work, packOutput.trim());
}, 120_000);

/** Installs `spec` into a new project; returns the project and npm's output. */
function install(name: string, spec: string): { project: string; stdout: string; stderr: string } {
  const project = npmProject(join(work, name));
  const r = must("npm", ["install", spec], { cwd: project, ...offline });
  cpSync(EXAMPLE, join(project, "example"), { recursive: true });
  return { project, stdout: r.stdout, stderr: r.stderr };
}

/** The ESLint plugin as the project imports it, run by the repository's ESLint on the example. */
function eslintFrom(project: string): { resolved: string; ruleIds: string[] } {
  const eslintApi = pathToFileURL(join(REPO, "node_modules", "eslint", "lib", "api.js")).href;
  const script = `
    import { ESLint } from ${JSON.stringify(eslintApi)};
    import zkcfg from "zkcfg/eslint-plugin";
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [zkcfg.configs.recommended, { languageOptions: { root: "example" } }] });
    const results = await eslint.lintFiles(["example/conf/zoo_2181.cfg", "example/conf/zoo_2182.cfg", "example/conf/zoo_2183.cfg"]);
    console.log(JSON.stringify({ resolved: import.meta.resolve("zkcfg/eslint-plugin"), ruleIds: results.flatMap((r) => r.messages.map((m) => m.ruleId)) }));`;
  const r = must(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
  return JSON.parse(r.stdout) as { resolved: string; ruleIds: string[] };
}

/** What the project's `npx zkcfg` prints, beside the repository's own CLI on the same files. */
function expectSameCli(project: string): void {
  const args = ["lint", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];
  const cwd = join(project, "example");
  const installed = run("npx", ["--no-install", "zkcfg", ...args], { cwd, ...offline });
  const here = zkcfg(args, { cwd });
  expect(installed.stderr).toBe("");
  expect(installed).toEqual(here);
  expect(installed.code).toBe(1);
  expect(installed.stdout).toContain("port-collision");
  const explain = run("npx", ["--no-install", "zkcfg", "explain", "port-collision"], { cwd, ...offline });
  expect(explain).toEqual(zkcfg(["explain", "port-collision"], { cwd }));
  expect(explain.stdout).toMatch(/^# port-collision\n/);
}

/** The project's node_modules holds zkcfg alone: the bundle brings everything it needs. */
function expectAlone(project: string): void {
  expect(readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."))).toEqual(["zkcfg"]);
}

describe("npm pack", () => {
  it("prints only the tarball's name on stdout (pre-commit installs what it names)", () => {
    expect(packOutput).toMatch(/^zkcfg-\d+\.\d+\.\d+\.tgz\n$/);
  });

  it("ships the bundles, the launcher, LICENSE, README, the rule docs and the schemas, and no sources", () => {
    const files = must("tar", ["-tzf", tarball], { cwd: work })
      .stdout.trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""));
    expect(files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "package.json",
        "bin/zkcfg.cjs",
        "dist/zkcfg.cjs",
        "dist/eslint-plugin.js",
        "rules/port-collision.md",
        "schemas/zkcfgrc.schema.json",
      ]),
    );
    const rules = readdirSync(join(REPO, "rules")).filter((f) => f.endsWith(".md"));
    expect(files.filter((f) => f.startsWith("rules/")).sort()).toEqual(rules.map((f) => `rules/${f}`).sort());
    expect(files.filter((f) => /^(src|test|fixtures|bench)\/|\.ts$/.test(f))).toEqual([]);
    expect(readFileSync(join(REPO, "LICENSE"), "utf8")).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
  });
});

describe.each([
  ["the packed tarball", "from-tarball", () => tarball],
  ["a git+file clone", "from-git", () => `git+${pathToFileURL(clone).href}`],
])("npm install of %s", (_what, name, spec) => {
  let installed: { project: string; stdout: string; stderr: string };
  beforeAll(() => {
    installed = install(name, spec());
  }, 120_000);

  it("installs zkcfg alone, offline, and warns of nothing", () => {
    expectAlone(installed.project);
    expect(installed.stderr).not.toMatch(/warn/i);
  });

  it("gives an npx zkcfg that lints and explains as the repository's CLI does", () => {
    expectSameCli(installed.project);
  });

  it("gives an ESLint plugin, imported from the project, that reports what zkcfg reports", () => {
    const { resolved, ruleIds } = eslintFrom(installed.project);
    expect(resolved).toBe(pathToFileURL(join(installed.project, "node_modules", "zkcfg", "dist", "eslint-plugin.js")).href);
    expect(ruleIds).toContain("zkcfg/port-collision");
    expect(ruleIds).toContain("zkcfg/myid-matches-datadir");
  });
});

// The files linted by default, one list (src/config-files.json) for the ESLint plugin's recommended
// config and the pre-commit hooks: each tool, with its own matching, picks the same files.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/eslint/plugin.js";
import { isComposeFile } from "../../src/compose/files.js";
import { REPO, writeTree } from "../cli/run-cli.js";

const CONFIGS = ["zoo.cfg", "zoo_2181.cfg", "conf/zk1.cfg", "conf/zoo.cfg", "deploy/conf/site/zk.cfg", "a/b/zoo-prod.cfg", "conf/.hidden.cfg"];
const OTHERS = ["setup.cfg", "pkg/setup.cfg", "tox.cfg", "docs/conf.cfg", "config/app.cfg", "myconf/x.cfg", "conf/zoo.cfg.bak", "conf/notes.txt"];
const DYNAMIC = ["zoo.cfg.dynamic", "conf/zoo.cfg.dynamic.100000000", "conf/zk1.cfg.dynamic.next"];
const NOT_DYNAMIC = ["setup.cfg.dynamic.100000000", "conf/zoo.cfg.dynamic.backup"];

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-files-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The `files` pattern of each hook in .pre-commit-hooks.yaml by id, compiled as pre-commit compiles it (a regular expression, searched). */
function hookPatterns(): Map<string, RegExp> {
  const yaml = readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8");
  return new Map([...yaml.matchAll(/^- id: (\S+)\n(?: {2}.*\n)*? {2}files: '([^']*)'$/gm)].map((m) => [m[1]!, new RegExp(m[2]!)]));
}

const COMPOSE = ["docker-compose.yml", "deploy/docker-compose.yaml", "compose.yaml", "a/compose.override.yml", "docker-compose.prod.yaml"];
const NOT_COMPOSE = ["values.yaml", ".pre-commit-hooks.yaml", "composer.yml", "my-compose.yml", "compose.yml.bak"];

describe("the files linted by default", () => {
  it("are those ESLint lints with the recommended config: zoo*.cfg anywhere, *.cfg inside conf/, not setup.cfg; and the compose files", async () => {
    writeTree(work, Object.fromEntries([...CONFIGS, ...OTHERS].map((path) => [path, "tickTime=2000\n"])));
    writeTree(work, Object.fromEntries([...COMPOSE, ...NOT_COMPOSE].map((path) => [path, "services: {}\n"])));
    const eslint = new ESLint({ cwd: work, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const linted = (await eslint.lintFiles(["."])).map((r) => relative(work, r.filePath));
    expect(linted.sort()).toEqual([...CONFIGS, ...COMPOSE].sort());
  });

  it("are those both pre-commit hooks run on, with the dynamic files beside a config", () => {
    const patterns = hookPatterns();
    expect([...patterns.keys()]).toEqual(["zkcfg", "zkcfg-fix", "zkcfg-compose"]);
    for (const pattern of [patterns.get("zkcfg"), patterns.get("zkcfg-fix")] as RegExp[]) {
      expect([...CONFIGS, ...OTHERS, ...DYNAMIC, ...NOT_DYNAMIC].filter((path) => pattern.test(path))).toEqual([...CONFIGS, ...DYNAMIC]);
    }
  });

  it("are, for the compose hook, the files zkcfg reads as compose files", () => {
    const pattern = hookPatterns().get("zkcfg-compose") as RegExp;
    const all = [...COMPOSE, ...NOT_COMPOSE, ...CONFIGS];
    expect(all.filter((path) => pattern.test(path))).toEqual(COMPOSE);
    expect(all.filter((path) => isComposeFile(path))).toEqual(COMPOSE);
  });
});

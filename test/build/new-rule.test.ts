// npm run new-rule, run in a copy of the repository's sources (so nothing is left in the repository):
// it creates a rule's files, lists the rule, writes its doc's head and README row, and refuses an id
// that is taken or malformed without touching a file.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../cli/run-cli.js";

const ID = "same-client-ports";
let copy = "";

/** npm run <script> -- <args> in the copy. */
const npm = (script: string, ...args: string[]) => spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: copy, encoding: "utf8" });
const read = (path: string): string => readFileSync(join(copy, path), "utf8");
/** Every file under the copy's rules/, fixtures/ and test/rules/, with its text. */
const snapshot = (): Record<string, string> =>
  Object.fromEntries(
    ["rules", "fixtures", "test/rules"]
      .flatMap((dir) => readdirSync(join(copy, dir), { recursive: true, encoding: "utf8" }).map((p) => `${dir}/${p}`))
      .filter((path) => statSync(join(copy, path)).isFile())
      .map((path) => [path, read(path)]),
  );

beforeAll(() => {
  copy = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-new-rule-")));
  for (const path of ["package.json", ".prettierrc.json", "README.md", "src", "rules", "schemas", "scripts", "test/helpers"])
    cpSync(join(REPO, path), join(copy, path), { recursive: true });
  mkdirSync(join(copy, "fixtures"));
  mkdirSync(join(copy, "test", "rules"));
  symlinkSync(join(REPO, "node_modules"), join(copy, "node_modules"));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("npm run new-rule", () => {
  it("creates the rule, its doc, test and fixtures, and lists and documents it", () => {
    const r = npm("new-rule", ID);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(read(`rules/${ID}.ts`)).toContain(`id: "${ID}"`);
    expect(read(`test/rules/${ID}.test.ts`)).toContain(`import rule from "../../rules/${ID}.js";`);
    for (const kind of ["valid", "invalid"]) {
      const cases = readdirSync(join(copy, "fixtures", ID, kind));
      expect(cases).toHaveLength(1);
      expect(read(`fixtures/${ID}/${kind}/${cases[0]}/etc/zookeeper/conf/zoo.cfg`)).toMatch(/^tickTime=2000\n/);
    }
    expect(read("rules/index.ts")).toContain(`import sameClientPorts from "./${ID}.js";`);
    expect(read("rules/index.ts")).toContain("  sameClientPorts,\n");
    expect(read(`rules/${ID}.md`)).toContain(`\n# ${ID}\n`);
    expect(read(`rules/${ID}.md`)).toContain("\n| runtime | warning | `TODO` |\n");
    expect(read("README.md")).toContain(`| [\`${ID}\`](rules/${ID}.md) |`);
    // What it wrote is what npm run docs writes, and its code is formatted as npm run lint asks.
    expect(npm("docs").stdout).toBe("");
    const prettier = spawnSync(join(REPO, "node_modules/.bin/prettier"), ["--check", `rules/${ID}.ts`, `test/rules/${ID}.test.ts`, "rules/index.ts"], {
      cwd: copy,
      encoding: "utf8",
    });
    expect(prettier.status, prettier.stdout + prettier.stderr).toBe(0);
  });

  it.each([
    [ID, `new-rule: fixtures/${ID} exists already`],
    ["odd-server-count", "new-rule: rules/odd-server-count.ts exists already"],
    ["Same_Ports", 'new-rule: "Same_Ports" is not a rule id'],
    ["compose", 'new-rule: "compose" is taken'],
    ["", "new-rule: usage: npm run new-rule -- <id>"],
  ])("refuses %j and changes nothing", (id, message) => {
    const before = snapshot();
    const r = id === "" ? spawnSync("npm", ["run", "--silent", "new-rule"], { cwd: copy, encoding: "utf8" }) : npm("new-rule", id);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(message), r.stderr).toBe(true);
    expect(snapshot()).toEqual(before);
  });
});

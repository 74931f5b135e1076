// No uncaught exception reaches the user: through the built CLI (dist/zkcfg.cjs, as shipped), a
// failure inside zkcfg or inside a settings file it ran ends the run with one escaped line and
// exit 2, never Node's dump of the bundle and exit 1 ("problems found" to a pipeline). And the
// bundle reads settings as the source does, even with cosmiconfig's own settings in the way.
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeTree, zkcfg, type CliRun } from "./run-cli.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-internal-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TWO = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\nserver.1=a:2888:3888\nserver.2=b:2888:3888\n";
const ODD_ERROR = JSON.stringify({ rules: { "odd-server-count": "error" } });

/** The source's CLI, in this process, with the same arguments and working directory. */
async function fromSource(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
    readStdin: () => Promise.resolve(new Uint8Array()),
  });
  return { code, stdout, stderr };
}

describe("cosmiconfig's own settings file (.config/config.js) is not read", () => {
  it("a .config/config.js in the working directory beside a settings file: the bundle lints as the source does", async () => {
    const dir = writeTree(join(work, "meta"), {
      ".config/config.js": `require("node:fs").writeFileSync(${JSON.stringify(join(work, "meta/ran"))}, "");\nmodule.exports = {};\n`,
      ".zkcfgrc.json": ODD_ERROR,
      "conf/zoo.cfg": TWO,
    });
    const args = ["lint", "--format", "compact", "conf/zoo.cfg"];
    const built = zkcfg(args, { cwd: dir });
    expect(built.stderr).toBe("");
    expect(built.code).toBe(1);
    expect(built.stdout).toMatch(/^conf\/zoo\.cfg:6:1: error 2 voting members/m);
    expect(built).toEqual(await fromSource(args, dir));
    expect(existsSync(join(dir, "ran"))).toBe(false);
  });
});

describe("an internal error is one line, exit 2", () => {
  it.each([
    [
      "an exception thrown later by code a settings file started",
      'setTimeout(() => { throw new Error("boom\\n::error file=x::forged"); });\nexport default {};\n',
      "Error: boom\\n::error file=x::forged",
    ],
    ["a promise a settings file left rejected", 'Promise.reject(new TypeError("no \\u001b[2J here"));\nexport default {};\n', "TypeError: no \\x1b[2J here"],
  ])("%s", (_what, code, shown) => {
    const dir = writeTree(join(work, `throws-${shown.slice(0, 4)}`), { "zkcfg.config.mjs": code, "conf/zoo.cfg": TWO, "package.json": "{}" });
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.stderr).toBe(`zkcfg: internal error, the run is incomplete: ${shown}\n`);
    expect(r.code).toBe(2);
  });
});

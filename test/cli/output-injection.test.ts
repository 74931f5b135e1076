// What a config or a file name holds is printed, never acted on, through the built CLI: the cases
// a hostile repository would try on a CI job (test/property/output.test.ts tries every control
// character on every output path of the source).
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeTree, zkcfg } from "./run-cli.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-injection-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FORGED = "::error file=README.md,line=1::";
/** A quorum config on this host whose data dir has no myid yet: fix would write one. */
const config = (dataDir: string): string =>
  `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=${dataDir}\nclientPort=2181\nserver.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n`;

/** zkcfg's own colours: SGR sequences. */
const SGR = new RegExp(String.raw`\x1b\[[0-9;]*m`, "g");
const linesStartingWithColons = (text: string): string[] => text.split("\n").filter((l) => l.startsWith("::"));

describe("no forged workflow commands", () => {
  it("a dataDir holding \\n (a Properties escape) does not start a line of zkcfg fix --check", () => {
    const dir = writeTree(join(work, "check"), { "package.json": "{}", "conf/zoo.cfg": config(`${work}/check/data\\n${FORGED}x`) });
    // Loopback servers are one host, not proven to be this one: --root / says they are.
    const r = zkcfg(["fix", "--check", "--root", "/", "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(linesStartingWithColons(r.stdout + r.stderr)).toEqual([]);
    expect(r.stdout).toContain(`would write ${work}/check/data\\n${FORGED}x/myid ("1")`);
  });

  it.each(["stylish", "compact", "json", "sarif", "github"])("a file name with a newline forges nothing in the %s format, nor on stderr", (format) => {
    const dir = writeTree(join(work, `name-${format}`), { "package.json": "{}", [`conf/a\n${FORGED}.cfg`]: "initLimit=abc\n" });
    const r = zkcfg(["lint", "--format", format, "conf/*.cfg", `missing\n${FORGED}.cfg`], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`zkcfg: missing\\n${FORGED}.cfg: no such file\n`);
    const forged = linesStartingWithColons(r.stdout);
    // The github format's own lines are workflow commands, with the name escaped in them.
    expect(forged.every((l) => format === "github" && l.includes(`file=conf/a%0A%3A%3Aerror file=README.md%2Cline=1%3A%3A.cfg,`))).toBe(true);
  });

  it("Node's warning about a JavaScript settings file, which names its directory, is one escaped line", () => {
    const dir = writeTree(join(work, `warning\n${FORGED}`), {
      "package.json": "{}",
      "zkcfg.config.js": "export default {};\n",
      "conf/zoo.cfg": "initLimit=abc\n",
    });
    const r = zkcfg(["lint", "--format", "compact", "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    // Node 20 warns that the file is an ES module without "type": "module" (versions differ in what they warn about).
    expect(r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("zkcfg: warning from Node.js: "))).toEqual([]);
  });
});

describe("no terminal escapes", () => {
  const ESC = "\u001b]0;owned\u0007\u001b[2J\u001b]8;;https://example.com\u001b\\";

  it("ESC sequences in keys and values are shown escaped, also between zkcfg's own colours", () => {
    const dir = writeTree(join(work, "esc"), { "package.json": "{}", "conf/zoo.cfg": `tickTime=2000\ndataDir=/srv/zk${ESC}\nclientPort=2181\nkey${ESC}=1\n` });
    for (const format of ["stylish", "compact"]) {
      const r = zkcfg(["lint", "--format", format, "conf/zoo.cfg"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: undefined } });
      if (format === "stylish") expect(r.stdout).toMatch(SGR);
      // What is left once zkcfg's colours (SGR sequences) are taken out holds no ESC or BEL.
      const uncoloured = r.stdout.replace(SGR, "");
      expect(uncoloured.includes("\u001b") || uncoloured.includes("\u0007")).toBe(false);
      expect(r.stdout).toContain("\\x1b]0;owned\\x07\\x1b[2J");
    }
  });
});

// Every control character, in file names, keys, values, settings and arguments, through every
// output path of the CLI (main, in-process: each format of lint, fix --dry-run, --check and a real
// fix, --stdin, --print-config, explain, init and the messages on stderr): no control character
// reaches stdout or stderr raw, other than the line breaks zkcfg puts between records, and no line
// printed from the data can begin with "::", where a CI runner would read a workflow command.
import { ok } from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { main, type Io } from "../../src/cli/main.js";
import { SEED } from "./arbitraries.js";
import { RUNS, TIMEOUT } from "./runs.js";

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** C0, DEL, C1, the Unicode line and paragraph separators and the bidi controls. */
const CONTROLS = [...range(0x00, 0x1f), ...range(0x7f, 0x9f), "\u061c", "\u200e", "\u200f", ...range(0x2028, 0x202e), ...range(0x2066, 0x2069)];
const RAW = new Set(CONTROLS.filter((c) => c !== "\n"));

/** The lines of a github-format run: zkcfg's workflow commands, their properties escaped. */
const WORKFLOW_COMMAND = /^::(error|warning|notice) file=[^:,]*(,(line|col|endLine|endColumn|title)=[^:,]*)*::/;

function checkStream(text: string, where: string, github: boolean): void {
  const raw = [...text].find((c) => RAW.has(c));
  ok(raw === undefined, `${where}: a raw U+${raw?.charCodeAt(0).toString(16).padStart(4, "0")} in ${JSON.stringify(text.slice(0, 2000))}`);
  for (const line of text.split("\n")) {
    if (!line.startsWith("::")) continue;
    ok(github, `${where}: a line begins with "::": ${JSON.stringify(line)}`);
    ok(WORKFLOW_COMMAND.test(line), `${where}: not a well-formed workflow command: ${JSON.stringify(line)}`);
  }
}

async function run(argv: string[], cwd: string, input = ""): Promise<void> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
    readStdin: () => Promise.resolve(Buffer.from(input, "latin1")),
  };
  await main(argv, io);
  const where = `zkcfg ${JSON.stringify(argv)}`;
  const github = argv.includes("github");
  checkStream(stdout, `${where} stdout`, github);
  checkStream(stderr, `${where} stderr`, false);
}

/** Written as Properties escapes, which Properties.load decodes to the characters themselves. */
const escaped = (s: string): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
/** Written raw where one byte can hold it (the file is read as ISO-8859-1), except line breaks. */
const rawInFile = (s: string): string => [...s].map((c) => (c.charCodeAt(0) > 0xff || c === "\n" || c === "\r" || c === "\0" ? escaped(c) : c)).join("");

const evil: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...CONTROLS) },
      fc.constantFrom("::error file=README.md,line=1::", "::", "%0A", ",", "=", ":", " ", "a", "\\"),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((parts) => parts.join(""));

/** A name a file can have: no "/", no NUL, not hidden. */
const fileName = (s: string): string => `z${s.replace(/[/\0]/g, "_")}.cfg`;

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-output-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let cases = 0;

/** One case: a quorum config on this host (fix writes its myid) whose name, data dir, a key and a value carry `bad`. */
async function everyPath(bad: string): Promise<void> {
  const dir = join(work, `case-${++cases}`);
  mkdirSync(join(dir, "conf"), { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  const name = `conf/${fileName(bad)}`;
  const text = [
    "tickTime=2000",
    "initLimit=10",
    "syncLimit=5",
    `dataDir=${dir}/data/${escaped(bad)}`,
    "clientPort=2181",
    "server.1=127.0.0.1:2888:3888;2181",
    "server.2=127.0.0.1:2889:3889;2182",
    "server.3=127.0.0.1:2890:3890;2183",
    `${escaped(bad)}=${rawInFile(bad)}`,
    `k${rawInFile(bad)}=1`,
    `initLimit=${rawInFile(bad)}`,
    "",
  ].join("\n");
  writeFileSync(join(dir, name), Buffer.from(text, "latin1"));
  for (const format of ["stylish", "compact", "json", "sarif", "github"]) await run(["lint", "--format", format, name], dir);
  await run(["fix", "--dry-run", "--format", "compact", name], dir);
  await run(["fix", "--check", name], dir);
  await run(["fix", "--format", "github", name], dir);
  await run(["lint", "--stdin", "--stdin-filename", bad, "--format", "compact"], dir, text);
  await run(["lint", "--stdin", "--stdin-filename", name, "--format", "github"], dir, text);
  await run(["lint", `conf/${fileName(bad)}.missing`, name, "--format", "compact"], dir);
  await run(["--print-config", name], dir);
  await run(["explain", bad], dir);
  await run(["lint", "--format", bad, name], dir);
  await run(["lint", bad], dir);
  await run(["init", "--servers", "3", "--dir", bad, "--dry-run"], dir);
  writeFileSync(join(dir, "conf/.zkcfgrc.json"), JSON.stringify({ rules: { [bad]: "off" } }));
  await run(["lint", name], dir);
}

describe("printed output", () => {
  it(
    "shows each control character escaped, all of them at once, on every output path",
    async () => {
      await everyPath(CONTROLS.join(""));
    },
    TIMEOUT,
  );

  it(
    `shows control characters escaped, and starts no line with "::" from the data, on ${RUNS.outputs} generated names and values`,
    async () => {
      await fc.assert(fc.asyncProperty(evil, everyPath), { numRuns: RUNS.outputs, seed: SEED + 40 });
    },
    TIMEOUT,
  );
});

// The single executable (npm run binary) on a host without Node: built once here, run with a PATH
// that holds no `node`, beside `npx zkcfg` on the same files: the same output and exit codes.
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../cli/run-cli.js";
import { must, run } from "./scratch.js";

const EXAMPLE = join(REPO, "fixtures", "examples", "pseudo-cluster");
const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-binary-test-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const binary = join(work, "zkcfg");
const noNode = join(work, "empty-bin");

beforeAll(() => {
  must(process.execPath, [join(REPO, "build-binary.mjs"), binary], { cwd: REPO });
  mkdirSync(noNode);
}, 180_000);

const CASES: [string, string[]][] = [
  ["the example's findings", ["lint", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"]],
  ["the example as JSON, from a quoted glob", ["lint", "--format", "json", "conf/*.cfg"]],
  ["a rule's doc", ["explain", "myid-matches-datadir"]],
  ["the unused-disable doc, from the README", ["explain", "unused-disable"]],
  ["a missing file", ["lint", "conf/zoo_9999.cfg"]],
];

describe("the single executable", () => {
  it("runs where no node is on PATH", () => {
    expect(readdirSync(noNode)).toEqual([]);
    const r = run(binary, ["--version"], { cwd: EXAMPLE, env: { PATH: noNode } });
    expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: "" });
  });

  it.each(CASES)("prints %s as npx zkcfg does, with its exit code", (_what, args) => {
    const single = run(binary, args, { cwd: EXAMPLE, env: { PATH: noNode } });
    const npx = run("npx", ["--no-install", "zkcfg", ...args], { cwd: EXAMPLE });
    expect(single).toEqual(npx);
  });

  it("covers exit codes 0, 1 and 2 in those cases", () => {
    const codes = CASES.map(([, args]) => run(binary, args, { cwd: EXAMPLE, env: { PATH: noNode } }).code);
    expect(new Set(codes)).toEqual(new Set([0, 1, 2]));
  });
});

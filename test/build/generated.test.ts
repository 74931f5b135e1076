// The build's output that is committed, so that installing from the repository needs no build
// (build.mjs): npm test builds first, and each file must then be what git holds, or a change to
// src/ went in without its build.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../cli/run-cli.js";

const COMMITTED = ["dist/zkcfg.cjs", "dist/eslint-plugin.js", ".pre-commit-hooks.yaml"];

const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8", maxBuffer: 64 << 20 });
const inGit = git("rev-parse", "--is-inside-work-tree").stdout.trim() === "true";
if (!inGit) console.warn("zkcfg: skipping the check of the committed build: not a git work tree");

describe.skipIf(!inGit)("the committed build", () => {
  it.each(COMMITTED)("%s is the build of the sources (run npm run bundle and commit it)", (path) => {
    const staged = git("show", `:${path}`);
    expect(staged.status, staged.stderr).toBe(0);
    expect(staged.stdout === readFileSync(join(REPO, path), "utf8"), `${path} differs from the build of the sources`).toBe(true);
  });
});

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const REPO = join(import.meta.dirname, "..", "..");
const BIN = join(REPO, "bin", "zkcfg.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (npm test builds it first). */
export function zkcfg(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  if (!existsSync(join(REPO, "dist", "zkcfg.js"))) throw new Error("dist/zkcfg.js is missing: run `npm run build` (npm test does)");
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    encoding: "utf8",
    input: options.input ?? "",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// What the install tests share: a clone of the repository at its committed HEAD, as pre-commit and
// `npm install git+…` see it, and npm run against a registry that cannot be reached, so that an
// install passes only with what the npm cache already holds.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { REPO } from "../cli/run-cli.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const r = spawnSync(cmd, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env }, encoding: "utf8", input: "", maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like run(), but a failure throws with the command's output. */
export function must(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const r = run(cmd, args, options);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Clones the repository's committed HEAD into dir/clone; returns the clone's path and commit. */
export function cloneHead(dir: string): { clone: string; commit: string } {
  const clone = join(dir, "clone");
  must("git", ["clone", "--quiet", REPO, clone], { cwd: dir });
  return { clone, commit: must("git", ["rev-parse", "HEAD"], { cwd: clone }).stdout.trim() };
}

/**
 * npm's settings for a registry on a local port nothing listens on (failing at once, not after
 * retries): the discard port, which only root could open, and no test does.
 */
export async function offlineNpm(): Promise<NodeJS.ProcessEnv> {
  const port = 9;
  const refused = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => resolve(socket.destroy() && false));
    socket.once("error", () => resolve(true));
  });
  if (!refused) throw new Error(`something listens on 127.0.0.1:${port}, which the install tests need closed`);
  return { npm_config_registry: `http://127.0.0.1:${port}/`, npm_config_fetch_retries: "0", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
}

/** An empty npm project in dir. */
export function npmProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "uses-zkcfg", version: "1.0.0", private: true }) + "\n");
  return dir;
}

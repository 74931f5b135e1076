// What the install tests share: a clone of the repository at its committed HEAD, as pre-commit and
// `npm install git+…` see it, and commands run in a network namespace of their own, with no network
// at all, so that an install passes only with what the npm cache already holds.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../cli/run-cli.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Run it with no network: the registry is out of reach, as on a machine that is offline. */
  offline?: boolean;
}

/** Why commands cannot be run offline here, if they cannot (a network namespace needs root). */
export const offlineUnavailable: string | undefined =
  spawnSync("unshare", ["--net", "true"]).status === 0 ? undefined : "unshare --net fails here (it needs root): the install tests cannot cut the registry off";

export function run(cmd: string, args: string[], options: RunOptions): Run {
  const [command, argv] = options.offline ? ["unshare", ["--net", cmd, ...args]] : [cmd, args];
  const r = spawnSync(command, argv, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    encoding: "utf8",
    input: "",
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like run(), but a failure throws with the command's output. */
export function must(cmd: string, args: string[], options: RunOptions): Run {
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
 * npm's settings offline: one attempt per request instead of retries, so that npm turns to its
 * cache at once (it does when the registry cannot be reached), and no side requests.
 */
export const OFFLINE_NPM: NodeJS.ProcessEnv = {
  npm_config_fetch_retries: "0",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

/** An empty npm project in dir. */
export function npmProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "uses-zkcfg", version: "1.0.0", private: true }) + "\n");
  return dir;
}

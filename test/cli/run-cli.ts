import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const REPO = join(import.meta.dirname, "..", "..");
const BIN = join(REPO, "bin", "zkcfg.cjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Run as this user and group (root can test what another user may not read or write). */
  uid?: number;
  gid?: number;
  /** Kill it after this many ms (code is then null): for inputs that could make it hang. */
  timeout?: number;
}

function checkBuilt(): void {
  if (!existsSync(join(REPO, "dist", "zkcfg.cjs"))) throw new Error("dist/zkcfg.cjs is missing: run `npm run bundle` (npm test does)");
}

const cliEnv = (env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env });

/** Runs the built CLI as a user would (test/global-setup.ts rebuilds it when a source is newer). */
export function zkcfg(args: string[], options: CliOptions = {}): CliRun {
  checkBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: cliEnv(options.env),
    encoding: "utf8",
    input: options.input ?? "",
    maxBuffer: 64 * 1024 * 1024,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout, killSignal: "SIGKILL" as const } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The unprivileged user, for what root may do and others may not. */
export const NOBODY = { uid: 65534, gid: 65534 };

/** Tests run as root can run zkcfg as nobody, if nobody can read the build (not so in a private checkout). */
export function canRunAsNobody(): boolean {
  return process.getuid?.() === 0 && zkcfg(["--version"], NOBODY).code === 0;
}

/** Starts the built CLI without waiting: for runs side by side, or to kill one midway. */
export function startZkcfg(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; done: Promise<CliRun & { signal: NodeJS.Signals | null }> } {
  checkBuilt();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: cliEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Writes `files` (path relative to `dir` → content) under `dir`, with the folders they need; returns `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

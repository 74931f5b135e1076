import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What build.mjs reads: a change to any of these makes the bundles stale. */
export const BUILD_INPUTS = ["src", "rules", "schemas", "package.json", "build.mjs"];
/** What build.mjs writes into dist/. */
export const BUILD_OUTPUTS = ["dist/zkcfg.cjs", "dist/eslint-plugin.js", "dist/meta.json", "dist/zkcfg.cache"];

const mtimeOf = (path: string): number | undefined => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** The newest modification time among `paths` under `root`; a folder counts with all it holds (its own time changes when a file is added or removed). */
function newest(root: string, paths: string[]): number {
  let latest = 0;
  for (const p of paths) {
    const full = join(root, p);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    const files = stat.isDirectory() ? [full, ...readdirSync(full, { recursive: true, encoding: "utf8" }).map((f) => join(full, f))] : [full];
    for (const f of files) latest = Math.max(latest, mtimeOf(f) ?? 0);
  }
  return latest;
}

/** Whether an output of the build is missing, or older than a file it is built from. */
export function bundleIsStale(root: string): boolean {
  const built = BUILD_OUTPUTS.map((p) => mtimeOf(join(root, p)));
  if (built.some((t) => t === undefined)) return true;
  return newest(root, BUILD_INPUTS) > Math.min(...(built as number[]));
}

/** Runs build.mjs when the bundles are stale, so tests of the built CLI never run yesterday's code. */
export function rebuildIfStale(root: string): boolean {
  if (!bundleIsStale(root)) return false;
  const r = spawnSync(process.execPath, ["build.mjs"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`build.mjs failed (exit ${r.status}): the CLI tests need the bundle`);
  return true;
}

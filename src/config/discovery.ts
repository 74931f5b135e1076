import { dirname, join } from "node:path";
import type { FileSystem } from "../io/fs.js";

/**
 * The settings files looked for in each directory, in this order: the first found wins, so a
 * dedicated file beats the "zkcfg" field of package.json.
 */
export const SEARCH_PLACES = [
  ".zkcfgrc",
  ".zkcfgrc.json",
  ".zkcfgrc.yaml",
  ".zkcfgrc.yml",
  "zkcfg.config.js",
  "zkcfg.config.mjs",
  "zkcfg.config.cjs",
  "package.json",
] as const;

/** A directory holding one of these is a project's top: the search goes no higher. */
const PROJECT_MARKERS = ["package.json", "package.yaml"] as const;

/** A settings file that cannot be read or says something zkcfg cannot use (exit 2). */
export class SettingsError extends Error {}

/** Every name the search asks about. */
const PROBED: ReadonlySet<string> = new Set([...SEARCH_PLACES, ...PROJECT_MARKERS]);

/**
 * Which of the probed names `dir` holds, from one listing of it (configs of one fleet share their
 * parents); all of them when it cannot be listed, so that each is then asked about on its own.
 */
function probedNamesIn(fs: FileSystem, dir: string): ReadonlySet<string> {
  try {
    return new Set(fs.list(dir).filter((name) => PROBED.has(name)));
  } catch {
    return PROBED;
  }
}

const isFileIn = (fs: FileSystem, dir: string, names: ReadonlySet<string>, name: string): boolean =>
  names.has(name) && fs.kind(join(dir, name)) === "file";

function holdsSettings(fs: FileSystem, dir: string, names: ReadonlySet<string>): boolean {
  for (const place of SEARCH_PLACES) {
    if (!isFileIn(fs, dir, names, place)) continue;
    if (place !== "package.json") return true;
    try {
      const pkg: unknown = JSON.parse(Buffer.from(fs.readFile(join(dir, place))).toString("utf8"));
      if (typeof pkg === "object" && pkg !== null && Object.hasOwn(pkg, "zkcfg")) return true;
    } catch {
      // Let the real search report the broken package.json.
      return true;
    }
  }
  return false;
}

/**
 * Whether any settings file may apply to configs in these directories: one listing of each
 * directory the real search reads, so that a run without settings never loads cosmiconfig.
 */
export function maySettingsApply(fs: FileSystem, dirs: Iterable<string>): boolean {
  const seen = new Set<string>();
  for (const start of dirs) {
    for (let dir = start; !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      const names = probedNamesIn(fs, dir);
      if (holdsSettings(fs, dir, names)) return true;
      if (PROJECT_MARKERS.some((m) => isFileIn(fs, dir, names, m)) || dirname(dir) === dir) break;
    }
  }
  return false;
}

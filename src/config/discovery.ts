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

/** A directory holding one of these is a project's top (a repository, a package): the search goes no higher. */
const PROJECT_MARKERS = [".git", "package.json", "package.yaml"] as const;

/** A settings file that cannot be read or says something zkcfg cannot use (exit 2). */
export class SettingsError extends Error {}

/** Settings files are a few lines; more is not one, and is not read whole to find out. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

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

const isFileIn = (fs: FileSystem, dir: string, names: ReadonlySet<string>, name: string): boolean => names.has(name) && fs.kind(join(dir, name)) === "file";

/** Whether a file holds anything but blanks: an empty settings file is passed over, as if absent. */
function holdsText(fs: FileSystem, path: string): boolean {
  try {
    return Buffer.from(fs.readFile(path, MAX_SETTINGS_BYTES)).toString("utf8").trim() !== "";
  } catch {
    // Too large or unreadable: the loader says why.
    return true;
  }
}

function hasZkcfgField(fs: FileSystem, path: string): boolean {
  try {
    const pkg: unknown = JSON.parse(Buffer.from(fs.readFile(path, MAX_SETTINGS_BYTES)).toString("utf8"));
    return typeof pkg === "object" && pkg !== null && Object.hasOwn(pkg, "zkcfg");
  } catch {
    // Let the loader report the broken package.json.
    return true;
  }
}

/** The settings file `dir` holds, if any. */
function settingsIn(fs: FileSystem, dir: string, names: ReadonlySet<string>): string | undefined {
  for (const place of SEARCH_PLACES) {
    if (!isFileIn(fs, dir, names, place)) continue;
    const path = join(dir, place);
    if (place === "package.json" ? hasZkcfgField(fs, path) : holdsText(fs, path)) return path;
  }
  return undefined;
}

const isProjectTop = (fs: FileSystem, dir: string, names: ReadonlySet<string>): boolean =>
  PROJECT_MARKERS.some((m) => names.has(m) && fs.kind(join(dir, m)) !== undefined);

/**
 * The top of the project holding `dir`: the nearest directory at or above it with a `.git` (a
 * repository or a worktree) or a package.json; `dir` itself when there is none.
 */
export function projectTop(fs: FileSystem, dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (isProjectTop(fs, at, probedNamesIn(fs, at))) return at;
    if (dirname(at) === at) return dir;
  }
}

/**
 * Finds the settings file of the configs in each directory: the nearest one at or above it, up to
 * the top of its project, and never above `ceiling` (the top of the working directory's project)
 * for a directory inside it. Each directory is listed once for the whole run.
 */
export class SettingsSearch {
  private readonly found = new Map<string, string | undefined>();

  constructor(
    private readonly fs: FileSystem,
    private readonly ceiling: string,
  ) {}

  fileFor(dir: string): string | undefined {
    if (this.found.has(dir)) return this.found.get(dir);
    const names = probedNamesIn(this.fs, dir);
    const here = settingsIn(this.fs, dir, names);
    const stop = here !== undefined || isProjectTop(this.fs, dir, names) || dir === this.ceiling || dirname(dir) === dir;
    const file = stop ? here : this.fileFor(dirname(dir));
    this.found.set(dir, file);
    return file;
  }
}

import { dirname, relative, resolve } from "node:path";
import type { FileSystem } from "../io/fs.js";
import { projectTop, SettingsError, SettingsSearch } from "../config/discovery.js";
import type { Settings, SettingsLookup } from "../config/settings.js";
import { UNUSED_DISABLE } from "../lint/directives.js";
import { DEFAULT_VERSION } from "../model/version.js";
import { escapeControls } from "../format/escape.js";
import { rules } from "../../rules/index.js";
import type { InputFile } from "../lint/inputs.js";
import type { CliOptions } from "./options.js";
import type { Io } from "./main.js";

/** What a settings file's `rules` may name: the rules, and the check of disable comments. */
const SETTABLE_IDS = [...rules.map((r) => r.id), UNUSED_DISABLE];

/**
 * The settings of the configs at `paths` (--config, or the nearest settings file of each), or
 * undefined with --no-config or when no settings file applies: the loaders are then never loaded.
 */
export async function lookUpSettings(paths: readonly string[], options: CliOptions, io: Io, fs: FileSystem): Promise<SettingsLookup | undefined> {
  if (options.noConfig) return undefined;
  const search = new SettingsSearch(fs, projectTop(fs, io.cwd));
  if (options.config === undefined && paths.every((p) => search.fileFor(dirname(p)) === undefined)) return undefined;
  const { loadSettings } = await import("../config/settings.js");
  return loadSettings(paths, {
    cwd: io.cwd,
    ruleIds: SETTABLE_IDS,
    search,
    noJs: options.noJsConfig,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
  });
}

/**
 * Drops the configs whose settings file was refused, naming each such file once on stderr; true
 * when there was one (exit 2: those configs were not linted).
 */
export function withoutRefused(files: InputFile[], settings: SettingsLookup | undefined, io: Io): { files: InputFile[]; refused: boolean } {
  if (!settings) return { files, refused: false };
  const skipped = new Map<string, number>();
  const kept = files.filter((file) => {
    const { refused } = settings.settingsFor(file.path);
    if (refused !== undefined) skipped.set(refused, (skipped.get(refused) ?? 0) + 1);
    return refused === undefined;
  });
  for (const [why, count] of skipped)
    io.stderr.write(`zkcfg: ${why}; ${count === 1 ? "the config" : `the ${count} configs`} it applies to ${count === 1 ? "is" : "are"} not linted\n`);
  return { files: kept, refused: skipped.size > 0 };
}

const ensembleOf = (settings: Settings, path: string): string | undefined =>
  Object.entries(settings.ensembles ?? {}).find(([, members]) => members.includes(path))?.[0];

/**
 * Drops the configs that an `ignore` glob matches. Like ESLint, a file named on the command line
 * is mentioned on stderr; one found by a glob is skipped silently.
 */
export function withoutIgnored(files: InputFile[], settings: SettingsLookup | undefined, options: CliOptions, io: Io): InputFile[] {
  if (!settings) return files;
  const named = new Set([...options.args, ...(options.stdinFilename !== undefined ? [options.stdinFilename] : [])].map((a) => resolve(io.cwd, a)));
  return files.filter((file) => {
    const glob = settings.ignoredBy(file.path);
    if (glob === undefined) return true;
    if (named.has(file.path)) {
      const source = settings.settingsFor(file.path).source ?? "";
      io.stderr.write(`zkcfg: ${file.name}: ignored (it matches "${glob}" in the ignore list of ${relative(io.cwd, source) || source}), not linted\n`);
    }
    return false;
  });
}

/** --print-config FILE: the settings that apply to FILE, command-line options included, as JSON. */
export async function printConfig(file: string, options: CliOptions, io: Io, fs: FileSystem): Promise<void> {
  const path = resolve(io.cwd, file);
  const lookup = await lookUpSettings([path], options, io, fs);
  const settings = lookup?.settingsFor(path) ?? {};
  if (settings.refused !== undefined) throw new SettingsError(settings.refused);
  const shown = (p: string | undefined): string | null => (p === undefined ? null : relative(io.cwd, p) || ".");
  const root = options.root !== undefined ? resolve(io.cwd, options.root) : settings.root;
  const effective = {
    file: shown(path),
    settingsFile: shown(settings.source),
    zkVersion: options.zkVersion ?? settings.zkVersion ?? DEFAULT_VERSION,
    root: shown(root),
    ignored: lookup?.ignoredBy(path) !== undefined,
    ensemble: ensembleOf(settings, path) ?? null,
    // "default": each message keeps the severity its rule gives it.
    rules: Object.fromEntries(SETTABLE_IDS.map((id) => [id, settings.rules?.[id] ?? "default"])),
  };
  io.stdout.write(`${escapeControls(JSON.stringify(effective, null, 2), true)}\n`);
}

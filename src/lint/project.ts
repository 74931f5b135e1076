import { dirname, relative } from "node:path";
import type { FileSystem } from "../io/fs.js";
import { buildConfigFile, type ConfigFile } from "../model/config-file.js";
import { groupWorkspace, type Workspace } from "../model/ensemble.js";
import { DEFAULT_VERSION, type ZkVersion } from "../model/version.js";
import { SettingsFinder, type Settings } from "../config/settings.js";
import { readInput, siblingConfigs, type InputFile } from "../cli/inputs.js";
import { rules as allRules } from "../../rules/index.js";
import type { LintResult } from "./diagnostic.js";
import { runRules } from "./engine.js";
import type { Rule } from "./rule.js";

export interface ProjectOptions {
  fs: FileSystem;
  /** Sibling configs are named relative to this directory in messages. */
  cwd: string;
  /** --zk-version: wins over the settings file. */
  version?: ZkVersion;
  /** --root: wins over the settings file. */
  root?: string;
  syntaxOnly: boolean;
  hostname: string;
  myid?: bigint;
  /** Read no settings files (tests, --no-config). */
  noSettings?: boolean;
  rules?: readonly Rule[];
}

export interface LintRun {
  workspace: Workspace;
  results: LintResult[];
}

function settingsFor(finder: SettingsFinder | undefined, path: string): Settings {
  return finder ? finder.forDirectory(dirname(path)) : {};
}

/** Lints the named files; their ensembles' sibling configs are read too, for the cross-file checks. */
export function lintProject(inputs: InputFile[], options: ProjectOptions): LintRun {
  const finder = options.noSettings ? undefined : new SettingsFinder(options.fs);
  const load = (input: InputFile, context: boolean): ConfigFile => {
    const settings = settingsFor(finder, input.path);
    const root = options.root ?? settings.root;
    const view = { fs: options.fs, syntaxOnly: options.syntaxOnly, hostname: options.hostname, ...(root ? { root } : {}) };
    const version = options.version ?? settings.zkVersion ?? DEFAULT_VERSION;
    return buildConfigFile(input.path, input.name, input.bytes, view, version, context);
  };
  const named = inputs.map((i) => load(i, false));
  const namedPaths = new Set(named.map((f) => f.path));
  const siblings: ConfigFile[] = [];
  const dirs = new Set<string>();
  for (const file of named) {
    const dir = dirname(file.path);
    if (dirs.has(dir)) continue;
    dirs.add(dir);
    for (const path of siblingConfigs(file.path, options.fs)) {
      if (namedPaths.has(path)) continue;
      const input = readInput(path, relative(options.cwd, path), options.fs);
      if ("bytes" in input) siblings.push(load(input, true));
    }
  }
  let workspace = groupWorkspace([...named, ...siblings]);
  if (siblings.length > 0) {
    // Keep only the siblings that belong to the ensemble of a named file.
    const wanted = siblings.filter((s) => workspace.ensembleOf(s).files.some((f) => !f.context));
    workspace = groupWorkspace([...named, ...wanted]);
  }
  const severities: Record<string, "off" | "warn" | "error"> = {};
  const firstSettings = named[0] ? settingsFor(finder, named[0].path) : {};
  Object.assign(severities, firstSettings.rules ?? {});
  const results = runRules(
    workspace,
    { version: options.version ?? firstSettings.zkVersion ?? DEFAULT_VERSION, hostname: options.hostname, ...(options.myid !== undefined ? { myid: options.myid } : {}) },
    { rules: options.rules ?? allRules, severities },
  );
  return { workspace, results };
}

import { dirname, relative } from "node:path";
import { realPathOf, type FileSystem } from "../io/fs.js";
import { buildConfigFile, type ConfigFile } from "../model/config-file.js";
import { groupWorkspace, type Workspace } from "../model/ensemble.js";
import { compareStrings } from "../model/order.js";
import { DEFAULT_VERSION, type ZkVersion } from "../model/version.js";
import type { Settings, SettingsLookup } from "../config/settings.js";
import { isSampleConfig, readInput, siblingConfigs, withoutSampleConfigs, type InputFile } from "./inputs.js";
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
  /** What the settings files say about each config (loaded by loadSettings); without it, none apply. */
  settings?: SettingsLookup;
  rules?: readonly Rule[];
}

export interface LintRun {
  workspace: Workspace;
  results: LintResult[];
}

const NO_SETTINGS: Settings = {};

const settingsFor = (options: ProjectOptions, path: string): Settings => options.settings?.settingsFor(path) ?? NO_SETTINGS;

/**
 * The named files and, read for the cross-file checks, the configs of their ensembles: the *.cfg
 * files beside them and the members the settings' `ensembles` list with them (minus ignored ones).
 * `zoo_sample.cfg` takes part only when it alone was named (isSampleConfig).
 */
export function buildWorkspace(inputs: InputFile[], options: ProjectOptions): Workspace {
  const load = (input: InputFile, context: boolean): ConfigFile => {
    const settings = settingsFor(options, input.path);
    const root = options.root ?? settings.root;
    const machine = settings.hosts?.[input.path];
    const view = {
      fs: options.fs,
      syntaxOnly: options.syntaxOnly,
      hostname: options.hostname,
      ...(root ? { root } : {}),
      ...(machine !== undefined ? { machine } : {}),
      // `zkcfg fix --myid N FILE` is run on FILE's server.
      ...(options.myid !== undefined && !context && inputs.length === 1 ? { myidGiven: true } : {}),
    };
    const version = options.version ?? settings.zkVersion ?? DEFAULT_VERSION;
    return buildConfigFile(input.path, input.name, input.bytes, view, version, context);
  };
  // In path order, whatever order they were named in: the output must not depend on it.
  const named = [...withoutSampleConfigs(inputs)].sort((a, b) => compareStrings(a.path, b.path)).map((i) => load(i, false));
  // By real path: a link to a named config (zoo.cfg -> zoo_prod.cfg) is that config, not a sibling.
  const namedPaths = new Set(named.map((f) => realPathOf(options.fs, f.path)));
  // Ensembles the settings name: path → a key unique to the settings file and the name.
  const ensembleNames = new Map<string, string>();
  for (const file of named) {
    const { source, ensembles } = settingsFor(options, file.path);
    for (const [name, members] of Object.entries(ensembles ?? {})) {
      for (const member of members) if (!ensembleNames.has(member)) ensembleNames.set(member, `${name} (${source})`);
    }
  }
  const candidates = new Set<string>();
  const dirs = new Set<string>();
  for (const file of named) {
    const dir = dirname(file.path);
    // The sample config, named alone, is linted as the standalone file it is.
    if (dirs.has(dir) || isSampleConfig(file.path)) continue;
    dirs.add(dir);
    for (const path of siblingConfigs(file.path, options.fs)) candidates.add(path);
  }
  const namedEnsembles = new Set(named.map((f) => ensembleNames.get(f.path)));
  for (const [path, key] of ensembleNames) if (namedEnsembles.has(key)) candidates.add(path);
  const siblings: ConfigFile[] = [];
  for (const path of candidates) {
    const real = realPathOf(options.fs, path);
    if (namedPaths.has(real) || options.settings?.ignoredBy(path) !== undefined) continue;
    namedPaths.add(real);
    const input = readInput(path, relative(options.cwd, path), options.fs);
    if ("bytes" in input) siblings.push(load(input, true));
  }
  const grouping = { ensembleNames, hostname: options.hostname, ...(options.myid !== undefined ? { myid: options.myid } : {}) };
  let workspace = groupWorkspace([...named, ...siblings], grouping);
  if (siblings.length > 0) {
    // Keep only the siblings whose server lists overlap a named file's: its ensemble, even where they disagree.
    const wanted = siblings.filter((s) => workspace.familyOf(s).files.some((f) => !f.context));
    workspace = groupWorkspace([...named, ...wanted], grouping);
  }
  return workspace;
}

/** Lints the named files, each with the rule severities of its own settings. */
export function lintProject(inputs: InputFile[], options: ProjectOptions): LintRun {
  const workspace = buildWorkspace(inputs, options);
  const first = workspace.files[0] ? settingsFor(options, workspace.files[0].path) : NO_SETTINGS;
  const results = runRules(
    workspace,
    {
      version: options.version ?? first.zkVersion ?? DEFAULT_VERSION,
      hostname: options.hostname,
      ...(options.myid !== undefined ? { myid: options.myid } : {}),
    },
    { rules: options.rules ?? allRules, severities: (file) => settingsFor(options, file.path).rules, knownRuleIds: allRules.map((r) => r.id) },
  );
  return { workspace, results };
}

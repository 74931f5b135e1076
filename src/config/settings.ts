import { dirname, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { closest, distance } from "fastest-levenshtein";
import { escapePath, globSync } from "tinyglobby";
import type { ErrorObject } from "ajv";
import type { PublicExplorer } from "cosmiconfig";
import type { SeveritySetting } from "../lint/engine.js";
import type { ZkVersion } from "../model/version.js";
import { nodeFileSystem } from "../io/node-fs.js";
import { SEARCH_PLACES, SettingsError } from "./discovery.js";
import { importModule } from "./import-module.js";
import validateSchema from "./settings-validator.generated.js";

export { SettingsError };

/** The settings that apply to one linted file. */
export interface Settings {
  /** The settings file they came from (absolute), if any. */
  source?: string;
  /** Absolute paths in configs are read (and fixed) under this directory. */
  root?: string;
  zkVersion?: ZkVersion;
  rules?: Record<string, SeveritySetting>;
  /** Globs, relative to the settings file's directory, of configs that are not linted. */
  ignore?: string[];
  /** Ensemble name → the absolute paths of the configs that form it. */
  ensembles?: Record<string, string[]>;
  /** Absolute config path → the name of the machine it runs on. */
  hosts?: Record<string, string>;
}

/** The settings file as written, once the schema has accepted it. */
interface RawSettings {
  root?: string;
  zkVersion?: ZkVersion;
  rules?: Record<string, SeveritySetting | [SeveritySetting, ...unknown[]]>;
  ignore?: string[];
  ensembles?: Record<string, string[]>;
  hosts?: Record<string, string>;
}

export interface SettingsOptions {
  /** Files are named relative to this directory in messages. */
  cwd: string;
  /** The rule ids a settings file may name. */
  ruleIds: readonly string[];
  /** --config: this file alone applies to every config; no search. */
  configFile?: string;
}

/** The settings of every config a run reads, loaded beforehand so that linting stays synchronous. */
export interface SettingsLookup {
  settingsFor(path: string): Settings;
  /** The glob of its settings' `ignore` that the config at `path` matches, if any. */
  ignoredBy(path: string): string | undefined;
}

/** Named as the command line names files: relative to the working directory. */
const display = (path: string, cwd: string): string => relative(cwd, path) || path;

/** "/rules/port-collision" → "rules.port-collision", "/ignore/2" → "ignore[2]". */
function fieldOf(pointer: string): string {
  let field = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    field += /^\d+$/.test(part) ? `[${part}]` : field ? `.${part}` : part;
  }
  return field;
}

const list = (items: string[], last: "or" | "and"): string => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`);

const TYPE_NAMES: Record<string, string> = { object: "an object", array: "a list", string: "a string" };
/** The schema's patterns, in words. */
const PATTERN_MEANINGS: Record<string, string> = { "\\S": "must not be blank" };

function describeError(error: ErrorObject): string {
  const field = fieldOf(error.instancePath);
  switch (error.keyword) {
    case "type":
      return `${field || "the settings"} must be ${TYPE_NAMES[String(error.params.type)] ?? String(error.params.type)}`;
    case "enum":
      return `${field} must be ${list((error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)), "or")}`;
    case "additionalProperties": {
      const known = Object.keys((error.parentSchema as { properties: object }).properties).filter((k) => k !== "$schema");
      return `"${String(error.params.additionalProperty)}" is not a setting; the settings are ${list(known, "and")}`;
    }
    case "minItems":
      return `${field} must not be empty`;
    case "pattern":
      return `${field} ${PATTERN_MEANINGS[String(error.params.pattern)] ?? `must match ${String(error.params.pattern)}`}`;
    default:
      return `${field} ${error.message ?? "is not valid"}`;
  }
}

/** Checks a settings file's content against schemas/zkcfgrc.schema.json and the rules zkcfg has. */
export function validateSettings(raw: unknown, source: string, options: Pick<SettingsOptions, "cwd" | "ruleIds">): Settings {
  const name = display(source, options.cwd);
  if (!validateSchema(raw)) {
    const [first] = validateSchema.errors ?? [];
    throw new SettingsError(`${name}: ${first ? describeError(first) : "is not valid"}`);
  }
  const data = raw as RawSettings;
  const base = dirname(source);
  const out: Settings = { source };
  if (data.root !== undefined) out.root = resolve(base, data.root);
  if (data.zkVersion !== undefined) out.zkVersion = data.zkVersion;
  if (data.rules) {
    const rules: Record<string, SeveritySetting> = {};
    for (const [id, setting] of Object.entries(data.rules)) {
      if (!options.ruleIds.includes(id)) {
        // The distance disable comments use for "did you mean": a typo, not another rule.
        const guess = closest(id, [...options.ruleIds]);
        throw new SettingsError(`${name}: rules.${id} names no zkcfg rule${distance(id, guess) <= 3 ? `; did you mean "${guess}"?` : "; `zkcfg rules` lists them"}`);
      }
      const [level, ...ruleOptions] = Array.isArray(setting) ? setting : [setting];
      if (ruleOptions.length > 0) throw new SettingsError(`${name}: rules.${id} has options, but ${id} takes none; write "${level}" alone`);
      rules[id] = level;
    }
    out.rules = rules;
  }
  if (data.ignore) out.ignore = data.ignore;
  if (data.ensembles) {
    const owner = new Map<string, string>();
    const ensembles: Record<string, string[]> = {};
    for (const [ensemble, members] of Object.entries(data.ensembles)) {
      ensembles[ensemble] = members.map((member) => {
        const path = resolve(base, member);
        const other = owner.get(path);
        if (other !== undefined && other !== ensemble) {
          throw new SettingsError(`${name}: ensembles.${ensemble} lists "${member}", which ensembles.${other} lists too; a config belongs to one ensemble`);
        }
        owner.set(path, ensemble);
        return path;
      });
    }
    out.ensembles = ensembles;
  }
  if (data.hosts) {
    const hosts: Record<string, string> = {};
    for (const [pattern, machine] of Object.entries(data.hosts)) {
      // A glob names the configs it matches now; a plain path names its config.
      const paths = /[*?[{]/.test(pattern) ? globSync(pattern, { cwd: base, absolute: true, dot: true }) : [resolve(base, pattern)];
      for (const path of paths) hosts[resolve(path)] ??= machine;
    }
    out.hosts = hosts;
  }
  return out;
}

/** cosmiconfig prefixes its YAML loader's errors with "YAML Error in <path>:"; the file is named already. */
const loaderMessage = (e: Error): string => e.message.replace(/^YAML Error in [^\n]*\n/, "").split("\n")[0] ?? e.message;

/** JSON.parse's own words (position included), without the code frame cosmiconfig's parser adds. */
function loadJson(_path: string, content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
}

/** import() itself: cosmiconfig's fallback to require() cannot run inside the ESM bundle. */
const loadModule = async (path: string): Promise<unknown> => ((await importModule(pathToFileURL(path).href)) as { default?: unknown }).default;

/** Finds the settings for each directory: the nearest settings file upwards, or the --config file. */
export class SettingsFinder {
  private explorer: Promise<PublicExplorer> | undefined;
  private readonly byDirectory = new Map<string, Promise<Settings>>();
  private readonly byFile = new Map<string, Settings>();

  constructor(private readonly options: SettingsOptions) {}

  private async getExplorer(): Promise<PublicExplorer> {
    this.explorer ??= import("cosmiconfig").then(({ cosmiconfig }) =>
      // "project": upwards from the config's directory to the first one holding a package.json.
      cosmiconfig("zkcfg", {
        searchPlaces: [...SEARCH_PLACES],
        searchStrategy: "project",
        cache: true,
        loaders: { ".json": loadJson, ".js": loadModule, ".mjs": loadModule, ".cjs": loadModule },
      }),
    );
    return this.explorer;
  }

  forDirectory(dir: string): Promise<Settings> {
    let hit = this.byDirectory.get(dir);
    if (!hit) {
      hit = this.find(dir);
      this.byDirectory.set(dir, hit);
    }
    return hit;
  }

  private async find(dir: string): Promise<Settings> {
    const explorer = await this.getExplorer();
    const { configFile, cwd } = this.options;
    let result;
    try {
      result = configFile ? await explorer.load(resolve(cwd, configFile)) : await explorer.search(dir);
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { filepath?: string };
      const path = err.filepath ?? (configFile ? resolve(cwd, configFile) : dir);
      if (err.code === "ENOENT") throw new SettingsError(`${display(path, cwd)}: no such settings file`);
      if (err.code === "EISDIR") throw new SettingsError(`${display(path, cwd)}: is a directory, not a settings file`);
      throw new SettingsError(`${display(path, cwd)}: cannot be read: ${loaderMessage(err)}`);
    }
    if (!result) return {};
    let settings = this.byFile.get(result.filepath);
    if (!settings) {
      settings = result.isEmpty ? { source: result.filepath } : validateSettings(result.config, result.filepath, this.options);
      this.byFile.set(result.filepath, settings);
    }
    return settings;
  }
}

/** Loads the settings of the configs at `paths` and of the ensemble members their settings name. */
export async function loadSettings(paths: Iterable<string>, options: SettingsOptions): Promise<SettingsLookup> {
  const finder = new SettingsFinder(options);
  const byDirectory = new Map<string, Settings>();
  const load = async (dirs: Iterable<string>): Promise<void> => {
    for (const dir of dirs) if (!byDirectory.has(dir)) byDirectory.set(dir, await finder.forDirectory(dir));
  };
  await load(new Set([...paths].map((p) => dirname(p))));
  // A member named by one settings file is read with its own directory's settings.
  const members = [...byDirectory.values()].flatMap((s) => Object.values(s.ensembles ?? {}).flat());
  await load(new Set(members.map((p) => dirname(p))));
  const settingsFor = (path: string): Settings => {
    const settings = byDirectory.get(dirname(path));
    if (!settings) throw new Error(`settings for ${path} were not loaded`);
    return settings;
  };
  return {
    settingsFor,
    ignoredBy(path) {
      const { source, ignore } = settingsFor(path);
      if (!source || !ignore || nodeFileSystem.kind(path) !== "file") return undefined;
      const base = dirname(source);
      // tinyglobby applies `ignore` the way it expands the command line's globs: same semantics.
      const pattern = [escapePath(relative(base, path).split(sep).join("/"))];
      return ignore.find((glob) => globSync(pattern, { cwd: base, dot: true, ignore: [glob] }).length === 0);
    },
  };
}

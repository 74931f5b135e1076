import { realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { closest, distance } from "fastest-levenshtein";
import { escapePath, globSync } from "tinyglobby";
import type { ErrorObject } from "ajv";
import type { SeveritySetting } from "../lint/engine.js";
import type { ZkVersion } from "../model/version.js";
import type { FamilyId } from "../compose/images/family.js";
import { TooLargeError } from "../io/fs.js";
import { nodeFileSystem } from "../io/node-fs.js";
import { MAX_SETTINGS_BYTES, projectTop, SettingsError, SettingsSearch } from "./discovery.js";
import { importModule } from "./import-module.js";
import { whyUntrusted } from "./trust.js";
import validateSchema from "./settings-validator.generated.js";

export { SettingsError };

/** The settings that apply to one linted file. */
export interface Settings {
  /** The settings file they came from (absolute), if any. */
  source?: string;
  /**
   * Why that file was not read, naming it (someone else could change it; JavaScript under
   * --no-js-config): the configs it applies to are not linted.
   */
  refused?: string;
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
  /** Compose files: image name (or glob) → the image family its entrypoint is built like. */
  composeImages?: Record<string, FamilyId>;
}

/** The settings file as written, once the schema has accepted it. */
interface RawSettings {
  root?: string;
  zkVersion?: ZkVersion;
  rules?: Record<string, SeveritySetting | [SeveritySetting, ...unknown[]]>;
  ignore?: string[];
  ensembles?: Record<string, string[]>;
  hosts?: Record<string, string>;
  compose?: { images?: Record<string, FamilyId> };
}

export interface SettingsOptions {
  /** Files are named relative to this directory in messages. */
  cwd: string;
  /** The rule ids a settings file may name. */
  ruleIds: readonly string[];
  /** --config: this file alone applies to every config; no search. */
  configFile?: string;
  /** --no-js-config: settings written in JavaScript are refused, never run. */
  noJs?: boolean;
  /** Which settings file applies to each directory; by default searched from the working directory's project. */
  search?: SettingsSearch;
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

const list = (items: string[], last: "or" | "and"): string =>
  items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;

const TYPE_NAMES: Record<string, string> = { object: "an object", array: "a list", string: "a string" };
/** The schema's patterns, in words. */
const PATTERN_MEANINGS: Record<string, string> = { "\\S": "must not be blank" };

function describeError(error: ErrorObject): string {
  const field = fieldOf(error.instancePath);
  switch (error.keyword) {
    case "type":
      return `${field || "the settings"} must be ${TYPE_NAMES[String(error.params.type)] ?? String(error.params.type)}`;
    case "enum":
      return `${field} must be ${list(
        (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)),
        "or",
      )}`;
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
        throw new SettingsError(
          `${name}: rules.${id} names no zkcfg rule${distance(id, guess) <= 3 ? `; did you mean "${guess}"?` : "; `zkcfg rules` lists them"}`,
        );
      }
      const [level, ...ruleOptions] = Array.isArray(setting) ? setting : [setting];
      if (ruleOptions.length > 0) throw new SettingsError(`${name}: rules.${id} has options, but ${id} takes none; write "${level}" alone`);
      rules[id] = level;
    }
    out.rules = rules;
  }
  if (data.ignore) out.ignore = data.ignore;
  if (data.compose?.images) out.composeImages = data.compose.images;
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

/** JSON.parse's own words (position included). */
function loadJson(content: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`not valid JSON: ${(e as Error).message}`);
  }
}

/** YAML through cosmiconfig's loader (js-yaml); only its loaders are used, not its search. */
const loadYaml = async (path: string, content: string): Promise<unknown> => {
  const { defaultLoaders } = await import("cosmiconfig");
  return defaultLoaders[".yaml"](path, content);
};

/** The extensions of settings written as JavaScript: loading one runs it. */
const JS_EXTENSIONS = new Set([".js", ".mjs", ".cjs"]);

/** Parses a settings file by its name; a JavaScript one is imported, which runs it. */
async function parse(path: string, realPath: string, content: string): Promise<unknown> {
  const extension = extname(path);
  if (JS_EXTENSIONS.has(extension)) return ((await importModule(pathToFileURL(realPath).href)) as { default?: unknown }).default;
  if (extension === ".json") {
    const data = loadJson(content);
    return basename(path) === "package.json" ? (data as Record<string, unknown> | null)?.["zkcfg"] : data;
  }
  if (extension === "" || extension === ".yaml" || extension === ".yml") return loadYaml(path, content);
  throw new Error(`zkcfg reads settings from .json, .yaml, .yml, .js, .mjs and .cjs files and .zkcfgrc, not ${extension} files`);
}

/** Finds the settings for each directory: the nearest settings file upwards, or the --config file. */
export class SettingsFinder {
  private readonly search: SettingsSearch;
  private readonly byDirectory = new Map<string, Promise<Settings>>();
  private readonly byFile = new Map<string, Promise<Settings>>();

  constructor(private readonly options: SettingsOptions) {
    this.search = options.search ?? new SettingsSearch(nodeFileSystem, projectTop(nodeFileSystem, options.cwd));
  }

  forDirectory(dir: string): Promise<Settings> {
    let hit = this.byDirectory.get(dir);
    if (!hit) {
      const { configFile, cwd } = this.options;
      const file = configFile !== undefined ? resolve(cwd, configFile) : this.search.fileFor(dir);
      hit = file === undefined ? Promise.resolve({}) : this.forFile(file);
      this.byDirectory.set(dir, hit);
    }
    return hit;
  }

  private forFile(path: string): Promise<Settings> {
    let hit = this.byFile.get(path);
    if (!hit) {
      hit = this.load(path);
      this.byFile.set(path, hit);
    }
    return hit;
  }

  private async load(path: string): Promise<Settings> {
    const name = display(path, this.options.cwd);
    let realPath: string;
    try {
      realPath = realpathSync(path);
      if (statSync(realPath).isDirectory()) throw new SettingsError(`${name}: is a directory, not a settings file`);
    } catch (e) {
      if (e instanceof SettingsError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new SettingsError(`${name}: ${code === "ENOENT" ? "no such settings file" : `cannot be read (${code ?? (e as Error).message})`}`);
    }
    const untrusted = whyUntrusted(realPath);
    if (untrusted !== undefined) {
      return {
        source: path,
        refused: `${name}: not read: ${untrusted}; if you trust it, make it yours and writable by you alone (chown, chmod go-w), or run with --no-config`,
      };
    }
    if (this.options.noJs && JS_EXTENSIONS.has(extname(path))) {
      return {
        source: path,
        refused: `${name}: not run: settings written in JavaScript are code, and --no-js-config reads only JSON and YAML settings; write them as .zkcfgrc.json, or run with --no-config`,
      };
    }
    let raw: unknown;
    try {
      const content = Buffer.from(nodeFileSystem.readFile(realPath, MAX_SETTINGS_BYTES)).toString("utf8");
      // A file of blanks holds no settings (the search passes over it; --config may name one).
      raw = content.trim() === "" ? undefined : await parse(path, realPath, content);
    } catch (e) {
      if (e instanceof TooLargeError) throw new SettingsError(`${name}: is larger than ${MAX_SETTINGS_BYTES / 1048576} MiB; a settings file is a few lines`);
      throw new SettingsError(`${name}: cannot be read: ${loaderMessage(e instanceof Error ? e : new Error(String(e)))}`);
    }
    // Empty, or a package.json without a "zkcfg" field named by --config: no settings.
    return raw === undefined || raw === null ? { source: path } : validateSettings(raw, path, this.options);
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

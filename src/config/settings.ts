import { dirname, join, resolve } from "node:path";
import type { FileSystem } from "../io/fs.js";
import { parseVersion, type ZkVersion } from "../model/version.js";
import type { SeveritySetting } from "../lint/engine.js";

export const SETTINGS_FILE = ".zkcfgrc.json";

/** The settings that apply to one linted file. */
export interface Settings {
  /** Where the settings came from, if anywhere. */
  source?: string;
  /** Absolute paths in configs are read (and fixed) under this directory. */
  root?: string;
  zkVersion?: ZkVersion;
  rules?: Record<string, SeveritySetting>;
}

export class SettingsError extends Error {}

const SEVERITIES = new Set(["off", "warn", "error"]);

function validate(raw: unknown, source: string): Settings {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SettingsError(`${source}: settings must be a JSON object`);
  }
  const out: Settings = { source };
  for (const [key, value] of Object.entries(raw)) {
    if (key === "root") {
      if (typeof value !== "string") throw new SettingsError(`${source}: "root" must be a path (a string)`);
      out.root = resolve(dirname(source), value);
    } else if (key === "zkVersion") {
      const v = typeof value === "string" ? parseVersion(value) : undefined;
      if (!v) throw new SettingsError(`${source}: "zkVersion" must be a ZooKeeper version from 3.4 to 3.9, not ${JSON.stringify(value)}`);
      out.zkVersion = v;
    } else if (key === "rules") {
      if (typeof value !== "object" || value === null) throw new SettingsError(`${source}: "rules" must map rule ids to "off", "warn" or "error"`);
      const rules: Record<string, SeveritySetting> = {};
      for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
        if (typeof level !== "string" || !SEVERITIES.has(level)) {
          throw new SettingsError(`${source}: "rules.${id}" must be "off", "warn" or "error", not ${JSON.stringify(level)}`);
        }
        rules[id] = level as SeveritySetting;
      }
      out.rules = rules;
    } else {
      throw new SettingsError(`${source}: unknown setting "${key}"`);
    }
  }
  return out;
}

/** Finds the nearest settings file from `dir` upwards; results are cached per directory. */
export class SettingsFinder {
  private readonly cache = new Map<string, Settings>();

  constructor(private readonly fs: FileSystem) {}

  forDirectory(dir: string): Settings {
    const hit = this.cache.get(dir);
    if (hit) return hit;
    const candidate = join(dir, SETTINGS_FILE);
    let found: Settings;
    if (this.fs.kind(candidate) === "file") {
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(this.fs.readFile(candidate)).toString("utf8"));
      } catch (e) {
        throw new SettingsError(`${candidate}: not valid JSON (${(e as Error).message})`);
      }
      found = validate(raw, candidate);
    } else {
      const parent = dirname(dir);
      found = parent === dir ? {} : this.forDirectory(parent);
    }
    this.cache.set(dir, found);
    return found;
  }
}

import { CachedFileSystem } from "../../src/io/cached-fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import type { InputFile } from "../../src/lint/inputs.js";
import { lintProject, type LintRun, type ProjectOptions } from "../../src/lint/project.js";
import type { Rule } from "../../src/lint/rule.js";
import type { Settings } from "../../src/config/settings.js";
import type { ZkVersion } from "../../src/model/version.js";

export interface TreeOptions {
  /** Absolute path → content; configs are the files ending in .cfg outside hidden folders. */
  files: Record<string, string>;
  /** Empty directories that must exist (data dirs without a myid). */
  dirs?: string[];
  rules?: readonly Rule[];
  version?: ZkVersion;
  hostname?: string;
  myid?: bigint;
  root?: string;
  syntaxOnly?: boolean;
  /** Lint only these (the rest of the tree is still there for siblings and facts). */
  lint?: string[];
  /** Lint this file system instead of one built from files and dirs (to lint again after a fix). */
  fs?: MemoryFileSystem;
  /** The settings of each config, as the settings files above it would give them (root, hosts, ensembles). */
  settings?: (path: string) => Settings;
}

export const FIXTURE_HOST = "lint-runner.example";

/** The configs of an in-memory tree and the options to lint them with, as the CLI lints files on disk: through the run's cached listings. */
export function treeProject(options: TreeOptions): { inputs: InputFile[]; project: ProjectOptions; fs: MemoryFileSystem } {
  const fs = options.fs ?? new MemoryFileSystem(options.files, options.dirs ?? []);
  const targets =
    options.lint ??
    Object.keys(options.files)
      .filter((p) => p.endsWith(".cfg") && !/\/\./.test(p))
      .sort();
  const inputs = targets.map((path) => ({ path, name: path.replace(/^\//, ""), bytes: fs.readFile(path) }));
  const project: ProjectOptions = {
    fs: new CachedFileSystem(fs),
    cwd: "/",
    syntaxOnly: options.syntaxOnly ?? false,
    hostname: options.hostname ?? FIXTURE_HOST,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.version ? { version: options.version } : {}),
    ...(options.myid !== undefined ? { myid: options.myid } : {}),
    ...(options.root ? { root: options.root } : {}),
    ...(options.settings ? { settings: { settingsFor: options.settings, ignoredBy: () => undefined } } : {}),
  };
  return { inputs, project, fs };
}

/** Lints an in-memory tree the way the CLI lints files on disk. */
export function lintTree(options: TreeOptions): LintRun & { fs: MemoryFileSystem } {
  const { inputs, project, fs } = treeProject(options);
  return { ...lintProject(inputs, project), fs };
}

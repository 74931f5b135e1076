// Hand-built configs for the model's unit tests: each config of a tree read as the linter reads it
// (the tree is the configs' machine, --root /), grouped into one workspace.
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { buildConfigFile, type ConfigFile } from "../../src/model/config-file.js";
import { groupWorkspace, type Workspace } from "../../src/model/ensemble.js";
import type { ZkVersion } from "../../src/model/version.js";
import { FIXTURE_HOST } from "./workspace.js";

export const HEAD = "tickTime=2000\ninitLimit=10\nsyncLimit=5\n";

export interface ModelTree {
  files: Record<string, string>;
  dirs?: string[];
  /** Read as a checkout (no root): only configs a server line places here are read. */
  checkout?: boolean;
  /** The machine's file system, when the tree alone cannot stage it (links). */
  fs?: MemoryFileSystem;
  hostname?: string;
  version?: ZkVersion;
  myid?: bigint;
}

/** The workspace of every *.cfg of the tree, in path order. */
export function modelOf(tree: ModelTree): Workspace {
  const fs = tree.fs ?? new MemoryFileSystem(tree.files, tree.dirs ?? []);
  const hostname = tree.hostname ?? FIXTURE_HOST;
  const view = { fs, syntaxOnly: false, hostname, ...(tree.checkout ? {} : { root: "/" }) };
  const paths = Object.keys(tree.files)
    .filter((p) => p.endsWith(".cfg"))
    .sort();
  const files = paths.map((p) => buildConfigFile(p, p.slice(1), Buffer.from(tree.files[p] as string), view, tree.version ?? "3.9"));
  return groupWorkspace(files, { hostname, ...(tree.myid !== undefined ? { myid: tree.myid } : {}) });
}

/** The config at `path` of a workspace. */
export function fileAt(ws: Workspace, path: string): ConfigFile {
  const file = ws.files.find((f) => f.path === path);
  if (!file) throw new Error(`no config ${path}`);
  return file;
}

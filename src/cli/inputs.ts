import { resolve, relative, dirname, join, basename } from "node:path";
import { glob } from "tinyglobby";
import type { FileSystem } from "../io/fs.js";

/** zoo.cfg files are a few kilobytes; anything this large is not one. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export interface InputFile {
  path: string;
  name: string;
  bytes: Uint8Array;
}

export interface InputError {
  name: string;
  message: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands the command line's names and quoted globs into files, and says why any cannot be read. */
export async function collectInputs(args: string[], fs: FileSystem, cwd: string): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const arg of args) {
    const kind = fs.kind(resolve(cwd, arg));
    if (kind === undefined && GLOB_CHARS.test(arg)) {
      const matches = (await glob(arg, { cwd, onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) errors.push({ name: arg, message: "no files match this pattern" });
      names.push(...matches);
    } else {
      names.push(arg);
    }
  }
  for (const name of names) {
    const path = resolve(cwd, name);
    if (seen.has(path)) continue;
    seen.add(path);
    const display = relative(cwd, path) || name;
    const result = readInput(path, display, fs);
    if ("message" in result) errors.push(result);
    else files.push(result);
  }
  return { files, errors };
}

export function readInput(path: string, name: string, fs: FileSystem): InputFile | InputError {
  const kind = fs.kind(path);
  if (kind === undefined) return { name, message: "no such file" };
  if (kind === "directory") return { name, message: `is a directory; name the configs in it, e.g. "${join(name, "*.cfg")}"` };
  if (kind !== "file") return { name, message: "is not a regular file" };
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { name, message: code === "EACCES" ? "cannot be read: permission denied" : `cannot be read (${code ?? (e as Error).message})` };
  }
  if (bytes.byteLength > MAX_CONFIG_BYTES) {
    return { name, message: `is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; a zoo.cfg is a few KiB, so this is not one (limit ${MAX_CONFIG_BYTES / 1048576} MiB)` };
  }
  if (bytes.includes(0)) return { name, message: "is a binary file (it contains NUL bytes), not a ZooKeeper config" };
  return { path, name, bytes };
}

/** The *.cfg files beside a named one: candidates for the rest of its ensemble. */
export function siblingConfigs(path: string, fs: FileSystem): string[] {
  const dir = dirname(path);
  let names: string[];
  try {
    names = fs.list(dir);
  } catch {
    return [];
  }
  const self = basename(path);
  return names.filter((n) => n !== self && n.endsWith(".cfg")).map((n) => join(dir, n));
}

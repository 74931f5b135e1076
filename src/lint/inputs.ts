import { resolve, relative, dirname, join, basename } from "node:path";
import { NotAFileError, realPathOf, TooLargeError, type FileSystem } from "../io/fs.js";
import { globFiles } from "../io/glob.js";
import { MAX_CONFIG_BYTES } from "../model/config-file.js";
import { decodeLatin1, SourceText } from "../parse/source.js";

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

/** `<cfg>.dynamic`, `<cfg>.dynamic.<hex version>` and `<cfg>.dynamic.next`: the names ZooKeeper gives a config's dynamic files. */
const DYNAMIC_FILE = /^(.+\.cfg)\.dynamic(?:\.(?:next|[0-9a-fA-F]+))?$/;

/** Expands the command line's names and quoted globs into files, and says why any cannot be read. */
export async function collectInputs(args: string[], fs: FileSystem, cwd: string): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  /** Real path → index in files (-1: reported as an error). */
  const seen = new Map<string, number>();
  const named: { name: string; path: string; shown?: string }[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    if (fs.kind(path) === undefined && GLOB_CHARS.test(arg)) {
      const matches = await globFiles(arg, cwd, fs);
      if (matches.length === 0) errors.push({ name: arg, message: "no files match this pattern" });
      for (const m of matches) named.push({ name: m.shown, ...m });
    } else {
      named.push({ name: arg, path });
    }
  }
  for (const { name, path: given, shown: givenShown } of named) {
    let path = given;
    let shown = givenShown;
    // A dynamic file is checked as part of its config (a hook passes whichever of the two changed).
    const dynamic = DYNAMIC_FILE.exec(basename(path));
    if (dynamic) {
      const owner = join(dirname(path), dynamic[1] as string);
      if (fs.kind(owner) !== "file") {
        errors.push({ name, message: `is a dynamic config file, and ${dynamic[1]}, the config it belongs to, is not beside it; name the config that uses it` });
        continue;
      }
      path = owner;
      shown = undefined;
    }
    const display = shown ?? (relative(cwd, path) || name);
    // One file named twice, or through a link (a glob follows them), is linted once, under its own name.
    const real = realPathOf(fs, path);
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      const first = files[earlier];
      if (path === real && first && first.path !== real) files[earlier] = { ...first, path, name: display };
      continue;
    }
    const result = readInput(path, display, fs);
    if ("message" in result) {
      errors.push(result);
      seen.set(real, -1);
    } else seen.set(real, files.push(result) - 1);
  }
  return { files, errors };
}

export function readInput(path: string, name: string, fs: FileSystem): InputFile | InputError {
  const kind = fs.kind(path);
  if (kind === undefined) return { name, message: "no such file" };
  if (kind === "directory") return { name, message: `is a directory; name the configs in it, e.g. "${join(name, "*.cfg")}"` };
  let bytes: Uint8Array;
  try {
    bytes = fs.readFile(path, MAX_CONFIG_BYTES);
  } catch (e) {
    return { name, message: whyUnreadable(e) };
  }
  return checkContent(path, name, bytes);
}

const tooLarge = (size: number): string =>
  `is ${(size / 1048576).toFixed(1)} MiB; a zoo.cfg is a few KiB, so this is not one (limit ${MAX_CONFIG_BYTES / 1048576} MiB)`;

function whyUnreadable(e: unknown): string {
  if (e instanceof TooLargeError) return tooLarge(e.size);
  if (e instanceof NotAFileError) {
    return e.what === "a named pipe (FIFO)"
      ? `is ${e.what}, not a regular file; to lint generated text, pipe it to zkcfg lint --stdin`
      : `is ${e.what}, not a regular file; name the config file itself`;
  }
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "ELOOP") return "is a loop of symbolic links (ELOOP); point the link at the config file";
  if (code === "ENOENT") return "no such file";
  // open(2) on a Unix socket.
  if (code === "ENXIO") return "is a socket, not a regular file; name the config file itself";
  return `cannot be read (${code ?? (e as Error).message})`;
}

function checkContent(path: string, name: string, bytes: Uint8Array): InputFile | InputError {
  if (bytes.byteLength > MAX_CONFIG_BYTES) return { name, message: tooLarge(bytes.byteLength) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = new SourceText(decodeLatin1(bytes)).positionAt(nul);
    return { name, message: `is a binary file (a NUL byte at line ${at.line}, column ${at.column}), not a ZooKeeper config` };
  }
  return { path, name, bytes };
}

/** Standard input as the file `filename` (settings, dataDir and siblings are looked up from there). */
export function stdinInput(bytes: Uint8Array, filename: string, cwd: string): InputFile | InputError {
  const path = resolve(cwd, filename);
  return checkContent(path, relative(cwd, path) || filename, bytes);
}

/**
 * The sample config every ZooKeeper release ships in conf/, beside the real ones: a template, not a
 * server. It is linted only when it is all that was named, and then alone.
 */
export const isSampleConfig = (path: string): boolean => basename(path) === "zoo_sample.cfg";

/** The named configs to lint: the sample config drops out when anything else was named with it. */
export function withoutSampleConfigs<T extends { path: string }>(inputs: T[]): T[] {
  const others = inputs.filter((i) => !isSampleConfig(i.path));
  return others.length > 0 ? others : inputs;
}

/** The *.cfg files beside a named one (the sample config aside): candidates for the rest of its ensemble. */
export function siblingConfigs(path: string, fs: FileSystem): string[] {
  const dir = dirname(path);
  let names: string[];
  try {
    names = fs.list(dir);
  } catch {
    return [];
  }
  const self = basename(path);
  return names.filter((n) => n !== self && n.endsWith(".cfg") && !isSampleConfig(n)).map((n) => join(dir, n));
}

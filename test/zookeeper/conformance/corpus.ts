/**
 * The conformance corpus: cases/<name>/ holds a host's files for one ZooKeeper server (conf/zoo.cfg, data/myid,
 * dynamic files…), written with placeholders: {case} is the case's own directory once materialized, and
 * {port:NAME} a TCP port (one number per NAME within a case). An empty directory is kept as a .gitkeep.
 * verdicts.json beside this file records what ZooKeeper 3.8 did with each case.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export const HERE = import.meta.dirname;
export const CASES_DIR = join(HERE, "cases");
export const VERDICTS_FILE = join(HERE, "verdicts.json");
/** The config every case is about, relative to its directory. */
export const CONFIG = "conf/zoo.cfg";
const ABOUT = "case.json";
const KEEP = ".gitkeep";

export interface Case {
  name: string;
  /** What the case exercises, for people reading a disagreement. */
  about: string;
  /** Relative path → content, read and written as ISO-8859-1 so every byte survives. */
  files: Record<string, string>;
  /** Directories that must exist although they hold no file. */
  dirs: string[];
}

export type Stage = "parse" | "start" | "none";

/** What ZooKeeper did with a case: refused while parsing, died while starting, or started. */
export interface Verdict {
  refused: boolean;
  stage: Stage;
  /** The exception chain (parse, start) or how it ran (none), with {case} and {port:NAME} put back. */
  message: string;
}

export interface RecordedVerdicts {
  zookeeper: string;
  verdicts: Record<string, Verdict>;
}

const PLACEHOLDER = /\{case\}|\{port:([a-z0-9]+)\}/g;

export function readCase(name: string): Case {
  const dir = join(CASES_DIR, name);
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      const rel = relative(dir, path);
      if (entry === KEEP) dirs.push(relative(dir, d));
      else if (statSync(path).isDirectory()) walk(path);
      else if (rel !== ABOUT) files[rel] = readFileSync(path, "latin1");
    }
  };
  walk(dir);
  const about = (JSON.parse(readFileSync(join(dir, ABOUT), "utf8")) as { about: string }).about;
  return { name, about, files, dirs };
}

export function readCorpus(): Case[] {
  return readdirSync(CASES_DIR)
    .filter((n) => statSync(join(CASES_DIR, n)).isDirectory())
    .sort()
    .map(readCase);
}

/** Writes a case in its stored form (placeholders kept). */
export function writeCase(root: string, c: Case): void {
  const dir = join(root, c.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ABOUT), `${JSON.stringify({ about: c.about }, null, 2)}\n`);
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content, "latin1");
  }
  for (const rel of c.dirs) {
    mkdirSync(join(dir, rel), { recursive: true });
    writeFileSync(join(dir, rel, KEEP), "");
  }
}

/** The port names a case uses, in order of first appearance. */
export function portNames(c: Case): string[] {
  const names = new Set<string>();
  for (const content of Object.values(c.files)) for (const m of content.matchAll(PLACEHOLDER)) if (m[1]) names.add(m[1]);
  return [...names];
}

export interface Materialized {
  name: string;
  dir: string;
  config: string;
  ports: Map<string, number>;
}

/** Writes the case under root with its placeholders filled in. */
export function materialize(c: Case, root: string, ports: Map<string, number>, dirName = c.name): Materialized {
  const dir = join(root, dirName);
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (whole, port: string | undefined) => {
      if (port === undefined) return dir;
      const value = ports.get(port);
      if (value === undefined) throw new Error(`${c.name}: no port for {port:${port}}`);
      return String(value);
    });
  for (const rel of c.dirs) mkdirSync(join(dir, rel), { recursive: true });
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), fill(content), "latin1");
  }
  mkdirSync(dir, { recursive: true });
  return { name: c.name, dir, config: join(dir, CONFIG), ports };
}

/** Fixed ports for runs that bind nothing (zkcfg): distinct within the case, far from ZooKeeper's defaults. */
export function fixedPorts(c: Case): Map<string, number> {
  return new Map(portNames(c).map((name, i) => [name, 30_000 + i]));
}

/** Puts {case} and {port:NAME} back into text that ZooKeeper printed about a materialized case. */
export function normalize(text: string, m: Materialized): string {
  let out = text.split(m.dir).join("{case}");
  for (const [name, port] of m.ports) out = out.replace(new RegExp(`(?<!\\d)${port}(?!\\d)`, "g"), `{port:${name}}`);
  return out;
}

import { isAbsolute, relative, sep } from "node:path";
import { OverlayFileSystem } from "../io/overlay-fs.js";
import type { InputFile } from "../lint/inputs.js";
import { lintProject, type LintRun, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import type { CreateFileFix, EditFix } from "../lint/rule.js";
import { compareStrings } from "../model/order.js";
import { applyEdits } from "./apply.js";

/** ESLint's cap: fixes that keep producing fixes stop here. */
export const MAX_PASSES = 10;

/** A create left out, and why. */
export interface RefusedCreate {
  path: string;
  reason: string;
}

/** The fixes one lint offers. */
export interface Fixes {
  refused: RefusedCreate[];
  /** The files to create, once each, in a stable order. */
  creates: CreateFileFix[];
  /** The edits of each config, configs in a stable order. */
  edits: { path: string; edits: EditFix[] }[];
}

/** Where a fix may create missing directories: inside the working directory, or anywhere with --create-data-dir. */
export interface WritePolicy {
  cwd: string;
  createDataDir: boolean;
}

/** Why a create is not written (a chain of missing directories outside the working directory), if it is not. */
export function refusal(fix: CreateFileFix, policy: WritePolicy): string | undefined {
  const dir = fix.missingDirectory;
  if (dir === undefined || policy.createDataDir) return undefined;
  if (!outside(policy.cwd, dir)) return undefined;
  return `its dataDir ${dir} does not exist and is outside the working directory; zkcfg fix creates it only with --create-data-dir`;
}

export function fixesOf(results: LintResult[], policy?: WritePolicy): Fixes {
  const creates = new Map<string, CreateFileFix>();
  const refused: RefusedCreate[] = [];
  const edits = new Map<string, EditFix[]>();
  for (const r of results) {
    for (const m of r.messages) {
      const fix = m.fix;
      const reason = fix?.kind === "create" && policy ? refusal(fix, policy) : undefined;
      if (fix?.kind === "create" && reason !== undefined) refused.push({ path: fix.path, reason });
      else if (fix?.kind === "create" && !creates.has(fix.path)) creates.set(fix.path, fix);
      if (fix?.kind === "edit") edits.set(fix.path, [...(edits.get(fix.path) ?? []), fix]);
    }
  }
  return {
    refused: refused.sort((a, b) => compareStrings(a.path, b.path)),
    creates: [...creates.values()].sort((a, b) => compareStrings(a.path, b.path)),
    edits: [...edits].map(([path, e]) => ({ path, edits: e })).sort((a, b) => compareStrings(a.path, b.path)),
  };
}

/** A config the fixes change: its text as read and as the last pass leaves it (each char one byte, latin1). */
export interface PlannedEdit {
  path: string;
  /** As the user named it, for what is printed. */
  name: string;
  before: string;
  after: string;
}

export interface FixPlan {
  /** The configs whose text the fixes change, in path order. */
  edits: PlannedEdit[];
  /** The files to create, with their content, in path order. */
  creates: CreateFileFix[];
  /** The creates the policy leaves out, once each, in path order. */
  refused: RefusedCreate[];
  /** What linting the fixed configs reports: what remains. */
  results: LintResult[];
  /** False when the passes ran out while fixes still changed something. */
  settled: boolean;
}

/** What one pass would change: the new text of each config it edits, and the files it would create. */
interface Pass {
  texts: Map<string, { name: string; before: string; text: string }>;
  creates: CreateFileFix[];
  refused: RefusedCreate[];
}

/** The changes the fixes of `run` make; a file to create that an earlier pass created is not created again. */
function passOf(run: LintRun, created: ReadonlyMap<string, CreateFileFix>, policy: WritePolicy | undefined): Pass {
  const fixes = fixesOf(run.results, policy);
  const texts = new Map<string, { name: string; before: string; text: string }>();
  for (const { path, edits } of fixes.edits) {
    const file = run.workspace.files.find((f) => f.path === path);
    if (!file) continue;
    const before = file.document.source.text;
    const text = applyEdits(before, edits);
    if (text !== before) texts.set(path, { name: file.name, before, text });
  }
  return { texts, creates: fixes.creates.filter((fix) => !created.has(fix.path)), refused: fixes.refused };
}

/** A text of one char per byte, as zkcfg reads configs, back to its bytes. */
export const latin1 = (text: string): Buffer => Buffer.from(text, "latin1");

/** Whether `path` is outside the working directory `cwd` (the directory itself counts as outside). */
export function outside(cwd: string, path: string): boolean {
  const rel = relative(cwd, path);
  return rel === "" || rel.split(sep)[0] === ".." || isAbsolute(rel);
}

/**
 * Runs `zkcfg fix` in memory: lints, applies the fixes to the texts, lints the changed texts
 * again (the files to create present), and so on until nothing changes or MAX_PASSES. Nothing is
 * written: the plan says what to write, and the writer does it.
 */
export function planFix(files: InputFile[], project: ProjectOptions, policy?: WritePolicy): FixPlan {
  const fs = new OverlayFileSystem(project.fs);
  const options = { ...project, fs };
  const edited = new Map<string, PlannedEdit>();
  const created = new Map<string, CreateFileFix>();
  const refused = new Map<string, RefusedCreate>();
  let inputs = files;
  let run = lintProject(inputs, options);
  let pass = passOf(run, created, policy);
  for (let n = 1; n <= MAX_PASSES && (pass.texts.size > 0 || pass.creates.length > 0); n++) {
    for (const r of pass.refused) if (!refused.has(r.path)) refused.set(r.path, r);
    for (const fix of pass.creates) {
      created.set(fix.path, fix);
      // As the writer writes it.
      fs.write(fix.path, Buffer.from(fix.text));
    }
    for (const [path, { name, before, text }] of pass.texts) {
      edited.set(path, { path, name, before: edited.get(path)?.before ?? before, after: text });
      fs.write(path, latin1(text));
    }
    const { texts } = pass;
    inputs = inputs.map((input) => {
      const next = texts.get(input.path);
      return next ? { ...input, bytes: latin1(next.text) } : input;
    });
    run = lintProject(inputs, options);
    pass = passOf(run, created, policy);
  }
  for (const r of pass.refused) if (!refused.has(r.path)) refused.set(r.path, r);
  const byPath = <T extends { path: string }>(items: Iterable<T>): T[] => [...items].sort((a, b) => compareStrings(a.path, b.path));
  return {
    edits: byPath([...edited.values()].filter((e) => e.after !== e.before)),
    creates: byPath(created.values()),
    refused: byPath(refused.values()),
    results: run.results,
    settled: pass.texts.size === 0 && pass.creates.length === 0,
  };
}

import { isAbsolute, relative, sep } from "node:path";
import type { CliOptions } from "./options.js";
import type { Io } from "./main.js";
import { readInput, type InputFile } from "../lint/inputs.js";
import { lintProject, type LintRun, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import type { CreateFileFix, EditFix } from "../lint/rule.js";
import { applyEdits } from "../fix/apply.js";
import { createFile, replaceFile } from "../fix/writer.js";
import { compareStrings } from "../model/order.js";
import { printedLine } from "../format/escape.js";

/** ESLint's cap: fixes that keep producing fixes stop here. */
const MAX_PASSES = 10;

export interface FixPlan {
  /** The creates left out, and why. */
  refused: { path: string; reason: string }[];
  /** The files a run would create, once each, in a stable order. */
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
  const rel = relative(policy.cwd, dir);
  if (rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel)) return undefined;
  return `its dataDir ${dir} does not exist and is outside the working directory; zkcfg fix creates it only with --create-data-dir`;
}

export function planFixes(results: LintResult[], policy?: WritePolicy): FixPlan {
  const creates = new Map<string, CreateFileFix>();
  const refused: { path: string; reason: string }[] = [];
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

const describe = (fix: CreateFileFix): string => `${fix.path} (${JSON.stringify(fix.text.trimEnd())})`;

/** The text a config was linted from, and what the plan's edits make of it. */
function editedText(run: LintRun, path: string, edits: EditFix[]): { before: string; after: string } | undefined {
  const file = run.workspace.files.find((f) => f.path === path);
  if (!file) return undefined;
  const before = file.document.source.text;
  return { before, after: applyEdits(before, edits) };
}

export async function runFix(
  files: InputFile[],
  project: ProjectOptions,
  options: CliOptions,
  io: Io,
  format: (results: LintResult[], options: CliOptions, io: Io) => Promise<string>,
): Promise<number> {
  let run = lintProject(files, project);
  const policy: WritePolicy = { cwd: project.cwd, createDataDir: options.createDataDir === true };
  // Said once, before anything is written: the lint output after the run still reports the missing myid.
  for (const { path, reason } of planFixes(run.results, policy).refused) io.stdout.write(`not writing ${path}: ${reason}\n`);
  if (options.check || options.dryRun) {
    const plan = planFixes(run.results, policy);
    for (const fix of plan.creates) io.stdout.write(printedLine(`would write ${describe(fix)}`));
    for (const { path } of plan.edits) io.stdout.write(printedLine(`would edit ${path}`));
    const work = plan.creates.length + plan.edits.length;
    if (work === 0) io.stdout.write("nothing to fix\n");
    if (options.check) return work > 0 ? 1 : 0;
    io.stdout.write(await format(run.results, options, io));
    return 0;
  }
  let failed = false;
  const fail = (path: string, reason: string): void => {
    failed = true;
    io.stderr.write(`zkcfg: did not write ${path}: ${reason}\n`);
  };
  // A create or an edit that failed once is not tried again in later passes.
  const given = new Set<string>();
  const edited = new Set<string>();
  const pendingEdits = (plan: FixPlan): { path: string; before: string; after: string }[] =>
    plan.edits.flatMap(({ path, edits }) => {
      const text = given.has(path) ? undefined : editedText(run, path, edits);
      return text && text.after !== text.before ? [{ path, ...text }] : [];
    });
  let inputs = files;
  for (let pass = 1; ; pass++) {
    const plan = planFixes(run.results, policy);
    let changed = false;
    for (const fix of plan.creates) {
      if (given.has(fix.path)) continue;
      given.add(fix.path);
      const outcome = createFile(fix);
      if (outcome.written) {
        changed = true;
        io.stdout.write(printedLine(`wrote ${describe(fix)}`));
      } else if (!outcome.unchanged) fail(fix.path, outcome.reason ?? "unknown reason");
    }
    for (const { path, before, after } of pendingEdits(plan)) {
      // Written only if the config still holds the text the edits were planned on.
      const outcome = replaceFile(path, Buffer.from(before, "latin1"), Buffer.from(after, "latin1"));
      if (outcome.written) {
        changed = true;
        edited.add(path);
      } else {
        given.add(path);
        fail(path, outcome.reason ?? "unknown reason");
      }
    }
    if (!changed) break;
    project.fs.refresh?.();
    inputs = inputs.map((input) => {
      const again = readInput(input.path, input.name, project.fs);
      return "bytes" in again ? again : input;
    });
    run = lintProject(inputs, project);
    if (pass === MAX_PASSES) {
      if (pendingEdits(planFixes(run.results)).length > 0) io.stderr.write(`zkcfg: stopped after ${MAX_PASSES} passes; some fixes are left\n`);
      break;
    }
  }
  for (const path of [...edited].sort(compareStrings)) io.stdout.write(printedLine(`edited ${path}`));
  io.stdout.write(await format(run.results, options, io));
  const errors = run.results.reduce((n, r) => n + r.errorCount, 0);
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

import { relative } from "node:path";
import type { CliOptions } from "./options.js";
import type { Io } from "./main.js";
import { exitCodeFor } from "./exit-code.js";
import { readInput, type InputFile } from "../lint/inputs.js";
import { lintProject, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import type { CreateFileFix } from "../lint/rule.js";
import { latin1, MAX_PASSES, outside, planFix, type FixPlan } from "../fix/plan.js";
import { createFile, replaceFile } from "../fix/writer.js";
import { printedLine } from "../format/escape.js";
import { unifiedDiff } from "../format/unified-diff.js";

type Format = (results: LintResult[], options: CliOptions, io: Io) => Promise<string>;

/**
 * Where the fix's own lines go: beside a document that tools parse (json, sarif), standard error
 * keeps that document whole. Standard error takes one line per write.
 */
function notes(options: CliOptions, io: Io): Io["stderr"] {
  if (options.format !== "json" && options.format !== "sarif") return io.stdout;
  return { write: (s: string) => s.split(/(?<=\n)/).forEach((line) => io.stderr.write(line)) };
}

const describe = (fix: CreateFileFix): string => `${fix.path} (${JSON.stringify(fix.text.trimEnd())})`;

/** --check: what the whole fix would write, and exit 1 when it would write anything. */
function reportCheck(plan: FixPlan, out: Io["stderr"]): number {
  for (const fix of plan.creates) out.write(printedLine(`would write ${describe(fix)}`));
  for (const { path } of plan.edits) out.write(printedLine(`would edit ${path}`));
  const work = plan.creates.length + plan.edits.length;
  if (work === 0) out.write("nothing to fix\n");
  return work > 0 ? 1 : 0;
}

/** The names a diff gives a file: a/ and b/ and its path from the working directory, or its absolute path when it is outside. */
function diffNames(path: string, cwd: string): { old: string; new: string } {
  if (outside(cwd, path)) return { old: path, new: path };
  const rel = relative(cwd, path);
  return { old: `a/${rel}`, new: `b/${rel}` };
}

/** --dry-run: a diff of each config the fix edits and of each file it creates, then what remains, with lint's exit code. */
async function showDryRun(plan: FixPlan, options: CliOptions, io: Io, format: Format): Promise<number> {
  const out = notes(options, io);
  for (const { path, before, after } of plan.edits) {
    const names = diffNames(path, io.cwd);
    out.write(unifiedDiff(names.old, names.new, before, after));
  }
  for (const fix of plan.creates) out.write(unifiedDiff("/dev/null", diffNames(fix.path, io.cwd).new, "", fix.text));
  if (plan.creates.length + plan.edits.length === 0) out.write("nothing to fix\n");
  io.stdout.write(await format(plan.results, options, io));
  return exitCodeFor(plan.results, options);
}

/** Hands the plan to the writer, once: each file to create, then each edited config. Whether all of it was written. */
function writePlan(plan: FixPlan, io: Io, out: Io["stderr"]): boolean {
  let written = true;
  const fail = (path: string, reason: string | undefined): void => {
    written = false;
    io.stderr.write(`zkcfg: did not write ${path}: ${reason ?? "unknown reason"}\n`);
  };
  for (const fix of plan.creates) {
    const outcome = createFile(fix);
    if (outcome.written) out.write(printedLine(`wrote ${describe(fix)}`));
    else if (!outcome.unchanged) fail(fix.path, outcome.reason);
  }
  const edited: string[] = [];
  for (const { path, before, after } of plan.edits) {
    // Written only if the config still holds the text the plan started from.
    const outcome = replaceFile(path, latin1(before), latin1(after));
    if (outcome.written) edited.push(path);
    else fail(path, outcome.reason);
  }
  for (const path of edited) out.write(printedLine(`edited ${path}`));
  return written;
}

/** Lints the configs as they are on disk now. */
function lintAgain(files: InputFile[], project: ProjectOptions): LintResult[] {
  project.fs.refresh?.();
  const inputs = files.map((input) => {
    const again = readInput(input.path, input.name, project.fs);
    return "bytes" in again ? again : input;
  });
  return lintProject(inputs, project).results;
}

export async function runFix(files: InputFile[], project: ProjectOptions, options: CliOptions, io: Io, format: Format): Promise<number> {
  const plan = planFix(files, project, { cwd: project.cwd, createDataDir: options.createDataDir === true });
  // Said before anything is written: the lint output after the run still reports the missing myid.
  const out = notes(options, io);
  for (const { path, reason } of plan.refused) out.write(printedLine(`not writing ${path}: ${reason}`));
  if (!plan.settled) io.stderr.write(`zkcfg: stopped after ${MAX_PASSES} passes; some fixes are left\n`);
  if (options.check) return reportCheck(plan, out);
  if (options.dryRun) return showDryRun(plan, options, io, format);
  const written = writePlan(plan, io, out);
  // What remains is what the plan left, unless a write failed: then the disk tells.
  const results = written ? plan.results : lintAgain(files, project);
  io.stdout.write(await format(results, options, io));
  if (!written) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

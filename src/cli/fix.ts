import type { CliOptions } from "./options.js";
import type { Io } from "./main.js";
import type { InputFile } from "./inputs.js";
import { lintProject, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import type { CreateFileFix } from "../lint/rule.js";
import { createFile } from "../fix/writer.js";
import { compareStrings } from "../model/order.js";

/** The files a run would create, once each, in a stable order. */
export function planFixes(results: LintResult[]): CreateFileFix[] {
  const byPath = new Map<string, CreateFileFix>();
  for (const r of results) for (const m of r.messages) if (m.fix && !byPath.has(m.fix.path)) byPath.set(m.fix.path, m.fix);
  return [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
}

const describe = (fix: CreateFileFix): string => `${fix.path} (${JSON.stringify(fix.text.trimEnd())})`;

export async function runFix(
  files: InputFile[],
  project: ProjectOptions,
  options: CliOptions,
  io: Io,
  format: (results: LintResult[], options: CliOptions, io: Io) => Promise<string>,
): Promise<number> {
  const before = lintProject(files, project);
  const plan = planFixes(before.results);
  if (options.check || options.dryRun) {
    for (const fix of plan) io.stdout.write(`would write ${describe(fix)}\n`);
    if (plan.length === 0) io.stdout.write("nothing to fix\n");
    if (options.check) return plan.length > 0 ? 1 : 0;
    io.stdout.write(await format(before.results, options, io));
    return 0;
  }
  let failed = false;
  for (const fix of plan) {
    const outcome = createFile(fix);
    if (outcome.written) io.stdout.write(`wrote ${describe(fix)}\n`);
    else {
      failed = true;
      io.stderr.write(`zkcfg: did not write ${fix.path}: ${outcome.reason ?? "unknown reason"}\n`);
    }
  }
  const after = lintProject(files, project);
  io.stdout.write(await format(after.results, options, io));
  const errors = after.results.reduce((n, r) => n + r.errorCount, 0);
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

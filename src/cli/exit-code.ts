import type { LintResult } from "../lint/diagnostic.js";
import type { CliOptions } from "./options.js";

/** Exit code for a set of results (DESIGN.md): 1 on errors or too many warnings. */
export function exitCodeFor(results: LintResult[], options: CliOptions): 0 | 1 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (!options.quiet && options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

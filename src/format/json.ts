import type { LintResult } from "../lint/diagnostic.js";

/** ESLint's JSON result shape; bigints (server ids) print as numbers. */
export function formatJson(results: LintResult[], quiet: boolean): string {
  const shown = quiet
    ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), notes: [], warningCount: 0, fixableWarningCount: 0 }))
    : results;
  return JSON.stringify(shown, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value)) + "\n";
}

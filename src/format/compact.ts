import type { LintResult } from "../lint/diagnostic.js";

/** One line per message, `file:line:col: severity message [rule]`, for editors and grep. */
export function formatCompact(results: readonly LintResult[]): string {
  let out = "";
  for (const r of results) {
    for (const m of r.messages) out += `${r.filePath}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"} ${m.message} [${m.ruleId}]\n`;
    for (const n of r.notes) out += `${r.filePath}:${n.line}:${n.column}: note ${n.message} [${n.ruleId}]\n`;
  }
  return out;
}

import type { LintResult } from "../lint/diagnostic.js";
import { escapeControls, escapeLeadingPath } from "./escape.js";

/** One line per message, `file:line:col: severity message [rule]`, for editors and grep. */
export function formatCompact(results: readonly LintResult[]): string {
  let out = "";
  for (const r of results) {
    const file = escapeLeadingPath(r.filePath);
    for (const m of r.messages) out += `${file}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"} ${escapeControls(m.message)} [${m.ruleId}]\n`;
    for (const n of r.notes) out += `${file}:${n.line}:${n.column}: note ${escapeControls(n.message)} [${n.ruleId}]\n`;
  }
  return out;
}

import type { ConfigFile } from "../model/config-file.js";
import { compareStrings } from "../model/order.js";
import type { Workspace } from "../model/ensemble.js";
import { interpolate, type Diagnostic, type LintResult, type Note } from "./diagnostic.js";
import type { Rule, RuleContext } from "./rule.js";

export type SeveritySetting = "off" | "warn" | "error";

export interface EngineOptions {
  rules: readonly Rule[];
  /** Per-rule overrides: "off" drops the rule, "warn"/"error" set every message of it. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
}

/** Runs every enabled rule over the workspace and returns one result per reported (non-context) file. */
export function runRules(workspace: Workspace, context: Omit<RuleContext, "workspace">, options: EngineOptions): LintResult[] {
  const byFile = new Map<ConfigFile, { messages: Diagnostic[]; notes: Note[] }>();
  for (const file of workspace.files) if (!file.context) byFile.set(file, { messages: [], notes: [] });
  const frozen: RuleContext = Object.freeze({ ...context, workspace });
  for (const rule of options.rules) {
    const setting = options.severities?.[rule.id];
    if (setting === "off") continue;
    for (const report of rule.check(frozen)) {
      const target = byFile.get(report.file);
      if (!target) continue;
      const meta = rule.meta.messages[report.messageId];
      if (!meta) throw new Error(`rule ${rule.id} reported unknown message "${report.messageId}"`);
      const source = report.file.document.source;
      const start = source.positionAt(report.range.start);
      const message = interpolate(meta.text, report.data);
      if (meta.severity === "info") {
        target.notes.push({ ruleId: rule.id, message, line: start.line, column: start.column });
        continue;
      }
      const end = source.positionAt(Math.max(report.range.end, report.range.start));
      const level = setting ?? meta.severity;
      const diagnostic: Diagnostic = {
        ruleId: rule.id,
        severity: level === "error" ? 2 : 1,
        impact: meta.impact,
        messageId: report.messageId,
        message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
      if (report.fix) diagnostic.fix = report.fix;
      target.messages.push(diagnostic);
    }
  }
  const results: LintResult[] = [];
  for (const [file, { messages, notes }] of byFile) {
    messages.sort(compare);
    const unique = messages.filter(
      (m, i) => i === 0 || compare(m, messages[i - 1] as Diagnostic) !== 0 || m.message !== messages[i - 1]?.message,
    );
    const errors = unique.filter((m) => m.severity === 2);
    const warnings = unique.filter((m) => m.severity === 1);
    results.push({
      filePath: file.name,
      messages: unique,
      notes,
      errorCount: errors.length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((m) => m.fix).length,
      fixableWarningCount: warnings.filter((m) => m.fix).length,
    });
  }
  return results.sort((a, b) => compareStrings(a.filePath, b.filePath));
}

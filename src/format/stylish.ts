import type { LintResult } from "../lint/diagnostic.js";
import { escapeControls, escapeLeadingPath } from "./escape.js";
import type { FormatContext } from "./index.js";

/**
 * Messages longer than this neither get padded nor widen the message column: one long message
 * (a value quoted whole) would otherwise pad every other row of its file to its length.
 */
const MAX_ALIGNED = 1000;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

interface Row {
  line: number;
  column: number;
  type: "error" | "warning" | "note";
  text: string;
  ruleId: string;
}

/**
 * ESLint's stylish layout: per file, rows of `line:column  type  message  rule`, the line numbers
 * right-aligned and the other columns padded to their widest cell; then a summary.
 */
export function formatStylish(results: readonly LintResult[], { colors: c }: Pick<FormatContext, "colors">): string {
  let out = "";
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const r of results) {
    if (r.messages.length === 0 && r.notes.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixableErrors += r.fixableErrorCount;
    fixableWarnings += r.fixableWarningCount;
    const rows: Row[] = [
      ...r.messages.map((m) => ({
        line: m.line,
        column: m.column,
        type: m.severity === 2 ? ("error" as const) : ("warning" as const),
        text: escapeControls(m.message),
        ruleId: m.ruleId,
      })),
      ...r.notes.map((n) => ({ line: n.line, column: n.column, type: "note" as const, text: escapeControls(n.message), ruleId: n.ruleId })),
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    // A reduce, not Math.max(...rows): a file can have more rows than a call has room for arguments.
    const width = (cell: (row: Row) => string): number => rows.reduce((w, row) => Math.max(w, cell(row).length), 0);
    const lineWidth = width((row) => String(row.line));
    const columnWidth = width((row) => String(row.column));
    const typeWidth = width((row) => row.type);
    const textWidth = width((row) => (row.text.length <= MAX_ALIGNED ? row.text : ""));
    const paint = { error: c.red, warning: c.yellow, note: c.blue };
    out += `\n${c.underline(escapeLeadingPath(r.filePath))}\n`;
    for (const row of rows) {
      const at = `${String(row.line).padStart(lineWidth)}:${String(row.column).padEnd(columnWidth)}`;
      out += `  ${c.dim(at)}  ${paint[row.type](row.type.padEnd(typeWidth))}  ${row.text.padEnd(textWidth)}  ${c.dim(row.ruleId)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return out;
  const summary = errors > 0 ? (s: string) => c.red(c.bold(s)) : (s: string) => c.yellow(c.bold(s));
  out += `\n${summary(`✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += `${summary(`  ${plural(fixableErrors, "error")} and ${plural(fixableWarnings, "warning")} potentially fixable with \`zkcfg fix\`.`)}\n`;
  }
  return out;
}

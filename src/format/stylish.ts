import type { LintResult } from "../lint/diagnostic.js";
import type { Colors } from "./colors.js";

export interface FormatOptions {
  colors: Colors;
  quiet: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** ESLint's stylish layout: a block per file, then a summary. */
export function formatStylish(results: LintResult[], { colors: c, quiet }: FormatOptions): string {
  let out = "";
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    const messages = quiet ? r.messages.filter((m) => m.severity === 2) : r.messages;
    const notes = quiet ? [] : r.notes;
    if (messages.length === 0 && notes.length === 0) continue;
    errors += r.errorCount;
    warnings += quiet ? 0 : r.warningCount;
    fixable += r.fixableErrorCount + (quiet ? 0 : r.fixableWarningCount);
    out += `\n${c.underline(r.filePath)}\n`;
    const rows = [
      ...messages.map((m) => ({ at: `${m.line}:${m.column}`, level: m.severity === 2 ? c.red("error") : c.yellow("warning"), width: m.severity === 2 ? 5 : 7, text: m.message, id: m.ruleId })),
      ...notes.map((n) => ({ at: `${n.line}:${n.column}`, level: c.blue("note"), width: 4, text: n.message, id: n.ruleId })),
    ];
    const atWidth = Math.max(...rows.map((row) => row.at.length));
    for (const row of rows) {
      out += `  ${c.dim(row.at.padEnd(atWidth))}  ${row.level}${" ".repeat(7 - row.width)}  ${row.text}  ${c.dim(row.id)}\n`;
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const mark = errors > 0 ? c.red(c.bold("✖")) : c.yellow(c.bold("⚠"));
    out += `\n${mark} ${c.bold(`${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`)}\n`;
    if (fixable > 0) out += `  ${plural(fixable, "problem")} fixable with \`zkcfg fix\`.\n`;
  }
  return out;
}

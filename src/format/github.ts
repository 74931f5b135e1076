import { sep } from "node:path";
import type { LintResult } from "../lint/diagnostic.js";
import { escapeControls } from "./escape.js";

// GitHub Actions workflow commands: the message ("data") escapes %, CR and LF, which the runner
// turns back into line breaks inside the annotation; the other control characters are shown
// escaped, as everywhere. Property values escape ":" and "," as well, since those delimit the properties.
const escapeData = (s: string): string => escapeControls(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(name: "error" | "warning" | "notice", properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${name} ${props}::${escapeData(message)}\n`;
}

/** One annotation per message (errors, warnings) and note (notices), at its file, line and column. */
export function formatGithub(results: readonly LintResult[]): string {
  let out = "";
  for (const r of results) {
    const file = r.filePath.split(sep).join("/");
    for (const m of r.messages) {
      const at = { file, line: m.line, col: m.column, endLine: m.endLine, endColumn: m.endColumn, title: m.ruleId };
      out += command(m.severity === 2 ? "error" : "warning", at, m.message);
    }
    for (const n of r.notes) out += command("notice", { file, line: n.line, col: n.column, title: n.ruleId }, n.message);
  }
  return out;
}

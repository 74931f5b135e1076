import type { EditFix, Fix, Impact } from "./rule.js";

export interface Diagnostic {
  ruleId: string;
  /** 1 warning, 2 error (ESLint's numbers). */
  severity: 1 | 2;
  impact: Impact;
  messageId: string;
  message: string;
  /** The values the message's placeholders were filled with. */
  data?: Record<string, string | number | bigint>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  /** Edits the user may apply; `zkcfg fix` never does (ESLint's suggestions). */
  suggestions?: { messageId: string; desc: string; fix: EditFix }[];
}

/** Something zkcfg wants the user to know that is not a problem in the config. */
export interface Note {
  ruleId: string;
  message: string;
  line: number;
  column: number;
}

/** ESLint's result shape, plus notes. */
export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  notes: Note[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible so tests catch it. */
export function interpolate(template: string, data: Record<string, string | number | bigint> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

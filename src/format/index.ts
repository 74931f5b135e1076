import type { LintResult } from "../lint/diagnostic.js";
import type { Impact } from "../lint/rule.js";
import type { Colors } from "./colors.js";

export const FORMAT_NAMES = ["stylish", "json", "compact", "sarif", "github"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** How a message is shown: an error, a warning, or a note (never counted as a problem). */
export type ReportedSeverity = "error" | "warning" | "note";

/** What a formatter may know about a rule (ESLint's rulesMeta). */
export interface RuleInfo {
  id: string;
  description: string;
  /** The distinct impacts of the rule's messages, in the order its meta lists them. */
  impacts: Impact[];
  /** The severities the rule's messages report, most severe first: each message has its own. */
  severities: ReportedSeverity[];
  fixable: boolean;
  docsUrl: string;
  /** The rule doc's "Why" section and the whole doc (Markdown), when the doc is installed. */
  why?: string;
  doc?: string;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

export interface FormatContext {
  /** Result paths are relative to this directory. */
  cwd: string;
  colors: Colors;
  tool: ToolInfo;
  rules: ReadonlyMap<string, RuleInfo>;
}

/** Formatters are pure: results and context in, the text to print out. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;

/** Loads one formatter on demand, so a run pays only for the format it prints. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "compact":
      return (await import("./compact.js")).formatCompact;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "github":
      return (await import("./github.js")).formatGithub;
  }
}

/** --quiet: the errors alone, with counts to match. */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), notes: [], warningCount: 0, fixableWarningCount: 0 }));
}

/** The RuleInfo a formatter needs for a result's rule id; the CLI describes every id it can emit. */
export function ruleInfo(context: FormatContext, id: string): RuleInfo {
  const info = context.rules.get(id);
  if (!info) throw new Error(`no description of rule "${id}" was given to the formatter`);
  return info;
}

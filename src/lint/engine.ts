import type { ConfigFile } from "../model/config-file.js";
import { compareStrings } from "../model/order.js";
import type { Workspace } from "../model/ensemble.js";
import { interpolate, type Diagnostic, type LintResult, type Note } from "./diagnostic.js";
import { applyDirectives, UNUSED_DISABLE, unusedDisableMeta } from "./directives.js";
import { placed } from "./placed.js";
import { severityOf, type MessageMeta, type Report, type Rule, type RuleContext } from "./rule.js";

export type SeveritySetting = "off" | "warn" | "error";

export interface EngineOptions {
  rules: readonly Rule[];
  /** Per-rule overrides for each file (its settings): "off" drops the rule, "warn"/"error" set every message of it. */
  severities?: (file: ConfigFile) => Readonly<Record<string, SeveritySetting>> | undefined;
  /** Every rule id zkcfg has, for telling a disable comment's unknown rule from one that is not run (default: `rules`). */
  knownRuleIds?: readonly string[];
}

function compare(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
}

/**
 * The longest text a placeholder shows. Messages may quote another line's value, one message per
 * line that relates to it (each duplicate of a key quotes the value that wins): whole, a long
 * value would make the output grow with the lines times the value's length.
 */
const MAX_DATUM = 1000;

type Data = Record<string, string | number | bigint>;

function capped(data: Data | undefined): Data | undefined {
  let out = data;
  for (const [key, value] of Object.entries(data ?? {})) {
    if (typeof value !== "string" || value.length <= MAX_DATUM) continue;
    if (out === data) out = { ...data };
    (out as Data)[key] = `${value.slice(0, MAX_DATUM)}…`;
  }
  return out;
}

/** Turns a report into a diagnostic (or a note, for an "info" message) of its file. */
function place(
  target: { messages: Diagnostic[]; notes: Note[] },
  ruleId: string,
  messages: Readonly<Record<string, MessageMeta>>,
  reported: Report<string>,
  setting: SeveritySetting | undefined,
  suggestions?: Readonly<Record<string, string>>,
): void {
  // A report about a line of the dynamic file takes its twin's id, which names the line.
  const report = placed(messages, reported);
  const meta = messages[report.messageId];
  if (!meta) throw new Error(`rule ${ruleId} reported unknown message "${report.messageId}"`);
  const source = report.file.document.source;
  const start = source.positionAt(report.range.start);
  const data = capped(report.data);
  const message = interpolate(meta.text, data);
  const severity = severityOf(meta);
  if (severity === "info") {
    target.notes.push({ ruleId, message, line: start.line, column: start.column });
    return;
  }
  const end = source.positionAt(Math.max(report.range.end, report.range.start));
  const level = setting ?? severity;
  const diagnostic: Diagnostic = {
    ruleId,
    severity: level === "error" ? 2 : 1,
    impact: meta.impact,
    messageId: report.messageId,
    message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (data) diagnostic.data = data;
  if (report.fix) diagnostic.fix = report.fix;
  if (report.suggestions?.length) {
    diagnostic.suggestions = report.suggestions.map((s) => {
      const template = suggestions?.[s.messageId];
      if (template === undefined) throw new Error(`rule ${ruleId} suggested with unknown message "${s.messageId}"`);
      return { messageId: s.messageId, desc: interpolate(template, capped(s.data)), fix: s.fix };
    });
  }
  target.messages.push(diagnostic);
}

type Severities = Readonly<Record<string, SeveritySetting>> | undefined;

/** What a reported file collects, with its settings' severities (looked up once per file). */
interface Target {
  messages: Diagnostic[];
  notes: Note[];
  severities: Severities;
}

/** True when the rule is off in every one of the settings (and so when there are none). */
function offEverywhere(settings: ReadonlySet<Severities>, ruleId: string): boolean {
  for (const severities of settings) if (severities?.[ruleId] !== "off") return false;
  return true;
}

/** Runs every enabled rule over the workspace and returns one result per reported (non-context) file. */
export function runRules(workspace: Workspace, context: Omit<RuleContext, "workspace">, options: EngineOptions): LintResult[] {
  const byFile = new Map<ConfigFile, Target>();
  for (const file of workspace.files) if (!file.context) byFile.set(file, { messages: [], notes: [], severities: options.severities?.(file) });
  // Files share settings: whether a rule is off everywhere is asked of each distinct one, not of each file.
  const settings = new Set<Severities>();
  for (const target of byFile.values()) settings.add(target.severities);
  const frozen: RuleContext = Object.freeze({ ...context, workspace });
  for (const rule of options.rules) {
    if (offEverywhere(settings, rule.id)) continue;
    for (const report of rule.check(frozen)) {
      const target = byFile.get(report.file);
      if (!target) continue;
      const setting = target.severities?.[rule.id];
      if (setting === "off") continue;
      place(target, rule.id, rule.meta.messages, report, setting, rule.meta.suggestions);
    }
  }
  // Disable comments act on what the rules reported, so they run last; their own problems are reported as UNUSED_DISABLE.
  const known = new Set(options.knownRuleIds ?? options.rules.map((r) => r.id));
  const messageIds = new Map(options.rules.map((r) => [r.id, Object.keys(r.meta.messages)]));
  const ranBySettings = new Map<Severities, ReadonlySet<string>>();
  for (const [file, target] of byFile) {
    const { severities } = target;
    let ran = ranBySettings.get(severities);
    if (!ran) {
      ran = new Set(options.rules.filter((r) => severities?.[r.id] !== "off").map((r) => r.id));
      ranBySettings.set(severities, ran);
    }
    const directiveSetting = severities?.[UNUSED_DISABLE];
    const kept = applyDirectives(file.document, target.messages, target.notes, { known, ran, messageIds });
    target.messages = kept.messages;
    target.notes = kept.notes;
    if (directiveSetting === "off") continue;
    for (const report of kept.reports) place(target, UNUSED_DISABLE, unusedDisableMeta.messages, { ...report, file }, directiveSetting);
  }
  const results: LintResult[] = [];
  for (const [file, { messages, notes }] of byFile) results.push(result(file, messages, notes));
  return results.sort((a, b) => compareStrings(a.filePath, b.filePath));
}

/** A file's result: its messages in order, without repeats, and counted. */
function result(file: ConfigFile, messages: Diagnostic[], notes: Note[]): LintResult {
  messages.sort(compare);
  // Most files have no message, or one: nothing to drop.
  const unique =
    messages.length < 2
      ? messages
      : messages.filter((m, i) => i === 0 || compare(m, messages[i - 1] as Diagnostic) !== 0 || m.message !== messages[i - 1]?.message);
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of unique) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
    } else if (m.severity === 1) {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath: file.name, messages: unique, notes, errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}

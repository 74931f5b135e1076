import type { LintResult } from "../lint/diagnostic.js";
import { escapeControls } from "./escape.js";
import { ruleInfo, type FormatContext } from "./index.js";

/** ESLint's JSON result shape, each message and note with the URL of its rule's doc; bigints print as numbers. */
export function formatJson(results: readonly LintResult[], context: FormatContext): string {
  const withDocs = results.map((r) => ({
    ...r,
    messages: r.messages.map((m) => ({ ...m, docsUrl: ruleInfo(context, m.ruleId).docsUrl })),
    notes: r.notes.map((n) => ({ ...n, docsUrl: ruleInfo(context, n.ruleId).docsUrl })),
  }));
  // JSON.stringify escapes C0 only: DEL, C1 and the separators are escaped too, still valid JSON.
  return escapeControls(JSON.stringify(withDocs, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value))) + "\n";
}

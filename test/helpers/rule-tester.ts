import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/fix/apply.js";
import { fixesOf, planFix } from "../../src/fix/plan.js";
import type { LintResult } from "../../src/lint/diagnostic.js";
import type { Rule } from "../../src/lint/rule.js";
import { lintTree, treeProject, type TreeOptions } from "./workspace.js";

export interface ExpectedError {
  messageId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rendered message. */
  message: string;
  /** The file the fix creates and its content; required exactly when the fix creates one. */
  creates?: { path: string; text: string };
  /** Each suggestion's description and the reported file's text after it; required when the message has suggestions. */
  suggestions?: { desc: string; output: string }[];
}

/** A note ("info" message): shown to the user, never counted as a problem. */
export interface ExpectedNote {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ValidCase extends Omit<TreeOptions, "rules"> {
  name: string;
  /** The rule's notes; required exactly when it notes something. */
  notes?: ExpectedNote[];
  /** Lint without a root: the tree is a checkout, not the file system of the configs' machine. */
  checkout?: true;
}

/** A case's tree is the file system of its configs' machine (--root /), unless it names its own root or is a checkout. */
const asLinted = (c: ValidCase): TreeOptions => (c.checkout || c.root !== undefined ? c : { ...c, root: "/" });

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The files the rule's edits change, as `zkcfg fix` leaves them; required exactly when it edits. */
  output?: Record<string, string>;
}

/** "file messageId" of each message, for counting what a lint reports. */
const keysOf = (results: LintResult[], which: (fixable: boolean) => boolean): string[] =>
  results.flatMap((r) => r.messages.filter((m) => which(m.fix !== undefined)).map((m) => `/${r.filePath} ${m.messageId}`));

const countOf = (keys: string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

/**
 * Runs the rule's fixes as `zkcfg fix` plans them (edits, and files it creates, pass after pass):
 * the configs that changed, whether the fixes settled (the fixed tree offers no fix but the files
 * already created), and what linting the fixed tree reports.
 */
function fixTree(c: InvalidCase, rule: Rule): { output: Record<string, string>; converged: boolean; after: LintResult[] } {
  const { inputs, project } = treeProject({ ...asLinted(c), rules: [rule] });
  const plan = planFix(inputs, project);
  const left = fixesOf(plan.results);
  const created = new Set(plan.creates.map((fix) => fix.path));
  const converged = plan.settled && left.edits.length === 0 && left.creates.every((fix) => created.has(fix.path));
  const output = Object.fromEntries(plan.edits.filter((e) => e.path in c.files).map((e) => [e.path, e.after]));
  return { output, converged, after: plan.results };
}

/** The `{{name}}` placeholders of a message template. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);

function notesOf(results: LintResult[]): ExpectedNote[] {
  return results.flatMap((r) => r.notes.map((n) => ({ file: "/" + r.filePath, line: n.line, column: n.column, message: n.message })));
}

/** Checks one valid case: the rule reports nothing, and notes exactly what the case expects. Throws on a mismatch. */
export function checkValid(rule: Rule, c: ValidCase): void {
  const { results } = lintTree({ ...asLinted(c), rules: [rule] });
  expect(results.flatMap((r) => r.messages)).toEqual([]);
  expect(notesOf(results), "notes").toEqual(c.notes ?? []);
}

/** Checks one invalid case field by field, then fixes the tree and lints it again. Throws on a mismatch. */
export function checkInvalid(rule: Rule, c: InvalidCase): void {
  const { results } = lintTree({ ...asLinted(c), rules: [rule] });
  const actual = results.flatMap((r) =>
    r.messages.map((m) => ({
      messageId: m.messageId,
      file: "/" + r.filePath,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
      ...(m.fix?.kind === "create" ? { creates: { path: m.fix.path, text: m.fix.text } } : {}),
      ...(m.suggestions ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, output: applyEdits(c.files[s.fix.path] ?? "", [s.fix]) })) } : {}),
    })),
  );
  for (const m of results.flatMap((r) => r.messages)) {
    expect(m.message).not.toMatch(/\{\{/);
    expect(Object.keys(rule.meta.messages)).toContain(m.messageId);
    for (const name of placeholders(rule.meta.messages[m.messageId]!.text)) {
      const value = m.data?.[name];
      expect(typeof value, `${m.messageId}: data.${name}`).toMatch(/^(string|number|bigint)$/);
      expect(Number.isNaN(value), `${m.messageId}: data.${name} is a number`).toBe(false);
    }
    if (m.fix?.kind === "create") expect(rule.meta.fixable).toBe(true);
    for (const s of m.suggestions ?? []) expect(s.desc).not.toMatch(/\{\{/);
  }
  expect(actual).toEqual(c.errors);
  expect(notesOf(results), "notes").toEqual(c.notes ?? []);
  const edits = results.some((r) => r.messages.some((m) => m.fix?.kind === "edit"));
  if (edits) expect(rule.meta.fixable).toBe(true);
  const fixed = fixTree(c, rule);
  expect(fixed.converged, "fixes settle within 10 passes").toBe(true);
  if (edits) expect(fixed.output, "output after zkcfg fix").toEqual(c.output);
  else expect(c.output, "output is given only when the rule edits").toBeUndefined();
  // Linting the fixed tree again reports none of the problems the fixes were for.
  const before = countOf(keysOf(results, () => true));
  const fixable = countOf(keysOf(results, (f) => f));
  const after = countOf(keysOf(fixed.after, () => true));
  for (const [key, n] of fixable) expect(after.get(key) ?? 0, `${key} after zkcfg fix`).toBeLessThanOrEqual(before.get(key)! - n);
}

/** ESLint's RuleTester idea for zkcfg: each case is a small file tree linted with one rule. */
export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  it("has unique case names", () => expect(new Set(names).size).toBe(names.length));
  describe(`${rule.id}: valid`, () => {
    for (const c of cases.valid) it(c.name, () => checkValid(rule, c));
  });
  describe(`${rule.id}: invalid`, () => {
    for (const c of cases.invalid) it(c.name, () => checkInvalid(rule, c));
  });
}

import { describe, expect, it } from "vitest";
import { planFixes } from "../../src/cli/fix.js";
import { applyEdits } from "../../src/fix/apply.js";
import type { Rule } from "../../src/lint/rule.js";
import { lintTree, type TreeOptions } from "./workspace.js";

export interface ExpectedError {
  messageId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rendered message, when the case wants to pin the wording. */
  message?: string;
  /** The file the fix creates and its content. */
  creates?: { path: string; text: string };
  /** Each suggestion's description and the reported file's text after it; required when the message has suggestions. */
  suggestions?: { desc: string; output: string }[];
}

export interface ValidCase extends Omit<TreeOptions, "rules"> {
  name: string;
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

const MAX_PASSES = 10;

/** Applies the rule's edits pass after pass, as `zkcfg fix` does: the files that changed, and whether the edits settled. */
function fixTree(c: InvalidCase, rule: Rule): { output: Record<string, string>; converged: boolean } {
  const files = { ...c.files };
  for (let pass = 0; pass <= MAX_PASSES; pass++) {
    const { results, workspace } = lintTree({ ...asLinted(c), files, rules: [rule] });
    const { edits } = planFixes(results);
    if (edits.length === 0) {
      const output = Object.fromEntries(Object.entries(files).filter(([path, text]) => c.files[path] !== text));
      return { output, converged: true };
    }
    for (const { path, edits: forFile } of edits) {
      const text = workspace.files.find((f) => f.path === path)?.document.source.text ?? "";
      files[path] = applyEdits(text, forFile);
    }
  }
  return { output: {}, converged: false };
}

/** ESLint's RuleTester idea for zkcfg: each case is a small file tree linted with one rule. */
export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  it("has unique case names", () => expect(new Set(names).size).toBe(names.length));
  describe(`${rule.id}: valid`, () => {
    for (const c of cases.valid) {
      it(c.name, () => {
        const { results } = lintTree({ ...asLinted(c), rules: [rule] });
        expect(results.flatMap((r) => r.messages)).toEqual([]);
      });
    }
  });
  describe(`${rule.id}: invalid`, () => {
    for (const c of cases.invalid) {
      it(c.name, () => {
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
            ...(m.suggestions
              ? { suggestions: m.suggestions.map((s) => ({ desc: s.desc, output: applyEdits(c.files[s.fix.path] ?? "", [s.fix]) })) }
              : {}),
          })),
        );
        for (const m of actual) {
          expect(m.message).not.toMatch(/\{\{/);
          expect(Object.keys(rule.meta.messages)).toContain(m.messageId);
          if (m.creates) expect(rule.meta.fixable).toBe(true);
          for (const s of m.suggestions ?? []) expect(s.desc).not.toMatch(/\{\{/);
        }
        const expected = c.errors.map((e) => {
          const got = actual.find((a) => a.messageId === e.messageId && a.file === e.file && a.line === e.line && a.column === e.column);
          return { ...e, message: e.message ?? got?.message, ...(e.creates || !got?.creates ? {} : { creates: got.creates }) };
        });
        expect(actual).toEqual(expected);
        const edits = results.some((r) => r.messages.some((m) => m.fix?.kind === "edit"));
        if (edits) expect(rule.meta.fixable).toBe(true);
        const fixed = fixTree(c, rule);
        expect(fixed.converged, "edits settle within 10 passes").toBe(true);
        if (edits) expect(fixed.output, "output after zkcfg fix").toEqual(c.output);
        else expect(c.output, "output is given only when the rule edits").toBeUndefined();
      });
    }
  });
}

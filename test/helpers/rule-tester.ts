import { describe, expect, it } from "vitest";
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
}

export interface ValidCase extends Omit<TreeOptions, "rules"> {
  name: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

/** ESLint's RuleTester idea for zkcfg: each case is a small file tree linted with one rule. */
export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  it("has unique case names", () => expect(new Set(names).size).toBe(names.length));
  describe(`${rule.id}: valid`, () => {
    for (const c of cases.valid) {
      it(c.name, () => {
        const { results } = lintTree({ ...c, rules: [rule] });
        expect(results.flatMap((r) => r.messages)).toEqual([]);
      });
    }
  });
  describe(`${rule.id}: invalid`, () => {
    for (const c of cases.invalid) {
      it(c.name, () => {
        const { results } = lintTree({ ...c, rules: [rule] });
        const actual = results.flatMap((r) =>
          r.messages.map((m) => ({
            messageId: m.messageId,
            file: "/" + r.filePath,
            line: m.line,
            column: m.column,
            endLine: m.endLine,
            endColumn: m.endColumn,
            message: m.message,
            ...(m.fix ? { creates: { path: m.fix.path, text: m.fix.text } } : {}),
          })),
        );
        for (const m of actual) {
          expect(m.message).not.toMatch(/\{\{/);
          expect(Object.keys(rule.meta.messages)).toContain(m.messageId);
          if (m.creates) expect(rule.meta.fixable).toBe(true);
        }
        const expected = c.errors.map((e) => {
          const got = actual.find((a) => a.messageId === e.messageId && a.file === e.file && a.line === e.line && a.column === e.column);
          return { ...e, message: e.message ?? got?.message, ...(e.creates || !got?.creates ? {} : { creates: got.creates }) };
        });
        expect(actual).toEqual(expected);
      });
    }
  });
}

// Every message a rule can report is asserted somewhere: by id in a test (the rule tester states
// each error's messageId), or by its wording in a fixture's .out file, a golden output or a test
// (notes carry no id; .out lines carry the text).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";

const ROOT = join(import.meta.dirname, "..", "..");

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((p) => join(dir, p))
    .filter(keep);
}

/** A message template as a pattern of its rendered text: each placeholder stands for any text. */
export function templatePattern(text: string): RegExp {
  const parts = text.split(/\{\{\s*\w+\s*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join(".+?"));
}

/** The message ids of `ruleId` that nothing in `tests` (path → text) asserts. */
export function unasserted(ruleId: string, messages: Record<string, { text: string }>, tests: Map<string, string>): string[] {
  const mentioning = [...tests].filter(([path, text]) => path.includes(ruleId) || text.includes(ruleId)).map(([, text]) => text);
  return Object.entries(messages)
    .filter(([id, { text }]) => {
      // `messageId: "id"`, or the id opening a string ("id/impact").
      const byId = new RegExp(`["']?messageId["']?: ?["']${id}["']|["'\`]${id}[/"'\`]`);
      const byText = templatePattern(text);
      return !mentioning.some((t) => byId.test(t) || byText.test(t));
    })
    .map(([id]) => id);
}

function readTests(): Map<string, string> {
  const paths = [
    ...filesUnder("test", (p) => /\.(ts|txt|json)$/.test(p) && !p.endsWith("message-ids.test.ts")),
    ...filesUnder("fixtures", (p) => p.endsWith(".out")),
  ];
  // Test sources escape quotes inside strings; the messages have them plain.
  return new Map(paths.map((p) => [p, readFileSync(join(ROOT, p), "utf8").replace(/\\(["'])/g, "$1")]));
}

describe("every message id is asserted somewhere", () => {
  const tests = readTests();
  for (const rule of rules) {
    it(rule.id, () => expect(unasserted(rule.id, rule.meta.messages, tests)).toEqual([]));
  }

  it("finds an id asserted nowhere", () => {
    const messages = { seen: { text: "seen {{n}} times" }, byText: { text: 'dataDir "{{d}}" is odd' }, never: { text: "never shown" } };
    const tests = new Map([
      ["test/rules/demo.test.ts", 'errors: [{ messageId: "seen", file: "/a.cfg" }]'],
      ["fixtures/demo/invalid/x.out", 'a.cfg:1:1: warning dataDir "/tmp" is odd [demo]'],
      ["test/rules/other.test.ts", 'errors: [{ messageId: "never" }]'],
    ]);
    expect(unasserted("demo", messages, tests)).toEqual(["never"]);
  });
});

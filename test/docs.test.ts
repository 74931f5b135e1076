// Checks every rules/<id>.md against its rule in rules/index.ts: the sections of the format
// (CONTRIBUTING.md, "The rule doc"), and that the examples are right: every config under
// "### Incorrect" gets a message from the rule, nothing under "### Correct" a message or a note.
// The generated parts (the head, the output of the Incorrect example) are checked in
// test/build/generated-docs.test.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { exampleParts, exampleTree, parseDoc, type Doc } from "../scripts/docs/rule-doc.js";
import { lintTree } from "./helpers/workspace.js";

const RULES_DIR = join(import.meta.dirname, "..", "rules");

const SECTIONS = ["Why", "Examples", "Fix", "Options", "When not to use it", "References"];
const EXAMPLES = ["Incorrect", "Correct"];

function sectionText(doc: Doc, title: string): string {
  const part = doc.parts.find((p) => p.level === 2 && p.title === title);
  return (part?.prose ?? []).join("\n").trim();
}

const docIds = readdirSync(RULES_DIR)
  .filter((n) => n.endsWith(".md"))
  .map((n) => n.slice(0, -".md".length))
  .sort();

describe("rule docs", () => {
  it("every rule has rules/<id>.md and every rules/*.md has a rule", () => {
    expect(docIds).toEqual(rules.map((r) => r.id).sort());
  });
});

for (const rule of rules) {
  describe(`rules/${rule.id}.md`, () => {
    const read = (): Doc => parseDoc(readFileSync(join(RULES_DIR, `${rule.id}.md`), "utf8"));

    it("has the known sections in order", () => {
      const doc = read();
      expect(doc.parts.filter((p) => p.level === 2).map((p) => p.title)).toEqual(SECTIONS);
      expect(exampleParts(doc).map((p) => p.title)).toEqual(EXAMPLES);
    });

    it("says what fix does and that there are no options", () => {
      const doc = read();
      const fix = sectionText(doc, "Fix");
      if (rule.meta.fixable) expect(fix).not.toContain("This rule has no automatic fix.");
      else expect(fix.startsWith("This rule has no automatic fix.")).toBe(true);
      expect(sectionText(doc, "Options")).toBe("This rule has no options.");
    });

    for (const title of EXAMPLES) {
      it(`${title} example ${title === "Incorrect" ? "is reported" : "is clean"}`, () => {
        const part = exampleParts(read()).find((p) => p.title === title);
        expect(part, `### ${title}`).toBeDefined();
        if (!part) return;
        const tree = exampleTree(part);
        expect(tree.configs.length, "configs (.cfg blocks) in the example").toBeGreaterThan(0);
        // An example's tree is the file system of its configs' machine (--root /).
        const { results } = lintTree({ files: tree.files, dirs: tree.dirs, rules: [rule], lint: tree.configs, root: "/" });
        const byPath = new Map(results.map((r) => [`/${r.filePath}`, r]));
        for (const path of tree.configs) {
          const result = byPath.get(path);
          const own = (result?.messages ?? []).filter((m) => m.ruleId === rule.id);
          if (title === "Incorrect") {
            expect(own.length, `diagnostics of ${rule.id} on ${path}`).toBeGreaterThan(0);
          } else {
            expect(result?.messages ?? [], `diagnostics on ${path}`).toEqual([]);
            expect(result?.notes ?? [], `notes on ${path}`).toEqual([]);
          }
        }
      });
    }
  });
}

// Walks fixtures/<rule>/{valid,invalid}/<case>/: each case folder is mounted as "/" of an in-memory
// file system, every *.cfg in it is linted with that rule alone, and the compact output must
// equal <case>.out beside the folder (valid cases: no message at all from the rule). A case whose
// .zkcfgrc.json sets a root is one machine's file system: it is linted with --root /.
// ZKCFG_UPDATE=1 writes the .out files from the current output.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { formatCompact } from "../src/format/compact.js";
import { expectFile, readExpected } from "./helpers/expected-file.js";
import { lintTree } from "./helpers/workspace.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

function readTree(dir: string): { files: Record<string, string>; dirs: string[] } {
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  const walk = (d: string): void => {
    const names = readdirSync(d);
    const rel = "/" + relative(dir, d);
    if (names.filter((n) => n !== ".gitkeep").length === 0) dirs.push(rel);
    for (const name of names) {
      const p = join(d, name);
      if (name === ".gitkeep") continue;
      if (statSync(p).isDirectory()) walk(p);
      else files["/" + relative(dir, p)] = readFileSync(p, "latin1");
    }
  };
  walk(dir);
  return { files, dirs };
}

function cases(ruleId: string, kind: "valid" | "invalid"): string[] {
  const dir = join(FIXTURES, ruleId, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory())
    .sort();
}

for (const rule of rules) {
  describe(`fixtures/${rule.id}`, () => {
    it("has at least one valid and one invalid case", () => {
      expect(cases(rule.id, "valid").length).toBeGreaterThan(0);
      expect(cases(rule.id, "invalid").length).toBeGreaterThan(0);
    });
    for (const kind of ["valid", "invalid"] as const) {
      for (const name of cases(rule.id, kind)) {
        it(`${kind}/${name}`, () => {
          const dir = join(FIXTURES, rule.id, kind, name);
          const tree = readTree(dir);
          const settings = tree.files["/.zkcfgrc.json"];
          const root = settings !== undefined && (JSON.parse(settings) as { root?: string }).root !== undefined ? { root: "/" } : {};
          const { results } = lintTree({ ...tree, ...root, rules: [rule] });
          const lines = formatCompact(results).split("\n").filter(Boolean);
          if (kind === "valid") {
            expect(lines.filter((l) => !/: note /.test(l))).toEqual([]);
          } else {
            // Notes count only where the .out lists them.
            const out = join(FIXTURES, rule.id, kind, `${name}.out`);
            const withNotes = /: note /.test(readExpected(out) ?? "");
            const shown = lines.filter((l) => withNotes || !/: note /.test(l));
            expectFile(out, shown.map((l) => l + "\n").join(""));
          }
        });
      }
    }
  });
}

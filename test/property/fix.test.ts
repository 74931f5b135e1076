// Fixing generated ensembles in memory, as `zkcfg fix` does on disk: every file a fix creates was
// absent, linting the fixed tree reports none of the fixed problems (and nothing new where they
// were), and a second pass has nothing left to do.
import { deepStrictEqual, ok } from "node:assert/strict";
import fc from "fast-check";
import { describe, it } from "vitest";
import type { Diagnostic, LintResult } from "../../src/lint/diagnostic.js";
import type { CreateFileFix } from "../../src/lint/rule.js";
import type { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { lintTree } from "../helpers/workspace.js";
import { SEED, tree, type TreeCase } from "./arbitraries.js";
import { RUNS, TIMEOUT } from "./runs.js";

interface Fixed {
  file: string;
  diagnostic: Diagnostic;
  fix: CreateFileFix;
}

function createFixes(results: LintResult[]): Fixed[] {
  return results.flatMap((r) =>
    r.messages.flatMap((m) => (m.fix?.kind === "create" ? [{ file: r.filePath, diagnostic: m, fix: m.fix }] : [])),
  );
}

/** Applies the create fixes to the memory file system as the writer would: never over anything. */
function apply(fixes: Fixed[], fs: MemoryFileSystem): void {
  const texts = new Map<string, string>();
  for (const { fix } of fixes) {
    const planned = texts.get(fix.path);
    ok(planned === undefined || planned === fix.text, `two fixes write ${fix.path} differently: ${JSON.stringify(planned)} and ${JSON.stringify(fix.text)}`);
    texts.set(fix.path, fix.text);
  }
  for (const [path, text] of texts) {
    ok(fs.kind(path) === undefined, `a fix creates ${path}, which exists`);
    ok(/^(0|[1-9]\d*)\n$/.test(text), `a myid fix writes ${JSON.stringify(text)}`);
    fs.write(path, text);
  }
}

function fixTwice(t: TreeCase): void {
  const first = lintTree(t);
  const fixes = createFixes(first.results);
  apply(fixes, first.fs);
  const second = lintTree({ ...t, fs: first.fs });
  const after = second.results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, m })));
  for (const { file, diagnostic } of fixes) {
    const left = after.filter(({ file: f, m }) => f === file && m.ruleId === diagnostic.ruleId && m.line === diagnostic.line && m.column === diagnostic.column);
    ok(left.length === 0, `${file}:${diagnostic.line}:${diagnostic.column} after fixing "${diagnostic.message}": ${left.map(({ m }) => m.message).join(" | ")}`);
  }
  deepStrictEqual(createFixes(second.results), [], "a second fix pass would still write");
  // Idempotent: linting the fixed tree again changes nothing.
  deepStrictEqual(lintTree({ ...t, fs: first.fs }).results, second.results);
}

describe("fix", () => {
  it(`fixes what it says, only that, and once, on ${RUNS.fixTrees} generated ensembles on disk`, () => {
    fc.assert(fc.property(tree, fixTwice), { numRuns: RUNS.fixTrees, seed: SEED + 20 });
  }, TIMEOUT);
});

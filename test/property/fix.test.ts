// Fixing generated configs and ensembles in memory, as `zkcfg fix` does on disk (create fixes
// write files, edit fixes rewrite configs, pass after pass): every file a fix creates was absent,
// the passes come to an end, the fixed problems are not reported again, nothing new appears where
// a myid was written, and once fixed, linting again changes nothing.
import { deepStrictEqual, fail, ok } from "node:assert/strict";
import fc from "fast-check";
import { describe, it } from "vitest";
import { applyEdits } from "../../src/fix/apply.js";
import type { Diagnostic, LintResult } from "../../src/lint/diagnostic.js";
import type { CreateFileFix, EditFix } from "../../src/lint/rule.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { KNOWN_VERSIONS } from "../../src/model/version.js";
import { lintTree, type TreeOptions } from "../helpers/workspace.js";
import { configText, SEED, tree } from "./arbitraries.js";
import { RUNS, TIMEOUT } from "./runs.js";

/** ESLint's cap, as in `zkcfg fix`. */
const MAX_PASSES = 10;

interface Fixed {
  file: string;
  diagnostic: Diagnostic;
}

const withFixes = (results: LintResult[]): Fixed[] =>
  results.flatMap((r) => r.messages.filter((m) => m.fix).map((diagnostic) => ({ file: r.filePath, diagnostic })));

/** Applies one pass of fixes to the memory file system as the writer would: a create never over anything. */
function apply(fixed: Fixed[], fs: MemoryFileSystem): void {
  const creates = new Map<string, string>();
  const edits = new Map<string, EditFix[]>();
  for (const { diagnostic } of fixed) {
    const fix = diagnostic.fix as CreateFileFix | EditFix;
    if (fix.kind === "edit") {
      edits.set(fix.path, [...(edits.get(fix.path) ?? []), fix]);
      continue;
    }
    const planned = creates.get(fix.path);
    ok(planned === undefined || planned === fix.text, `two fixes write ${fix.path} differently: ${JSON.stringify(planned)} and ${JSON.stringify(fix.text)}`);
    creates.set(fix.path, fix.text);
  }
  for (const [path, text] of creates) {
    ok(fs.kind(path) === undefined, `a fix creates ${path}, which exists`);
    ok(/^(0|[1-9]\d*)\n$/.test(text), `a myid fix writes ${JSON.stringify(text)}`);
    fs.write(path, text);
  }
  for (const [path, list] of edits) {
    const before = Buffer.from(fs.readFile(path)).toString("latin1");
    const after = applyEdits(before, list);
    ok(after !== before, `the edits of ${path} change nothing`);
    fs.write(path, after);
  }
}

function fixUntilDone(options: TreeOptions): void {
  const fs = new MemoryFileSystem(options.files, options.dirs ?? []);
  let results = lintTree({ ...options, fs }).results;
  const fixed: Fixed[] = [];
  for (let pass = 1; ; pass++) {
    const now = withFixes(results);
    if (now.length === 0) break;
    if (pass > MAX_PASSES) fail(`fixes still left after ${MAX_PASSES} passes: ${now.map(({ diagnostic }) => diagnostic.message).join(" | ")}`);
    apply(now, fs);
    fixed.push(...now);
    results = lintTree({ ...options, fs }).results;
  }
  const after = results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, m })));
  for (const { file, diagnostic: d } of fixed) {
    const again = after.filter(({ file: f, m }) => f === file && m.ruleId === d.ruleId && m.messageId === d.messageId && m.message === d.message);
    ok(again.length === 0, `${file}: "${d.message}" is still reported after its fix`);
    // A written myid must be right: nothing of that rule at that place afterwards.
    if (d.fix?.kind === "create") {
      const there = after.filter(({ file: f, m }) => f === file && m.ruleId === d.ruleId && m.line === d.line && m.column === d.column);
      ok(there.length === 0, `${file}:${d.line}:${d.column} after writing ${d.fix.path}: ${there.map(({ m }) => m.message).join(" | ")}`);
    }
  }
  deepStrictEqual(lintTree({ ...options, fs }).results, results, "linting the fixed tree again gives another result");
}

describe("fix", () => {
  it(
    `fixes what it says, only that, and comes to an end, on ${RUNS.fixTrees} generated ensembles on disk`,
    () => {
      fc.assert(fc.property(tree, fixUntilDone), { numRuns: RUNS.fixTrees, seed: SEED + 20 });
    },
    TIMEOUT,
  );

  it(
    `fixes what it says, only that, and comes to an end, on ${RUNS.fixConfigs} sets of generated configs`,
    () => {
      const arb = fc.tuple(fc.array(configText(6), { minLength: 1, maxLength: 3 }), fc.constantFrom(...KNOWN_VERSIONS));
      fc.assert(
        fc.property(arb, ([texts, version]) => {
          const files = Object.fromEntries(texts.map((text, i) => [`/conf/zoo_${i + 1}.cfg`, text]));
          fixUntilDone({ files, dirs: ["/var/lib/zookeeper/d1", "/data"], version });
        }),
        { numRuns: RUNS.fixConfigs, seed: SEED + 21 },
      );
    },
    TIMEOUT,
  );
});

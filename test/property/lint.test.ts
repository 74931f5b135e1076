// Linting generated configs and trees: nothing throws, every position lies inside its file and a
// report that names a key points at that key's entry, and the output does not depend on the order
// in which files are named or stored.
import { deepStrictEqual, ok } from "node:assert/strict";
import fc from "fast-check";
import { describe, it } from "vitest";
import { rules } from "../../rules/index.js";
import { interpolate, type LintResult } from "../../src/lint/diagnostic.js";
import type { Report, Rule } from "../../src/lint/rule.js";
import { javaTrim } from "../../src/model/java-number.js";
import { KNOWN_VERSIONS } from "../../src/model/version.js";
import { SourceText } from "../../src/parse/source.js";
import { lintTree, type TreeOptions } from "../helpers/workspace.js";
import { configText, CORPUS, corpusTexts, mutated, permutation, SEED, tree } from "./arbitraries.js";
import { RUNS, TIMEOUT } from "./runs.js";

const reports: { rule: Rule; report: Report<string> }[] = [];
/** The rules, each also handing its raw reports (with offsets) to the checks below. */
const watched: Rule[] = rules.map((rule) => ({
  ...rule,
  check(context) {
    const out = [...rule.check(context)];
    for (const report of out) reports.push({ rule, report });
    return out;
  },
}));

function names(message: string, key: string, value: string): boolean {
  if (value === "") return false;
  if (message.startsWith(`${key} "${value}"`)) return true;
  const plain = `${key} ${value}`;
  return message.startsWith(plain) && /^(?:$|[\s;,(])/.test(message.slice(plain.length));
}

function checkReports(): void {
  for (const { rule, report } of reports) {
    const { document } = report.file;
    const { start, end } = report.range;
    const where = `${rule.id}/${report.messageId} at [${start}, ${end}) of ${report.file.name}`;
    ok(0 <= start && start <= end && end <= document.source.text.length, `${where}: outside the file`);
    // "dataDir \"/x\" is…", "initLimit 0 is…": a message that opens with an entry's key and value names that entry.
    const message = interpolate(rule.meta.messages[report.messageId]?.text ?? "", report.data);
    const named = document.entries.filter((e) => names(message, javaTrim(e.key), javaTrim(e.value)));
    ok(named.length === 0 || named.some((e) => e.range.start <= start && end <= e.range.end), `${where}: "${message}" names an entry but points elsewhere`);
  }
}

function checkPositions(results: LintResult[], files: Record<string, string>): void {
  for (const r of results) {
    const text = files[`/${r.filePath}`];
    ok(text !== undefined, `a result for ${r.filePath}, which was not linted`);
    const starts = new SourceText(text).lineStarts;
    const valid = (line: number, column: number): boolean => {
      const lineStart = starts[line - 1];
      if (lineStart === undefined || column < 1) return false;
      const offset = lineStart + column - 1;
      return offset <= text.length && offset <= (starts[line] ?? text.length);
    };
    for (const m of r.messages) {
      const where = `${r.filePath}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`;
      ok(valid(m.line, m.column) && valid(m.endLine, m.endColumn), `${where}: not a position in the file`);
      ok(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column), `${where}: ends before it starts`);
    }
    for (const n of r.notes) ok(valid(n.line, n.column), `${r.filePath}:${n.line}:${n.column} note: not a position in the file`);
  }
}

/** Lints a tree and checks every report and position. */
function lintChecked(options: TreeOptions): LintResult[] {
  reports.length = 0;
  const { results } = lintTree({ ...options, rules: watched });
  checkReports();
  checkPositions(results, options.files);
  return results;
}

function reorder(files: Record<string, string>, order: number[]): Record<string, string> {
  const entries = Object.entries(files);
  return Object.fromEntries(order.map((i) => entries[i % entries.length] as [string, string]));
}

const configs = (names: string[]): Record<string, string> => Object.fromEntries(names.map((text, i) => [`/conf/zoo_${i + 1}.cfg`, text]));

describe("lint", () => {
  it(
    `stays inside the file and is deterministic on ${RUNS.lintConfigs} sets of generated configs`,
    () => {
      const arb = fc
        .tuple(fc.array(configText(6), { minLength: 1, maxLength: 3 }), fc.constantFrom(...KNOWN_VERSIONS))
        .chain(([texts, version]) => fc.tuple(fc.constant(texts), fc.constant(version), permutation(texts.length)));
      fc.assert(
        fc.property(arb, ([texts, version, order]) => {
          const files = configs(texts);
          const dirs = ["/var/lib/zookeeper/d1", "/data"];
          const first = lintChecked({ files, dirs, version });
          const names = Object.keys(files);
          const again = lintChecked({ files: reorder(files, order), dirs, version, lint: order.map((i) => names[i] as string) });
          deepStrictEqual(again, first);
        }),
        { numRuns: RUNS.lintConfigs, seed: SEED + 10 },
      );
    },
    TIMEOUT,
  );

  const corpus = corpusTexts();
  it.skipIf(corpus.length === 0)(
    `stays inside the file on ${RUNS.lintCorpus} mutated real-world configs${corpus.length === 0 ? ` (no corpus at ${CORPUS})` : ""}`,
    () => {
      const arb = fc.constantFrom(...corpus).chain(({ text }) => mutated(text));
      fc.assert(
        fc.property(arb, (text) => {
          lintChecked({ files: { "/conf/zoo.cfg": text }, dirs: ["/var/lib/zookeeper", "/tmp/zookeeper"] });
        }),
        { numRuns: RUNS.lintCorpus, seed: SEED + 11 },
      );
    },
    TIMEOUT,
  );

  it(
    `gives the same output whatever the file order, on ${RUNS.lintTrees} generated ensembles on disk`,
    () => {
      const arb = tree.chain((t) => fc.tuple(fc.constant(t), permutation(Object.keys(t.files).length)));
      fc.assert(
        fc.property(arb, ([t, order]) => {
          const first = lintChecked(t);
          const lint = Object.keys(t.files).filter((p) => p.endsWith(".cfg"));
          const again = lintChecked({
            ...t,
            files: reorder(t.files, order),
            lint: order.map((i) => Object.keys(t.files)[i] as string).filter((p) => lint.includes(p)),
          });
          deepStrictEqual(again, first);
        }),
        { numRuns: RUNS.lintTrees, seed: SEED + 12 },
      );
    },
    TIMEOUT,
  );
});

import { posix } from "node:path";
import ts from "typescript";

/**
 * The layers, top to bottom, as data flows: the CLI drives the linter, the linter runs rules,
 * rules read the model, the model reads parsed text and the file system. Format, fix and
 * settings sit beside the linter; the ESLint plugin and `init` sit above it, beside the CLI.
 */
const LAYER: Record<string, number> = {
  "src/cli": 5,
  "src/eslint": 4,
  "src/init": 4,
  "src/lint": 3,
  "src/format": 3,
  "src/fix": 3,
  "src/config": 3,
  // Compose files are read, rendered and linted beside zoo.cfg files; the linter names their findings.
  "src/compose": 3,
  rules: 2,
  "src/model": 1,
  "src/parse": 0,
  "src/io": 0,
};

/** Folders of one layer that may use each other. */
const BESIDE = new Set(["src/lint", "src/format", "src/fix", "src/config", "src/compose"]);

/** What a rule is written against: the part of the linter rules may import. */
const RULE_API = new Set(["src/lint/rule.ts", "src/lint/excerpt.ts", "src/lint/placed.ts"]);

/**
 * Imports against the flow that stay until the code they touch settles: each names why.
 * compareStrings sits in the model but is used by the glob walker below it; moving it touches
 * rules being rewritten now.
 */
const KNOWN = new Set(["src/io/glob.ts -> src/model/order.ts"]);

/** The folders that have a layer. */
export const LAYERED = Object.keys(LAYER);

function folderOf(path: string): string | undefined {
  return Object.keys(LAYER).find((f) => path.startsWith(f + "/"));
}

/** The repository paths a source file imports (relative specifiers only, `.js` read as its `.ts`). */
export function importsOf(path: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => posix.normalize(posix.join(posix.dirname(path), name)).replace(/\.js$/, ".ts"));
}

/** Every import that goes against the layers, as "from -> to". */
export function layerViolations(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const from = folderOf(path);
    if (from === undefined) continue;
    for (const target of importsOf(path, text)) {
      const to = folderOf(target);
      if (to === undefined || to === from) continue;
      const edge = `${path} -> ${target}`;
      if (KNOWN.has(edge)) continue;
      const down = LAYER[to]! < LAYER[from]! || (BESIDE.has(from) && BESIDE.has(to));
      const ruleApi = from === "rules" && RULE_API.has(target);
      // A single rule is reached through the rule list, so nothing outside rules/ leans on one rule's internals.
      const oneRule = to === "rules" && target !== "rules/index.ts";
      if ((!down && !ruleApi) || oneRule) found.push(edge);
    }
  }
  return found;
}

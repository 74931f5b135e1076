// What npm run docs writes: each rule doc's head and example output, the README's rule table and the
// rule list, all from the rules' meta (describeRules) and what the rules report.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rules } from "../../rules/index.js";
import { NO_COLORS } from "../../src/format/colors.js";
import type { RuleInfo } from "../../src/format/index.js";
import { formatStylish } from "../../src/format/stylish.js";
import { severityOf, type Rule } from "../../src/lint/rule.js";
import { describeRules, shownSeverity } from "../../src/lint/rule-info.js";
import { lintTree } from "../../test/helpers/workspace.js";
import { exampleParts, exampleTree, HEAD, OUTPUT, parseDoc, replaceMarked, RULE_TABLE } from "./rule-doc.js";
import { ruleListSource } from "./rule-list.js";

/** The head: id, description, whether it fixes, and its messages grouped by impact and severity. */
function head(rule: Rule, info: RuleInfo): string[] {
  const groups = new Map<string, string[]>();
  for (const [id, message] of Object.entries(rule.meta.messages)) {
    const key = `| ${message.impact} | ${shownSeverity(severityOf(message))} |`;
    groups.set(key, [...(groups.get(key) ?? []), `\`${id}\``]);
  }
  return [
    `# ${info.id}`,
    "",
    info.description,
    "",
    `Fixable: ${info.fixable ? "yes" : "no"}`,
    "",
    "| impact | severity | messages |",
    "| --- | --- | --- |",
    ...[...groups].map(([key, ids]) => `${key} ${ids.join(", ")} |`),
    "",
  ];
}

/** What the rule prints for the files under "### Incorrect", linted as one machine's tree (--root /). */
function output(rule: Rule, doc: string): string[] {
  const part = exampleParts(parseDoc(doc)).find((p) => p.title === "Incorrect");
  if (!part) return [];
  const tree = exampleTree(part);
  const { results } = lintTree({ files: tree.files, dirs: tree.dirs, rules: [rule], lint: tree.configs, root: "/" });
  const printed = formatStylish(results, { colors: NO_COLORS }).trim();
  if (printed === "") return ["", "This rule reports nothing on these files yet.", ""];
  return ["", "This rule reports:", "", "```text", printed, "```", ""];
}

function ruleDoc(rule: Rule, info: RuleInfo, text: string): string {
  const where = `rules/${rule.id}.md`;
  const withHead = replaceMarked(text, HEAD, head(rule, info), where);
  return replaceMarked(withHead, OUTPUT, output(rule, withHead), where);
}

function ruleTable(infos: RuleInfo[]): string[] {
  return [
    "| rule | checks | impact | fix |",
    "| --- | --- | --- | --- |",
    ...infos.map((r) => `| [\`${r.id}\`](rules/${r.id}.md) | ${r.description} | ${r.impacts.join(", ")} | ${r.fixable ? "yes" : "no"} |`),
  ];
}

/** Every generated file of the repository at `root`, by path, as npm run docs writes it. */
export function generatedFiles(root: string): Map<string, string> {
  const read = (path: string): string => readFileSync(join(root, path), "utf8");
  const infos = describeRules(false);
  const files = new Map<string, string>();
  files.set("rules/index.ts", ruleListSource(root));
  const described = rules.map((rule) => {
    const info = infos.get(rule.id);
    if (!info) throw new Error(`describeRules lacks ${rule.id}`);
    files.set(`rules/${rule.id}.md`, ruleDoc(rule, info, read(`rules/${rule.id}.md`)));
    return info;
  });
  files.set("README.md", replaceMarked(read("README.md"), RULE_TABLE, ruleTable(described), "README.md"));
  return files;
}

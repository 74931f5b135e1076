import type { ESLint, Linter } from "eslint";
import { severityOf, type Rule } from "../lint/rule.js";
import { describeRules } from "../lint/rule-info.js";
import { rules } from "../../rules/index.js";
import { zoocfg, type LintContext, type ZooCfgSourceCode } from "./language.js";
import { ComposeSourceCode } from "./compose-language.js";
import { COMPOSE, composeMeta } from "../compose/meta.js";
import pkg from "../../package.json" with { type: "json" };
import configFiles from "../config-files.json" with { type: "json" };

type RuleModule = NonNullable<ESLint.Plugin["rules"]>[string];

const infos = describeRules(false);

/** An ESLint rule that reports what one zkcfg rule reports on the file, with its messages and ids. */
function toEslintRule(rule: Pick<Rule, "id" | "meta">): RuleModule {
  const messages: Record<string, string> = {};
  for (const [id, meta] of Object.entries(rule.meta.messages)) if (severityOf(meta) !== "info") messages[id] = meta.text;
  return {
    meta: {
      type: "problem",
      docs: { description: rule.meta.description, url: infos.get(rule.id)?.docsUrl },
      messages,
      schema: [],
      ...(rule.meta.fixable ? { fixable: "code" as const } : {}),
    },
    create(context) {
      const source = context.sourceCode as unknown as ZooCfgSourceCode;
      return {
        ZooCfg() {
          for (const d of source.diagnosticsFor(rule.id, context as unknown as LintContext)) {
            const data = Object.fromEntries(Object.entries(d.data ?? {}).map(([k, v]) => [k, String(v)]));
            const fix = source.fixOf(d);
            context.report({ loc: source.locOfDiagnostic(d), messageId: d.messageId, data, ...(fix ? { fix: () => fix } : {}) });
          }
        },
        // A compose finding's message names the service and the rendered line, which no message template has.
        Compose() {
          for (const d of (context.sourceCode as unknown as ComposeSourceCode).diagnosticsFor(rule.id, context)) context.report(ComposeSourceCode.reportOf(d));
        },
      };
    },
  };
}

/**
 * ESLint gives a rule one severity; a zkcfg rule gives one per message. The recommended config
 * uses "error" for a rule with any error message, as `zkcfg rules` lists it.
 */
const severity = (id: string) => (infos.get(id)?.defaultSeverity === "error" ? ("error" as const) : ("warn" as const));
const recommendedRules = Object.fromEntries([...rules.map((r) => r.id), COMPOSE].map((id) => [`zkcfg/${id}`, severity(id)]));

const recommended: Linter.Config & { rules: Record<string, "error" | "warn"> } = {
  name: "zkcfg/recommended",
  // Compose files: the zoo.cfg rules on each service's rendered config, and the compose rule on the YAML.
  files: [...configFiles.globs, ...configFiles.composeGlobs],
  language: "zkcfg/zoocfg",
  rules: recommendedRules,
};

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: "zkcfg" },
  languages: { zoocfg },
  rules: Object.fromEntries([...rules, { id: COMPOSE, meta: composeMeta }].map((r) => [r.id, toEslintRule(r)])),
  configs: { recommended },
} satisfies ESLint.Plugin;

recommended.plugins = { zkcfg: plugin };

export default plugin;

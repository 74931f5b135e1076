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

/** The id of a message as a compose file reports it: its text names the service and the rendered line, so it is passed whole. */
const inCompose = (messageId: string): string => `${messageId}InCompose`;
const ownId = (messageId: string): string => messageId.replace(/InCompose$/, "");

const ALL_RULES: Pick<Rule, "id" | "meta">[] = [...rules, { id: COMPOSE, meta: composeMeta }];

const infos = describeRules(false);

/** An ESLint rule that reports what one zkcfg rule reports on the file, with its messages and ids. */
function toEslintRule(rule: Pick<Rule, "id" | "meta">): RuleModule {
  const messages: Record<string, string> = {};
  for (const [id, meta] of Object.entries(rule.meta.messages)) {
    if (severityOf(meta) === "info") continue;
    messages[id] = meta.text;
    messages[inCompose(id)] = "{{message}}";
  }
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
        Compose() {
          for (const d of (context.sourceCode as unknown as ComposeSourceCode).diagnosticsFor(rule.id, context)) {
            context.report({ loc: ComposeSourceCode.locOf(d), messageId: inCompose(d.messageId), data: { message: d.message } });
          }
        },
      };
    },
  };
}

/** Each zkcfg message's severity as ESLint numbers it (2 error, 1 warning), by "zkcfg/<rule>" and message id. */
const messageSeverities = new Map(
  ALL_RULES.flatMap((r) =>
    Object.entries(r.meta.messages).map(([id, meta]): [string, 1 | 2] => [`zkcfg/${r.id}\0${id}`, severityOf(meta) === "error" ? 2 : 1]),
  ),
);

/**
 * ESLint gives a rule one severity; a zkcfg rule gives one per message. This processor gives each
 * message of a zkcfg rule its own severity, never above the one the rule is configured at: a rule
 * at "error" reports as the CLI does, a rule at "warn" only warnings. The file is linted whole, so
 * fixes apply unchanged.
 */
const severities: Linter.Processor = {
  meta: { name: "zkcfg/severities", version: pkg.version },
  supportsAutofix: true,
  preprocess: (text) => [text],
  postprocess: (lists) =>
    lists.flat().map((m) => {
      const own = messageSeverities.get(`${m.ruleId ?? ""}\0${ownId(m.messageId ?? "")}`);
      return own === undefined || own >= m.severity ? m : { ...m, severity: own };
    }),
};

/** Every rule at "error": the processor lowers each message to the severity zkcfg gives it. */
const recommended: Linter.Config & { rules: Record<string, "error"> } = {
  name: "zkcfg/recommended",
  // Compose files: the zoo.cfg rules on each service's rendered config, and the compose rule on the YAML.
  files: [...configFiles.globs, ...configFiles.composeGlobs],
  language: "zkcfg/zoocfg",
  processor: "zkcfg/severities",
  rules: Object.fromEntries(ALL_RULES.map((r) => [`zkcfg/${r.id}`, "error" as const])),
};

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: "zkcfg" },
  languages: { zoocfg },
  rules: Object.fromEntries(ALL_RULES.map((r) => [r.id, toEslintRule(r)])),
  processors: { severities },
  configs: { recommended },
} satisfies ESLint.Plugin;

recommended.plugins = { zkcfg: plugin };

export default plugin;

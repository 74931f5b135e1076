import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules } from "../../rules/index.js";
import { UNUSED_DISABLE, unusedDisableMeta } from "./directives.js";
import { severityOf, type MessageSeverity, type RuleMeta } from "./rule.js";
import { interpolate } from "./diagnostic.js";
import { COMPOSE, composeMeta } from "../compose/meta.js";
import type { ReportedSeverity, RuleInfo, ToolInfo } from "../format/index.js";
import pkg from "../../package.json" with { type: "json" };

/** The repository's web address, from package.json: every link zkcfg prints starts with it. */
const REPOSITORY = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

export const TOOL: ToolInfo = { name: pkg.name, version: pkg.version, informationUri: pkg.homepage };

/**
 * A file of the repository as its default branch shows it. The package is not published yet, so
 * no page of its own version can be linked; `zkcfg explain` prints the installed version's doc.
 */
function repositoryUrl(path: string): string {
  return `${REPOSITORY}/blob/main/${path}`;
}

/**
 * A text file of the package (rules/<id>.md, README.md): an asset of the single executable, or a
 * file at the package's root, above both src/lint and the bundle in dist/.
 */
function readPackageFile(path: string): string | undefined {
  const sea = process.getBuiltinModule("node:sea");
  if (sea.isSea()) {
    try {
      return sea.getAsset(path, "utf8");
    } catch {
      return undefined;
    }
  }
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, path);
    if (existsSync(candidate)) return readFileSync(candidate, "utf8");
    if (dirname(dir) === dir) return undefined;
  }
}

/** The prose of one "## <title>" section of a rule doc. */
function docSection(doc: string, title: string): string | undefined {
  const lines = doc.split(/\r?\n/);
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

/**
 * The comment lines around a doc's generated parts, with the blank line after one: they tell
 * whoever edits the doc what npm run docs writes, and are noise where the doc is printed.
 */
const GENERATED_MARKER = /^<!-- (begin|end) generated\b[^\n]*-->\n\n?/gm;

/** A doc and its "why" part: rules/<id>.md and its Why section, or for the disable-comment check the README's section on disable comments. */
export function readRuleDoc(id: string): { doc: string; why: string | undefined } | undefined {
  if (id === UNUSED_DISABLE) {
    const readme = readPackageFile("README.md");
    const section = readme === undefined ? undefined : docSection(readme, "Disable comments");
    return section === undefined ? undefined : { doc: `# ${UNUSED_DISABLE}\n\n${section}\n`, why: section };
  }
  if (id === COMPOSE) {
    const readme = readPackageFile("README.md");
    const section = readme === undefined ? undefined : docSection(readme, "Docker Compose files");
    return section === undefined ? undefined : { doc: `# ${COMPOSE}\n\n${section}\n`, why: section };
  }
  const doc = readPackageFile(`rules/${id}.md`)?.replace(GENERATED_MARKER, "");
  if (doc === undefined) return undefined;
  return { doc, why: docSection(doc, "Why") };
}

/** The name the output shows a message severity by. */
const SHOWN_AS: Record<MessageSeverity, ReportedSeverity> = { error: "error", warn: "warning", info: "note" };
/** Each severity a message can have, most severe first. */
const SEVERITIES: MessageSeverity[] = ["error", "warn", "info"];

export const shownSeverity = (severity: MessageSeverity): ReportedSeverity => SHOWN_AS[severity];

function describe(id: string, meta: RuleMeta<string>, docsUrl: string, withDocs: boolean): RuleInfo {
  const messages = Object.values(meta.messages);
  const { doc, why } = (withDocs ? readRuleDoc(id) : undefined) ?? {};
  return {
    id,
    description: meta.description,
    impacts: [...new Set(messages.map((m) => m.impact))],
    severities: SEVERITIES.filter((severity) => messages.some((m) => severityOf(m) === severity)).map(shownSeverity),
    fixable: meta.fixable,
    docsUrl,
    ...(why ? { why } : {}),
    ...(doc !== undefined ? { doc } : {}),
  };
}

/**
 * Every id a run can report: the rules, then the disable-comment check (documented in the
 * README). With `withDocs`, each rule's doc is read for the formats that embed it.
 */
export function describeRules(withDocs: boolean): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const rule of rules) infos.set(rule.id, describe(rule.id, rule.meta, repositoryUrl(`rules/${rule.id}.md`), withDocs));
  infos.set(UNUSED_DISABLE, describe(UNUSED_DISABLE, unusedDisableMeta, repositoryUrl("README.md#disable-comments"), withDocs));
  infos.set(COMPOSE, describe(COMPOSE, composeMeta, repositoryUrl("README.md#docker-compose-files"), withDocs));
  return infos;
}

/** A rule's message filled in as a run prints it: for tools beside the linter (init) to speak in the rule's own words. */
export function ruleMessage(ruleId: string, messageId: string, data?: Record<string, string | number | bigint>): string {
  const meta: RuleMeta<string> | undefined = rules.find((r) => r.id === ruleId)?.meta;
  const message = meta?.messages[messageId];
  if (message === undefined) throw new Error(`${ruleId} has no message ${messageId}`);
  return interpolate(message.text, data);
}

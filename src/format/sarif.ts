import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from "sarif";
import type { LintResult } from "../lint/diagnostic.js";
import { compareStrings } from "../model/order.js";
import { escapeControls } from "./escape.js";
import { ruleInfo, type FormatContext, type RuleInfo } from "./index.js";

const SRCROOT = "%SRCROOT%";

function descriptor(info: RuleInfo): ReportingDescriptor {
  return {
    id: info.id,
    shortDescription: { text: info.description },
    ...(info.why ? { fullDescription: { text: info.why } } : {}),
    ...(info.why && info.doc ? { help: { text: info.why, markdown: info.doc } } : {}),
    helpUri: info.docsUrl,
    // SARIF gives a rule one level; each result carries its message's own. The rule's is the most
    // severe any of its messages reports, and its properties list them all.
    defaultConfiguration: { level: info.severities[0] ?? "warning" },
    properties: { impacts: info.impacts, severities: info.severities, fixable: info.fixable },
  };
}

/** Paths under the working directory are relative to %SRCROOT% (what code scanning maps to the checkout); others are file URLs. */
function artifact(filePath: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, filePath);
  const rel = relative(cwd, absolute);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** SARIF 2.1.0, one run: the rules that reported, then every message and note as a result. */
export function formatSarif(results: readonly LintResult[], context: FormatContext): string {
  const ids = [...new Set(results.flatMap((r) => [...r.messages, ...r.notes].map((m) => m.ruleId)))].sort(compareStrings);
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: Result[] = [];
  for (const r of results) {
    const artifactLocation = artifact(r.filePath, context.cwd);
    for (const m of r.messages) {
      out.push({
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId) as number,
        level: m.severity === 2 ? "error" : "warning",
        message: { text: m.message },
        locations: [
          { physicalLocation: { artifactLocation, region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn } } },
        ],
        properties: { impact: m.impact },
      });
    }
    for (const n of r.notes) {
      out.push({
        ruleId: n.ruleId,
        ruleIndex: index.get(n.ruleId) as number,
        level: "note",
        message: { text: n.message },
        locations: [{ physicalLocation: { artifactLocation, region: { startLine: n.line, startColumn: n.column } } }],
      });
    }
  }
  const root = pathToFileURL(context.cwd).href;
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            semanticVersion: context.tool.version,
            informationUri: context.tool.informationUri,
            rules: ids.map((id) => descriptor(ruleInfo(context, id))),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith("/") ? root : `${root}/` } },
        results: out,
      },
    ],
  };
  // JSON.stringify escapes C0 only (its own line breaks stay): DEL, C1 and the separators too, still valid JSON.
  return escapeControls(JSON.stringify(log, null, 2), true) + "\n";
}

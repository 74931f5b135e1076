import { rules } from "../../rules/index.js";
import { UNUSED_DISABLE } from "../lint/directives.js";
import { COMPOSE } from "../compose/meta.js";
import type { FormatName, RuleInfo } from "../format/index.js";
import { escapeControls } from "../format/escape.js";
import { describeRules, readRuleDoc } from "../lint/rule-info.js";
import type { Io } from "./main.js";

export function explainRule(args: string[], io: Io): number {
  const id = args[0];
  const ids = [...rules.map((r) => r.id), UNUSED_DISABLE, COMPOSE];
  if (!id || !ids.includes(id)) {
    io.stderr.write(`zkcfg: ${id ? `no rule "${id}"` : "name a rule"}; the rules are ${ids.join(", ")}\n`);
    return 2;
  }
  const doc = readRuleDoc(id)?.doc;
  if (doc === undefined) {
    io.stderr.write(`zkcfg: the documentation of ${id} is missing from this installation\n`);
    return 2;
  }
  io.stdout.write(escapeControls(doc, true));
  return 0;
}

function table(infos: RuleInfo[]): string {
  const header = ["rule", "impact", "severity", "fixable", "description"];
  const rows = [header, ...infos.map((r) => [r.id, r.impacts.join(", "), r.severities.join(", "), r.fixable ? "yes" : "no", r.description])];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  // The last column is not padded, so no line ends in blanks.
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ") + "\n").join("");
}

/** `zkcfg rules`: an aligned table, or with --format json an array for machines. */
export function listRules(format: FormatName, io: Io): number {
  if (format !== "stylish" && format !== "json") {
    io.stderr.write(`zkcfg: zkcfg rules prints a table, or JSON with --format json, not ${format}\n`);
    return 2;
  }
  const infos = [...describeRules(false).values()];
  if (format === "json") {
    const shown = infos.map(({ id, description, impacts, severities, fixable, docsUrl }) => ({ id, description, impacts, severities, fixable, docsUrl }));
    io.stdout.write(escapeControls(JSON.stringify(shown, null, 2), true) + "\n");
  } else {
    io.stdout.write(escapeControls(table(infos), true));
  }
  return 0;
}

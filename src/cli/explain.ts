import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rules } from "../../rules/index.js";
import type { Io } from "./main.js";

/** rules/<id>.md lives at the package root, above both src/cli and the bundle in dist/. */
function docPath(id: string): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, "rules", `${id}.md`);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function explainRule(args: string[], io: Io): number {
  const id = args[0];
  const rule = rules.find((r) => r.id === id);
  if (!id || !rule) {
    io.stderr.write(`zkcfg: ${id ? `no rule "${id}"` : "name a rule"}; the rules are ${rules.map((r) => r.id).join(", ")}\n`);
    return 2;
  }
  const path = docPath(id);
  if (!path) {
    io.stderr.write(`zkcfg: the documentation of ${id} is missing from this installation\n`);
    return 2;
  }
  io.stdout.write(readFileSync(path, "utf8"));
  return 0;
}

export function listRules(io: Io): number {
  for (const r of rules) {
    const impacts = [...new Set(Object.values(r.meta.messages).map((m) => m.impact))].join(",");
    io.stdout.write(`${r.id.padEnd(22)} ${impacts.padEnd(28)} ${r.meta.fixable ? "fixable" : "       "}  ${r.meta.description}\n`);
  }
  return 0;
}

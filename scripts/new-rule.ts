// npm run new-rule -- <id>: creates a rule's files from scripts/new-rule/templates.ts in the
// repository it is run in, then runs npm run docs, which lists the rule and writes its doc's head.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ruleFiles } from "./new-rule/templates.js";

/** Ids that are not rules but that a run reports (src/lint/directives.ts, src/compose/meta.ts). */
const TAKEN = new Set(["unused-disable", "compose"]);
/** Lower-case words joined by "-", as every rule id is. */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id` cannot be a new rule of the repository at `root`, or undefined when it can. */
function refusal(root: string, id: string | undefined): string | undefined {
  if (id === undefined) return "usage: npm run new-rule -- <id>, e.g. npm run new-rule -- client-port-range";
  if (!ID.test(id)) return `"${id}" is not a rule id: write lower-case words joined by "-", e.g. client-port-range`;
  if (TAKEN.has(id)) return `"${id}" is taken: zkcfg reports it for something other than a rule`;
  const present = [`fixtures/${id}`, ...ruleFiles(id).keys()].find((path) => existsSync(join(root, path)));
  return present === undefined ? undefined : `${present} exists already: rule "${id}" is there, choose another id`;
}

const root = process.cwd();
const id = process.argv[2];
const problem = refusal(root, id);
if (problem !== undefined || id === undefined) {
  console.error(`new-rule: ${problem}`);
  process.exit(2);
}
for (const [path, text] of ruleFiles(id)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`created ${path}`);
}
const docs = spawnSync("npm", ["run", "--silent", "docs"], { cwd: root, stdio: "inherit" });
process.exit(docs.status ?? 1);

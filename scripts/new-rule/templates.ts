// The files npm run new-rule creates for a rule, each with the parts to fill in marked "TODO".
// CONTRIBUTING.md ("Adding a rule") explains each part.
import { HEAD, OUTPUT } from "../docs/rule-doc.js";

const CFG = "etc/zookeeper/conf/zoo.cfg";
const MYID = "var/lib/zookeeper/myid";
/** A three-server ensemble's config in Debian's layout, as the fixtures and the test start from. */
const CONFIG = [
  "tickTime=2000",
  "initLimit=10",
  "syncLimit=5",
  "dataDir=/var/lib/zookeeper",
  "clientPort=2181",
  "server.1=zk1.example.net:2888:3888",
  "server.2=zk2.example.net:2888:3888",
  "server.3=zk3.example.net:2888:3888",
];

function ruleSource(id: string): string {
  return `import { defineRule } from "../src/lint/rule.js";

export default defineRule({
  id: "${id}",
  meta: {
    description: "TODO: what holds when the rule is satisfied, one sentence without a final period",
    fixable: false,
    messages: {
      // A complete template: {{placeholders}} carry facts (a key, a value, a path), never prose;
      // it names the value and says what ZooKeeper does and what to do. The severity follows from
      // the impact (startup: error, else warning); write \`severity\` only where it differs, with why.
      TODO: { text: 'TODO: {{key}} "{{value}}" …; ZooKeeper …; set …', impact: "runtime" },
    },
  },
  // TODO: *check({ workspace }) { for (const file of workspace.files) … yield { messageId, data, file, range }; }
  *check() {},
});
`;
}

function docSource(id: string): string {
  const example = ["conf/zoo.cfg:", "```properties", ...CONFIG.slice(0, 5), "```", ""];
  return [
    HEAD.begin,
    HEAD.end,
    "",
    "## Why",
    "",
    "TODO: what ZooKeeper does with such a config, with the message it logs, and why that matters.",
    "",
    "## Examples",
    "",
    "### Incorrect",
    "",
    ...example,
    OUTPUT.begin,
    OUTPUT.end,
    "",
    "### Correct",
    "",
    ...example,
    "## Fix",
    "",
    "This rule has no automatic fix. TODO: what to change by hand.",
    "",
    "## Options",
    "",
    "This rule has no options.",
    "",
    "## When not to use it",
    "",
    "TODO: when a user may turn it off.",
    "",
    `To turn the rule off, add \`"rules": { "${id}": "off" }\` to \`.zkcfgrc.json\`.`,
    "",
    "## References",
    "",
    "- TODO: the ZooKeeper source or guide that shows the behaviour.",
    "",
  ].join("\n");
}

function testSource(id: string): string {
  return `import rule from "../../rules/${id}.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const CFG = "/${CFG}";
const lines = (...l: string[]): string => l.join("\\n") + "\\n";
const HEAD = [
${CONFIG.map((line) => `  ${JSON.stringify(line)},`).join("\n")}
];
/** The ensemble's config with these lines added, and the myid of server 1. */
const config = (...more: string[]): Record<string, string> => ({ [CFG]: lines(...HEAD, ...more), "/${MYID}": "1\\n" });

// TODO: a case for each message id, and for what must not be reported.
runRuleTests(rule, {
  valid: [{ name: "TODO: a config that is right", files: config() }],
  invalid: [
    {
      name: "TODO: a config with the problem",
      files: config("TODO=1"),
      errors: [{ messageId: "TODO", file: CFG, line: ${CONFIG.length + 1}, column: 1, endLine: ${CONFIG.length + 1}, endColumn: 5, message: "TODO" }],
    },
  ],
});
`;
}

/** Every file of a new rule `id`, by path in the repository. */
export function ruleFiles(id: string): Map<string, string> {
  const config = CONFIG.map((line) => line + "\n").join("");
  return new Map([
    [`rules/${id}.ts`, ruleSource(id)],
    [`rules/${id}.md`, docSource(id)],
    [`test/rules/${id}.test.ts`, testSource(id)],
    [`fixtures/${id}/valid/TODO-a-config-that-is-right/${CFG}`, config],
    [`fixtures/${id}/valid/TODO-a-config-that-is-right/${MYID}`, "1\n"],
    [`fixtures/${id}/invalid/TODO-a-config-with-the-problem/${CFG}`, config],
    [`fixtures/${id}/invalid/TODO-a-config-with-the-problem/${MYID}`, "1\n"],
  ]);
}

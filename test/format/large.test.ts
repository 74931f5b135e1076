// A config may legally hold tens of thousands of server lines, and every one of them can be
// reported: no formatter may fail on such a result (spreading its rows into a call's arguments
// overflows the stack somewhere past 100,000).
import { createColors } from "picocolors";
import { expect, it } from "vitest";
import { FORMAT_NAMES, loadFormatter, type FormatContext } from "../../src/format/index.js";
import type { Diagnostic, LintResult } from "../../src/lint/diagnostic.js";

const COUNT = 200_000;

const messages: Diagnostic[] = Array.from({ length: COUNT }, (_, i) => ({
  ruleId: "server-spec",
  severity: 2,
  impact: "startup",
  messageId: "lowBits",
  message: `server.${i + 256} and server.${i % 256} have ids with the same low 8 bits`,
  line: i + 1,
  column: 1,
  endLine: i + 1,
  endColumn: 9,
}));
const results: LintResult[] = [
  { filePath: "conf/zoo.cfg", messages, notes: [], errorCount: COUNT, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
];
const context: FormatContext = {
  cwd: "/srv",
  colors: createColors(false),
  tool: { name: "zkcfg", version: "0.0.0", informationUri: "https://example.invalid/zkcfg" },
  rules: new Map([
    [
      "server-spec",
      {
        id: "server-spec",
        description: "server.N lines",
        impacts: ["startup"],
        severities: ["error"],
        fixable: false,
        docsUrl: "https://example.invalid/server-spec.md",
      },
    ],
  ]),
};

it.each(FORMAT_NAMES)(
  "%s prints a file with 200,000 messages",
  async (name) => {
    const out = (await loadFormatter(name))(results, context);
    expect(out).toContain(`server.${COUNT + 255} and server.${(COUNT - 1) % 256}`);
  },
  60_000,
);

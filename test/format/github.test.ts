import { describe, expect, it } from "vitest";
import { formatGithub } from "../../src/format/github.js";
import type { LintResult } from "../../src/lint/diagnostic.js";

const result = (filePath: string, message: string): LintResult => ({
  filePath,
  messages: [{ ruleId: "port-collision", severity: 1, impact: "runtime", messageId: "m", message, line: 3, column: 5, endLine: 4, endColumn: 2 }],
  notes: [{ ruleId: "myid-matches-datadir", message: "noted", line: 1, column: 1 }],
  errorCount: 0,
  warningCount: 1,
  fixableErrorCount: 0,
  fixableWarningCount: 0,
});

describe("github workflow commands", () => {
  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    expect(formatGithub([result("a:b,c%d/zoo.cfg", "100% of\r\nit: a, b")])).toBe(
      "::warning file=a%3Ab%2Cc%25d/zoo.cfg,line=3,col=5,endLine=4,endColumn=2,title=port-collision::100%25 of%0D%0Ait: a, b\n" +
        "::notice file=a%3Ab%2Cc%25d/zoo.cfg,line=1,col=1,title=myid-matches-datadir::noted\n",
    );
  });

  it("prints errors as ::error", () => {
    const r = result("zoo.cfg", "x");
    r.messages[0]!.severity = 2;
    expect(formatGithub([{ ...r, notes: [] }])).toBe("::error file=zoo.cfg,line=3,col=5,endLine=4,endColumn=2,title=port-collision::x\n");
  });
});

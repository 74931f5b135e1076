import { describe, expect, it } from "vitest";
import oddServerCount from "../../rules/odd-server-count.js";
import { runRules, type SeveritySetting } from "../../src/lint/engine.js";
import { defineRule } from "../../src/lint/rule.js";
import { FIXTURE_HOST, lintTree } from "../helpers/workspace.js";

const HEAD = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\n";
const servers = (n: number): string => Array.from({ length: n }, (_, i) => `server.${i + 1}=h${i + 1}:2888:3888\n`).join("");
const context = { version: "3.9", hostname: FIXTURE_HOST } as const;

describe("runRules: severities per file", () => {
  // Three ensembles of two voters each: odd-server-count warns at server.1 of every file.
  const files = { "/a/zoo.cfg": HEAD + servers(2), "/b/zoo.cfg": HEAD + servers(2), "/c/zoo.cfg": HEAD + servers(2) };
  const { workspace } = lintTree({ files, rules: [oddServerCount] });
  const bySettings: Record<string, Record<string, SeveritySetting>> = {
    "/a/zoo.cfg": { "odd-server-count": "error" },
    "/b/zoo.cfg": { "odd-server-count": "off" },
  };

  it("applies to each file the severities its settings give", () => {
    const results = runRules(workspace, context, { rules: [oddServerCount], severities: (file) => bySettings[file.path] });
    expect(results.map((r) => [r.filePath, r.messages.map((m) => [m.messageId, m.severity, m.line, m.column, m.endLine, m.endColumn])])).toEqual([
      ["a/zoo.cfg", [["two", 2, 6, 1, 6, 9]]],
      ["b/zoo.cfg", []],
      ["c/zoo.cfg", [["two", 1, 6, 1, 6, 9]]],
    ]);
  });

  it("does not run a rule that is off for every reported file", () => {
    const exploding = defineRule({
      id: "exploding",
      meta: { description: "Throws when run", fixable: false, messages: {} },
      check(): never {
        throw new Error("ran");
      },
    });
    expect(() => runRules(workspace, context, { rules: [exploding], severities: () => ({ exploding: "off" }) })).not.toThrow();
    expect(() => runRules(workspace, context, { rules: [exploding], severities: (f) => (f.path === "/c/zoo.cfg" ? undefined : { exploding: "off" }) })).toThrow(
      "ran",
    );
  });
});

describe("runRules: diagnostics", () => {
  it("carry the data their message was filled with", () => {
    const { results } = lintTree({ files: { "/conf/zoo.cfg": HEAD + servers(4) }, rules: [oddServerCount] });
    expect(results[0]?.messages).toEqual([
      expect.objectContaining({
        messageId: "even",
        data: { count: 4, tolerated: 1, fewer: 3, more: 5 },
        message: "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
      }),
    ]);
  });
});

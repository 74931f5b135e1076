import { describe, expect, it } from "vitest";
import initSyncLimits from "../../rules/init-sync-limits.js";
import myidMatchesDatadir from "../../rules/myid-matches-datadir.js";
import oddServerCount from "../../rules/odd-server-count.js";
import portCollision from "../../rules/port-collision.js";
import { runRules } from "../../src/lint/engine.js";
import type { Rule } from "../../src/lint/rule.js";
import { lintTree, FIXTURE_HOST } from "../helpers/workspace.js";

// Two voters: odd-server-count warns at the first server line's key ("server.1").
const HEAD = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\n";
const PAIR = "server.1=a:2888:3888\nserver.2=b:2888:3888\n";

interface Shown {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: number;
}

function lint(text: string, rules: readonly Rule[] = [oddServerCount]): { messages: Shown[]; notes: string[] } {
  const { results } = lintTree({ files: { "/conf/zoo.cfg": text }, rules });
  const [result] = results;
  if (!result) throw new Error("no result");
  return {
    messages: result.messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message, severity }) => ({
      ruleId,
      messageId,
      line,
      column,
      endLine,
      endColumn,
      message,
      severity,
    })),
    notes: result.notes.map((n) => `${n.line}:${n.column} ${n.ruleId}`),
  };
}

const twoVoters = (line: number): Partial<Shown> => ({ ruleId: "odd-server-count", messageId: "two", line, column: 1, endLine: line, endColumn: 9 });

describe("zkcfg-disable-next-line", () => {
  it("without a comment, the rule reports (the baseline the other cases disable)", () => {
    expect(lint(HEAD + PAIR).messages).toEqual([expect.objectContaining(twoVoters(6))]);
  });

  it.each([
    ["#", "# zkcfg-disable-next-line odd-server-count\n"],
    ["!", "! zkcfg-disable-next-line odd-server-count\n"],
    ["no blank after the comment char", "#zkcfg-disable-next-line odd-server-count\n"],
    ["indented", "   # zkcfg-disable-next-line odd-server-count\n"],
    ["a reason after --", "# zkcfg-disable-next-line odd-server-count -- a pair while the third server is built\n"],
    ["several rules, commas and blanks", "# zkcfg-disable-next-line port-collision,odd-server-count ,  init-sync-limits\n"],
    ["blank lines and other comments before the entry", "# zkcfg-disable-next-line odd-server-count\n\n# the pair is temporary\n"],
  ])("disables the rule on the next entry (%s)", (_name, comment) => {
    expect(lint(HEAD + comment + PAIR)).toEqual({ messages: [], notes: [] });
  });

  it("covers every physical line of a continued entry", () => {
    const text =
      "tickTime=2000\n# zkcfg-disable-next-line init-sync-limits\ninitLimit=\\\n   abc\nsyncLimit=5\n" +
      "dataDir=/nonexistent/zk\n" +
      PAIR +
      "server.3=c:2888:3888\n";
    const without = lint(text.replace("# zkcfg-disable-next-line init-sync-limits\n", ""), [initSyncLimits]).messages;
    expect(without).toEqual([expect.objectContaining({ ruleId: "init-sync-limits", messageId: "notNumber", line: 3, column: 4, endLine: 3, endColumn: 7 })]);
    expect(lint(text, [initSyncLimits]).messages).toEqual([]);
  });

  it("does not reach past the next entry", () => {
    const text = HEAD + "# zkcfg-disable-next-line odd-server-count\nserver.3=c:2888:3888:observer\n" + PAIR;
    expect(lint(text).messages).toEqual([
      expect.objectContaining({
        ruleId: "unused-disable",
        messageId: "unusedNextLine",
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 43,
        severity: 1,
        message:
          '"zkcfg-disable-next-line odd-server-count" disables nothing: odd-server-count reports nothing on the next entry (line 7); remove odd-server-count from the comment',
      }),
      expect.objectContaining(twoVoters(8)),
    ]);
  });

  it("a comment-like line inside a continued value is value text, not a disable comment", () => {
    const text = HEAD.replace("dataDir=/nonexistent/zk\n", "dataDir=/nonexistent/zk\\\n# zkcfg-disable-next-line nothing-at-all\n") + PAIR;
    expect(lint(text).messages).toEqual([expect.objectContaining(twoVoters(7))]);
  });

  it("reports a comment with no entry after it", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable-next-line odd-server-count\n").messages).toEqual([
      expect.objectContaining(twoVoters(6)),
      expect.objectContaining({
        ruleId: "unused-disable",
        messageId: "noNextEntry",
        line: 8,
        column: 27,
        endLine: 8,
        endColumn: 43,
        message: '"zkcfg-disable-next-line odd-server-count" disables nothing: no entry follows the comment; remove the comment',
      }),
    ]);
  });

  it("reports each rule it names that reports nothing there, at the rule's name", () => {
    const text = HEAD + "# zkcfg-disable-next-line odd-server-count, port-collision\n" + PAIR;
    expect(lint(text, [oddServerCount, portCollision]).messages).toEqual([
      expect.objectContaining({ ruleId: "unused-disable", messageId: "unusedNextLine", line: 6, column: 45, endLine: 6, endColumn: 59 }),
    ]);
  });

  it("says nothing about a rule that did not run", () => {
    expect(lint(HEAD + "# zkcfg-disable-next-line port-collision\n" + PAIR).messages).toEqual([expect.objectContaining(twoVoters(7))]);
  });
});

describe("zkcfg-disable (file-wide)", () => {
  it("disables the rule wherever the comment is", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable odd-server-count\n")).toEqual({ messages: [], notes: [] });
  });

  it("disables notes too", () => {
    const text = HEAD + PAIR + "server.3=c:2888:3888\n";
    expect(lint(text, [myidMatchesDatadir]).notes).toEqual(["4:9 myid-matches-datadir"]);
    expect(lint("! zkcfg-disable myid-matches-datadir\n" + text, [myidMatchesDatadir])).toEqual({ messages: [], notes: [] });
  });

  it("reports a rule that reports nothing in the file", () => {
    const text = "# zkcfg-disable odd-server-count\n" + HEAD + PAIR + "server.3=c:2888:3888\n";
    expect(lint(text).messages).toEqual([
      {
        ruleId: "unused-disable",
        messageId: "unusedFile",
        line: 1,
        column: 17,
        endLine: 1,
        endColumn: 33,
        severity: 1,
        message: '"zkcfg-disable odd-server-count" disables nothing: odd-server-count reports nothing in this file; remove odd-server-count from the comment',
      },
    ]);
  });
});

describe("comments that disable nothing", () => {
  it("names a rule zkcfg does not have, with the likely one", () => {
    expect(lint(HEAD + "# zkcfg-disable-next-line odd-server-counts\n" + PAIR).messages).toEqual([
      {
        ruleId: "unused-disable",
        messageId: "unknownRuleSimilar",
        line: 6,
        column: 27,
        endLine: 6,
        endColumn: 44,
        severity: 1,
        message: '"odd-server-counts" is not a zkcfg rule, so "zkcfg-disable-next-line" disables nothing for it; did you mean "odd-server-count"?',
      },
      expect.objectContaining(twoVoters(7)),
    ]);
  });

  it("names a rule unlike any", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable quorum\n").messages).toEqual([
      expect.objectContaining(twoVoters(6)),
      expect.objectContaining({
        messageId: "unknownRule",
        line: 8,
        column: 17,
        endLine: 8,
        endColumn: 23,
        message: '"quorum" is not a zkcfg rule, so "zkcfg-disable" disables nothing for it; use a rule id that "zkcfg rules" lists',
      }),
    ]);
  });

  it("names no rule at all", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable -- everything\n").messages).toEqual([
      expect.objectContaining(twoVoters(6)),
      expect.objectContaining({
        messageId: "noRule",
        line: 8,
        column: 3,
        endLine: 8,
        endColumn: 16,
        message: '"zkcfg-disable" names no rule, so it disables nothing; name the rules after it, separated by commas',
      }),
    ]);
  });

  it("is a misspelt directive", () => {
    expect(lint(HEAD + "# zkcfg-disable-line odd-server-count\n" + PAIR).messages).toEqual([
      expect.objectContaining({
        messageId: "unknownDirective",
        line: 6,
        column: 3,
        endLine: 6,
        endColumn: 21,
        message: '"zkcfg-disable-line" is not a zkcfg comment, so it disables nothing; write zkcfg-disable-next-line or zkcfg-disable',
      }),
      expect.objectContaining(twoVoters(7)),
    ]);
  });

  it("leaves other comments that mention zkcfg alone", () => {
    expect(lint(HEAD + "# checked by zkcfg-disable-next-line rules in CI\n# zkcfg: lint me\n" + PAIR).messages).toEqual([
      expect.objectContaining(twoVoters(8)),
    ]);
  });
});

describe("the unused-disable setting", () => {
  const text = HEAD + PAIR + "# zkcfg-disable quorum\n";
  const run = (severity: "off" | "error"): Shown[] => {
    const { workspace } = lintTree({ files: { "/conf/zoo.cfg": text }, rules: [oddServerCount] });
    const [result] = runRules(
      workspace,
      { version: "3.9", hostname: FIXTURE_HOST },
      { rules: [oddServerCount], severities: () => ({ "unused-disable": severity }) },
    );
    return (result?.messages ?? []) as Shown[];
  };

  it('"off" drops its reports, the rule\'s own stay', () => {
    expect(run("off").map((m) => m.ruleId)).toEqual(["odd-server-count"]);
  });

  it('"error" makes them errors', () => {
    expect(run("error").map((m) => [m.ruleId, m.severity])).toEqual([
      ["odd-server-count", 1],
      ["unused-disable", 2],
    ]);
  });
});

describe("rule/messageId: one message of a rule", () => {
  // A quorum without tickTime: init-sync-limits reports the missing key at 1:1 and the bad initLimit on line 1.
  const NO_TICK = "initLimit=abc\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\n" + PAIR;
  const ids = (text: string): string[] => lint(text, [initSyncLimits]).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId}`);

  it("without a comment, both messages are reported (the baseline)", () => {
    expect(ids(NO_TICK)).toEqual(["1:1 init-sync-limits/tickMissing", "1:11 init-sync-limits/notNumber"]);
  });

  it("zkcfg-disable drops that message wherever it is, also at 1:1 for a key that is not written, and keeps the rule's others", () => {
    expect(ids(NO_TICK + "# zkcfg-disable init-sync-limits/tickMissing -- tickTime comes from the start script\n")).toEqual([
      "1:11 init-sync-limits/notNumber",
    ]);
  });

  it("zkcfg-disable-next-line drops that message on the next entry only", () => {
    expect(ids("# zkcfg-disable-next-line init-sync-limits/notNumber\n" + NO_TICK)).toEqual(["1:1 init-sync-limits/tickMissing"]);
  });

  it("mixes with whole rules in one comment", () => {
    expect(
      lint(NO_TICK + "# zkcfg-disable odd-server-count, init-sync-limits/tickMissing\n", [initSyncLimits, oddServerCount]).messages.map((m) => m.messageId),
    ).toEqual(["notNumber"]);
  });

  it("reports a message id the rule does not have, with the likely one", () => {
    expect(lint(NO_TICK + "# zkcfg-disable init-sync-limits/tickMising\n", [initSyncLimits]).messages).toContainEqual({
      ruleId: "unused-disable",
      messageId: "unknownMessageSimilar",
      line: 7,
      column: 17,
      endLine: 7,
      endColumn: 44,
      severity: 1,
      message:
        '"init-sync-limits/tickMising" names no message of init-sync-limits, so "zkcfg-disable" disables nothing for it; did you mean "init-sync-limits/tickMissing"?',
    });
  });

  it("reports a message id unlike any, with the rule's message ids", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable odd-server-count/quorum\n").messages).toEqual([
      expect.objectContaining(twoVoters(6)),
      expect.objectContaining({
        messageId: "unknownMessage",
        line: 8,
        column: 17,
        endLine: 8,
        endColumn: 40,
        message: `"odd-server-count/quorum" names no message of odd-server-count, so "zkcfg-disable" disables nothing for it; odd-server-count's message ids are ${Object.keys(oddServerCount.meta.messages).join(", ")} (the messageId of --format json)`,
      }),
    ]);
  });

  it("reports a message that the rule does not report in the file", () => {
    expect(lint(NO_TICK + "# zkcfg-disable init-sync-limits/syncOverInit\n", [initSyncLimits]).messages).toContainEqual(
      expect.objectContaining({
        ruleId: "unused-disable",
        messageId: "unusedFile",
        line: 7,
        column: 17,
        endLine: 7,
        endColumn: 46,
        message:
          '"zkcfg-disable init-sync-limits/syncOverInit" disables nothing: init-sync-limits/syncOverInit reports nothing in this file; remove init-sync-limits/syncOverInit from the comment',
      }),
    );
  });

  it("reports an unknown rule by its rule part", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable odd-server-counts/two\n").messages).toContainEqual(
      expect.objectContaining({
        messageId: "unknownRuleSimilar",
        message: '"odd-server-counts" is not a zkcfg rule, so "zkcfg-disable" disables nothing for it; did you mean "odd-server-count"?',
      }),
    );
  });

  it("says nothing about a message of a rule that did not run", () => {
    expect(lint(HEAD + PAIR + "# zkcfg-disable port-collision/collision\n").messages).toEqual([expect.objectContaining(twoVoters(6))]);
  });
});

import { describe, expect, it } from "vitest";
import { ruleMessage } from "../../src/lint/rule-info.js";
import oddServerCount from "../../rules/odd-server-count.js";

describe("ruleMessage", () => {
  it("fills a rule's message as a run prints it", () => {
    expect(oddServerCount.meta.messages.even.text).toContain("{{count}}");
    expect(ruleMessage("odd-server-count", "even", { count: 4, tolerated: 1, fewer: 3, more: 5 })).toBe(
      "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
    );
  });

  it("refuses an id no rule has, rather than print an empty sentence", () => {
    expect(() => ruleMessage("odd-server-count", "three")).toThrow("odd-server-count has no message three");
    expect(() => ruleMessage("no-such-rule", "even")).toThrow("no-such-rule has no message even");
  });
});

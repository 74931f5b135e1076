// A message states its severity only where it differs from what its impact gives (severityOf):
// every other declaration repeats the impact and could drift from it.
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { composeMeta, COMPOSE } from "../../src/compose/meta.js";
import { UNUSED_DISABLE, unusedDisableMeta } from "../../src/lint/directives.js";
import { severityOf, type MessageMeta, type RuleMeta } from "../../src/lint/rule.js";

/** The ids of the messages whose stated severity is the one their impact gives anyway. */
function redundantSeverities(messages: Record<string, MessageMeta>): string[] {
  return Object.entries(messages)
    .filter(([, meta]) => meta.severity !== undefined && meta.severity === severityOf({ text: meta.text, impact: meta.impact }))
    .map(([id]) => id);
}

const metas: [string, RuleMeta<string>][] = [
  ...rules.map((r): [string, RuleMeta<string>] => [r.id, r.meta]),
  [COMPOSE, composeMeta],
  [UNUSED_DISABLE, unusedDisableMeta],
];

describe("a message states its severity only as an exception to its impact", () => {
  for (const [id, meta] of metas) {
    it(id, () => expect(redundantSeverities(meta.messages)).toEqual([]));
  }

  it("finds a severity that repeats the impact", () => {
    const messages: Record<string, MessageMeta> = {
      derived: { text: "a", impact: "startup" },
      exception: { text: "b", impact: "runtime", severity: "error" },
      note: { text: "c", impact: "maintenance", severity: "info" },
      repeated: { text: "d", impact: "resilience", severity: "warn" },
      repeatedError: { text: "e", impact: "startup", severity: "error" },
    };
    expect(redundantSeverities(messages)).toEqual(["repeated", "repeatedError"]);
  });
});

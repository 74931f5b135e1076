import { defineRule } from "../src/lint/rule.js";

export default defineRule({
  id: "odd-server-count",
  meta: {
    description: "An ensemble should have an odd number of voting members",
    fixable: false,
    messages: {
      two: {
        text: "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members",
        impact: "resilience",
      },
      even: {
        text: "{{count}} voting members tolerate {{tolerated}} failure(s), no more than {{fewer}} would; use {{fewer}} or {{more}}",
        impact: "resilience",
      },
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config } = file;
      if (!config.isQuorum) continue;
      const count = config.participants.length;
      if (count % 2 === 1 || count === 0) continue;
      const tolerated = Math.floor((count - 1) / 2);
      const range = config.anchor;
      if (count === 2) yield { messageId: "two", file, range };
      else yield { messageId: "even", data: { count, tolerated, fewer: count - 1, more: count + 1 }, file, range };
    }
  },
});

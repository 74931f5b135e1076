import { describe, expect, it } from "vitest";
import { excerpt, EXCERPT_LENGTH } from "../../src/lint/excerpt.js";

describe("excerpt", () => {
  it("quotes a short value as it is", () => {
    expect(excerpt("2 ")).toBe("2 ");
    expect(excerpt("\uFEFF1")).toBe("\uFEFF1");
  });

  it("cuts a long value, marking the cut", () => {
    const quoted = excerpt("CI_DEPLOY_TOKEN=glpat-0123456789abcdef");
    expect(quoted).toBe("CI_DEPLOY_TOKEN=glpa…");
    expect(quoted.length).toBe(EXCERPT_LENGTH + 1);
  });

  it("escapes control characters, counting the escapes against the length", () => {
    expect(excerpt("a\u0000b\tc\u001b[2J\u009b")).toBe("a\\x00b\\tc\\x1B[2J\\x9B");
    expect(excerpt("\n".repeat(30))).toBe(`${"\\n".repeat(10)}…`);
  });
});

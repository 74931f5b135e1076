import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/format/unified-diff.js";

const TEN = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n";

describe("unifiedDiff", () => {
  it("prints diff -u's hunks: 3 lines of context, the missing last line break marked", () => {
    // As `diff -u` prints it for the same two files.
    expect(unifiedDiff("a/x.cfg", "b/x.cfg", TEN, TEN.replace("l5", "L5").replace(/\n$/, ""))).toBe(
      "--- a/x.cfg\n+++ b/x.cfg\n@@ -2,9 +2,9 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n l9\n-l10\n+l10\n\\ No newline at end of file\n",
    );
  });

  it("splits changes far apart into hunks, and leaves out a count of 1", () => {
    const after = TEN.replace("l1\n", "L1\n").replace("l10", "L10");
    expect(unifiedDiff("a/x", "b/x", TEN, after)).toBe(
      "--- a/x\n+++ b/x\n@@ -1,4 +1,4 @@\n-l1\n+L1\n l2\n l3\n l4\n@@ -7,4 +7,4 @@\n l7\n l8\n l9\n-l10\n+L10\n",
    );
    expect(unifiedDiff("a/x", "b/x", "only\n", "changed\n")).toBe("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-only\n+changed\n");
  });

  it("shows a new file as a diff from /dev/null", () => {
    expect(unifiedDiff("/dev/null", "b/data/myid", "", "1\n")).toBe("--- /dev/null\n+++ b/data/myid\n@@ -0,0 +1 @@\n+1\n");
  });

  it("escapes control characters in lines and names, so a terminal shows them", () => {
    const before = "dataDir /var/zk\r\nx=\x1b[2J\n";
    expect(unifiedDiff("a/\x1b]0;t\x07.cfg", "b/z.cfg", before, "dataDir=/var/zk\nx=\x1b[2J\n")).toBe(
      "--- a/\\x1b]0;t\\x07.cfg\n+++ b/z.cfg\n@@ -1,2 +1,2 @@\n-dataDir /var/zk\\r\n+dataDir=/var/zk\n x=\\x1b[2J\n",
    );
  });

  it("is empty for the same text", () => {
    expect(unifiedDiff("a/x", "b/x", TEN, TEN)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { escapeControls, escapeLeadingPath, printedLine } from "../../src/format/escape.js";

describe("escapeControls", () => {
  it("shows C0 as \\n, \\r, \\t or \\xNN, and DEL, C1, separators and bidi marks as \\uNNNN", () => {
    expect(escapeControls("a\nb\rc\td\u0000e\u001b[2Jf\u007f\u009b\u0085\u2028\u2029\u202e\u2066\u200f")).toBe(
      "a\\nb\\rc\\td\\x00e\\x1b[2Jf\\u007f\\u009b\\u0085\\u2028\\u2029\\u202e\\u2066\\u200f",
    );
  });

  it("leaves printable text alone, backslashes and non-ASCII letters included", () => {
    expect(escapeControls('dataDir "/srv/données" \\u00E9 ✖')).toBe('dataDir "/srv/données" \\u00E9 ✖');
  });

  it("keeps line breaks when asked, for text whose line breaks are zkcfg's own", () => {
    expect(escapeControls("a\u001b\nb\r\n", true)).toBe("a\\x1b\nb\\r\n");
  });

  it("keeps JSON text valid and meaning the same", () => {
    const value = { s: "\u007f\u0080\u009f\u2028\u2029\u202e\u0000\n\u001b" };
    const json = escapeControls(JSON.stringify(value, null, 2), true);
    expect(JSON.parse(json)).toEqual(value);
    expect([...json].some((c) => c !== "\n" && escapeControls(c) !== c)).toBe(false);
  });
});

describe("printedLine and escapeLeadingPath", () => {
  it("print one line, whatever the text holds", () => {
    expect(printedLine("zkcfg: a\n::error file=x::y")).toBe("zkcfg: a\\n::error file=x::y\n");
  });

  it("put ./ before a path that would begin a line with ::", () => {
    expect(escapeLeadingPath("::error file=x::y.cfg")).toBe("./::error file=x::y.cfg");
    expect(escapeLeadingPath("conf/zoo\n.cfg")).toBe("conf/zoo\\n.cfg");
    expect(escapeLeadingPath(":a.cfg")).toBe(":a.cfg");
  });
});

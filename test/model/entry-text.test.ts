import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { entryLines, writtenValue } from "../../src/model/entry-text.js";

function first(text: string): { text: string; value: ReturnType<typeof writtenValue>; lines: ReturnType<typeof entryLines> } {
  const doc = parseDocument(text);
  const entry = doc.entries[0]!;
  return { text, value: writtenValue(entry, doc.source), lines: entryLines(entry, doc.source) };
}

describe("writtenValue", () => {
  it("finds the escapes Properties changes: Windows separators and control escapes", () => {
    const { value } = first("dataDir=C:\\zk\\tmp\n");
    expect(value.raw).toBe("C:\\zk\\tmp");
    expect(value.lostEscapes).toEqual([
      { range: { start: 10, end: 12 }, written: "\\z" },
      { range: { start: 13, end: 15 }, written: "\\t" },
    ]);
  });

  it("leaves escapes that mean what they say", () => {
    expect(first("dataDir=C:\\\\zk\\\\data\n").value.lostEscapes).toEqual([]);
    expect(first("dataDir=/data\\ dir\\=x\\:y\\#z\\u0041\n").value.lostEscapes).toEqual([]);
  });

  it("finds each line a trailing backslash joins, with the joined text", () => {
    const { value } = first("dataDir=/d\\\n   clientPort=2181\n");
    expect(value.continuations).toEqual([{ range: { start: 10, end: 11 }, line: "clientPort=2181" }]);
    expect(first("x=1\\\r\n  y=2\r\n").value.continuations).toEqual([{ range: { start: 3, end: 4 }, line: "y=2" }]);
    expect(first("a=b\\\\\nc=d\n").value.continuations).toEqual([]);
  });
});

describe("entryLines", () => {
  it("spans the entry's physical lines and its terminator", () => {
    const { text, lines } = first("  dataDir=/d\\\n  more\r\nnext=1\n");
    expect(text.slice(lines.start, lines.end)).toBe("  dataDir=/d\\\n  more\r\n");
    const last = first("key=value");
    expect(last.text.slice(last.lines.start, last.lines.end)).toBe("key=value");
  });
});

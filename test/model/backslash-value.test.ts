import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { lostBackslashes, printable, swallowedLines } from "../../src/model/backslash-value.js";

const first = (text: string) => {
  const doc = parseDocument(text);
  return { entry: doc.entries[0]!, source: doc.source };
};

describe("lostBackslashes", () => {
  it("gives a Windows path as written and with forward slashes", () => {
    const { entry, source } = first("dataDir=C:\\zookeeper\\data\n");
    expect(entry.value).toBe("C:zookeeperdata");
    expect(lostBackslashes(entry, source)).toEqual({ written: "C:\\zookeeper\\data", slashed: "C:/zookeeper/data" });
  });

  it("turns doubled backslashes, which Properties reads as one, into slashes too", () => {
    const { entry, source } = first("dataDir=C:\\\\zk\\data\n");
    expect(lostBackslashes(entry, source)).toEqual({ written: "C:\\\\zk\\data", slashed: "C:/zk/data" });
  });

  it("finds nothing where every escape means what it says, or a backslash joins lines", () => {
    const escaped = first("dataDir=C:\\\\zk\\\\data\n");
    expect(lostBackslashes(escaped.entry, escaped.source)).toBeUndefined();
    const joined = first("dataDir=C:\\zk\\\n  more\n");
    expect(lostBackslashes(joined.entry, joined.source)).toBeUndefined();
  });
});

describe("swallowedLines", () => {
  it("finds joined lines that read as an entry or a comment", () => {
    const entry = first("dataDir=/d\\\nclientPort=2181\n");
    expect(swallowedLines(entry.entry, entry.source)).toEqual([{ range: { start: 10, end: 11 }, line: "clientPort=2181", looksLike: "entry" }]);
    const comment = first("dataDir=/d\\\n# data\n");
    expect(swallowedLines(comment.entry, comment.source)).toEqual([{ range: { start: 10, end: 11 }, line: "# data", looksLike: "comment" }]);
  });

  it("leaves a continued value: a joined line that is more of it", () => {
    const { entry, source } = first("4lw.commands.whitelist=stat, \\\n  ruok\n");
    expect(swallowedLines(entry, source)).toEqual([]);
  });
});

describe("printable", () => {
  it("names the control chars an escape made", () => {
    expect(printable("C:\tmp\nx\ry\fz")).toBe("C:<TAB>mp<LF>x<CR>y<FF>z");
    expect(printable("/plain")).toBe("/plain");
  });
});

import { describe, expect, it } from "vitest";
import { parseDocument, type Document, type Entry } from "../../src/parse/document.js";
import { extraGrepLines, type ScriptKey } from "../../src/model/script-view.js";

/** The text of each line, besides the key's own, that grep picks for `key`. */
function extra(key: ScriptKey, ...lines: string[]): string[] {
  const doc: Document = parseDocument(lines.join("\n") + "\n");
  const entry = doc.entries.find((e) => e.key === key) as Entry;
  return extraGrepLines(doc, key, entry).map((l) => l.text);
}

describe("extraGrepLines", () => {
  it("none when the key's name is on its own line alone", () => {
    expect(extra("dataDir", "tickTime=2000", "dataDir=/var/lib/zookeeper")).toEqual([]);
  });

  it("the key's name in a comment and in a value: grep wants it at the start of a line", () => {
    expect(extra("dataDir", "# dataDir below is on the data disk", "dataDir=/var/lib/zookeeper", "snapDir=/dataDir")).toEqual([]);
  });

  it("clientPortAddress is not clientPort for zkServer.sh status, which wants a non-letter after the name", () => {
    expect(extra("clientPort", "clientPortAddress=10.0.0.1", "clientPort=2181")).toEqual([]);
  });

  it("an indented key that starts with dataDir is picked too", () => {
    expect(extra("dataDir", "dataDir=/var/lib/zookeeper", "  dataDirBackup=/backup")).toEqual(["  dataDirBackup=/backup"]);
  });

  it("a second line of the key, with the CR grep keeps", () => {
    expect(extra("clientPort", "clientPort=2181\r", "clientPort 2182\r")).toEqual(["clientPort 2182\r"]);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, printDocument, type Entry } from "../../src/parse/document.js";
import { decodeLatin1 } from "../../src/parse/source.js";
import { CORPUS } from "../property/arbitraries.js";

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith(".md")) out.push(p);
    }
  };
  try {
    walk(CORPUS);
  } catch {
    // The corpus sits beside the checkout; without it only the hand-written cases run.
  }
  return out;
}

/** What Properties.load would store, as [key, value] pairs in file order. */
const pairs = (text: string): [string, string][] => parseDocument(text).entries.map((e) => [e.key, e.value]);
const slice = (text: string, e: Entry, which: "keyRange" | "valueRange"): string => text.slice(e[which].start, e[which].end);

describe("Properties.load semantics", () => {
  it.each([
    ["key=value", [["key", "value"]]],
    ["key = value", [["key", "value"]]],
    ["key: value", [["key", "value"]]],
    ["key value", [["key", "value"]]],
    ["key\tvalue", [["key", "value"]]],
    ["   key=value", [["key", "value"]]],
    ["key==value", [["key", "=value"]]],
    ["key :=value", [["key", "=value"]]],
    ["key", [["key", ""]]],
    ["key=", [["key", ""]]],
    ["=value", [["", "value"]]],
    ["key=value  ", [["key", "value  "]]],
    ["key=a # not a comment", [["key", "a # not a comment"]]],
    ["# comment\n! also\n  # indented", []],
    ["a=1\\\n   2", [["a", "12"]]],
    [
      "a=1\\\n\nb=2",
      [
        ["a", "1"],
        ["b", "2"],
      ],
    ],
    [
      "a=1\\\n# continued\nb=2",
      [
        ["a", "1# continued"],
        ["b", "2"],
      ],
    ],
    ["# comment \\\nb=2", [["b", "2"]]],
    [
      "a=1\\\\\nb=2",
      [
        ["a", "1\\"],
        ["b", "2"],
      ],
    ],
    ["a=C:\\zk\\data", [["a", "C:zkdata"]]],
    ["a=\\u0041\\t\\n", [["a", "A\t\n"]]],
    ["client\\ Port=2181", [["client Port", "2181"]]],
    ["key\\=x=y", [["key=x", "y"]]],
    [
      "a=1\r\nb=2\rc=3\n",
      [
        ["a", "1"],
        ["b", "2"],
        ["c", "3"],
      ],
    ],
    ["a=1\\", [["a", "1"]]],
    ["dataDir=/d\\\nclientPort=2181", [["dataDir", "/dclientPort=2181"]]],
    ["k=v\n\n\n", [["k", "v"]]],
    ["\uFEFFtickTime=2000", [["\u00EF\u00BB\u00BFtickTime", "2000"]]],
  ] as [string, [string, string][]][])("%j", (input, expected) => {
    const text = input.includes("\uFEFF") ? decodeLatin1(Buffer.from(input, "utf8")) : input;
    expect(pairs(text)).toEqual(expected);
  });

  it("keeps duplicate keys in file order (the model lets the last one win)", () => {
    expect(pairs("clientPort=2181\nclientPort=2182\n")).toEqual([
      ["clientPort", "2181"],
      ["clientPort", "2182"],
    ]);
  });

  it("reports a malformed \\uXXXX escape at its place", () => {
    const text = "dataDir=/tmp/zk\\u00G1\n";
    const doc = parseDocument(text);
    expect(doc.problems).toEqual([{ message: "Malformed \\uxxxx encoding.", range: { start: 15, end: 21 } }]);
  });

  it("gives key and value ranges that point at the raw text", () => {
    const text = "# c\n  server.1 = localhost:3333:3334  \nclient\\ Port:2181\nmulti=a\\\n    b\n";
    const [server, client, multi] = parseDocument(text).entries as [Entry, Entry, Entry];
    expect(slice(text, server, "keyRange")).toBe("server.1");
    expect(slice(text, server, "valueRange")).toBe("localhost:3333:3334  ");
    expect(doc(text).source.positionAt(server.valueRange.start)).toEqual({ line: 2, column: 14 });
    expect(slice(text, client, "keyRange")).toBe("client\\ Port");
    expect(slice(text, client, "valueRange")).toBe("2181");
    expect(multi.value).toBe("ab");
    expect(multi.continued).toBe(true);
    expect(text.slice(multi.valueOffset(1), multi.valueOffset(1) + 1)).toBe("b");
    expect(doc(text).source.positionAt(multi.valueOffset(1))).toEqual({ line: 5, column: 5 });
  });

  it("counts an entry as continued only when a backslash line joins its own text", () => {
    const [after, before] = parseDocument("a=1\\\n  2\n\\\nb=2\n").entries as [Entry, Entry];
    expect([after.key, after.value, after.continued]).toEqual(["a", "12", true]);
    expect([before.key, before.value, before.continued]).toEqual(["b", "2", false]);
  });
});

const doc = parseDocument;

describe("lossless printing", () => {
  it.each([
    "",
    "\n",
    "a=b",
    "a=b\r\n\r\n# c\r\n",
    "  \t\f\n",
    "\\",
    "\\\\\\",
    "a=\\\n\\\n\\",
    "\u00EF\u00BB\u00BFtickTime=2000\n",
    "# only a comment",
    "x=\\uZZZZ\\u12",
    "!\n#\n=\n:\n \n",
  ])("print(parse(%j)) is the input", (text) => {
    expect(printDocument(parseDocument(text))).toBe(text);
  });

  const files = corpusFiles();
  // A clone without shared/ beside it has no corpus: say so rather than fail.
  it.skipIf(!existsSync(CORPUS))(`finds the real-world corpus${existsSync(CORPUS) ? "" : ` (skipped: no corpus at ${CORPUS})`}`, () => {
    expect(files.length).toBeGreaterThan(50);
  });
  it.each(files.map((f) => [f.slice(CORPUS.length + 1), f]))("%s round-trips", (_name, path) => {
    const text = decodeLatin1(readFileSync(path));
    const parsed = parseDocument(text);
    expect(printDocument(parsed)).toBe(text);
    for (const e of parsed.entries) {
      expect(e.range.start).toBeLessThanOrEqual(e.keyRange.start);
      expect(e.valueRange.end).toBeLessThanOrEqual(text.length);
    }
  });
});

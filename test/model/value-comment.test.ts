import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { javaTrim } from "../../src/model/java-number.js";
import { commentStart, trailingComment } from "../../src/model/value-comment.js";

/** The first entry's trailing comment, and the text that removing it leaves. */
function comment(text: string): { found: ReturnType<typeof trailingComment>; after: string } {
  const doc = parseDocument(text);
  const entry = doc.entries[0]!;
  const found = trailingComment(entry, javaTrim(entry.value));
  const after = found ? text.slice(0, found.range.start) + text.slice(found.range.end) : text;
  return { found, after };
}

describe("commentStart", () => {
  it("finds # or ! after a blank, the way people write end-of-line comments", () => {
    expect(commentStart("2181 # clients")).toBe(5);
    expect(commentStart("/data\t! old")).toBe(6);
    expect(commentStart("a\f#b")).toBe(2);
  });

  it("leaves # and ! that are part of a value", () => {
    expect(commentStart("#ff")).toBeUndefined();
    expect(commentStart("pass#word")).toBeUndefined();
    expect(commentStart("/data/dir!")).toBeUndefined();
  });
});

describe("trailingComment", () => {
  it("gives the comment, the value it leaves, and what removing it removes", () => {
    const { found, after } = comment("clientPort=2181   # clients\nnext=1\n");
    expect(found).toMatchObject({ text: "# clients", kept: "2181" });
    expect(after).toBe("clientPort=2181\nnext=1\n");
  });

  it("keeps the blanks before the value and an escape inside it", () => {
    const { found, after } = comment("dataDir =  /data\\ dir # here\n");
    expect(found).toMatchObject({ text: "# here", kept: "/data dir" });
    expect(after).toBe("dataDir =  /data\\ dir\n");
  });

  it("finds none in a value without one", () => {
    expect(comment("clientPort=2181\n").found).toBeUndefined();
  });
});

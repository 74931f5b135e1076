import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/fix/apply.js";

const edit = (start: number, end: number, text: string) => ({ range: { start, end }, text });

describe("applyEdits", () => {
  it("keeps the text when there is nothing to do", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => applyEdits(text, []) === text));
  });

  it("replaces, inserts and deletes, whatever order the edits come in", () => {
    const text = "dataDir /var/zk\r\nclientPort 2181\r\n";
    const edits = [edit(27, 28, "="), edit(15, 16, ""), edit(7, 8, "="), edit(32, 33, ""), edit(0, 0, "# fixed\n")];
    expect(applyEdits(text, edits)).toBe("# fixed\ndataDir=/var/zk\nclientPort=2181\n");
  });

  it("leaves an edit that overlaps an earlier one for the next pass", () => {
    expect(applyEdits("abcdef", [edit(1, 4, "X"), edit(3, 5, "Y")])).toBe("aXef");
    expect(applyEdits("abcdef", [edit(3, 5, "Y"), edit(0, 6, "Z")])).toBe("Z");
  });

  it("takes one of two edits of the same range, and of two insertions at one place", () => {
    expect(applyEdits("abc", [edit(1, 2, "X"), edit(1, 2, "Y")])).toHaveLength(3);
    expect(applyEdits("abc", [edit(1, 1, "X"), edit(1, 1, "Y")])).toHaveLength(4);
  });

  it("lets edits touch end to start", () => {
    expect(applyEdits("abcd", [edit(0, 2, "X"), edit(2, 4, "Y")])).toBe("XY");
  });

  it("ignores a range outside the text", () => {
    expect(applyEdits("abc", [edit(2, 9, "X"), edit(-1, 1, "Y"), edit(2, 1, "Z")])).toBe("abc");
  });

  it("changes exactly the ranges of disjoint edits", () => {
    const disjoint = fc
      .tuple(fc.string({ unit: "binary", minLength: 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string()), { maxLength: 6 }))
      .map(([text, raw]) => {
        // Cut the text at sorted points and edit every other piece: the pieces cannot overlap.
        const points = [...new Set(raw.flatMap(([a, b]) => [a % (text.length + 1), b % (text.length + 1)]))].sort((x, y) => x - y);
        const edits = [];
        for (let i = 0; i + 1 < points.length; i += 2) edits.push(edit(points[i]!, points[i + 1]!, raw[i % raw.length]![2]));
        return { text, edits };
      });
    fc.assert(
      fc.property(disjoint, ({ text, edits }) => {
        let expected = text;
        for (const e of [...edits].reverse()) expected = expected.slice(0, e.range.start) + e.text + expected.slice(e.range.end);
        return applyEdits(text, [...edits].reverse()) === expected;
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { keySpec, type KeySpec } from "../../src/model/keys.js";
import { rangeBreach } from "../../src/model/value-range.js";

const spec = (name: string): KeySpec => {
  const found = keySpec(name);
  if (!found) throw new Error(`no key ${name}`);
  return found;
};

describe("rangeBreach", () => {
  it("reports a number below min or above max, at the limit it passes", () => {
    expect(rangeBreach(spec("clientPort"), 65536, "3.9")).toEqual({ kind: "outside", side: "above", limit: 65535 });
    expect(rangeBreach(spec("clientPort"), -1, "3.9")).toEqual({ kind: "outside", side: "below", limit: 0 });
    expect(rangeBreach(spec("autopurge.snapRetainCount"), 2, "3.9")).toEqual({ kind: "outside", side: "below", limit: 3 });
    expect(rangeBreach(spec("snapshotSizeFactor"), 1.5, "3.9")).toEqual({ kind: "outside", side: "above", limit: 1 });
  });

  it("takes the limits themselves", () => {
    expect(rangeBreach(spec("clientPort"), 0, "3.9")).toBeUndefined();
    expect(rangeBreach(spec("clientPort"), 65535, "3.9")).toBeUndefined();
    expect(rangeBreach(spec("autopurge.snapRetainCount"), 3, "3.9")).toBeUndefined();
  });

  it("electionAlg: only 3 from 3.6 on; 0 to 2 still accepted before", () => {
    expect(rangeBreach(spec("electionAlg"), 3, "3.9")).toBeUndefined();
    expect(rangeBreach(spec("electionAlg"), 0, "3.6")).toEqual({ kind: "notAllowed", values: ["3"], refused: true, since: "3.6" });
    expect(rangeBreach(spec("electionAlg"), 1, "3.5")).toEqual({ kind: "notAllowed", values: ["3"], refused: false, since: "3.6" });
  });

  it("a key without limits takes any number", () => {
    expect(rangeBreach(spec("preAllocSize"), -5, "3.9")).toBeUndefined();
  });
});

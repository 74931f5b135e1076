import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { lineValue, portAfter } from "../../src/model/server-spec.js";

describe("lineValue", () => {
  it("3.4 trims a server line; 3.5 and later read it as written", () => {
    const entry = parseDocument("server.1=zk1:2888:3888  \n").entries[0]!;
    expect(lineValue(entry, "3.4")).toBe("zk1:2888:3888");
    expect(lineValue(entry, "3.5")).toBe("zk1:2888:3888  ");
  });
});

describe("portAfter", () => {
  it("finds the port ZooKeeper reads after a char it skipped past ']'", () => {
    const c = new ZooConfig(parseDocument("server.1=[::1]x2888:3888;[::1]y2181\nserver.2=zk2:2888:3888\n"), "3.9");
    const spec = c.server(1n)!;
    expect(new Map(spec.skipped.map((s) => [s.value, portAfter(spec, s.range.end)]))).toEqual(
      new Map([
        ["x", 2888],
        ["y", 2181],
      ]),
    );
    expect(portAfter(spec, 0)).toBeUndefined();
  });
});

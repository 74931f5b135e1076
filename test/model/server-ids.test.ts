import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { idProblems, plainIds, respelledIds } from "../../src/model/server-ids.js";

const config = (...lines: string[]): ZooConfig => new ZooConfig(parseDocument(lines.join("\n") + "\n"), "3.9");
const line = (id: string): string => `server.${id}=zk${id}:2888:3888`;
const summary = (c: ZooConfig) =>
  idProblems(c).map((p) => ({
    kind: p.kind,
    key: p.spec.entry.key,
    ...(p.kind === "unset" ? {} : { low: p.low }),
    ...(p.kind === "sessionClash" ? { other: p.other.entry.key } : {}),
  }));

describe("server ids", () => {
  it("ids from 1 to 255, one line each, are plain", () => {
    const c = config(line("1"), line("2"), line("255"));
    expect(plainIds(c)).toBe(true);
    expect(idProblems(c)).toEqual([]);
    expect(respelledIds(c)).toEqual([]);
  });

  it("0, 256 and 1000 are outside 1-255; a session id carries their low 8 bits", () => {
    const c = config(line("0"), line("256"), line("1000"));
    expect(plainIds(c)).toBe(false);
    expect(summary(c)).toEqual([
      { kind: "sessionClash", key: "server.0", low: 0n, other: "server.256" },
      { kind: "sessionClash", key: "server.256", low: 0n, other: "server.0" },
      { kind: "outOfRange", key: "server.1000", low: 232n },
    ]);
  });

  it("257 shares its low bits with server 1, which is itself in range", () => {
    expect(summary(config(line("1"), line("257")))).toEqual([{ kind: "sessionClash", key: "server.257", low: 1n, other: "server.1" }]);
  });

  it("-1 is ZooKeeper's 'no id'", () => {
    expect(summary(config(line("1"), line("-1")))).toEqual([{ kind: "unset", key: "server.-1" }]);
  });

  it("server.2 and server.02 are one id, reported from each side; the same key twice is not", () => {
    const c = config(line("1"), line("2"), "server.02=other:2888:3888");
    expect(plainIds(c)).toBe(false);
    expect(respelledIds(c).map(({ spec, other }) => [spec.entry.key, other.entry.key])).toEqual([
      ["server.2", "server.02"],
      ["server.02", "server.2"],
    ]);
    expect(respelledIds(config(line("1"), line("1")))).toEqual([]);
  });
});

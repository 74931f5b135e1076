import { describe, expect, it } from "vitest";
import { keySpec, type KeySpec } from "../../src/model/keys.js";
import { decodes, isNumberKey, numberException, numberKind, readerName, readNumberValue } from "../../src/model/number-value.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const spec = (name: string): KeySpec => {
  const found = keySpec(name);
  if (!found) throw new Error(`no key ${name}`);
  return found;
};

// Each reading as Java 17 gives it (Integer.getInteger with the value as the system property,
// Integer.parseInt, Long.parseLong(text, 16), Double.parseDouble).
describe("readNumberValue", () => {
  it("Integer.getInteger decodes hex and octal, and a leading 0 before 8 or 9 reads nothing", () => {
    const admin = spec("admin.serverPort");
    expect(readNumberValue(admin, "0x1F")).toEqual({ kind: "number", value: 31 });
    expect(readNumberValue(admin, "#ff")).toEqual({ kind: "number", value: 255 });
    expect(readNumberValue(admin, "010")).toEqual({ kind: "octal", decoded: "8", decimal: "10" });
    expect(readNumberValue(admin, "-010")).toEqual({ kind: "octal", decoded: "-8", decimal: "-10" });
    expect(readNumberValue(admin, "+010")).toEqual({ kind: "octal", decoded: "8", decimal: "+10" });
    expect(readNumberValue(admin, "08")).toEqual({ kind: "octalInvalid", decimal: "8" });
    expect(readNumberValue(admin, "08080")).toEqual({ kind: "octalInvalid", decimal: "8080" });
    expect(readNumberValue(admin, "9090x")).toEqual({ kind: "unreadable" });
    expect(readNumberValue(admin, "0x")).toEqual({ kind: "unreadable" });
  });

  it("an octal value that means its digits is just a number", () => {
    expect(readNumberValue(spec("admin.serverPort"), "00")).toEqual({ kind: "number", value: 0 });
    expect(readNumberValue(spec("admin.serverPort"), "07")).toEqual({ kind: "number", value: 7 });
  });

  it("Integer.getInteger's int range: 017777777777 is the largest int, 020000000000 reads nothing", () => {
    const admin = spec("admin.serverPort");
    expect(readNumberValue(admin, "017777777777")).toEqual({ kind: "octal", decoded: "2147483647", decimal: "17777777777" });
    expect(readNumberValue(admin, "020000000000")).toEqual({ kind: "octalInvalid", decimal: "20000000000" });
    expect(readNumberValue(admin, "2147483648")).toEqual({ kind: "unreadable" });
  });

  it("Long.getLong decodes as Integer.getInteger does, within a long", () => {
    expect(readNumberValue(spec("snapSizeLimitInKb"), "2147483648")).toEqual({ kind: "number", value: 2147483648 });
    expect(readNumberValue(spec("snapSizeLimitInKb"), "010")).toEqual({ kind: "octal", decoded: "8", decimal: "10" });
  });

  it("Integer.parseInt takes a sign and decimal digits only, leading zeros as decimal", () => {
    const port = spec("clientPort");
    expect(readNumberValue(port, "+5")).toEqual({ kind: "number", value: 5 });
    expect(readNumberValue(port, "-0")).toEqual({ kind: "number", value: 0 });
    expect(readNumberValue(port, "05")).toEqual({ kind: "number", value: 5 });
    expect(readNumberValue(port, "0x881")).toEqual({ kind: "unreadable" });
    expect(readNumberValue(port, "2147483648")).toEqual({ kind: "unreadable" });
    expect(readNumberValue(port, "")).toEqual({ kind: "unreadable" });
  });

  it("Long.parseLong(text, 16) takes hex digits and a sign, no 0x", () => {
    const version = spec("version");
    expect(readNumberValue(version, "100000000")).toEqual({ kind: "number", value: 4294967296 });
    expect(readNumberValue(version, "-ff")).toEqual({ kind: "number", value: -255 });
    expect(readNumberValue(version, "0x10")).toEqual({ kind: "unreadable" });
    expect(readNumberValue(version, "FFFFFFFFFFFFFFFF")).toEqual({ kind: "unreadable" });
  });

  it("Double.parseDouble takes Java's float literals: exponents, suffixes, hex, NaN", () => {
    const factor = spec("snapshotSizeFactor");
    expect(readNumberValue(factor, "1e3f")).toEqual({ kind: "number", value: 1000 });
    expect(readNumberValue(factor, "0x1p3")).toEqual({ kind: "number", value: 8 });
    expect(readNumberValue(factor, "0x.8p1")).toEqual({ kind: "number", value: 1 });
    expect(readNumberValue(factor, ".5")).toEqual({ kind: "number", value: 0.5 });
    expect(readNumberValue(factor, "5.")).toEqual({ kind: "number", value: 5 });
    expect(readNumberValue(factor, "-Infinity")).toEqual({ kind: "number", value: -Infinity });
    expect(readNumberValue(factor, "1,5")).toEqual({ kind: "unreadable" });
  });
});

describe("a number key's reader", () => {
  it("names the Java call, the kind of number and whether it decodes", () => {
    expect([readerName(spec("version")), numberKind(spec("version")), decodes(spec("version"))]).toEqual(["Long.parseLong", "hex", false]);
    expect([readerName(spec("pathStats.sampleRate")), numberKind(spec("pathStats.sampleRate"))]).toEqual(["Float.parseFloat", "decimal"]);
    expect([readerName(spec("admin.serverPort")), numberKind(spec("admin.serverPort")), decodes(spec("admin.serverPort"))]).toEqual([
      "Integer.getInteger",
      "whole",
      true,
    ]);
    expect(isNumberKey(spec("clientPort"))).toBe(true);
    expect(isNumberKey(spec("standaloneEnabled"))).toBe(false);
  });

  it("gives Java's exception text", () => {
    expect(numberException(spec("clientPort"), "2181x")).toBe('NumberFormatException: For input string: "2181x"');
    expect(numberException(spec("pathStats.sampleRate"), "")).toBe("NumberFormatException: empty String");
    expect(numberException(spec("version"), "0x1")).toBe('NumberFormatException: For input string: "0x1" under radix 16');
  });
});

describe("the catalog's number keys", () => {
  const catalog = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "schemas", "zoo-cfg-keys.json"), "utf8")) as { keys: Record<string, KeySpec> };

  it("name a default wherever ZooKeeper logs a bad value and uses its default", () => {
    for (const [name, s] of Object.entries(catalog.keys)) {
      if (s.invalid === "runtime" && s.zkInvalid !== undefined && isNumberKey({ ...s, name })) expect(s.default ?? null, name).not.toBeNull();
    }
  });
});

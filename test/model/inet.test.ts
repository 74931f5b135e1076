import { isIPv4 as nodeIsIPv4 } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isHostSyntax, isIPv4, viewAddress } from "../../src/model/inet.js";
import { SEED } from "../property/arbitraries.js";

describe("isIPv4", () => {
  it.each([
    ["10.0.0.1", true],
    ["255.255.255.255", true],
    ["0.0.0.0", true],
    ["256.0.0.1", false],
    ["10.0.0.01", false],
    ["10.0.0", false],
    ["10.0.0.1.", false],
    [" 10.0.0.1", false],
    ["1e1.0.0.1", false],
  ])("%j → %s", (text, expected) => {
    expect(isIPv4(text)).toBe(expected);
  });

  it("agrees with node:net on dotted quads of any numbers and on arbitrary text", () => {
    const part = fc.oneof(fc.nat({ max: 300 }).map(String), fc.stringMatching(/^0\d{1,3}$/), fc.string({ maxLength: 4 }));
    const quad = fc.array(part, { minLength: 3, maxLength: 5 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(fc.oneof(quad, fc.string()), (text) => isIPv4(text) === nodeIsIPv4(text)),
      { seed: SEED, numRuns: 20_000 },
    );
  });
});

describe("addresses", () => {
  it("reads IPv6 literals, bracketed or not, and the wildcards", () => {
    expect(viewAddress("[::1]")).toEqual({ kind: "ip", ip: "0:0:0:0:0:0:0:1" });
    expect(viewAddress("::")).toEqual({ kind: "any" });
    expect(viewAddress("0.0.0.0")).toEqual({ kind: "any" });
    expect(viewAddress("zk1.example.com")).toEqual({ kind: "name", name: "zk1.example.com" });
    expect(isHostSyntax("fe80::1%eth0")).toBe(true);
    expect(isHostSyntax("zk_1")).toBe(true);
    expect(isHostSyntax("zk 1")).toBe(false);
    expect(isHostSyntax("a:b")).toBe(false);
  });
});

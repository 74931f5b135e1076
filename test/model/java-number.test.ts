import { describe, expect, it } from "vitest";
import { decodeJavaInt, decodeJavaLong, parseJavaDouble, parseJavaHexLong } from "../../src/model/java-number.js";

describe("Integer.decode and Long.decode", () => {
  it("read decimal, hex and octal as Java does", () => {
    expect(decodeJavaInt("9090")).toBe(9090);
    expect(decodeJavaInt("0x2382")).toBe(9090);
    expect(decodeJavaInt("#2382")).toBe(9090);
    expect(decodeJavaInt("010")).toBe(8);
    expect(decodeJavaInt("-010")).toBe(-8);
    expect(decodeJavaInt("0")).toBe(0);
  });

  it("refuse what Java refuses", () => {
    for (const bad of ["08080", "9090x", " 9090", "", "0x", "2147483648", "1e3"]) expect(decodeJavaInt(bad), bad).toBeUndefined();
    expect(decodeJavaInt("-2147483648")).toBe(-2147483648);
  });

  it("Long.decode keeps a long's range", () => {
    expect(decodeJavaLong("4294967296")).toBe(4294967296n);
    expect(decodeJavaLong("9223372036854775808")).toBeUndefined();
  });
});

describe("Long.parseLong(text, 16)", () => {
  it("reads hex digits without a prefix", () => {
    expect(parseJavaHexLong("100000000")).toBe(0x100000000n);
    expect(parseJavaHexLong("-ff")).toBe(-255n);
    for (const bad of ["0x10", "xyz", "", "1 0"]) expect(parseJavaHexLong(bad), bad).toBeUndefined();
  });
});

describe("Double.parseDouble", () => {
  it("reads Java's floating-point literals", () => {
    expect(parseJavaDouble("0.33")).toBe(0.33);
    expect(parseJavaDouble("1e3")).toBe(1000);
    expect(parseJavaDouble(".5f")).toBe(0.5);
    expect(parseJavaDouble(" 2d ")).toBe(2);
    expect(parseJavaDouble("0x1.8p1")).toBe(3);
    expect(parseJavaDouble("-Infinity")).toBe(-Infinity);
    expect(parseJavaDouble("NaN")).toBeNaN();
  });

  it("refuses what Java refuses", () => {
    for (const bad of ["", "abc", "1,5", "0.3.3", "1e", "Infinityf", "0x1.8"]) expect(parseJavaDouble(bad), bad).toBeUndefined();
  });
});

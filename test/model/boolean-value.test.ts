import { describe, expect, it } from "vitest";
import { exactMiss, meaning, readBooleanValue } from "../../src/model/boolean-value.js";
import { keySpec, type KeySpec } from "../../src/model/keys.js";

const spec = (name: string): KeySpec => {
  const found = keySpec(name);
  if (!found) throw new Error(`no key ${name}`);
  return found;
};

describe("meaning", () => {
  it("reads the words people write for a switch, in any case", () => {
    expect(["yes", "Y", "ON", "1", "Enabled", "true"].map(meaning)).toEqual([true, true, true, true, true, true]);
    expect(["no", "n", "Off", "0", "DISABLE", "false"].map(meaning)).toEqual([false, false, false, false, false, false]);
    expect(["", "sure", "2", "yes please"].map(meaning)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("readBooleanValue", () => {
  it("3.7+ QuorumPeerConfig.parseBoolean takes true and false in any case, and refuses the rest", () => {
    const key = spec("standaloneEnabled");
    expect(readBooleanValue(key, "TRUE", "3.7")).toEqual({ kind: "read" });
    expect(readBooleanValue(key, "False", "3.9")).toEqual({ kind: "read" });
    expect(readBooleanValue(key, "yes", "3.7")).toEqual({ kind: "refused", meant: true });
    expect(readBooleanValue(key, "off", "3.9")).toEqual({ kind: "refused", meant: false });
    expect(readBooleanValue(key, "", "3.9")).toEqual({ kind: "refused", meant: undefined });
  });

  it("before 3.7 the same keys were Boolean.parseBoolean: anything but true is false", () => {
    const key = spec("localSessionsEnabled");
    expect(readBooleanValue(key, "yes", "3.6")).toEqual({ kind: "false", meant: true, reader: "Boolean.parseBoolean" });
    expect(readBooleanValue(key, "maybe", "3.5")).toEqual({ kind: "false", meant: undefined, reader: "Boolean.parseBoolean" });
    // A word meaning false reads as false: what was meant.
    expect(readBooleanValue(key, "no", "3.6")).toEqual({ kind: "read" });
    expect(readBooleanValue(key, "True", "3.6")).toEqual({ kind: "read" });
  });

  it("Boolean.getBoolean keys are lenient in every version", () => {
    const key = spec("snapshot.trust.empty");
    expect(readBooleanValue(key, "1", "3.9")).toEqual({ kind: "false", meant: true, reader: "Boolean.getBoolean" });
    expect(readBooleanValue(key, "tRuE", "3.9")).toEqual({ kind: "read" });
  });
});

describe("exactMiss", () => {
  it("String.equals against one spelling: only a miss that meant that spelling, or nothing, counts", () => {
    const forceSync = spec("forceSync");
    expect(exactMiss(forceSync, "no")).toBeUndefined();
    expect(exactMiss(forceSync, "false")).toEqual({ meant: false });
    expect(exactMiss(forceSync, "No")).toEqual({ meant: false });
    expect(exactMiss(forceSync, "maybe")).toEqual({ meant: undefined });
    // forceSync=true is the default, which is what ZooKeeper does with anything but "no".
    expect(exactMiss(forceSync, "true")).toBeUndefined();
    expect(exactMiss(spec("admin.enableServer"), "True")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { countProblem, peerTypeMismatch, standaloneDisabled } from "../../src/model/server-roles.js";
import type { ZkVersion } from "../../src/model/version.js";

const config = (version: ZkVersion, ...lines: string[]): ZooConfig => new ZooConfig(parseDocument(lines.join("\n") + "\n"), version);
const P1 = "server.1=zk1:2888:3888";
const P2 = "server.2=zk2:2888:3888";
const O3 = "server.3=zk3:2888:3888:observer";
const O4 = "server.4=zk4:2888:3888:observer";
const kindOf = (c: ZooConfig) => {
  const p = countProblem(c);
  return p && { kind: p.kind, at: p.kind === "standaloneWithoutParticipants" ? p.entry.key : p.first.entry.key };
};

describe("countProblem", () => {
  it("two participants pass, with any observers", () => {
    expect(countProblem(config("3.9", P1, P2, O3))).toBeUndefined();
  });

  it("observers without participants: the first observer", () => {
    expect(kindOf(config("3.9", O4, O3))).toEqual({ kind: "observersWithoutParticipants", at: "server.3" });
  });

  it("one participant and an observer run standalone, unless standaloneEnabled=false (3.5+)", () => {
    expect(kindOf(config("3.9", P1, O3))).toEqual({ kind: "observersWithoutQuorum", at: "server.3" });
    expect(countProblem(config("3.9", P1, O3, "standaloneEnabled=false"))).toBeUndefined();
    // 3.4 has no standaloneEnabled.
    expect(kindOf(config("3.4", P1, O3, "standaloneEnabled=false"))).toEqual({ kind: "observersWithoutQuorum", at: "server.3" });
  });

  it("standaloneEnabled=false without participants points at the setting", () => {
    expect(kindOf(config("3.9", "standaloneEnabled=FALSE", O3))).toEqual({ kind: "standaloneWithoutParticipants", at: "standaloneEnabled" });
    expect(standaloneDisabled(config("3.9", "standaloneEnabled= false"))).toBe(true);
  });

  it("one participant alone, or no server line, is a standalone server", () => {
    expect(countProblem(config("3.9", P1))).toBeUndefined();
    expect(countProblem(config("3.9", "clientPort=2181"))).toBeUndefined();
  });
});

describe("peerTypeMismatch", () => {
  it("peerType naming the other role, in any case", () => {
    const c = config("3.9", P1, P2, O3, "peerType=Observer");
    expect(peerTypeMismatch(c, c.server(1n)!)?.wanted).toBe("observer");
    expect(peerTypeMismatch(c, c.server(3n)!)).toBeUndefined();
    const p = config("3.9", P1, P2, O3, "peerType=participant");
    expect(peerTypeMismatch(p, p.server(3n)!)?.wanted).toBe("participant");
  });

  it("a peerType that is neither role is value-type's", () => {
    const c = config("3.9", P1, P2, "peerType=follower");
    expect(peerTypeMismatch(c, c.server(1n)!)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { clientConflict, conflictWithEveryLine, lineClientAddress } from "../../src/model/client-address.js";
import type { ZkVersion } from "../../src/model/version.js";

const config = (version: ZkVersion, ...lines: string[]): ZooConfig => new ZooConfig(parseDocument(lines.join("\n") + "\n"), version);
/** The conflict of the static client address with server.1, as setting, value and ZooKeeper's spelling. */
function conflict(version: ZkVersion, statics: string[], line: string) {
  const c = config(version, ...statics, line, "server.2=zk2:2888:3888;2181");
  const found = clientConflict(c, c.server(1n)!);
  return found && { setting: found.setting, value: found.value, zkStatic: found.zkStatic };
}

describe("clientConflict (QuorumPeerConfig's static client address against the line's)", () => {
  it("a different port conflicts, pointing at clientPort", () => {
    expect(conflict("3.9", ["clientPort=2181"], "server.1=zk1:2888:3888;2182")).toEqual({
      setting: "clientPort",
      value: "2181",
      zkStatic: "0.0.0.0/0.0.0.0:2181",
    });
  });

  it("the same port on the wildcard agrees with any line address", () => {
    expect(conflict("3.9", ["clientPort=2181"], "server.1=zk1:2888:3888;127.0.0.1:2181")).toBeUndefined();
  });

  it("localhost is 127.0.0.1; another address conflicts, pointing at clientPortAddress", () => {
    expect(conflict("3.9", ["clientPort=2181", "clientPortAddress=localhost"], "server.1=zk1:2888:3888;127.0.0.1:2181")).toBeUndefined();
    expect(conflict("3.9", ["clientPort=2181", "clientPortAddress=10.0.0.1"], "server.1=zk1:2888:3888;10.0.0.2:2181")).toEqual({
      setting: "clientPortAddress",
      value: "10.0.0.1",
      zkStatic: "/10.0.0.1:2181",
    });
  });

  it("a static address against a wildcard line conflicts", () => {
    expect(conflict("3.9", ["clientPort=2181", "clientPortAddress=10.0.0.1"], "server.1=zk1:2888:3888;2181")?.setting).toBe("clientPortAddress");
  });

  it("host names only DNS can compare are left alone", () => {
    expect(conflict("3.9", ["clientPort=2181", "clientPortAddress=zk1-client"], "server.1=zk1:2888:3888;10.0.0.2:2181")).toBeUndefined();
  });

  it("clientPort=0 is no port before 3.9, and a port to pick in 3.9", () => {
    expect(conflict("3.8", ["clientPort=0"], "server.1=zk1:2888:3888;2181")).toBeUndefined();
    expect(conflict("3.9", ["clientPort=0"], "server.1=zk1:2888:3888;2181")?.setting).toBe("clientPort");
  });

  it("a line without a client part, or no readable clientPort, has nothing to compare", () => {
    expect(conflict("3.9", ["clientPort=2181"], "server.1=zk1:2888:3888")).toBeUndefined();
    expect(conflict("3.9", ["clientPort=x"], "server.1=zk1:2888:3888;2182")).toBeUndefined();
  });
});

describe("conflictWithEveryLine", () => {
  it("finds a conflict only when the static address fits no line", () => {
    const none = config("3.9", "clientPort=2181", "server.1=zk1:2888:3888;2182", "server.2=zk2:2888:3888;2183");
    expect(conflictWithEveryLine(none)?.setting).toBe("clientPort");
    const one = config("3.9", "clientPort=2181", "server.1=zk1:2888:3888;2182", "server.2=zk2:2888:3888;2181");
    expect(conflictWithEveryLine(one)).toBeUndefined();
  });
});

describe("lineClientAddress", () => {
  it("prints the line's client address as Java 17 does", () => {
    const c = config("3.9", "server.1=zk1:2888:3888;2181", "server.2=zk2:2888:3888;[::1]:2182", "server.3=zk3:2888:3888;zk3:2183");
    expect(lineClientAddress(c.server(1n)!)).toBe("/0.0.0.0:2181");
    expect(lineClientAddress(c.server(2n)!)).toBe("/[0:0:0:0:0:0:0:1]:2182");
    expect(lineClientAddress(c.server(3n)!)).toBe("zk3/…:2183");
  });
});

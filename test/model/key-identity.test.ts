import { describe, expect, it } from "vitest";
import { keyIdentity, repeatedKeys } from "../../src/model/key-identity.js";
import { fileAt, modelOf } from "../helpers/model.js";

const CFG = "/etc/zookeeper/conf/zoo.cfg";
const file = (...lines: string[]) => fileAt(modelOf({ files: { [CFG]: lines.join("\n") + "\n" } }), CFG);
/** The keys, as written, of each group of entries filed under one key. */
const repeated = (...lines: string[]): string[][] => repeatedKeys(file(...lines)).map((entries) => entries.map((e) => e.key));

describe("keyIdentity", () => {
  it("numbered keys are filed by their number, as Long.parseLong reads it", () => {
    expect(keyIdentity("server.+1")).toEqual({ id: "server.1", what: "server 1" });
    expect(keyIdentity("server.02")).toEqual({ id: "server.2", what: "server 2" });
    expect(keyIdentity("weight.-0")).toEqual({ id: "weight.0", what: "weight 0" });
    expect(keyIdentity("group.10")).toEqual({ id: "group.10", what: "group 10" });
  });

  it("other keys, and numbered ones whose number does not parse, are filed as they are", () => {
    expect(keyIdentity("clientPort")).toEqual({ id: "clientPort", what: "clientPort" });
    expect(keyIdentity("server.x")).toEqual({ id: "server.x", what: "server.x" });
    expect(keyIdentity("servers.1")).toEqual({ id: "servers.1", what: "servers.1" });
  });
});

describe("repeatedKeys", () => {
  it("none when every key is set once, numbered keys spelled as ZooKeeper files them", () => {
    expect(repeated("tickTime=2000", "server.1=a:2888:3888", "server.10=b:2888:3888", "group.0=1:10", "weight.-1=1")).toEqual([]);
  });

  it("a key written twice alike", () => {
    expect(repeated("clientPort=2181", "tickTime=2000", "clientPort=2182")).toEqual([["clientPort", "clientPort"]]);
  });

  it("numbered keys spelled apart that name one number: server.+1 is server.1, weight.-0 is weight.0", () => {
    expect(repeated("server.+1=a:2888:3888", "server.1=b:2888:3888")).toEqual([["server.+1", "server.1"]]);
    expect(repeated("weight.0=1", "weight.-0=2")).toEqual([["weight.0", "weight.-0"]]);
  });

  it("a key with a blank that ZooKeeper trims is the key without it", () => {
    expect(repeated("clientPort=2181", "clientPort\\ =2182")).toEqual([["clientPort", "clientPort "]]);
  });

  it("each key set more than once is its own group, in file order", () => {
    expect(repeated("server.02=a:2888:3888", "dataDir=/a", "server.2=b:2888:3888", "dataDir=/b", "server.3=c:2888:3888")).toEqual([
      ["server.02", "server.2"],
      ["dataDir", "dataDir"],
    ]);
  });

  it("is computed once per config", () => {
    const f = file("clientPort=2181", "clientPort=2182");
    expect(repeatedKeys(f)).toBe(repeatedKeys(f));
  });
});

describe("ZooConfig.reads", () => {
  it("every entry when each key is set once; of a key set twice, only the last, as Properties keeps it", () => {
    const once = file("tickTime=2000", "clientPort=2181");
    expect(once.config.keysSetOnce).toBe(true);
    expect(once.document.entries.map((e) => once.config.reads(e.key.trim(), e))).toEqual([true, true]);
    const twice = file("clientPort=2181", "tickTime=2000", "clientPort =2182");
    expect(twice.config.keysSetOnce).toBe(false);
    expect(twice.document.entries.map((e) => twice.config.reads(e.key.trim(), e))).toEqual([false, true, true]);
  });
});

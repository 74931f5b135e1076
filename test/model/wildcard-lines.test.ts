import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { listensOnAllIPs, rejoinFixedIn, wildcardAddresses } from "../../src/model/wildcard-lines.js";

const config = (...lines: string[]): ZooConfig => new ZooConfig(parseDocument(lines.join("\n") + "\n"), "3.9");
const found = (c: ZooConfig, own?: bigint) => {
  const r = wildcardAddresses(c, own === undefined ? undefined : c.server(own));
  return { wildcards: r.wildcards.map((w) => [w.spec.entry.key, w.address.host.value, w.own]), own: r.own?.entry.key };
};

describe("wildcardAddresses", () => {
  it("0.0.0.0, :: and [::] are the wildcard; a lone wildcard line is taken for the server's own", () => {
    expect(found(config("server.1=0.0.0.0:2888:3888", "server.2=zk2:2888:3888"))).toEqual({ wildcards: [["server.1", "0.0.0.0", true]], own: "server.1" });
    expect(found(config("server.1=[::]:2888:3888", "server.2=zk2:2888:3888")).wildcards).toEqual([["server.1", "::", true]]);
  });

  it("with two wildcard lines and no placement, none is the server's own", () => {
    expect(found(config("server.1=0.0.0.0:2888:3888", "server.2=0.0.0.0:2888:3888"))).toEqual({
      wildcards: [
        ["server.1", "0.0.0.0", false],
        ["server.2", "0.0.0.0", false],
      ],
      own: undefined,
    });
  });

  it("the placement model's own line wins over the lone wildcard", () => {
    expect(found(config("server.1=zk1:2888:3888", "server.2=0.0.0.0:2888:3888"), 1n)).toEqual({ wildcards: [["server.2", "0.0.0.0", false]], own: "server.1" });
  });

  it("no wildcard: nothing", () => {
    expect(found(config("server.1=zk1:2888:3888", "server.2=127.0.0.1:2888:3888")).wildcards).toEqual([]);
  });
});

describe("wildcard facts", () => {
  it("quorumListenOnAllIPs=true in any case", () => {
    expect(listensOnAllIPs(config("quorumListenOnAllIPs=TRUE"))).toBe(true);
    expect(listensOnAllIPs(config("quorumListenOnAllIPs=yes"))).toBe(false);
  });

  it("peers of 3.5 and 3.6 before 3.5.8 and 3.6.1 follow a restarted server's wildcard", () => {
    expect([rejoinFixedIn("3.5"), rejoinFixedIn("3.6"), rejoinFixedIn("3.7"), rejoinFixedIn("3.4")]).toEqual(["3.5.8", "3.6.1", undefined, undefined]);
  });
});

import { describe, expect, it } from "vitest";
import type { Workspace } from "../../src/model/ensemble.js";
import { indexClashes, sharedPorts } from "../../src/model/port-clashes.js";
import { HEAD, modelOf } from "../helpers/model.js";

const workspace = (path: string, checkout: boolean, ...lines: string[]): Workspace => modelOf({ checkout, files: { [path]: HEAD + lines.join("\n") + "\n" } });
/** Each shared port of each host, with the labels and scopes of its bindings. */
const shared = (ws: Workspace) =>
  ws.hosts.flatMap((host) => sharedPorts(ws, host).map((bindings) => ({ port: bindings[0]?.port, bindings: bindings.map((b) => [b.label, b.scope]) })));

describe("sharedPorts", () => {
  const CFG = "/etc/zookeeper/conf/zoo.cfg";

  it("a clean standalone config: no port is used twice", () => {
    expect(shared(workspace(CFG, false, "dataDir=/var/lib/zookeeper", "clientPort=2181"))).toEqual([]);
  });

  it("clientPort on the admin port's default: the two bindings of port 8080, in binding order", () => {
    expect(shared(workspace(CFG, false, "dataDir=/var/lib/zookeeper", "clientPort=8080"))).toEqual([
      {
        port: 8080,
        bindings: [
          ["clientPort", "root:/"],
          ["AdminServer default", "root:/"],
        ],
      },
    ]);
  });

  it("one port number in different scopes is not shared: each server line is on its own host", () => {
    // A checkout: the config's own host is unknown, so each server line's ports are scoped to its host.
    const ws = workspace(
      "/repo/conf/zoo.cfg",
      true,
      "dataDir=/var/lib/zookeeper",
      "clientPort=2181",
      "server.1=zk1:2888:3888",
      "server.2=zk2:2181:3888",
      "server.3=zk3:2888:3888",
    );
    expect(shared(ws)).toEqual([]);
  });

  it("a port two bindings of one scope use: all its bindings, other scopes too, and only those of one scope clash", () => {
    const ws = workspace(
      "/repo/conf/zoo.cfg",
      true,
      "dataDir=/var/lib/zookeeper",
      "server.1=zk1:2888:3888",
      "server.2=zk1:2888:3889",
      "server.3=zk3:2888:3890",
    );
    expect(shared(ws)).toEqual([
      {
        port: 2888,
        bindings: [
          ["server.1 quorum port", "line:/repo|zk1"],
          ["server.2 quorum port", "line:/repo|zk1"],
          ["server.3 quorum port", "line:/repo|zk3"],
        ],
      },
    ]);
    const clashes = ws.hosts.flatMap((host) => sharedPorts(ws, host).flatMap((bindings) => bindings.map(indexClashes(bindings))));
    expect(clashes.map((c) => c?.sockets)).toEqual([1, 1, undefined]);
  });

  it("is computed once per host", () => {
    const ws = workspace(CFG, false, "dataDir=/var/lib/zookeeper", "clientPort=8080");
    const host = ws.hosts[0];
    if (!host) throw new Error("no host");
    expect(sharedPorts(ws, host)).toBe(sharedPorts(ws, host));
  });
});

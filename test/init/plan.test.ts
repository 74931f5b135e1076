import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { planHosts, planOneHost, portKinds, shellQuote, type InitPlan } from "../../src/init/plan.js";
import { allocateOneHost, PortsExhaustedError, type PortProbe } from "../../src/init/ports.js";
import { renderPlan } from "../../src/init/render.js";
import { InitUsageError, resolveRequest, type HostsRequest, type InitOptions, type OneHostRequest } from "../../src/init/request.js";
import { findConflicts } from "../../src/init/targets.js";

const allFree = (): Promise<boolean> => Promise.resolve(true);

function oneHost(options: InitOptions): OneHostRequest {
  const request = resolveRequest(options, "/work");
  if (request.layout !== "one-host") throw new Error("expected a one-host request");
  return request;
}

function hosts(options: InitOptions): HostsRequest {
  const request = resolveRequest(options, "/work");
  if (request.layout !== "hosts") throw new Error("expected a hosts request");
  return request;
}

async function planFor(options: InitOptions, isFree: PortProbe = allFree): Promise<InitPlan> {
  const request = oneHost(options);
  return planOneHost(request, await allocateOneHost(request.voters + request.observers, portKinds(request), request.basePort, isFree));
}

describe("resolveRequest refuses what cannot work, saying why", () => {
  const cases: [string, InitOptions, string][] = [
    ["no layout", {}, "init needs --servers N (N servers on this host) or --hosts a,b,c (one server on each host)"],
    [
      "both layouts",
      { servers: 3, hosts: ["a", "b", "c"] },
      "--servers and --hosts exclude each other: --servers puts every server on this host, --hosts one server on each host named",
    ],
    ["no servers", { servers: 0 }, "--servers must be at least 1, not 0"],
    ["too many ids", { servers: 250, observers: 6 }, "that makes 256 servers; ZooKeeper server ids go from 1 to 255"],
    [
      "observers only",
      { hosts: ["a", "b"], observers: 2 },
      "--observers 2 leaves no voting server among the 2 hosts; observers follow a quorum of voting servers, so name more hosts than observers",
    ],
    [
      "3.4 with one voter and observers",
      { servers: 1, observers: 1, zkVersion: "3.4" },
      'ZooKeeper 3.4 refuses observers beside a single voting server ("Observers w/o quorum is an invalid configuration"); use at least 2 voting servers, or --zk-version 3.5 or later',
    ],
    ["privileged base port", { servers: 3, basePort: 80 }, "--base-port must be from 1024 to 65535, not 80 (ports below 1024 need root)"],
    ["base port past the end", { servers: 3, basePort: 70000 }, "--base-port must be from 1024 to 65535, not 70000 (ports below 1024 need root)"],
    ["no room on hosts", { hosts: ["a"], basePort: 65534 }, "--base-port 65534 leaves no room for the 4 ports of each server"],
    ["empty host name", { hosts: ["a", "", "b"] }, '--hosts "a,,b" has an empty name; separate host names with single commas'],
    ["bad host name", { hosts: ["zk 1"] }, '--hosts: "zk 1" is not a host name or IPv4 address'],
    ["loopback host", { hosts: ["zk1", "localhost"] }, '--hosts: "localhost" is this machine; for several servers on this host use --servers N'],
    ["loopback address", { hosts: ["127.0.0.1"] }, '--hosts: "127.0.0.1" is this machine; for several servers on this host use --servers N'],
    ["same host twice", { hosts: ["zk1", "ZK1"] }, '--hosts names "zk1" twice; each host runs one server'],
    [
      "host named like a config",
      { hosts: ["zoo.cfg"] },
      '--hosts: "zoo.cfg" would be the name of both a host folder and a config file in the output directory',
    ],
    ["relative data dir on hosts", { hosts: ["a"], dataDir: "data" }, '--data-dir "data" must be absolute: it is a path on each host'],
    [
      "blank in a host path",
      { hosts: ["a"], dataDir: "/srv/zk data" },
      '--data-dir "/srv/zk data" has characters that zoo.cfg, zkServer.sh or the shell would read differently; use letters, digits and . _ - / + , @ % : ~',
    ],
    [
      "backslash in a local path",
      { servers: 3, dir: "/srv/zk\\1" },
      '--dir "/srv/zk\\1" has characters that zoo.cfg, zkServer.sh or the shell would read differently; use letters, digits, spaces (not at the end) and . _ - / + , @ % : ~',
    ],
    [
      "equals sign in a local path",
      { servers: 3, dataLogDir: "/srv/a=b" },
      '--data-log-dir "/srv/a=b" has characters that zoo.cfg, zkServer.sh or the shell would read differently; use letters, digits, spaces (not at the end) and . _ - / + , @ % : ~',
    ],
    [
      "trailing blank",
      { servers: 3, dir: "/srv/zk " },
      '--dir "/srv/zk " has characters that zoo.cfg, zkServer.sh or the shell would read differently; use letters, digits, spaces (not at the end) and . _ - / + , @ % : ~',
    ],
    [
      "log dir is the data dir",
      { servers: 3, dataDir: "/srv/d", dataLogDir: "/srv/d" },
      "--data-log-dir is the data dir itself; a separate transaction log directory is meant for another disk",
    ],
    [
      "log dir is the data dir on hosts",
      { hosts: ["a"], dataLogDir: "/var/lib/zookeeper/" },
      "--data-log-dir is the data dir itself; a separate transaction log directory is meant for another disk",
    ],
  ];
  for (const [name, options, message] of cases) {
    it(name, () => {
      expect(() => resolveRequest(options, "/work")).toThrow(new InitUsageError(message));
    });
  }

  it("accepts the edges: 255 ids, one voter with observers from 3.5, base port 1024 and 65532 on hosts", () => {
    expect(resolveRequest({ servers: 254, observers: 1 }, "/w")).toMatchObject({ voters: 254, observers: 1 });
    expect(resolveRequest({ servers: 1, observers: 2, zkVersion: "3.5" }, "/w")).toMatchObject({ voters: 1, observers: 2 });
    expect(resolveRequest({ servers: 3, basePort: 1024 }, "/w")).toMatchObject({ basePort: 1024 });
    expect(resolveRequest({ hosts: ["a"], basePort: 65532 }, "/w")).toMatchObject({ basePort: 65532 });
    expect(resolveRequest({ hosts: ["a"], basePort: 65533, zkVersion: "3.4" }, "/w")).toMatchObject({ basePort: 65533 });
  });

  it("makes local paths absolute against the working directory, and keeps host paths as given", () => {
    expect(resolveRequest({ servers: 3 }, "/work")).toMatchObject({ dir: "/work", dataDir: "/work/data" });
    expect(resolveRequest({ servers: 3, dir: "zk", dataLogDir: "../txlog" }, "/work")).toMatchObject({
      dir: "/work/zk",
      dataDir: "/work/zk/data",
      dataLogDir: "/txlog",
    });
    expect(resolveRequest({ hosts: ["a", "b", "c"], dir: "stage" }, "/work")).toMatchObject({ dir: "/work/stage", dataDir: "/var/lib/zookeeper" });
    expect(resolveRequest({ hosts: ["a", "b", "c", "d"], observers: 1 }, "/w")).toMatchObject({ voters: 3, observers: 1, hosts: ["a", "b", "c", "d"] });
  });
});

describe("allocateOneHost", () => {
  it("counts each kind up from its conventional port", async () => {
    const a = await allocateOneHost(3, ["client", "quorum", "election", "admin"], undefined, allFree);
    expect(a).toEqual({
      ports: [
        { client: 2181, quorum: 2888, election: 3888, admin: 8080 },
        { client: 2182, quorum: 2889, election: 3889, admin: 8081 },
        { client: 2183, quorum: 2890, election: 3890, admin: 8082 },
      ],
      inUse: [],
    });
  });

  it("passes over ports in use, and says which", async () => {
    const busy = new Set([2182, 8080, 8081]);
    const a = await allocateOneHost(2, ["client", "quorum", "election", "admin"], undefined, (p) => Promise.resolve(!busy.has(p)));
    expect(a.ports).toEqual([
      { client: 2181, quorum: 2888, election: 3888, admin: 8082 },
      { client: 2183, quorum: 2889, election: 3889, admin: 8083 },
    ]);
    expect(a.inUse).toEqual([2182, 8080, 8081]);
  });

  it("takes every kind from one run with a base port, and asks only for the kinds needed", async () => {
    const asked: number[] = [];
    const a = await allocateOneHost(2, ["client", "quorum", "election"], 30000, (p) => {
      asked.push(p);
      return Promise.resolve(p !== 30002);
    });
    expect(a.ports).toEqual([
      { client: 30000, quorum: 30003, election: 30005 },
      { client: 30001, quorum: 30004, election: 30006 },
    ]);
    expect(asked).toEqual([30000, 30001, 30002, 30003, 30004, 30005, 30006]);
    expect(a.inUse).toEqual([30002]);
  });

  it("gives up past port 65535", async () => {
    await expect(allocateOneHost(3, ["client", "quorum"], 65531, allFree)).rejects.toThrow(
      new PortsExhaustedError("no free quorum port left below 65536 (counting up from 65534); choose another --base-port"),
    );
  });
});

describe("planOneHost", () => {
  it("writes a config per server with distinct ports, loopback addresses and the 3.5+ client part, and a myid per data dir", async () => {
    const plan = await planFor({ servers: 3, dir: "/srv/zk" });
    expect(plan.files.map((f) => [f.path, f.note])).toEqual([
      ["/srv/zk/conf/zoo_2181.cfg", "server.1: client 2181, quorum 2888, election 3888, admin 8080"],
      ["/srv/zk/data/1/myid", "myid of server.1"],
      ["/srv/zk/conf/zoo_2182.cfg", "server.2: client 2182, quorum 2889, election 3889, admin 8081"],
      ["/srv/zk/data/2/myid", "myid of server.2"],
      ["/srv/zk/conf/zoo_2183.cfg", "server.3: client 2183, quorum 2890, election 3890, admin 8082"],
      ["/srv/zk/data/3/myid", "myid of server.3"],
    ]);
    expect(plan.files[0]?.text).toBe(
      [
        "# server.1 of a 3-server ZooKeeper 3.9 ensemble on this host (127.0.0.1), written by zkcfg init",
        "# start it with: zkServer.sh start /srv/zk/conf/zoo_2181.cfg",
        "tickTime=2000",
        "initLimit=10",
        "syncLimit=5",
        "dataDir=/srv/zk/data/1",
        "clientPort=2181",
        "clientPortAddress=127.0.0.1",
        "admin.serverAddress=127.0.0.1",
        "admin.serverPort=8080",
        "4lw.commands.whitelist=srvr,ruok,mntr",
        "autopurge.snapRetainCount=3",
        "autopurge.purgeInterval=1",
        "server.1=127.0.0.1:2888:3888;127.0.0.1:2181",
        "server.2=127.0.0.1:2889:3889;127.0.0.1:2182",
        "server.3=127.0.0.1:2890:3890;127.0.0.1:2183",
        "",
      ].join("\n"),
    );
    expect(plan.files[3]?.text).toBe("2\n");
    expect(plan.freshDirs).toEqual(["/srv/zk/data/1", "/srv/zk/data/2", "/srv/zk/data/3"]);
    expect(plan.steps).toEqual([
      {
        heading: "Start the servers (zkServer.sh is in ZooKeeper's bin/ directory; ZOO_LOG_DIR gives each server its own log files):",
        commands: [1, 2, 3].map((id) => `ZOO_LOG_DIR=/srv/zk/logs/${id} zkServer.sh start /srv/zk/conf/zoo_218${id}.cfg`),
      },
      {
        heading: "Check them (each prints its Mode: leader, follower or observer):",
        commands: [1, 2, 3].map((id) => `zkServer.sh status /srv/zk/conf/zoo_218${id}.cfg`),
      },
    ]);
    expect(plan.connectString).toBe("127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183");
    expect(plan.warnings).toEqual([]);
  });

  it("3.4: server lines without a client part, no AdminServer keys; a transaction log dir per server", async () => {
    const plan = await planFor({ servers: 3, dir: "/srv/zk", zkVersion: "3.4", dataLogDir: "/ssd/txlog" });
    expect(plan.files[2]?.text).toBe(
      [
        "# server.2 of a 3-server ZooKeeper 3.4 ensemble on this host (127.0.0.1), written by zkcfg init",
        "# start it with: zkServer.sh start /srv/zk/conf/zoo_2182.cfg",
        "tickTime=2000",
        "initLimit=10",
        "syncLimit=5",
        "dataDir=/srv/zk/data/2",
        "dataLogDir=/ssd/txlog/2",
        "clientPort=2182",
        "clientPortAddress=127.0.0.1",
        "4lw.commands.whitelist=srvr,ruok,mntr",
        "autopurge.snapRetainCount=3",
        "autopurge.purgeInterval=1",
        "server.1=127.0.0.1:2888:3888",
        "server.2=127.0.0.1:2889:3889",
        "server.3=127.0.0.1:2890:3890",
        "",
      ].join("\n"),
    );
    expect(plan.files[2]?.note).toBe("server.2: client 2182, quorum 2889, election 3889");
    expect(plan.freshDirs).toEqual(["/srv/zk/data/1", "/ssd/txlog/1", "/srv/zk/data/2", "/ssd/txlog/2", "/srv/zk/data/3", "/ssd/txlog/3"]);
  });

  it("observers: their own server lines with :observer, peerType=observer in their configs only", async () => {
    const plan = await planFor({ servers: 3, observers: 1, dir: "/srv/zk" });
    expect(plan.summary).toBe("a ZooKeeper 3.9 ensemble of 3 voting servers and 1 observer on this host (127.0.0.1)");
    const observer = plan.files.find((f) => f.path === "/srv/zk/conf/zoo_2184.cfg");
    expect(observer?.note).toBe("server.4 (observer): client 2184, quorum 2891, election 3891, admin 8083");
    expect(observer?.text).toContain("\npeerType=observer\nserver.1=127.0.0.1:2888:3888;127.0.0.1:2181\n");
    expect(observer?.text).toContain("\nserver.4=127.0.0.1:2891:3891:observer;127.0.0.1:2184\n");
    expect(observer?.text.split("\n")[0]).toBe(
      "# server.4 (observer) of a ZooKeeper 3.9 ensemble of 3 voting servers and 1 observer on this host (127.0.0.1), written by zkcfg init",
    );
    expect(plan.files[0]?.text).not.toContain("peerType");
    expect(plan.files[0]?.text).toContain("\nserver.4=127.0.0.1:2891:3891:observer;127.0.0.1:2184\n");
    expect(plan.connectString).toBe("127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183,127.0.0.1:2184");
  });

  it("one voter with observers runs as a quorum (standaloneEnabled=false), and is warned about", async () => {
    const plan = await planFor({ servers: 1, observers: 2, dir: "/srv/zk" });
    for (const file of plan.files.filter((f) => f.path.endsWith(".cfg"))) expect(file.text).toContain("\nstandaloneEnabled=false\n");
    expect(plan.files.filter((f) => f.path.endsWith("myid")).map((f) => f.text)).toEqual(["1\n", "2\n", "3\n"]);
    expect(plan.warnings).toEqual(["1 voting server tolerates no failure, and observers do not vote; use 3 voting servers"]);
  });

  it("one server is a standalone server: no server lines, no myid, no quorum ports", async () => {
    const plan = await planFor({ servers: 1, dir: "/srv/zk" });
    expect(plan.files.map((f) => [f.path, f.note])).toEqual([["/srv/zk/conf/zoo_2181.cfg", "client 2181, admin 8080"]]);
    expect(plan.files[0]?.text).toBe(
      [
        "# A standalone ZooKeeper 3.9 server on this host (127.0.0.1), written by zkcfg init",
        "# start it with: zkServer.sh start /srv/zk/conf/zoo_2181.cfg",
        "tickTime=2000",
        "dataDir=/srv/zk/data/1",
        "clientPort=2181",
        "clientPortAddress=127.0.0.1",
        "admin.serverAddress=127.0.0.1",
        "admin.serverPort=8080",
        "4lw.commands.whitelist=srvr,ruok,mntr",
        "autopurge.snapRetainCount=3",
        "autopurge.purgeInterval=1",
        "",
      ].join("\n"),
    );
    expect(plan.steps.map((s) => s.heading)).toEqual([
      "Start the server (zkServer.sh is in ZooKeeper's bin/ directory; ZOO_LOG_DIR gives each server its own log files):",
      "Check it (it prints Mode: standalone):",
    ]);
    expect(plan.warnings).toEqual(["1 server is a standalone server, not an ensemble: it tolerates no failure; use 3 servers for an ensemble"]);
  });

  it("warns about an even count in the odd-server-count rule's words", async () => {
    expect((await planFor({ servers: 2, dir: "/srv/zk" })).warnings).toEqual([
      "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members",
    ]);
    expect((await planFor({ servers: 4, observers: 1, dir: "/srv/zk" })).warnings).toEqual([
      "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
    ]);
    expect((await planFor({ servers: 5, dir: "/srv/zk" })).warnings).toEqual([]);
  });

  it("warns about ports in use and about data in a directory emptied at reboot", async () => {
    const busy = new Set([2181]);
    const plan = await planFor({ servers: 3, dir: "/tmp/zk" }, (p) => Promise.resolve(!busy.has(p)));
    expect(plan.warnings).toEqual([
      "port 2181 in use on 127.0.0.1: the next free ones were taken instead",
      "/tmp/zk/data is under /tmp, which is emptied at reboot: the servers would lose their data and their myid files; fine for a trial, otherwise choose --dir or --data-dir elsewhere",
    ]);
    expect((await planFor({ servers: 3, dir: "/srv/zk", dataLogDir: "/var/tmp/txlog" })).warnings).toEqual([
      "/var/tmp/txlog is under /var/tmp, which is emptied at reboot: the servers would lose their data; fine for a trial, otherwise choose --data-log-dir elsewhere",
    ]);
    expect((await planFor({ servers: 3, dir: "/tmp/zk", dataDir: "/srv/zk-data" })).warnings).toEqual([]);
    expect((await planFor({ servers: 3, dir: "/srv/tmpfiles" })).warnings).toEqual([]);
  });

  it("quotes paths with blanks in the commands", async () => {
    const plan = await planFor({ servers: 3, dir: "/srv/my zk" });
    expect(plan.steps[0]?.commands[0]).toBe("ZOO_LOG_DIR='/srv/my zk/logs/1' zkServer.sh start '/srv/my zk/conf/zoo_2181.cfg'");
    expect(plan.files[0]?.text).toContain("\ndataDir=/srv/my zk/data/1\n");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe("planHosts", () => {
  it("one config for every server, a myid folder per host, and the commands to place and start them", () => {
    const plan = planHosts(hosts({ hosts: ["zk1", "zk2", "zk3"], dir: "/stage" }));
    expect(plan.files.map((f) => [f.path, f.text])).toEqual([
      [
        "/stage/zoo.cfg",
        [
          "# Every server of a 3-server ZooKeeper 3.9 ensemble on zk1, zk2, zk3, written by zkcfg init",
          "# each host keeps its server id in /var/lib/zookeeper/myid",
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/var/lib/zookeeper",
          "clientPort=2181",
          "admin.serverPort=8080",
          "4lw.commands.whitelist=srvr,ruok,mntr",
          "autopurge.snapRetainCount=3",
          "autopurge.purgeInterval=1",
          "server.1=zk1:2888:3888;2181",
          "server.2=zk2:2888:3888;2181",
          "server.3=zk3:2888:3888;2181",
          "",
        ].join("\n"),
      ],
      ["/stage/zk1/myid", "1\n"],
      ["/stage/zk2/myid", "2\n"],
      ["/stage/zk3/myid", "3\n"],
    ]);
    expect(plan.files[0]?.note).toBe("config of every server: client 2181, quorum 2888, election 3888, admin 8080");
    expect(plan.steps[0]?.commands.slice(0, 3)).toEqual([
      "ssh zk1 mkdir -p /etc/zookeeper/conf /var/lib/zookeeper",
      "scp /stage/zoo.cfg zk1:/etc/zookeeper/conf/zoo.cfg",
      "scp /stage/zk1/myid zk1:/var/lib/zookeeper/myid",
    ]);
    expect(plan.steps[1]?.commands).toEqual(["zk1", "zk2", "zk3"].map((h) => `ssh ${h} zkServer.sh start /etc/zookeeper/conf/zoo.cfg`));
    expect(plan.steps[2]?.commands).toEqual(["zk1", "zk2", "zk3"].map((h) => `ssh ${h} zkServer.sh status /etc/zookeeper/conf/zoo.cfg`));
    expect(plan.connectString).toBe("zk1:2181,zk2:2181,zk3:2181");
    expect(plan.freshDirs).toEqual([]);
  });

  it("observers get their own config; a base port and a log dir apply on every host", () => {
    const plan = planHosts(
      hosts({ hosts: ["zk1", "zk2", "zk3", "obs1"], observers: 1, dir: "/stage", basePort: 12000, dataDir: "/data/zk", dataLogDir: "/log/zk" }),
    );
    expect(plan.files.map((f) => f.path)).toEqual([
      "/stage/zoo.cfg",
      "/stage/zoo_observer.cfg",
      "/stage/zk1/myid",
      "/stage/zk2/myid",
      "/stage/zk3/myid",
      "/stage/obs1/myid",
    ]);
    const [voting, observing] = plan.files;
    expect(voting?.text).not.toContain("peerType");
    expect(observing?.text).toContain("\npeerType=observer\n");
    for (const text of [voting?.text, observing?.text]) {
      expect(text).toContain("\ndataDir=/data/zk\ndataLogDir=/log/zk\nclientPort=12000\nadmin.serverPort=12003\n");
      expect(text).toContain("\nserver.3=zk3:12001:12002;12000\nserver.4=obs1:12001:12002:observer;12000\n");
    }
    expect(observing?.note).toBe("config of the observers: client 12000, quorum 12001, election 12002, admin 12003");
    expect(plan.steps[0]?.commands.slice(9)).toEqual([
      "ssh obs1 mkdir -p /etc/zookeeper/conf /data/zk /log/zk",
      "scp /stage/zoo_observer.cfg obs1:/etc/zookeeper/conf/zoo.cfg",
      "scp /stage/obs1/myid obs1:/data/zk/myid",
    ]);
  });

  it("3.4 and a single host: a standalone config, nothing else to place", () => {
    const plan = planHosts(hosts({ hosts: ["zk1"], dir: "/stage", zkVersion: "3.4" }));
    expect(plan.files).toEqual([
      {
        path: "/stage/zoo.cfg",
        note: "config of the server: client 2181",
        text: [
          "# A standalone ZooKeeper 3.4 server on zk1, written by zkcfg init",
          "tickTime=2000",
          "dataDir=/var/lib/zookeeper",
          "clientPort=2181",
          "4lw.commands.whitelist=srvr,ruok,mntr",
          "autopurge.snapRetainCount=3",
          "autopurge.purgeInterval=1",
          "",
        ].join("\n"),
      },
    ]);
    expect(plan.steps[0]?.commands).toEqual(["ssh zk1 mkdir -p /etc/zookeeper/conf /var/lib/zookeeper", "scp /stage/zoo.cfg zk1:/etc/zookeeper/conf/zoo.cfg"]);
    expect(plan.warnings).toEqual(["1 server is a standalone server, not an ensemble: it tolerates no failure; use 3 servers for an ensemble"]);
  });

  it("warns about a data dir under /tmp on the hosts", () => {
    expect(planHosts(hosts({ hosts: ["a", "b", "c"], dataDir: "/tmp/zookeeper" })).warnings).toEqual([
      "/tmp/zookeeper is under /tmp, which is emptied at reboot: the servers would lose their data and their myid files; fine for a trial, otherwise choose --data-dir elsewhere",
    ]);
  });
});

describe("findConflicts", () => {
  it("finds nothing in an empty place, or beside unrelated files", async () => {
    const plan = await planFor({ servers: 3, dir: "/srv/zk" });
    expect(findConflicts(plan, new MemoryFileSystem())).toEqual([]);
    expect(findConflicts(plan, new MemoryFileSystem({ "/srv/zk/conf/zoo.cfg": "x", "/srv/zk/data/README": "x" }, ["/srv/zk/data/2"]))).toEqual([]);
  });

  it("lists every taken path at once: existing files, non-directories on the way, data dirs holding something", async () => {
    const plan = await planFor({ servers: 3, dir: "/srv/zk", dataLogDir: "/log" });
    const fs = new MemoryFileSystem({
      "/srv/zk/conf/zoo_2182.cfg": "x",
      "/srv/zk/data/1/version-2/snapshot.0": "x",
      "/srv/zk/data/3": "a file",
      "/log/2/myid": "2\n",
    });
    expect(findConflicts(plan, fs)).toEqual([
      "/srv/zk/conf/zoo_2182.cfg exists",
      "/srv/zk/data/3 is not a directory",
      "/srv/zk/data/1 is not empty (version-2): it may hold another server's data",
      "/log/2 is not empty (myid): it may hold another server's data",
    ]);
  });

  it("an existing myid is taken too", async () => {
    const plan = planHosts(hosts({ hosts: ["a", "b", "c"], dir: "/stage" }));
    expect(findConflicts(plan, new MemoryFileSystem({ "/stage/b/myid": "2\n" }))).toEqual(["/stage/b/myid exists"]);
  });
});

describe("renderPlan", () => {
  it("lists the files, the steps and the connect string; a dry run says nothing was written", async () => {
    const plan = await planFor({ servers: 1, dir: "/srv/zk" });
    const body = [
      "  /srv/zk/conf/zoo_2181.cfg  client 2181, admin 8080",
      "",
      "Start the server (zkServer.sh is in ZooKeeper's bin/ directory; ZOO_LOG_DIR gives each server its own log files):",
      "  ZOO_LOG_DIR=/srv/zk/logs/1 zkServer.sh start /srv/zk/conf/zoo_2181.cfg",
      "",
      "Check it (it prints Mode: standalone):",
      "  zkServer.sh status /srv/zk/conf/zoo_2181.cfg",
      "",
      "Clients connect to 127.0.0.1:2181",
    ];
    expect(renderPlan(plan, false)).toBe(["Wrote a standalone ZooKeeper 3.9 server on this host (127.0.0.1):", ...body, ""].join("\n"));
    expect(renderPlan(plan, true)).toBe(
      ["Would write a standalone ZooKeeper 3.9 server on this host (127.0.0.1):", ...body, "", "Nothing was written (--dry-run).", ""].join("\n"),
    );
  });
});

describe("README", () => {
  it("shows exactly what init prints for three servers in /tmp/zk (all ports free)", async () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const shown = /\n\$ zkcfg init --servers 3 --dir \/tmp\/zk\n([\s\S]*?)```/.exec(readme)?.[1];
    const plan = await planFor({ servers: 3, dir: "/tmp/zk" });
    expect(shown).toBe(renderPlan(plan, false) + plan.warnings.map((w) => `zkcfg: warning: ${w}\n`).join(""));
  });
});

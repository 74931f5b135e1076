import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createNode,
  describeWithZooKeeper,
  freePorts,
  readNode,
  runConfigCheck,
  startServer,
  stopAll,
  waitForMode,
  waitForModes,
  writeEnsemble,
  type Ensemble,
  type ZooKeeperMode,
  type ZooKeeperServer,
} from "./harness.js";

describeWithZooKeeper("real ZooKeeper harness", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "zkcfg-harness-"));
  });

  afterAll(async () => {
    await stopAll();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it("hands out distinct free loopback ports", async () => {
    const ports = await freePorts(6);
    expect(new Set(ports).size).toBe(6);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });

  it("refuses a quorum config whose dataDir has no myid (exit 2)", async () => {
    const ensemble = await writeEnsemble(join(dir, "no-myid"), 3, { writeMyid: false });
    const check = await runConfigCheck(ensemble.members[0]!.configPath, 15_000);
    expect(check.refused).toBe(true);
    expect(check.exitCode).toBe(2);
    expect(check.output).toContain("myid file is missing");
  }, 30_000);

  it("accepts a valid standalone config and serves it", async () => {
    const ensemble = await writeEnsemble(join(dir, "standalone"), 1);
    const member = ensemble.members[0]!;
    const check = await runConfigCheck(member.configPath, 2_000);
    expect(check, check.output).toMatchObject({ refused: false, exitCode: null });

    const server = startServer(member.configPath);
    expect(await waitForMode(member.clientPort, 20_000, { server })).toBe("standalone");
    await server.stop();
    expect(server.running()).toBe(false);
  }, 40_000);

  describe("a 3-server pseudo-cluster", () => {
    let ensemble: Ensemble;
    const servers = new Map<number, ZooKeeperServer>();
    const modes = new Map<number, ZooKeeperMode>();

    beforeAll(async () => {
      ensemble = await writeEnsemble(join(dir, "cluster"), 3);
      for (const member of ensemble.members) servers.set(member.id, startServer(member.configPath));
    });

    it("elects exactly one leader and two followers", async () => {
      const found = await Promise.all(ensemble.members.map((m) => waitForMode(m.clientPort, 30_000, { server: servers.get(m.id)! })));
      ensemble.members.forEach((m, i) => modes.set(m.id, found[i]!));
      expect([...found].sort()).toEqual(["follower", "follower", "leader"]);
      const config = await readFile(ensemble.members[0]!.configPath, "utf8");
      expect(config).toContain("clientPortAddress=127.0.0.1");
    }, 40_000);

    it("replicates a node written on one server to another", async () => {
      const [first, second] = ensemble.members;
      await createNode(first!.connect, "/harness", "hello from 1");
      expect(await readNode(second!.connect, "/harness")).toBe("hello from 1");
      expect(await readNode(second!.connect, "/no-such-node")).toBeNull();
    }, 40_000);

    it("keeps serving after the leader stops", async () => {
      const leader = ensemble.members.find((m) => modes.get(m.id) === "leader")!;
      const rest = ensemble.members.filter((m) => m !== leader);
      await servers.get(leader.id)!.stop();

      const after = await waitForModes(
        rest.map((m) => m.clientPort),
        ["follower", "leader"],
        30_000,
      );
      expect([...after].sort()).toEqual(["follower", "leader"]);
      expect(await readNode(rest[0]!.connect, "/harness")).toBe("hello from 1");
      await createNode(rest[1]!.connect, "/after-failover", "still here");
      expect(await readNode(rest[0]!.connect, "/after-failover")).toBe("still here");
    }, 50_000);
  });
});

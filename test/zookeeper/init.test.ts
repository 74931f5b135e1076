// What `zkcfg init --servers` writes starts as a real ensemble: every server of each layout comes
// up, one leads, the others follow or observe, and data written through one is read through
// another. The servers listen on 127.0.0.1 only: init writes clientPortAddress=127.0.0.1 and
// loopback server lines for a one-host ensemble (the harness also turns the AdminServer off).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { zkcfg } from "../cli/run-cli.js";
import { createNode, describeWithZooKeeper, fourLetter, freePorts, readNode, startServer, stopAll, waitForModes, type ZooKeeperMode } from "./harness.js";

interface Written {
  configs: string[];
  clientPorts: number[];
}

/** Runs init into a fresh directory and returns the configs it wrote, in server id order. */
async function init(work: string, name: string, extra: string[]): Promise<Written> {
  const dir = join(work, name);
  const [base] = await freePorts(1);
  const r = zkcfg(["init", "--dir", dir, "--base-port", String(base), ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const configs = readdirSync(join(dir, "conf"))
    .map((f) => join(dir, "conf", f))
    .map((path) => ({ path, text: readFileSync(path, "latin1") }))
    .map(({ path, text }) => ({ path, id: Number(/^dataDir=.*\/(\d+)$/m.exec(text)?.[1]), port: Number(/^clientPort=(\d+)$/m.exec(text)?.[1]) }))
    .sort((a, b) => a.id - b.id);
  for (const c of configs) expect(readFileSync(c.path, "latin1")).toMatch(/^clientPortAddress=127\.0\.0\.1$/m);
  return { configs: configs.map((c) => c.path), clientPorts: configs.map((c) => c.port) };
}

describeWithZooKeeper("zkcfg init with real ZooKeeper", () => {
  const work = mkdtempSync(join(tmpdir(), "zkcfg-init-zk-"));

  // One ensemble at a time: this machine may have only two cores.
  afterEach(async () => {
    await stopAll();
  });
  afterAll(async () => {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  });

  it("3 voting servers and an observer, with transaction log dirs (3.5+ server lines), form a quorum and serve", async () => {
    const written = await init(work, "modern", ["--servers", "3", "--observers", "1", "--data-log-dir", join(work, "modern-txlog")]);
    expect(written.configs).toHaveLength(4);
    for (const path of written.configs) startServer(path);
    const modes = await waitForModes(written.clientPorts, ["follower", "follower", "leader", "observer"], 60_000);
    expect(modes[3]).toBe<ZooKeeperMode>("observer");

    const [first, , , observer] = written.clientPorts.map((p) => `127.0.0.1:${p}`) as string[];
    await createNode(first as string, "/init", "from-server-1");
    expect(await readNode(observer as string, "/init")).toBe("from-server-1");
    // The whitelist init writes: what health checks use is on, the rest stays off.
    expect(await fourLetter(written.clientPorts[0] as number, "ruok")).toBe("imok");
    expect(await fourLetter(written.clientPorts[0] as number, "mntr")).toMatch(/^zk_version\t/);
    expect(await fourLetter(written.clientPorts[0] as number, "stat")).toMatch(/not in the whitelist/);
    expect(readdirSync(join(work, "modern-txlog", "1"))).toEqual(["version-2"]);
  }, 120_000);

  it("the 3.4 form (no client part in server lines, no AdminServer keys) forms a quorum too", async () => {
    const written = await init(work, "legacy", ["--servers", "3", "--zk-version", "3.4"]);
    for (const path of written.configs) expect(readFileSync(path, "latin1")).not.toMatch(/^server\.\d+=.*;/m);
    for (const path of written.configs) startServer(path);
    await waitForModes(written.clientPorts, ["follower", "follower", "leader"], 60_000);
  }, 120_000);

  it("one voting server with observers runs as a quorum (standaloneEnabled=false)", async () => {
    const written = await init(work, "single", ["--servers", "1", "--observers", "1"]);
    for (const path of written.configs) startServer(path);
    await waitForModes(written.clientPorts, ["leader", "observer"], 60_000);
  }, 120_000);
});

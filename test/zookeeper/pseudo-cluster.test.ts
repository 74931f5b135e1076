// The walk-through end to end: zkcfg finds what would stop the example pseudo-cluster, fixes the
// myids, and the same layout (moved to free loopback ports) then forms a real quorum.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO, zkcfg } from "../cli/run-cli.js";
import { createNode, describeWithZooKeeper, freePorts, readNode, startServer, stopAll, waitForMode, waitForModes, type ZooKeeperServer } from "./harness.js";

interface JsonMessage {
  ruleId: string;
  messageId: string;
  impact: string;
  line: number;
  message: string;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

const lintJson = (cwd: string, files: string[]): JsonResult[] => JSON.parse(zkcfg(["lint", "--format", "json", ...files], { cwd }).stdout) as JsonResult[];

describeWithZooKeeper("pseudo-cluster example with real ZooKeeper", () => {
  const work = mkdtempSync(join(tmpdir(), "zkcfg-e2e-"));
  const example = join(work, "pseudo-cluster");
  cpSync(join(REPO, "fixtures", "examples", "pseudo-cluster"), example, { recursive: true });
  const configs = ["conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];

  afterAll(async () => {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  });

  it("lint reports the three missing myids and the AdminServer port clash (a warning: the quorum forms without it)", () => {
    const results = lintJson(example, configs);
    expect(results.map((r) => r.filePath)).toEqual(configs);
    for (const r of results) {
      const ids = r.messages.map((m) => `${m.ruleId}/${m.messageId}/${m.impact}`).sort();
      expect(ids).toEqual(["myid-matches-datadir/missingMyidFixable/startup", "port-collision/adminInQuorum/runtime"]);
      expect(r.messages.find((m) => m.ruleId === "port-collision")?.message).toMatch(
        /^Port 8080 \(AdminServer default\) is also used by zoo_218\d\.cfg, zoo_218\d\.cfg on this host/,
      );
    }
  });

  it("fix writes the myids in file-name order, and a second run changes nothing", () => {
    const first = zkcfg(["fix", ...configs], { cwd: example });
    expect(first.stdout).toMatch(/wrote .*d2181\/myid \("1"\)/);
    for (const [i, port] of [2181, 2182, 2183].entries()) {
      expect(readFileSync(join(example, "usr/local/zookeeper/quorum-data", `d${port}`, "myid"), "utf8")).toBe(`${i + 1}\n`);
    }
    const second = zkcfg(["fix", "--check", ...configs], { cwd: example });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe("nothing to fix\n");
  });

  it("the fixed layout, on free loopback ports with distinct admin settings, lints clean and forms a quorum", async () => {
    const ports = await freePorts(9);
    const servers = [1, 2, 3].map((id) => `server.${id}=127.0.0.1:${ports[3 + (id - 1) * 2]}:${ports[4 + (id - 1) * 2]}`);
    const clientPorts = ports.slice(0, 3) as number[];
    const live = configs.map((cfg, i) => {
      const original = readFileSync(join(example, cfg), "latin1");
      const dataDir = /^dataDir=(.*)$/m.exec(original)?.[1] ?? "";
      const text = original
        .replace(/^dataDir=.*$/m, `dataDir=${join(example, dataDir)}`)
        .replace(/^clientPort=.*$/m, `clientPort=${clientPorts[i]}\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n4lw.commands.whitelist=srvr,ruok`)
        .replace(/^server\..*\n/gm, "")
        .concat(servers.join("\n") + "\n");
      const path = join(example, "conf", `live_${i + 1}.cfg`);
      writeFileSync(path, text);
      return path;
    });
    const check = zkcfg(["lint", "--no-config", "--root", "/", "--format", "compact", ...live], { cwd: example });
    // The live copy sits in the system's temp directory, which datadir-durability rightly flags.
    const problems = check.stdout.split("\n").filter((l) => l !== "" && !/ is under \/tmp, .*\[datadir-durability\]$/.test(l));
    expect([...problems, check.stderr].join("")).toBe("");
    expect(check.code).toBe(0);

    const started: ZooKeeperServer[] = live.map((p) => startServer(p));
    const modes = await Promise.all(clientPorts.map((p, i) => waitForMode(p, 30_000, { server: started[i] as ZooKeeperServer })));
    expect([...modes].sort()).toEqual(["follower", "follower", "leader"]);

    const connect = (i: number): string => `127.0.0.1:${clientPorts[i]}`;
    await createNode(connect(0), "/zkcfg", "written-on-server-1");
    expect(await readNode(connect(2), "/zkcfg")).toBe("written-on-server-1");

    // Stop the server the client wrote through; the other two still form a majority.
    await (started[0] as ZooKeeperServer).stop();
    const remaining = await waitForModes([clientPorts[1] as number, clientPorts[2] as number], ["follower", "leader"], 30_000);
    expect([...remaining].sort()).toEqual(["follower", "leader"]);
    expect(await readNode(connect(1), "/zkcfg")).toBe("written-on-server-1");
    await createNode(connect(2), "/after-stop", "still-serving");
    expect(await readNode(connect(1), "/after-stop")).toBe("still-serving");
  }, 120_000);
});

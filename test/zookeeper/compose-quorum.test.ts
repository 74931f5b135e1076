// The clean official compose example, rendered as the image's entrypoint renders it, runs as a real
// three-server quorum: each service's zoo.cfg and myid as zkcfg renders them, with loopback and free
// ports standing in for the service names and the container ports (the services share one machine
// here, so each also gets its own data directories and no AdminServer).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { readCompose } from "../../src/compose/read.js";
import { configText } from "../../src/compose/images/family.js";
import { detectImage } from "../../src/compose/images/index.js";
import { REPO } from "../cli/run-cli.js";
import { createNode, describeWithZooKeeper, freePorts, readNode, startServer, stopAll, waitForMode, type ZooKeeperServer } from "./harness.js";

const EXAMPLE = join(REPO, "fixtures", "examples", "compose", "official", "docker-compose.yml");

describeWithZooKeeper("the official compose example as a real quorum", () => {
  const work = mkdtempSync(join(tmpdir(), "zkcfg-compose-quorum-"));
  afterAll(async () => {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  });

  it("forms a quorum from the configs and ids zkcfg renders", async () => {
    const project = readCompose([{ path: EXAMPLE, name: "docker-compose.yml", bytes: readFileSync(EXAMPLE) }], new MemoryFileSystem(), REPO);
    expect(project.problems).toEqual([]);
    const names = project.services.map((s) => s.name);
    expect(names).toEqual(["zoo1", "zoo2", "zoo3"]);
    const ports = await freePorts(9);
    // Service i's client, quorum and election ports on loopback.
    const portOf = (service: string, container: string): number => {
      const i = names.indexOf(service);
      const slot = { "2181": 0, "2888": 1, "3888": 2 }[container] as number;
      return ports[i * 3 + slot] as number;
    };
    const configs = project.services.map((service) => {
      const image = service.image;
      if (!image?.value) throw new Error(`service ${service.name} has no image`);
      const match = detectImage(image.value);
      if (!match) throw new Error(`service ${service.name} runs no ZooKeeper image zkcfg renders`);
      const rendered = match.family.render(service, image, match.version, match.tag);
      if ("unknown" in rendered || !rendered.myid) throw new Error(`service ${service.name} is not rendered`);
      const dir = join(work, service.name);
      mkdirSync(join(dir, "data"), { recursive: true });
      writeFileSync(join(dir, "data", "myid"), `${rendered.myid.text}\n`);
      const text = configText(rendered)
        .replace(/^dataDir=.*$/m, `dataDir=${join(dir, "data")}`)
        .replace(/^dataLogDir=.*$/m, `dataLogDir=${join(dir, "datalog")}`)
        .replace(/^admin\.enableServer=.*$/m, "admin.enableServer=false")
        .replace(/^(server\.\d+)=([^:]+):(\d+):(\d+);(\d+)$/gm, (_all, key: string, host: string, quorum: string, election: string, client: string) =>
          `${key}=127.0.0.1:${portOf(host, quorum)}:${portOf(host, election)};127.0.0.1:${portOf(host, client)}`);
      const path = join(dir, "zoo.cfg");
      writeFileSync(path, text);
      return { path, client: portOf(service.name, "2181") };
    });
    const started: ZooKeeperServer[] = configs.map((c) => startServer(c.path));
    const modes = await Promise.all(configs.map((c, i) => waitForMode(c.client, 30_000, { server: started[i] as ZooKeeperServer })));
    expect([...modes].sort()).toEqual(["follower", "follower", "leader"]);
    await createNode(`127.0.0.1:${configs[0]?.client}`, "/compose", "from-zoo1");
    expect(await readNode(`127.0.0.1:${configs[2]?.client}`, "/compose")).toBe("from-zoo1");
  }, 120_000);
});

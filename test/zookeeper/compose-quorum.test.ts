// The clean compose example of each image family, rendered as the image's entrypoint renders it, runs
// as a real three-server quorum: each service's config and myid as zkcfg renders them, with loopback
// and free ports standing in for the service names and the container ports (the services share one
// machine here, so each also gets its own data directories and no AdminServer).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { readCompose } from "../../src/compose/read.js";
import { configText, type Rendered } from "../../src/compose/images/family.js";
import { detectImage } from "../../src/compose/images/index.js";
import { REPO } from "../cli/run-cli.js";
import { createNode, describeWithZooKeeper, freePorts, readNode, startServer, stopAll, waitForMode, type ZooKeeperServer } from "./harness.js";

const EXAMPLES = {
  official: join(REPO, "fixtures", "examples", "compose", "official", "docker-compose.yml"),
  bitnami: join(REPO, "fixtures", "compose", "valid", "bitnami-ensemble", "docker-compose.yml"),
  confluent: join(REPO, "fixtures", "compose", "valid", "confluent-ensemble", "docker-compose.yml"),
};

/** The services' configs and ids as zkcfg renders them, in service order. */
function renderAll(path: string): { name: string; rendered: Rendered }[] {
  const project = readCompose([{ path, name: "docker-compose.yml", bytes: readFileSync(path) }], new MemoryFileSystem(), REPO);
  expect(project.problems).toEqual([]);
  return project.services.map((service) => {
    const image = service.image;
    const match = image?.value === undefined ? undefined : detectImage(image.value);
    if (!image || !match) throw new Error(`service ${service.name} runs no ZooKeeper image zkcfg renders`);
    const rendered = match.family.render(service, image, match.version, match.tag);
    if ("unknown" in rendered || !rendered.myid) throw new Error(`service ${service.name} is not rendered`);
    return { name: service.name, rendered };
  });
}

/** The rendered text with this machine's directories, no AdminServer, and loopback ports for the service names. */
function onLoopback(rendered: Rendered, dir: string, client: number, portOf: (host: string, slot: number) => number): string {
  const kept = configText(rendered)
    .split("\n")
    .filter((line) => !/^(dataDir|dataLogDir|admin\.enableServer|clientPort)=/.test(line))
    .map((line) =>
      line.replace(
        /^(server\.\d+)=([^:]+):\d+:\d+(:observer|:participant)?(;\d+)?$/,
        (_all, key: string, host: string, role = "", hasClient = "") =>
          `${key}=127.0.0.1:${portOf(host, 1)}:${portOf(host, 2)}${role}${hasClient ? `;127.0.0.1:${portOf(host, 0)}` : ""}`,
      ),
    );
  return `${kept.join("\n")}\ndataDir=${join(dir, "data")}\ndataLogDir=${join(dir, "datalog")}\nadmin.enableServer=false\nclientPort=${client}\n`;
}

describeWithZooKeeper("the clean compose examples as real quorums", () => {
  const work = mkdtempSync(join(tmpdir(), "zkcfg-compose-quorum-"));
  afterEach(async () => stopAll());
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const [family, path] of Object.entries(EXAMPLES)) {
    it(`forms a quorum from the configs and ids zkcfg renders for the ${family} image`, async () => {
      const services = renderAll(path);
      expect(services).toHaveLength(3);
      const ports = await freePorts(9);
      // Service i's client, quorum and election ports on loopback.
      const portOf = (host: string, slot: number): number => ports[services.findIndex((s) => s.name === host) * 3 + slot] as number;
      const configs = services.map(({ name, rendered }) => {
        const dir = join(work, family, name);
        mkdirSync(join(dir, "data"), { recursive: true });
        writeFileSync(join(dir, "data", "myid"), rendered.myid?.file ?? "");
        const file = join(dir, "zoo.cfg");
        writeFileSync(file, onLoopback(rendered, dir, portOf(name, 0), portOf));
        return { file, client: portOf(name, 0) };
      });
      const started: ZooKeeperServer[] = configs.map((c) => startServer(c.file));
      const modes = await Promise.all(configs.map((c, i) => waitForMode(c.client, 30_000, { server: started[i] as ZooKeeperServer })));
      expect([...modes].sort()).toEqual(["follower", "follower", "leader"]);
      await createNode(`127.0.0.1:${configs[0]?.client}`, "/compose", family);
      expect(await readNode(`127.0.0.1:${configs[2]?.client}`, "/compose")).toBe(family);
    }, 120_000);
  }
});

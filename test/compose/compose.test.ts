import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { lintCompose } from "../../src/compose/lint.js";
import { readCompose } from "../../src/compose/read.js";
import { configText } from "../../src/compose/images/family.js";
import { detectImage } from "../../src/compose/images/index.js";
import { isComposeFile } from "../../src/compose/files.js";

const EXAMPLE = join(import.meta.dirname, "..", "..", "fixtures", "examples", "compose", "official", "docker-compose.yml");
const FILE = "/p/docker-compose.yml";

const input = (text: string, path = FILE) => ({ path, name: path.slice(3), bytes: Buffer.from(text) });
const lint = (text: string, files: Record<string, string> = {}) => lintCompose([input(text)], new MemoryFileSystem(files), "/p", "ci")[0]?.messages ?? [];

/** The zoo.cfg the official image writes for `service` of a compose text. */
function render(text: string, service: string, files: Record<string, string> = {}): string {
  const project = readCompose([input(text)], new MemoryFileSystem(files), "/p");
  const s = project.services.find((x) => x.name === service);
  if (!s?.image?.value) throw new Error(`no service ${service}`);
  const match = detectImage(s.image.value);
  if (match?.family.id !== "official") throw new Error(`service ${service} runs no official image`);
  const r = match.family.render(s, s.image, match.version, match.tag);
  if ("unknown" in r) throw new Error(r.unknown);
  return configText(r);
}

const service = (image: string, env: string): string => `services:\n  zoo1:\n    image: ${image}\n    environment:\n${env}`;

describe("the official image's zoo.cfg", () => {
  it("is written byte for byte as the 3.9 entrypoint writes it for the example's zoo2", () => {
    expect(render(readFileSync(EXAMPLE, "utf8"), "zoo2")).toBe(
      "dataDir=/data\ndataLogDir=/datalog\ntickTime=2000\ninitLimit=5\nsyncLimit=2\nautopurge.snapRetainCount=3\nautopurge.purgeInterval=24\nmaxClientCnxns=60\nstandaloneEnabled=true\nadmin.enableServer=true\n" +
        "server.1=zoo1:2888:3888;2181\nserver.2=zoo2:2888:3888;2181\nserver.3=zoo3:2888:3888;2181\n",
    );
  });

  it("starts with clientPort=2181 on 3.4 images, which know no standaloneEnabled, admin server or whitelist", () => {
    const text = service("zookeeper:3.4.14", "      ZOO_SERVERS: server.1=zoo1:2888:3888\n      ZOO_4LW_COMMANDS_WHITELIST: ruok\n");
    expect(render(text, "zoo1")).toBe(
      "clientPort=2181\ndataDir=/data\ndataLogDir=/datalog\ntickTime=2000\ninitLimit=5\nsyncLimit=2\nautopurge.snapRetainCount=3\nautopurge.purgeInterval=0\nmaxClientCnxns=60\nserver.1=zoo1:2888:3888\n",
    );
  });

  it("keeps the blank after dataDir that images 3.5.6 to 3.6.4 wrote, the default server line, the whitelist and ZOO_CFG_EXTRA", () => {
    const text = service(
      "zookeeper:3.6.4",
      "      - ZOO_4LW_COMMANDS_WHITELIST=srvr,ruok\n      - ZOO_CFG_EXTRA=metricsProvider.httpPort=7000 quorumListenOnAllIPs=true\n",
    );
    expect(render(text, "zoo1")).toBe(
      "dataDir=/data \ndataLogDir=/datalog\ntickTime=2000\ninitLimit=5\nsyncLimit=2\nautopurge.snapRetainCount=3\nautopurge.purgeInterval=0\nmaxClientCnxns=60\nstandaloneEnabled=true\nadmin.enableServer=true\n" +
        "server.1=localhost:2888:3888;2181\n4lw.commands.whitelist=srvr,ruok\nmetricsProvider.httpPort=7000\nquorumListenOnAllIPs=true\n",
    );
  });

  it("takes values from .env, defaults, anchors and merge keys", () => {
    const text =
      "x-zk: &zk\n  image: zookeeper:${ZK_TAG}\n  environment: &env\n    ZOO_TICK_TIME: ${TICK:-3000}\n    ZOO_INIT_LIMIT: ${INIT-7}\nservices:\n  zoo1:\n    <<: *zk\n";
    const out = render(text, "zoo1", { "/p/.env": "ZK_TAG=3.8.4\nINIT=\n" });
    expect(out).toContain("tickTime=3000\ninitLimit=\nsyncLimit=2\n");
  });
});

describe("linting a compose project", () => {
  it("finds nothing in the clean official example", () => {
    expect(lintCompose([input(readFileSync(EXAMPLE, "utf8"))], new MemoryFileSystem(), "/p", "ci")[0]?.messages).toEqual([]);
  });

  it("reports one id given to every container at each ZOO_MY_ID entry", () => {
    const text = readFileSync(EXAMPLE, "utf8").replace(/ZOO_MY_ID: [23]/g, "ZOO_MY_ID: 1");
    const found = lint(text).filter((m) => m.ruleId === "myid-matches-datadir");
    expect(found.map((m) => [m.line, m.column])).toEqual([
      [9, 7],
      [19, 7],
      [29, 7],
    ]);
    expect(found[1]?.message).toMatch(/^service zoo2: zoo2:\/data\/myid says 1, as zoo1:\/data\/myid/);
  });

  it("reports 3.4-style server lines on a 3.5+ image at the ZOO_SERVERS entry", () => {
    const text = readFileSync(EXAMPLE, "utf8").replace(/;2181/g, "");
    const found = lint(text).filter((m) => m.ruleId === "server-spec");
    expect(found.map((m) => m.line)).toEqual([11, 21, 31]);
  });

  it("reports a variable .env does not set, and renders nothing from it", () => {
    const found = lint(service("zookeeper:3.9", "      ZOO_MY_ID: ${ID}\n"));
    expect(found).toMatchObject([{ ruleId: "compose", messageId: "unresolved", line: 5, column: 18 }]);
    expect(found[0]?.message).toContain("${ID}");
  });

  it("reports a variable without a value, which Compose takes from its shell, in map and list form", () => {
    expect(lint(service("zookeeper:3.9", "      ZOO_MY_ID:\n"))).toMatchObject([{ messageId: "unresolved", line: 5, column: 7 }]);
    const found = lint(service("zookeeper:3.9", "      - ZOO_MY_ID\n"));
    expect(found).toMatchObject([{ messageId: "unresolved", line: 5, column: 9 }]);
    expect(found[0]?.message).toBe(
      "ZOO_MY_ID of service zoo1 has no value, so docker compose takes it from the shell it runs in, which zkcfg does not read; this value is unknown: give it here or in .env",
    );
  });

  it("reports YAML errors at their position", () => {
    expect(lint("services:\n  zoo1:\n    image: a\n    image: b\n")).toMatchObject([{ ruleId: "compose", messageId: "yamlError", line: 4, column: 5 }]);
  });

  it("lints a service that mounts its own zoo.cfg from that file, and says which variables then have no effect", () => {
    const text = readFileSync(EXAMPLE, "utf8").replace(/( {4}hostname: zoo3\n)/, "$1    volumes:\n      - ./zoo3.cfg:/conf/zoo.cfg:ro\n");
    const own =
      "tickTime=2000\ninitLimit=5\nsyncLimit=2\nautopurge.purgeInterval=24\ndataDir=/var/lib/zookeeper\nserver.1=zoo1:2888:3888;2181\nserver.2=zoo2:2888:3888;2181\nserver.3=zoo3:2888:3888;2181\n";
    const results = lintCompose([input(text)], new MemoryFileSystem({ "/p/zoo3.cfg": own }), "/p", "ci");
    expect(results.map((r) => r.filePath)).toEqual(["docker-compose.yml", "zoo3.cfg"]);
    // ZOO_MY_ID goes to /data/myid, and this zoo.cfg keeps its data in /var/lib/zookeeper.
    expect(results[1]?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ["myid-matches-datadir", 5],
      ["datadir-durability", 5],
    ]);
    expect(results[0]?.messages.map((m) => [m.messageId, m.line, m.column])).toEqual([
      ["myidElsewhere", 27, 9],
      ["noEffect", 32, 7],
      ["noEffect", 33, 7],
    ]);
    expect(results[0]?.messages[0]?.message).toBe(
      "service zoo3 mounts its own zoo.cfg (./zoo3.cfg:/conf/zoo.cfg:ro) with dataDir=/var/lib/zookeeper, but the zookeeper:3.9 entrypoint writes ZOO_MY_ID into /data/myid; set dataDir=/data in that zoo.cfg, or ZOO_DATA_DIR: /var/lib/zookeeper",
    );
    expect(results[0]?.messages[2]?.message).toBe(
      "service zoo3 mounts its own zoo.cfg (./zoo3.cfg:/conf/zoo.cfg:ro), so the zookeeper:3.9 entrypoint writes none and ZOO_SERVERS has no effect; set the value in that zoo.cfg, or drop ZOO_SERVERS",
    );
  });

  it("renders the zoo.cfg of a service whose mounted conf directory holds none, as the entrypoint writes one there", () => {
    const text = readFileSync(EXAMPLE, "utf8")
      .replace(/ZOO_MY_ID: [23]/g, "ZOO_MY_ID: 1")
      .replace(/( {4}hostname: zoo[23]\n)/g, "$1    volumes:\n      - ./conf:/conf\n");
    expect(lint(text).filter((m) => m.ruleId === "myid-matches-datadir")).toHaveLength(3);
  });

  it("merges a later file's environment over an earlier one's", () => {
    const base = readFileSync(EXAMPLE, "utf8");
    const override = "services:\n  zoo3:\n    environment:\n      ZOO_MY_ID: 2\n";
    const [first, second] = lintCompose([input(base), input(override, "/p/compose.override.yml")], new MemoryFileSystem(), "/p", "ci");
    expect(first?.messages.filter((m) => m.ruleId === "myid-matches-datadir").map((m) => m.line)).toEqual([19]);
    expect(second?.messages.filter((m) => m.ruleId === "myid-matches-datadir").map((m) => m.line)).toEqual([4]);
  });
});

describe("env files", () => {
  it("reads env_file inside the project, lets environment: win over it, and reports one outside the project", () => {
    const text = service("zookeeper:3.9", "      ZOO_TICK_TIME: 3000\n") + "    env_file:\n      - zk.env\n      - ../secrets.env\n";
    const files = { "/p/zk.env": "# ids\nZOO_MY_ID=2\nZOO_TICK_TIME=4000\n", "/secrets.env": "ZOO_INIT_LIMIT=9\n" };
    expect(render(text, "zoo1", files)).toContain("tickTime=3000\ninitLimit=5\n");
    expect(lint(text, files).filter((m) => m.ruleId === "compose")).toMatchObject([{ messageId: "envFile", line: 8, column: 9 }]);
    const project = readCompose([input(text)], new MemoryFileSystem(files), "/p");
    expect(project.services[0]?.environment.get("ZOO_MY_ID")?.value).toBe("2");
  });
});

describe("server hosts", () => {
  it("resolve through service names, hostname:, container_name: and network aliases", () => {
    const text = readFileSync(EXAMPLE, "utf8")
      .replace(/server\.1=zoo1:/g, "server.1=zk-one:")
      .replace(/server\.2=zoo2:/g, "server.2=zk-two:")
      .replace(/server\.3=zoo3:/g, "server.3=zk-three.internal:")
      .replace("    hostname: zoo1\n", "    hostname: zk-one\n")
      .replace("    hostname: zoo2\n", "    hostname: zoo2\n    container_name: zk-two\n")
      .replace("    hostname: zoo3\n", "    hostname: zoo3\n    networks:\n      default:\n        aliases: [zk-three.internal]\n");
    expect(lint(text).filter((m) => m.ruleId === "compose")).toEqual([]);
    expect(
      lint(text.replace("container_name: zk-two", "container_name: zk-2"))
        .filter((m) => m.messageId === "serverHost")
        .map((m) => m.line),
    ).toEqual([11, 35]);
  });
});

describe("compose file names", () => {
  it("are docker-compose.yml, compose.yaml and their variants, not other YAML", () => {
    expect(["docker-compose.yml", "compose.yaml", "compose.override.yml", "docker-compose.prod.yaml"].map(isComposeFile)).toEqual([true, true, true, true]);
    expect(["values.yaml", ".pre-commit-hooks.yaml", "composer.yml"].map(isComposeFile)).toEqual([false, false, false]);
  });
});

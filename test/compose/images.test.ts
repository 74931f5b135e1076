// The config and myid each image family's entrypoint writes, byte for byte, as docs/images.md records
// its scripts per image version; and which images are which family.
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { readCompose } from "../../src/compose/read.js";
import { configText, type Rendered } from "../../src/compose/images/family.js";
import { detectImage, splitImage } from "../../src/compose/images/index.js";

function render(image: string, env: Record<string, string>): Rendered {
  const lines = Object.entries(env).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}\n`);
  const text = `services:\n  zoo:\n    image: ${image}\n    environment:\n${lines.join("")}`;
  const service = readCompose([{ path: "/p/compose.yaml", name: "compose.yaml", bytes: Buffer.from(text) }], new MemoryFileSystem(), "/p").services[0];
  const match = detectImage(image);
  if (!service?.image || !match) throw new Error(`${image} is not rendered`);
  const rendered = match.family.render(service, service.image, match.version, match.tag);
  if ("unknown" in rendered) throw new Error(rendered.unknown);
  return rendered;
}

/** ZooKeeper's zoo_sample.cfg up to its dataDir line, which Bitnami's entrypoint keeps (comments included). */
const SAMPLE_HEAD =
  "# The number of milliseconds of each tick\ntickTime=2000\n# The number of ticks that the initial \n# synchronization phase can take\ninitLimit=10\n" +
  "# The number of ticks that can pass between \n# sending a request and getting an acknowledgement\nsyncLimit=5\n" +
  "# the directory where the snapshot is stored.\n# do not use /tmp for storage, /tmp here is just \n# example sakes.\n";
const SAMPLE_MAINTENANCE =
  "#\n# Be sure to read the maintenance section of the \n# administrator guide before turning on autopurge.\n#\n" +
  "# https://zookeeper.apache.org/doc/current/zookeeperAdmin.html#sc_maintenance\n#\n# The number of snapshots to retain in dataDir\n";

describe("Bitnami's zoo.cfg", () => {
  it("is the sample with each key set in place or appended, as the 3.9 entrypoint writes it, ids after ::", () => {
    const rendered = render("bitnami/zookeeper:3.9", {
      ALLOW_EMPTY_PASSWORD: "yes",
      ZOO_SERVER_ID: "2",
      ZOO_AUTOPURGE_INTERVAL: "24",
      ZOO_SERVERS: "zoo1:2888:3888::1,zoo2:2888:3888::2,zoo3:2888:3888::3",
    });
    expect(rendered.confPath).toBe("/opt/bitnami/zookeeper/conf/zoo.cfg");
    expect(configText(rendered)).toBe(
      SAMPLE_HEAD +
        "dataDir=/bitnami/zookeeper/data\n# the port at which the clients will connect\nclientPort=2181\n# the maximum number of client connections.\n# increase this if you need to handle more clients\nmaxClientCnxns=60\n" +
        SAMPLE_MAINTENANCE +
        'autopurge.snapRetainCount=3\n# Purge task interval in hours\n# Set to "0" to disable auto purge feature\nautopurge.purgeInterval=24\n\n## Metrics Providers\n#\n# https://prometheus.io Metrics Exporter\n' +
        "#metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider\n#metricsProvider.httpHost=0.0.0.0\n#metricsProvider.httpPort=7000\n#metricsProvider.exportJvmInfo=true\n" +
        "preAllocSize=65536\nsnapCount=100000\nmaxCnxns=0\nreconfigEnabled=false\nquorumListenOnAllIPs=false\n4lw.commands.whitelist=srvr, mntr\nmaxSessionTimeout=40000\n" +
        "admin.serverAddress=127.0.0.1\nadmin.serverPort=8080\nadmin.enableServer=false\nserver.1=zoo1:2888:3888;2181\nserver.2=zoo2:2888:3888;2181\nserver.3=zoo3:2888:3888;2181\n",
    );
    expect(rendered.myid?.file).toBe("2\n");
  });

  it("numbers servers without :: in order, on 3.8 writes no admin.serverAddress, and lets metrics and ZOO_CFG_<key> (in name order) edit lines in place", () => {
    const rendered = render("bitnami/zookeeper:3.8.4-debian-12-r10", {
      ZOO_PORT_NUMBER: "3181",
      ZOO_DATA_LOG_DIR: "/bitnami/zookeeper/log",
      ZOO_SERVERS: "zoo1:2888:3888, zoo2:2888:3888 zoo3:2888:3888:observer",
      ZOO_ENABLE_PROMETHEUS_METRICS: "yes",
      ZOO_LISTEN_ALLIPS_ENABLED: "true",
      ZOO_CFG_snapCount: "5000",
      ZOO_CFG_autopurge_purgeInterval: "1",
    });
    expect(configText(rendered)).toBe(
      SAMPLE_HEAD +
        "dataDir=/bitnami/zookeeper/data\n# the port at which the clients will connect\nclientPort=3181\n# the maximum number of client connections.\n# increase this if you need to handle more clients\nmaxClientCnxns=60\n" +
        SAMPLE_MAINTENANCE +
        'autopurge.snapRetainCount=3\n# Purge task interval in hours\n# Set to "0" to disable auto purge feature\nautopurge.purgeInterval=1\n\n## Metrics Providers\n#\n# https://prometheus.io Metrics Exporter\n' +
        "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider\n#metricsProvider.httpHost=0.0.0.0\nmetricsProvider.httpPort=7000\nmetricsProvider.exportJvmInfo=true\n" +
        "preAllocSize=65536\nsnapCount=5000\ndataLogDir=/bitnami/zookeeper/log\nmaxCnxns=0\nreconfigEnabled=false\nquorumListenOnAllIPs=true\n4lw.commands.whitelist=srvr, mntr\nmaxSessionTimeout=40000\n" +
        "admin.serverPort=8080\nadmin.enableServer=false\nserver.1=zoo1:2888:3888;3181\nserver.2=zoo2:2888:3888;3181\nserver.3=zoo3:2888:3888:observer;3181\n",
    );
    expect(rendered.myid?.file).toBe("1\n");
  });

  it("is not rendered when a value comes from a <name>_FILE inside the container", () => {
    expect(() => render("bitnami/zookeeper:3.9", { ZOO_SERVER_ID_FILE: "/run/secrets/id" })).toThrow("ZOO_SERVER_ID_FILE");
  });

  it("writes no server line for a single ZOO_SERVERS item (standalone)", () => {
    expect(configText(render("bitnami/zookeeper:3.9", { ZOO_SERVERS: "zoo1:2888:3888" }))).not.toMatch(/^server\./m);
  });
});

describe("Confluent's zookeeper.properties", () => {
  it("is the template as Jinja renders it: the template's key order, servers numbered by place, initLimit 10 and syncLimit 5 with a server list", () => {
    const rendered = render("confluentinc/cp-zookeeper:7.4.0", {
      ZOOKEEPER_SERVER_ID: "2",
      ZOOKEEPER_CLIENT_PORT: "22181",
      ZOOKEEPER_TICK_TIME: "2000",
      ZOOKEEPER_AUTOPURGE_PURGE_INTERVAL: "24",
      ZOOKEEPER_SERVERS: "zookeeper-1:2888:3888;zookeeper-2:2888:3888;zookeeper-3:2888:3888",
    });
    expect(rendered.confPath).toBe("/etc/kafka/zookeeper.properties");
    expect(configText(rendered)).toBe(
      "\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\n\n\nclientPort=22181\ntickTime=2000\nautopurge.purgeInterval=24\ninitLimit=10\nsyncLimit=5\n" +
        "\n\n\nserver.1=zookeeper-1:2888:3888\n\nserver.2=zookeeper-2:2888:3888\n\nserver.3=zookeeper-3:2888:3888\n\n\n\n\n\n",
    );
    // The myid template's last newline is dropped too.
    expect(rendered.myid?.file).toBe("2");
  });

  it("writes an empty value as set, an empty initLimit as 10, and groups and weights as numbered blocks", () => {
    const rendered = render("confluentinc/cp-zookeeper:5.5.1", {
      ZOOKEEPER_SERVER_ID: "1",
      ZOOKEEPER_CLIENT_PORT: "2181",
      ZOOKEEPER_INIT_LIMIT: "",
      ZOOKEEPER_MAX_SESSION_TIMEOUT: "",
      ZOOKEEPER_SERVERS: "a:2888:3888;b:2888:3888;c:2888:3888",
      ZOOKEEPER_GROUPS: "1:2:3",
      ZOOKEEPER_WEIGHTS: "1;1;1",
    });
    expect(configText(rendered)).toBe(
      "\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\n\n\nclientPort=2181\nmaxSessionTimeout=\ninitLimit=10\nsyncLimit=5\n" +
        "\n\n\nserver.1=a:2888:3888\n\nserver.2=b:2888:3888\n\nserver.3=c:2888:3888\n\n\n\n\n\n\ngroup.1=1:2:3\n\n\n\n\n\n\nweight.1=1\n\nweight.2=1\n\nweight.3=1\n\n",
    );
  });

  it("writes no myid without ZOOKEEPER_SERVER_ID, and no server lines without ZOOKEEPER_SERVERS", () => {
    const rendered = render("confluentinc/cp-zookeeper:7.9.1", { ZOOKEEPER_CLIENT_PORT: "2181" });
    expect(configText(rendered)).toBe("\ndataDir=/var/lib/zookeeper/data\ndataLogDir=/var/lib/zookeeper/log\n\n\nclientPort=2181\n\n\n\n\n");
    expect(rendered.myid).toBeUndefined();
  });
});

describe("image families", () => {
  it("are told by the image name, with or without registry and tag, and the tag gives the ZooKeeper line", () => {
    const seen = [
      "zookeeper",
      "docker.io/library/zookeeper:3.8.4-jre-17",
      "bitnami/zookeeper:3.9.3-debian-12-r5",
      "docker.io/bitnami/zookeeper",
      "bitnamilegacy/zookeeper:3.8",
      "confluentinc/cp-zookeeper:7.4.0",
      "confluentinc/cp-zookeeper:6.2.1",
      "confluentinc/cp-zookeeper:7.6.0@sha256:00",
    ].map((image) => {
      const m = detectImage(image);
      return m && `${m.family.id} ${m.version}`;
    });
    expect(seen).toEqual(["official 3.9", "official 3.8", "bitnami 3.9", "bitnami 3.9", "bitnami 3.8", "confluent 3.6", "confluent 3.5", "confluent 3.8"]);
  });

  it("leave other images and tags whose scripts differ alone", () => {
    expect(
      ["registry.example.com/zk:3.9", "bitnami/zookeeper:3.7", "confluentinc/cp-zookeeper:5.4.1", "confluentinc/cp-kafka:7.4.0"].map((i) => detectImage(i)),
    ).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("follow the settings for an image name or glob", () => {
    expect(detectImage("registry.example.com/zk:3.8", { "registry.example.com/zk": "official" })).toMatchObject({
      family: { id: "official" },
      version: "3.8",
      tag: "3.8",
    });
    expect(detectImage("registry.example.com:5000/team/zookeeper:7.4.1", { "registry.example.com:5000/*/zookeeper": "confluent" })).toMatchObject({
      family: { id: "confluent" },
      version: "3.6",
    });
    expect(splitImage("registry.example.com:5000/zk")).toEqual({ name: "registry.example.com:5000/zk", tag: "latest" });
  });
});

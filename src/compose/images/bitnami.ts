import { parseVersion, type ZkVersion } from "../../model/version.js";
import type { ComposeService, Located } from "../model.js";
import { unknownVariable, type ImageFamily, type Refusal, type Rendered, type RenderedLine } from "./family.js";

/**
 * What Bitnami's `bitnami/zookeeper` image (github.com/bitnami/containers, bitnami/zookeeper/<line>/debian-12)
 * does at start, for its 3.8 and 3.9 lines: docs/images.md records the facts. The entrypoint copies
 * zoo_sample.cfg to zoo.cfg and sets each key in place (a commented `#key=` line too) or appends it,
 * only when no zoo.cfg is there; it writes myid only into an empty data directory.
 */

const CONF_PATH = "/opt/bitnami/zookeeper/conf/zoo.cfg";
const DATA_DIR = "/bitnami/zookeeper/data";

/** ZooKeeper's conf/zoo_sample.cfg of the 3.8 and 3.9 releases, without its trailing blank line (the first in-place edit drops it). */
const SAMPLE = [
  "# The number of milliseconds of each tick",
  "tickTime=2000",
  "# The number of ticks that the initial ",
  "# synchronization phase can take",
  "initLimit=10",
  "# The number of ticks that can pass between ",
  "# sending a request and getting an acknowledgement",
  "syncLimit=5",
  "# the directory where the snapshot is stored.",
  "# do not use /tmp for storage, /tmp here is just ",
  "# example sakes.",
  "dataDir=/tmp/zookeeper",
  "# the port at which the clients will connect",
  "clientPort=2181",
  "# the maximum number of client connections.",
  "# increase this if you need to handle more clients",
  "#maxClientCnxns=60",
  "#",
  "# Be sure to read the maintenance section of the ",
  "# administrator guide before turning on autopurge.",
  "#",
  "# https://zookeeper.apache.org/doc/current/zookeeperAdmin.html#sc_maintenance",
  "#",
  "# The number of snapshots to retain in dataDir",
  "#autopurge.snapRetainCount=3",
  "# Purge task interval in hours",
  '# Set to "0" to disable auto purge feature',
  "#autopurge.purgeInterval=1",
  "",
  "## Metrics Providers",
  "#",
  "# https://prometheus.io Metrics Exporter",
  "#metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider",
  "#metricsProvider.httpHost=0.0.0.0",
  "#metricsProvider.httpPort=7000",
  "#metricsProvider.exportJvmInfo=true",
];

/** zookeeper-env.sh defaults (`${VAR:-default}`: an empty value takes the default too). */
const DEFAULTS: Readonly<Record<string, string>> = {
  ZOO_PORT_NUMBER: "2181",
  ZOO_SERVER_ID: "1",
  ZOO_ENABLE_ADMIN_SERVER: "no",
  ZOO_ADMIN_SERVER_ADDRESS: "127.0.0.1",
  ZOO_ADMIN_SERVER_PORT_NUMBER: "8080",
  ZOO_TICK_TIME: "2000",
  ZOO_INIT_LIMIT: "10",
  ZOO_SYNC_LIMIT: "5",
  ZOO_MAX_CNXNS: "0",
  ZOO_MAX_CLIENT_CNXNS: "60",
  ZOO_AUTOPURGE_INTERVAL: "0",
  ZOO_AUTOPURGE_RETAIN_COUNT: "3",
  ZOO_4LW_COMMANDS_WHITELIST: "srvr, mntr",
  ZOO_RECONFIG_ENABLED: "no",
  ZOO_LISTEN_ALLIPS_ENABLED: "no",
  ZOO_ENABLE_PROMETHEUS_METRICS: "no",
  ZOO_PROMETHEUS_METRICS_PORT_NUMBER: "7000",
  ZOO_MAX_SESSION_TIMEOUT: "40000",
  ZOO_PRE_ALLOC_SIZE: "65536",
  ZOO_SNAPCOUNT: "100000",
  ZOO_TLS_CLIENT_AUTH: "need",
  ZOO_TLS_QUORUM_CLIENT_AUTH: "need",
};

/** The variables zookeeper-env.sh reads (each also as `<name>_FILE`), besides ZOO_CFG_<key>. */
const VARIABLES = [
  ...Object.keys(DEFAULTS),
  ...["ZOO_DATA_LOG_DIR", "ZOO_SERVERS", "ZOO_PEER_TYPE", "ZOO_LOG_LEVEL", "ZOO_HC_TIMEOUT", "ZOO_FIPS_MODE", "ZOO_HEAP_SIZE", "JVMFLAGS"],
  ...["ZOO_TLS_CLIENT_ENABLE", "ZOO_TLS_PORT_NUMBER", "ZOO_TLS_QUORUM_ENABLE"],
  ...["KEYSTORE_FILE", "KEYSTORE_TYPE", "KEYSTORE_PASSWORD", "TRUSTSTORE_FILE", "TRUSTSTORE_TYPE", "TRUSTSTORE_PASSWORD"].flatMap((s) => [
    `ZOO_TLS_CLIENT_${s}`,
    `ZOO_TLS_QUORUM_${s}`,
  ]),
  ...["ZOO_ENABLE_AUTH", "ZOO_CLIENT_USER", "ZOO_SERVER_USERS", "ZOO_CLIENT_PASSWORD", "ZOO_SERVER_PASSWORDS"],
  ...["ZOO_ENABLE_QUORUM_AUTH", "ZOO_QUORUM_LEARNER_USER", "ZOO_QUORUM_LEARNER_PASSWORD", "ZOO_QUORUM_SERVER_USERS", "ZOO_QUORUM_SERVER_PASSWORDS"],
];

/** The variable that lets a container without client authentication start: renamed within the 3.9 line. */
const anonymousVariables = (version: ZkVersion): string[] =>
  version === "3.8" ? ["ALLOW_ANONYMOUS_LOGIN"] : ["ALLOW_EMPTY_PASSWORD", "ALLOW_ANONYMOUS_LOGIN"];

export const bitnamiVariables = (version: ZkVersion): string[] => {
  const names = [...VARIABLES, ...anonymousVariables(version)];
  return [...names, ...names.map((n) => `${n}_FILE`)];
};

/** Bitnami's is_boolean_yes. */
const isYes = (value: string | undefined): boolean => /^(1|yes|true)$/i.test(value ?? "");

/** Switches whose configs zkcfg does not render (TLS stores, SASL): a service with one on is left alone. */
const UNRENDERED = ["ZOO_ENABLE_AUTH", "ZOO_ENABLE_QUORUM_AUTH", "ZOO_TLS_CLIENT_ENABLE", "ZOO_TLS_QUORUM_ENABLE"];

class Values {
  constructor(
    private readonly service: ComposeService,
    readonly image: Located<string | undefined>,
  ) {}

  /** A variable's value as the scripts see it, and the YAML that decided it. */
  get(name: string): { text: string; origin: Located<unknown> } {
    const set = this.service.environment.get(name);
    if (set?.value) return { text: set.value, origin: set };
    return { text: DEFAULTS[name] ?? "", origin: set ?? this.image };
  }
}

/** The file as zookeeper_conf_set edits it: every `key=` line (commented or not) replaced, else the line appended. */
function confSet(file: RenderedLine[], key: string, value: string, origin: Located<unknown>): void {
  const pattern = new RegExp(`^\\s*#*\\s*${key.replace(/[^\w.]/g, "\\$&")}=`);
  let found = false;
  for (const [i, line] of file.entries()) {
    if (!pattern.test(line.text)) continue;
    file[i] = { text: `${key}=${value}`, origin };
    found = true;
  }
  if (!found) file.push({ text: `${key}=${value}`, origin });
}

/** ZOO_SERVERS split at commas, semicolons and blanks. */
const serverItems = (value: string): string[] => value.split(/[;, \t\n]+/).filter((s) => s !== "");

function setServers(file: RenderedLine[], values: Values): void {
  const servers = values.get("ZOO_SERVERS");
  const items = serverItems(servers.text);
  // One item is a standalone server: no server line.
  if (items.length < 2) return;
  const port = values.get("ZOO_PORT_NUMBER").text;
  const withIds = servers.text.includes("::");
  items.forEach((item, i) => {
    const [address = "", id = ""] = withIds ? item.split("::").filter((p) => p !== "") : [item, String(i + 1)];
    confSet(file, `server.${id}`, `${address};${port}`, servers.origin);
  });
}

const KEYS: readonly [string, string][] = [
  ["tickTime", "ZOO_TICK_TIME"],
  ["initLimit", "ZOO_INIT_LIMIT"],
  ["syncLimit", "ZOO_SYNC_LIMIT"],
  ["preAllocSize", "ZOO_PRE_ALLOC_SIZE"],
  ["snapCount", "ZOO_SNAPCOUNT"],
];

const AFTER_DATA_DIR: readonly [string, string][] = [
  ["clientPort", "ZOO_PORT_NUMBER"],
  ["maxCnxns", "ZOO_MAX_CNXNS"],
  ["maxClientCnxns", "ZOO_MAX_CLIENT_CNXNS"],
];

function generate(service: ComposeService, values: Values, version: ZkVersion): RenderedLine[] {
  const file: RenderedLine[] = SAMPLE.map((text) => ({ text, origin: values.image }));
  const set = (key: string, name: string): void => {
    const v = values.get(name);
    confSet(file, key, v.text, v.origin);
  };
  const flag = (key: string, name: string): void => {
    const v = values.get(name);
    confSet(file, key, String(isYes(v.text)), v.origin);
  };
  for (const [key, name] of KEYS) set(key, name);
  confSet(file, "dataDir", DATA_DIR, values.image);
  if (values.get("ZOO_DATA_LOG_DIR").text !== "") set("dataLogDir", "ZOO_DATA_LOG_DIR");
  for (const [key, name] of AFTER_DATA_DIR) set(key, name);
  flag("reconfigEnabled", "ZOO_RECONFIG_ENABLED");
  flag("quorumListenOnAllIPs", "ZOO_LISTEN_ALLIPS_ENABLED");
  set("autopurge.purgeInterval", "ZOO_AUTOPURGE_INTERVAL");
  set("autopurge.snapRetainCount", "ZOO_AUTOPURGE_RETAIN_COUNT");
  set("4lw.commands.whitelist", "ZOO_4LW_COMMANDS_WHITELIST");
  set("maxSessionTimeout", "ZOO_MAX_SESSION_TIMEOUT");
  if (version !== "3.8") set("admin.serverAddress", "ZOO_ADMIN_SERVER_ADDRESS");
  set("admin.serverPort", "ZOO_ADMIN_SERVER_PORT_NUMBER");
  flag("admin.enableServer", "ZOO_ENABLE_ADMIN_SERVER");
  setServers(file, values);
  // ${!ZOO_CFG_@} lists the variables in name order.
  for (const name of [...service.environment.keys()].filter((n) => n.startsWith("ZOO_CFG_")).sort()) set(name.slice(8).replace(/_/g, "."), name);
  return file;
}

export function renderBitnami(service: ComposeService, image: Located<string | undefined>, version: ZkVersion): Rendered | { unknown: string } {
  const cfg = [...service.environment.keys()].filter((n) => n.startsWith("ZOO_CFG_"));
  const known = bitnamiVariables(version);
  const missing = unknownVariable(service, [...known, ...cfg]);
  if (missing) return { unknown: missing };
  // A <name>_FILE variable reads the value from a file inside the container, which zkcfg cannot see.
  const fromFile = [...service.environment.keys()].find((name) => name.endsWith("_FILE") && known.includes(name));
  if (fromFile) return { unknown: fromFile };
  const values = new Values(service, image);
  const unrendered = UNRENDERED.find((name) => isYes(values.get(name).text));
  if (unrendered) return { unknown: unrendered };
  const file = generate(service, values, version);
  if (isYes(values.get("ZOO_ENABLE_PROMETHEUS_METRICS").text)) {
    const on = values.get("ZOO_ENABLE_PROMETHEUS_METRICS").origin;
    confSet(file, "metricsProvider.className", "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider", on);
    const port = values.get("ZOO_PROMETHEUS_METRICS_PORT_NUMBER");
    confSet(file, "metricsProvider.httpPort", port.text, port.origin);
    confSet(file, "metricsProvider.exportJvmInfo", "true", on);
  }
  const peer = values.get("ZOO_PEER_TYPE");
  if (peer.text !== "") confSet(file, "peerType", peer.text, peer.origin);
  const id = values.get("ZOO_SERVER_ID");
  return { version, confPath: CONF_PATH, dataDir: DATA_DIR, lines: file, myid: { ...id, file: `${id.text}\n` } };
}

/** validate_port -unprivileged: a number from 1024 to 65535. */
const badPort = (value: string): boolean => !/^\d+$/.test(value) || Number(value) < 1024 || Number(value) > 65535;

function portRefusals(values: Values, label: string): Refusal[] {
  const out: Refusal[] = [];
  const names = [
    "ZOO_PORT_NUMBER",
    "ZOO_PROMETHEUS_METRICS_PORT_NUMBER",
    ...(isYes(values.get("ZOO_ENABLE_ADMIN_SERVER").text) ? ["ZOO_ADMIN_SERVER_PORT_NUMBER"] : []),
  ];
  for (const name of names) {
    const v = values.get(name);
    if (badPort(v.text))
      out.push({
        message: `the ${label} entrypoint exits before ZooKeeper starts: ${name}=${v.text} is not a port it accepts (a number from 1024 to 65535); give ${name} an unprivileged port`,
        at: v.origin,
      });
  }
  names.forEach((a, i) => {
    for (const b of names.slice(i + 1)) {
      const va = values.get(a);
      if (!badPort(va.text) && va.text === values.get(b).text)
        out.push({
          message: `the ${label} entrypoint exits before ZooKeeper starts: ${a} and ${b} are both ${va.text} ("bound to the same port"); give one of them another port`,
          at: values.get(b).origin,
        });
    }
  });
  return out;
}

function serverRefusals(values: Values, label: string): Refusal[] {
  const servers = values.get("ZOO_SERVERS");
  const withIds = servers.text.includes("::");
  const shape = withIds ? /^\S+:\d+:\d+(:observer|:participant)?::\d+$/ : /^\S+:\d+:\d+(:observer|:participant)?$/;
  const form = withIds ? "host:port:port::id (zoo1:2888:3888::1)" : "host:port:port (zoo1:2888:3888)";
  return serverItems(servers.text)
    .filter((item) => !shape.test(item))
    .map((item) => ({
      message: `the ${label} entrypoint exits before ZooKeeper starts: the ZOO_SERVERS item "${item}" is not of the form ${form}${withIds ? ", which every item takes once one has ::id" : ""}; write each server as ${form}`,
      at: servers.origin,
    }));
}

/** zookeeper_validate: what makes the container exit before ZooKeeper starts, whether or not a zoo.cfg is mounted. */
export function bitnamiRefusals(service: ComposeService, image: Located<string | undefined>, version: ZkVersion): Refusal[] {
  const values = new Values(service, image);
  const label = "bitnami/zookeeper";
  const out = [...portRefusals(values, label), ...serverRefusals(values, label)];
  const anonymous = anonymousVariables(version);
  if (!anonymous.some((name) => isYes(values.get(name).text)) && !isYes(values.get("ZOO_ENABLE_AUTH").text)) {
    out.push({
      message: `the ${label}:${version} entrypoint exits before ZooKeeper starts: client authentication is off (ZOO_ENABLE_AUTH) and ${anonymous[0] ?? ""} is not yes; set ${anonymous[0] ?? ""}: "yes" for a server without authentication`,
      at: image,
    });
  }
  const peer = values.get("ZOO_PEER_TYPE");
  if (peer.text !== "" && peer.text !== "observer" && peer.text !== "participant") {
    out.push({
      message: `the ${label} entrypoint exits before ZooKeeper starts: ZOO_PEER_TYPE=${peer.text} is neither observer nor participant`,
      at: peer.origin,
    });
  }
  return out;
}

/** A Bitnami tag's ZooKeeper line: "3.9", "3.9.3", "3.9.3-debian-12-r5", "latest"; only the 3.8 and 3.9 lines are rendered. */
export function bitnamiVersion(tag: string): ZkVersion | undefined {
  const version = tag === "latest" ? "3.9" : parseVersion(tag);
  return version === "3.8" || version === "3.9" ? version : undefined;
}

/** The variables that only feed the zoo.cfg the entrypoint writes (besides ZOO_CFG_<key>). */
const BITNAMI_CONFIG_ONLY = new Set([
  "ZOO_SERVERS",
  "ZOO_TICK_TIME",
  "ZOO_INIT_LIMIT",
  "ZOO_SYNC_LIMIT",
  "ZOO_PRE_ALLOC_SIZE",
  "ZOO_SNAPCOUNT",
  "ZOO_DATA_LOG_DIR",
  "ZOO_MAX_CNXNS",
  "ZOO_MAX_CLIENT_CNXNS",
  "ZOO_RECONFIG_ENABLED",
  "ZOO_LISTEN_ALLIPS_ENABLED",
  "ZOO_AUTOPURGE_INTERVAL",
  "ZOO_AUTOPURGE_RETAIN_COUNT",
  "ZOO_4LW_COMMANDS_WHITELIST",
  "ZOO_MAX_SESSION_TIMEOUT",
  "ZOO_ADMIN_SERVER_ADDRESS",
  "ZOO_ENABLE_ADMIN_SERVER",
  "ZOO_ENABLE_PROMETHEUS_METRICS",
]);

/** Bitnami's image: docs/images.md, "Bitnami". */
export const bitnami: ImageFamily = {
  id: "bitnami",
  label: "bitnami/zookeeper",
  names: ["bitnami/zookeeper", "bitnamilegacy/zookeeper"],
  prefix: "ZOO_",
  version: bitnamiVersion,
  variables: bitnamiVariables,
  keyVariables: {
    myid: "ZOO_SERVER_ID",
    server: "ZOO_SERVERS",
    clientPort: "ZOO_PORT_NUMBER",
    tickTime: "ZOO_TICK_TIME",
    initLimit: "ZOO_INIT_LIMIT",
    syncLimit: "ZOO_SYNC_LIMIT",
    dataLogDir: "ZOO_DATA_LOG_DIR",
    maxCnxns: "ZOO_MAX_CNXNS",
    maxClientCnxns: "ZOO_MAX_CLIENT_CNXNS",
    maxSessionTimeout: "ZOO_MAX_SESSION_TIMEOUT",
    preAllocSize: "ZOO_PRE_ALLOC_SIZE",
    snapCount: "ZOO_SNAPCOUNT",
    reconfigEnabled: "ZOO_RECONFIG_ENABLED",
    quorumListenOnAllIPs: "ZOO_LISTEN_ALLIPS_ENABLED",
    "autopurge.purgeInterval": "ZOO_AUTOPURGE_INTERVAL",
    "autopurge.snapRetainCount": "ZOO_AUTOPURGE_RETAIN_COUNT",
    "admin.enableServer": "ZOO_ENABLE_ADMIN_SERVER",
    "admin.serverPort": "ZOO_ADMIN_SERVER_PORT_NUMBER",
    "4lw.commands.whitelist": "ZOO_4LW_COMMANDS_WHITELIST",
    peerType: "ZOO_PEER_TYPE",
  },
  extraFor: (key) => `ZOO_CFG_${key.replace(/\./g, "_")}`,
  configOnly: (name) => name.startsWith("ZOO_CFG_") || BITNAMI_CONFIG_ONLY.has(name),
  keepsMountedConfig: true,
  jvmOptions: ["JVMFLAGS"],
  render: (service, image, version) => renderBitnami(service, image, version),
  refusals: bitnamiRefusals,
};

import { DEFAULT_VERSION, atLeast, parseVersion, type ZkVersion } from "../../model/version.js";
import type { ComposeService, Located } from "../model.js";
import { unknownVariable, type ImageFamily, type Rendered, type RenderedLine } from "./family.js";

/**
 * What the official `zookeeper` image (github.com/31z4/zookeeper-docker) does at start, per image
 * version: docs/images.md records the facts. The entrypoint writes $ZOO_CONF_DIR/zoo.cfg only when
 * none is there, and $ZOO_DATA_DIR/myid only when none is there.
 */

/** The Dockerfile's ENV defaults, the same in every image version that reads them. */
const DEFAULTS: Readonly<Record<string, string>> = {
  ZOO_CONF_DIR: "/conf",
  ZOO_DATA_DIR: "/data",
  ZOO_DATA_LOG_DIR: "/datalog",
  ZOO_TICK_TIME: "2000",
  ZOO_INIT_LIMIT: "5",
  ZOO_SYNC_LIMIT: "2",
  ZOO_AUTOPURGE_PURGEINTERVAL: "0",
  ZOO_AUTOPURGE_SNAPRETAINCOUNT: "3",
  ZOO_MAX_CLIENT_CNXNS: "60",
  ZOO_STANDALONE_ENABLED: "true",
  ZOO_ADMINSERVER_ENABLED: "true",
};

/** The variables each image version reads (ZOO_LOG_DIR and ZOO_CONF_DIR only place files). */
export function officialVariables(version: ZkVersion): string[] {
  const common = [
    "ZOO_CONF_DIR",
    "ZOO_DATA_DIR",
    "ZOO_DATA_LOG_DIR",
    "ZOO_LOG_DIR",
    "ZOO_TICK_TIME",
    "ZOO_INIT_LIMIT",
    "ZOO_SYNC_LIMIT",
    "ZOO_AUTOPURGE_PURGEINTERVAL",
    "ZOO_AUTOPURGE_SNAPRETAINCOUNT",
    "ZOO_MAX_CLIENT_CNXNS",
    "ZOO_SERVERS",
    "ZOO_CFG_EXTRA",
    "ZOO_MY_ID",
    "JVMFLAGS",
    "SERVER_JVMFLAGS",
    "ZOO_LOG4J_PROP",
  ];
  return atLeast(version, "3.5") ? [...common, "ZOO_STANDALONE_ENABLED", "ZOO_ADMINSERVER_ENABLED", "ZOO_4LW_COMMANDS_WHITELIST"] : common;
}

/** The ZooKeeper line of an official image tag; undefined when the tag names no line zkcfg knows (3.3, or a name). */
export function officialVersion(tag: string): ZkVersion | undefined {
  return tag === "latest" ? DEFAULT_VERSION : parseVersion(tag);
}

/** Whitespace splitting, as bash splits an unquoted $VAR. */
const words = (value: string): string[] => value.split(/[ \t\n]+/).filter((w) => w !== "");

/**
 * The zoo.cfg and myid the entrypoint writes for this service, or a reason it cannot be told:
 * a variable it reads has no known value.
 */
export function renderOfficial(service: ComposeService, image: Located<string | undefined>, version: ZkVersion, tag: string): Rendered | { unknown: string } {
  const missing = unknownVariable(service, officialVariables(version));
  if (missing) return { unknown: missing };
  const get = (name: string): RenderedLine | undefined => {
    const set = service.environment.get(name);
    if (set) return { text: set.value as string, origin: set };
    const fallback = DEFAULTS[name];
    return fallback === undefined ? undefined : { text: fallback, origin: image };
  };
  const line = (key: string, name: string, suffix = ""): RenderedLine => {
    const v = get(name) as RenderedLine;
    return { text: `${key}=${v.text}${suffix}`, origin: v.origin };
  };
  const lines: RenderedLine[] = [];
  if (!atLeast(version, "3.5")) lines.push({ text: "clientPort=2181", origin: image });
  // Images 3.5.6 to 3.6.4 wrote a blank after the dataDir value; ZooKeeper trims it.
  const trailing = /^3\.(5\.([6-9]|10)|6\.[0-4])(?![.\d])/.test(tag) ? " " : "";
  lines.push(line("dataDir", "ZOO_DATA_DIR", trailing), line("dataLogDir", "ZOO_DATA_LOG_DIR"));
  lines.push(line("tickTime", "ZOO_TICK_TIME"), line("initLimit", "ZOO_INIT_LIMIT"), line("syncLimit", "ZOO_SYNC_LIMIT"));
  lines.push(
    line("autopurge.snapRetainCount", "ZOO_AUTOPURGE_SNAPRETAINCOUNT"),
    line("autopurge.purgeInterval", "ZOO_AUTOPURGE_PURGEINTERVAL"),
    line("maxClientCnxns", "ZOO_MAX_CLIENT_CNXNS"),
  );
  if (atLeast(version, "3.5")) lines.push(line("standaloneEnabled", "ZOO_STANDALONE_ENABLED"), line("admin.enableServer", "ZOO_ADMINSERVER_ENABLED"));
  const servers = service.environment.get("ZOO_SERVERS");
  if (servers?.value) for (const w of words(servers.value)) lines.push({ text: w, origin: servers });
  else if (atLeast(version, "3.5")) lines.push({ text: "server.1=localhost:2888:3888;2181", origin: servers ?? image });
  const whitelist = service.environment.get("ZOO_4LW_COMMANDS_WHITELIST");
  if (atLeast(version, "3.5") && whitelist?.value) lines.push({ text: `4lw.commands.whitelist=${whitelist.value}`, origin: whitelist });
  const extra = service.environment.get("ZOO_CFG_EXTRA");
  if (extra?.value) for (const w of words(extra.value)) lines.push({ text: w, origin: extra });
  const id = service.environment.get("ZOO_MY_ID");
  const myid: RenderedLine = id?.value ? { text: id.value, origin: id } : { text: "1", origin: id ?? image };
  const confPath = `${get("ZOO_CONF_DIR")?.text ?? "/conf"}/zoo.cfg`;
  return { version, confPath, dataDir: get("ZOO_DATA_DIR")?.text ?? "/data", lines, myid: { ...myid, file: `${myid.text}\n` } };
}

/** The variables that only feed the zoo.cfg the entrypoint writes. */
const OFFICIAL_CONFIG_ONLY = new Set([
  "ZOO_DATA_LOG_DIR",
  "ZOO_TICK_TIME",
  "ZOO_INIT_LIMIT",
  "ZOO_SYNC_LIMIT",
  "ZOO_AUTOPURGE_PURGEINTERVAL",
  "ZOO_AUTOPURGE_SNAPRETAINCOUNT",
  "ZOO_MAX_CLIENT_CNXNS",
  "ZOO_SERVERS",
  "ZOO_CFG_EXTRA",
  "ZOO_STANDALONE_ENABLED",
  "ZOO_ADMINSERVER_ENABLED",
  "ZOO_4LW_COMMANDS_WHITELIST",
]);

/** The official image: docs/images.md, "Official image". */
export const official: ImageFamily = {
  id: "official",
  label: "zookeeper",
  names: ["zookeeper"],
  prefix: "ZOO_",
  version: officialVersion,
  variables: officialVariables,
  keyVariables: {
    myid: "ZOO_MY_ID",
    server: "ZOO_SERVERS",
    clientPort: 'ZOO_SERVERS (the client port is the ";2181" of each server line)',
    tickTime: "ZOO_TICK_TIME",
    initLimit: "ZOO_INIT_LIMIT",
    syncLimit: "ZOO_SYNC_LIMIT",
    dataDir: "ZOO_DATA_DIR",
    dataLogDir: "ZOO_DATA_LOG_DIR",
    maxClientCnxns: "ZOO_MAX_CLIENT_CNXNS",
    "autopurge.purgeInterval": "ZOO_AUTOPURGE_PURGEINTERVAL",
    "autopurge.snapRetainCount": "ZOO_AUTOPURGE_SNAPRETAINCOUNT",
    "admin.enableServer": "ZOO_ADMINSERVER_ENABLED",
    standaloneEnabled: "ZOO_STANDALONE_ENABLED",
    "4lw.commands.whitelist": "ZOO_4LW_COMMANDS_WHITELIST",
  },
  extraFor: (key) => `ZOO_CFG_EXTRA: "${key}=…"`,
  configOnly: (name) => OFFICIAL_CONFIG_ONLY.has(name),
  jvmOptions: ["JVMFLAGS", "SERVER_JVMFLAGS"],
  keepsMountedConfig: true,
  render: renderOfficial,
  // The entrypoint checks nothing: whatever it writes, ZooKeeper judges.
  refusals: () => [],
};

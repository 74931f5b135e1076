import { closest, distance } from "fastest-levenshtein";
import { posix } from "node:path";
import type { ConfigFile } from "../model/config-file.js";
import { atLeast, type ZkVersion } from "../model/version.js";
import type { ComposeMessageId } from "./meta.js";
import { officialVariables, type Rendered } from "./images/official.js";
import type { ComposeProject, ComposeService, Located } from "./model.js";
import { hostPortClashes } from "./ports.js";

/** A service of an official image, rendered (or linted from its own zoo.cfg when `mounted`). */
export interface ServiceRun {
  service: ComposeService;
  tag: string;
  version: ZkVersion;
  rendered: Rendered;
  /** The config linted for the service: the rendered one, or its own zoo.cfg when that could be read. */
  file?: ConfigFile;
  /** The volume that puts the service's own zoo.cfg in place, if any. */
  mounted?: Located<string | undefined>;
  /** That zoo.cfg on this machine, when it was read: findings in it are reported there. */
  own?: { path: string; name: string };
}

export interface ComposeFinding {
  messageId: ComposeMessageId;
  message: string;
  at: Located<unknown>;
}

/** Bitnami's names for what the official image reads under another name, or writes through ZOO_CFG_EXTRA. */
const BITNAMI: Readonly<Record<string, string>> = {
  ZOO_SERVER_ID: "ZOO_MY_ID",
  ZOO_AUTOPURGE_INTERVAL: "ZOO_AUTOPURGE_PURGEINTERVAL",
  ZOO_AUTOPURGE_RETAIN_COUNT: "ZOO_AUTOPURGE_SNAPRETAINCOUNT",
  ZOO_ENABLE_ADMIN_SERVER: "ZOO_ADMINSERVER_ENABLED",
  ZOO_PORT_NUMBER: 'ZOO_SERVERS (the client port is the ";2181" of each server line)',
  ZOO_LISTEN_ALLIPS_ENABLED: 'ZOO_CFG_EXTRA: "quorumListenOnAllIPs=true"',
  ZOO_MAX_SESSION_TIMEOUT: 'ZOO_CFG_EXTRA: "maxSessionTimeout=…"',
  ZOO_PRE_ALLOC_SIZE: 'ZOO_CFG_EXTRA: "preAllocSize=…"',
  ZOO_SNAPCOUNT: 'ZOO_CFG_EXTRA: "snapCount=…"',
  ZOO_RECONFIG_ENABLED: 'ZOO_CFG_EXTRA: "reconfigEnabled=true"',
  ZOO_ENABLE_PROMETHEUS_METRICS: 'ZOO_CFG_EXTRA: "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider"',
  ZOO_MAX_CNXNS: 'ZOO_CFG_EXTRA: "maxCnxns=…"',
};

/** The variables that only feed zoo.cfg: void when the service mounts its own. */
const CONFIG_ONLY = new Set(["ZOO_DATA_LOG_DIR", "ZOO_TICK_TIME", "ZOO_INIT_LIMIT", "ZOO_SYNC_LIMIT", "ZOO_AUTOPURGE_PURGEINTERVAL", "ZOO_AUTOPURGE_SNAPRETAINCOUNT", "ZOO_MAX_CLIENT_CNXNS", "ZOO_SERVERS", "ZOO_CFG_EXTRA", "ZOO_STANDALONE_ENABLED", "ZOO_ADMINSERVER_ENABLED", "ZOO_4LW_COMMANDS_WHITELIST"]);

/** The four-letter words ZooKeeper knows; a health check that sends one needs it whitelisted (3.5+). */
const FOUR_LETTER_WORDS = new Set(["conf", "cons", "crst", "dump", "envi", "gtmk", "ruok", "stmk", "srst", "srvr", "stat", "wchc", "wchp", "wchs", "mntr", "isro", "dirs", "hash"]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isLoopbackOrAny = (host: string): boolean => host === "0.0.0.0" || host.startsWith("127.") || host === "localhost";

/** The checks only the compose view can make: across services, and of the YAML itself. */
export function checkCompose(project: ComposeProject, runs: ServiceRun[]): ComposeFinding[] {
  const out: ComposeFinding[] = [];
  for (const run of runs) {
    out.push(...unreadVariables(run), ...healthcheck(run), ...myidElsewhere(run));
    // ZOO_SERVERS makes the server lines only where the image writes zoo.cfg.
    if (run.file && !run.mounted) out.push(...serverHosts(run, project, runs));
  }
  out.push(...hostPortClashes(project));
  return out;
}

function unreadVariables(run: ServiceRun): ComposeFinding[] {
  const out: ComposeFinding[] = [];
  const known = officialVariables(run.version);
  const image = `zookeeper:${run.tag}`;
  for (const entry of run.service.environment.values()) {
    const name = entry.name;
    if (run.mounted && CONFIG_ONLY.has(name)) {
      out.push({
        messageId: "noEffect",
        message: `service ${run.service.name} mounts its own zoo.cfg (${run.mounted.value ?? ""}), so the ${image} entrypoint writes none and ${name} has no effect; set the value in that zoo.cfg, or drop ${name}`,
        at: entry,
      });
      continue;
    }
    if (!name.startsWith("ZOO_") && !name.startsWith("ZOOKEEPER_")) continue;
    if (known.includes(name)) continue;
    const bitnami = BITNAMI[name];
    const later = officialVariables("3.9").includes(name);
    let hint: string;
    if (later) hint = `it is read from the 3.5 images on; on ${image} write the key into ZOO_CFG_EXTRA instead`;
    else if (bitnami) hint = `${name} is the Bitnami image's spelling; this image reads ${bitnami}`;
    else if (name.startsWith("ZOOKEEPER_")) hint = "ZOOKEEPER_* variables are read by Confluent's cp-zookeeper image; this image reads ZOO_* variables and ZOO_CFG_EXTRA";
    else {
      const near = closest(name, known);
      hint = distance(name, near) <= 3 ? `did you mean ${near}?` : `it reads ${known.filter((k) => k.startsWith("ZOO_")).join(", ")}`;
    }
    out.push({ messageId: "unknownVariable", message: `service ${run.service.name}: the ${image} image does not read ${name}, so it has no effect; ${hint}`, at: entry });
  }
  return out;
}

/** A mounted zoo.cfg whose dataDir is not where the entrypoint writes ZOO_MY_ID: ZooKeeper then finds no myid. */
function myidElsewhere(run: ServiceRun): ComposeFinding[] {
  const dataDir = run.own ? run.file?.config.text("dataDir")?.trim() : undefined;
  if (!run.mounted || dataDir === undefined || posix.normalize(dataDir) === posix.normalize(run.rendered.dataDir)) return [];
  return [
    {
      messageId: "myidElsewhere",
      message: `service ${run.service.name} mounts its own zoo.cfg (${run.mounted.value ?? ""}) with dataDir=${dataDir}, but the entrypoint writes ZOO_MY_ID into ${posix.join(run.rendered.dataDir, "myid")}; set dataDir=${run.rendered.dataDir} in that zoo.cfg, or ZOO_DATA_DIR: ${dataDir}`,
      at: run.mounted,
    },
  ];
}

/** The words a health check sends to ZooKeeper: `echo ruok | nc …`, `printf srvr`. */
function sentWords(test: string): string[] {
  return [...test.matchAll(/\b(?:echo|printf)\s+(?:-[ne]+\s+)?["']?([a-z]{4})\b/g)].map((m) => m[1] as string).filter((w) => FOUR_LETTER_WORDS.has(w));
}

function healthcheck(run: ServiceRun): ComposeFinding[] {
  const check = run.service.healthcheck;
  // 3.4 answers every four-letter word; the whitelist is the linted config's (rendered or mounted).
  if (!check?.value || !run.file || !atLeast(run.version, "3.5")) return [];
  const listed = run.file.config.text("4lw.commands.whitelist");
  const allowed = new Set(["srvr", ...(listed ?? "").split(",").map((w) => w.trim())]);
  if (allowed.has("*")) return [];
  return sentWords(check.value)
    .filter((w) => !allowed.has(w))
    .map((word) => ({
      messageId: "healthcheck4lw" as const,
      message: `the health check of service ${run.service.name} sends "${word}", which ZooKeeper ${run.version} answers only when whitelisted ("${word} is not executed because it is not in the whitelist."), and its whitelist is ${listed === undefined ? "unset (srvr only)" : `"${listed}"`}; the check always fails: set ZOO_4LW_COMMANDS_WHITELIST: "${[...new Set([...(listed ?? "srvr").split(",").map((w) => w.trim()).filter((w) => w !== ""), word])].join(",")}"`,
      at: check,
    }));
}

/** Each name a service answers to inside the project's networks. */
function namesOf(service: ComposeService): string[] {
  return [service.name, ...(service.hostname?.value ? [service.hostname.value] : []), ...service.aliases.map((a) => a.value), ...service.addresses];
}

function serverHosts(run: ServiceRun, project: ComposeProject, runs: ServiceRun[]): ComposeFinding[] {
  const file = run.file as ConfigFile;
  const servers = run.service.environment.get("ZOO_SERVERS");
  if (!servers) return [];
  const byName = new Map<string, ComposeService>();
  for (const s of project.services) for (const n of namesOf(s)) byName.set(n.toLowerCase(), s);
  const myid = BigInt(/^\d+$/.test(run.rendered.myid.text.trim()) ? run.rendered.myid.text.trim() : "-1");
  const out: ComposeFinding[] = [];
  const at = servers;
  for (const spec of file.config.servers) {
    const host = spec.addresses[0]?.host.value;
    if (host === undefined) continue;
    const named = byName.get(host.toLowerCase());
    if (spec.id === myid) {
      // The own line: the container must be able to bind its quorum and election ports there.
      const bindsAll = file.config.text("quorumListenOnAllIPs")?.trim() === "true";
      if (IPV4.test(host) && !isLoopbackOrAny(host) && !run.service.addresses.includes(host) && run.service.networkMode !== "host" && !bindsAll) {
        out.push({
          messageId: "ownAddress",
          message: `service ${run.service.name}: its own line server.${spec.id} names ${host}, an address its container does not have (the Docker host's, or another machine's); ZooKeeper cannot bind ${spec.addresses[0]?.quorumPort.value ?? ""} and ${spec.addresses[0]?.electionPort.value ?? ""} there; write server.${spec.id}=0.0.0.0:… or the service name ${run.service.name}`,
          at,
        });
      }
      continue;
    }
    if (named === undefined) {
      if (IPV4.test(host) || host.includes(":") || isLoopbackOrAny(host)) continue;
      out.push({
        messageId: "serverHost",
        message: `service ${run.service.name}: server.${spec.id} names host "${host}", which is no service, hostname or network alias of this compose project, so the containers cannot resolve it unless it lives outside the project; name the service that runs server ${spec.id}`,
        at,
      });
      continue;
    }
    const other = runs.find((r) => r.service === named);
    const otherId = other?.rendered.myid.text.trim();
    if (other && !other.mounted && otherId !== undefined && /^\d+$/.test(otherId) && BigInt(otherId) !== spec.id) {
      out.push({
        messageId: "serverIdMismatch",
        message: `service ${run.service.name}: server.${spec.id} names "${host}", which is service ${named.name}, whose id (ZOO_MY_ID) is ${otherId}; the servers then disagree on who is who and the quorum does not form; give server.${spec.id} the host of the service whose ZOO_MY_ID is ${spec.id}`,
        at,
      });
    }
  }
  return out;
}

import { closest, distance } from "fastest-levenshtein";
import { posix } from "node:path";
import type { ConfigFile } from "../model/config-file.js";
import { atLeast, KNOWN_VERSIONS, type ZkVersion } from "../model/version.js";
import type { ComposeMessageId } from "./meta.js";
import type { ImageFamily, Rendered } from "./images/family.js";
import { FAMILIES } from "./images/index.js";
import type { ComposeProject, ComposeService, Located } from "./model.js";
import { hostPortClashes } from "./ports.js";

/** A service of a ZooKeeper image, rendered (or linted from its own zoo.cfg when `mounted`). */
export interface ServiceRun {
  service: ComposeService;
  family: ImageFamily;
  tag: string;
  version: ZkVersion;
  rendered: Rendered;
  /** The config linted for the service: the rendered one, or its own zoo.cfg when that could be read; none when the entrypoint refuses to start. */
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

/** The four-letter words ZooKeeper knows; a health check that sends one needs it whitelisted (3.5+). */
const FOUR_LETTER_WORDS = new Set([
  "conf",
  "cons",
  "crst",
  "dump",
  "envi",
  "gtmk",
  "ruok",
  "stmk",
  "srst",
  "srvr",
  "stat",
  "wchc",
  "wchp",
  "wchs",
  "mntr",
  "isro",
  "dirs",
  "hash",
]);

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

/** The image as messages name it: "bitnami/zookeeper:3.9". */
const imageOf = (run: ServiceRun): string => `${run.family.label}:${run.tag}`;

/** The zoo.cfg key a variable of `family` sets. */
const keyOf = (family: ImageFamily, name: string): string | undefined => Object.entries(family.keyVariables).find(([, v]) => v === name)?.[0];

function unreadVariables(run: ServiceRun): ComposeFinding[] {
  const out: ComposeFinding[] = [];
  const known = run.family.variables(run.version);
  for (const entry of run.service.environment.values()) {
    const name = entry.name;
    if (run.mounted && run.family.configOnly(name)) {
      out.push({
        messageId: "noEffect",
        message: `service ${run.service.name} mounts its own zoo.cfg (${run.mounted.value ?? ""}), so the ${imageOf(run)} entrypoint writes none and ${name} has no effect; set the value in that zoo.cfg, or drop ${name}`,
        at: entry,
      });
      continue;
    }
    // Only the prefixes of ZooKeeper images; configOnly also covers the variables read by pattern (Bitnami's ZOO_CFG_<key>).
    if (!FAMILIES.some((f) => name.startsWith(f.prefix)) || known.includes(name) || run.family.configOnly(name)) continue;
    out.push({
      messageId: "unknownVariable",
      message: `service ${run.service.name}: the ${imageOf(run)} image does not read ${name}, so it has no effect; ${unreadHint(run, name)}`,
      at: entry,
    });
  }
  return out;
}

/** What to write instead of a variable the image does not read: its later versions', another image's spelling, a near name. */
function unreadHint(run: ServiceRun, name: string): string {
  const { family } = run;
  const since = KNOWN_VERSIONS.find((v) => family.variables(v).includes(name));
  const key = keyOf(family, name);
  if (since && !atLeast(run.version, since))
    return `it is read from the ${since} images on${key && family.extraFor ? `; on ${imageOf(run)} set ${key} through ${family.extraFor(key)} instead` : ""}`;
  const other = FAMILIES.find((f) => f !== family && f.variables("3.9").includes(name));
  if (other) {
    const otherKey = keyOf(other, name);
    const ours = otherKey === undefined ? undefined : family.keyVariables[otherKey];
    const how = ours
      ? `this image reads ${ours}`
      : otherKey && family.extraFor
        ? `this image sets ${otherKey} through ${family.extraFor(otherKey)}`
        : "this image has no variable for it";
    return `${name} is the ${other.label} image's spelling; ${how}`;
  }
  const own = family.variables(run.version).filter((k) => k.startsWith(family.prefix));
  const near = closest(name, own);
  if (distance(name, near) <= 3) return `did you mean ${near}?`;
  return own.length <= 20 ? `it reads ${own.join(", ")}` : "docs/images.md lists the variables it reads";
}

/** A mounted zoo.cfg whose dataDir is not where the entrypoint writes ZOO_MY_ID: ZooKeeper then finds no myid. */
function myidElsewhere(run: ServiceRun): ComposeFinding[] {
  const dataDir = run.own ? run.file?.config.text("dataDir")?.trim() : undefined;
  if (!run.mounted || dataDir === undefined || posix.normalize(dataDir) === posix.normalize(run.rendered.dataDir)) return [];
  const { myid, dataDir: dataDirVariable } = run.family.keyVariables;
  const fix = dataDirVariable
    ? `set dataDir=${run.rendered.dataDir} in that zoo.cfg, or ${dataDirVariable}: ${dataDir}`
    : `set dataDir=${run.rendered.dataDir} in that zoo.cfg (the image writes myid there only)`;
  return [
    {
      messageId: "myidElsewhere",
      message: `service ${run.service.name} mounts its own zoo.cfg (${run.mounted.value ?? ""}) with dataDir=${dataDir}, but the ${imageOf(run)} entrypoint writes ${myid ?? "the id"} into ${posix.join(run.rendered.dataDir, "myid")}; ${fix}`,
      at: run.mounted,
    },
  ];
}

/** The words a health check sends to ZooKeeper: `echo ruok | nc …`, `printf srvr`. */
function sentWords(test: string): string[] {
  return [...test.matchAll(/\b(?:echo|printf)\s+(?:-[ne]+\s+)?["']?([a-z]{4})\b/g)].map((m) => m[1] as string).filter((w) => FOUR_LETTER_WORDS.has(w));
}

/** A whitelist given as a JVM option (-Dzookeeper.4lw.commands.whitelist=…), which a zoo.cfg key overrides. */
function jvmWhitelist(run: ServiceRun): string | undefined {
  for (const name of run.family.jvmOptions) {
    const m = /-Dzookeeper\.4lw\.commands\.whitelist=(\S*)/.exec(run.service.environment.get(name)?.value ?? "");
    if (m) return (m[1] as string).replace(/^["']|["']$/g, "");
  }
  return undefined;
}

function healthcheck(run: ServiceRun): ComposeFinding[] {
  const check = run.service.healthcheck;
  // 3.4 answers every four-letter word; the whitelist is the linted config's (rendered or mounted).
  if (!check?.value || !run.file || !atLeast(run.version, "3.5")) return [];
  const listed = run.file.config.text("4lw.commands.whitelist") ?? jvmWhitelist(run);
  const allowed = new Set(["srvr", ...(listed ?? "").split(",").map((w) => w.trim())]);
  if (allowed.has("*")) return [];
  return sentWords(check.value)
    .filter((w) => !allowed.has(w))
    .map((word) => ({
      messageId: "healthcheck4lw" as const,
      message: `the health check of service ${run.service.name} sends "${word}", which ZooKeeper ${run.version} answers only when whitelisted ("${word} is not executed because it is not in the whitelist."), and its whitelist is ${listed === undefined ? "unset (srvr only)" : `"${listed}"`}; the check always fails: ${whitelistHint(
        run.family,
        [
          ...new Set([
            ...(listed ?? "srvr")
              .split(",")
              .map((w) => w.trim())
              .filter((w) => w !== ""),
            word,
          ]),
        ].join(","),
      )}`,
      at: check,
    }));
}

/** Each name a service answers to inside the project's networks. */
function namesOf(service: ComposeService): string[] {
  return [service.name, ...(service.hostname?.value ? [service.hostname.value] : []), ...service.aliases.map((a) => a.value), ...service.addresses];
}

function serverHosts(run: ServiceRun, project: ComposeProject, runs: ServiceRun[]): ComposeFinding[] {
  const file = run.file as ConfigFile;
  const servers = run.service.environment.get(run.family.keyVariables["server"] ?? "");
  if (!servers) return [];
  const byName = new Map<string, ComposeService>();
  for (const s of project.services) for (const n of namesOf(s)) byName.set(n.toLowerCase(), s);
  const own = run.rendered.myid?.text.trim() ?? "";
  const myid = BigInt(/^\d+$/.test(own) ? own : "-1");
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
    const otherId = other?.rendered.myid?.text.trim();
    if (other && !other.mounted && otherId !== undefined && /^\d+$/.test(otherId) && BigInt(otherId) !== spec.id) {
      out.push({
        messageId: "serverIdMismatch",
        message: `service ${run.service.name}: server.${spec.id} names "${host}", which is service ${named.name}, whose id (${other.family.keyVariables["myid"] ?? ""}) is ${otherId}; the servers then disagree on who is who and the quorum does not form; give server.${spec.id} the host of the service whose id is ${spec.id}`,
        at,
      });
    }
  }
  return out;
}

/** How to whitelist `words` on the family's image: set the key's variable, or the family's own way when it has none. */
function whitelistHint(family: ImageFamily, words: string): string {
  const variable = family.keyVariables["4lw.commands.whitelist"];
  if (variable !== undefined) return `set ${variable}: "${words}"`;
  if (!family.whitelistHint) throw new Error(`image family ${family.id} has neither a variable nor a hint for 4lw.commands.whitelist`);
  return family.whitelistHint(words);
}

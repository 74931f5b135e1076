import { join, posix } from "node:path";
import { ruleMessage } from "../lint/rule-info.js";
import { atLeast, type ZkVersion } from "../model/version.js";
import { hostPorts, PORT_KINDS, type Allocation, type PortKind, type ServerPorts } from "./ports.js";
import type { HostsRequest, InitRequest, OneHostRequest } from "./request.js";

/** A file init writes, with what it is for the printed plan. */
export interface PlannedFile {
  path: string;
  text: string;
  note: string;
}

/** Commands for the user to run, under a heading that says what they do. */
export interface Step {
  heading: string;
  commands: string[];
}

export interface InitPlan {
  /** "a 3-server ZooKeeper 3.9 ensemble on this host (127.0.0.1)" */
  summary: string;
  files: PlannedFile[];
  /** Data and transaction log directories: they must not exist yet, or be empty. */
  freshDirs: string[];
  steps: Step[];
  connectString: string;
  warnings: string[];
}

interface Member {
  id: number;
  observer: boolean;
  host: string;
  ports: ServerPorts;
}

/** One-host ensembles listen on loopback only: nothing outside this machine can reach them. */
const LOOPBACK = "127.0.0.1";
/** Where the shared config goes on each host; started by full path, so no conf-dir lookup is involved. */
export const HOST_CONFIG = "/etc/zookeeper/conf/zoo.cfg";
/** What health checks and `zkServer.sh status` ask: ZooKeeper 3.5+ allows only srvr unless told. */
const FOUR_LETTER_WORDS = "srvr,ruok,mntr";
const TICK_TIME = 2000;
const INIT_LIMIT = 10;
const SYNC_LIMIT = 5;
/** Keep the 3 newest snapshots (ZooKeeper's minimum) and purge every hour, as zoo_sample.cfg suggests. */
const SNAP_RETAIN_COUNT = 3;
const PURGE_INTERVAL_HOURS = 1;
const TEMPORARY = /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/;

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w.,+@%/:=~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A quorum runs with 2+ voters, or with 1 voter and observers (standaloneEnabled=false, 3.5+). */
function isQuorum(req: InitRequest): boolean {
  return req.voters >= 2 || req.observers > 0;
}

/** The ports each server needs. */
export function portKinds(req: InitRequest): PortKind[] {
  const kinds: PortKind[] = isQuorum(req) ? ["client", "quorum", "election"] : ["client"];
  return atLeast(req.version, "3.5") ? [...kinds, "admin"] : kinds;
}

function describeEnsemble(req: InitRequest): string {
  const zk = `ZooKeeper ${req.version}`;
  if (!isQuorum(req)) return `a standalone ${zk} server`;
  if (req.observers === 0) return `a ${req.voters}-server ${zk} ensemble`;
  return `a ${zk} ensemble of ${plural(req.voters, "voting server")} and ${plural(req.observers, "observer")}`;
}

/** Why this many voters is weak, in the odd-server-count rule's own words where it has them. */
function countWarning(req: InitRequest): string | undefined {
  const n = req.voters;
  if (n === 1 && req.observers === 0) return "1 server is a standalone server, not an ensemble: it tolerates no failure; use 3 servers for an ensemble";
  if (n === 1) return "1 voting server tolerates no failure, and observers do not vote; use 3 voting servers";
  if (n === 2) return ruleMessage("odd-server-count", "two");
  if (n % 2 === 0) return ruleMessage("odd-server-count", "even", { count: n, tolerated: Math.floor((n - 1) / 2), fewer: n - 1, more: n + 1 });
  return undefined;
}

function serverLine(version: ZkVersion, m: Member, clientHost: string | undefined): string {
  const address = `server.${m.id}=${m.host}:${m.ports.quorum}:${m.ports.election}${m.observer ? ":observer" : ""}`;
  // 3.5+ takes the client address from the server line; it must then equal clientPort[Address].
  if (!atLeast(version, "3.5")) return address;
  return `${address};${clientHost !== undefined ? `${clientHost}:` : ""}${m.ports.client}`;
}

interface ConfigShape {
  header: string[];
  dataDir: string;
  dataLogDir: string | undefined;
  ports: ServerPorts;
  /** The address every socket binds, when not the wildcard. */
  bind: string | undefined;
  observer: boolean;
  members: Member[];
}

function configText(req: InitRequest, c: ConfigShape): string {
  const quorum = isQuorum(req);
  const lines = [...c.header.map((h) => `# ${h}`), `tickTime=${TICK_TIME}`];
  if (quorum) lines.push(`initLimit=${INIT_LIMIT}`, `syncLimit=${SYNC_LIMIT}`);
  lines.push(`dataDir=${c.dataDir}`);
  if (c.dataLogDir !== undefined) lines.push(`dataLogDir=${c.dataLogDir}`);
  lines.push(`clientPort=${c.ports.client}`);
  if (c.bind !== undefined) lines.push(`clientPortAddress=${c.bind}`);
  if (c.ports.admin !== undefined) {
    if (c.bind !== undefined) lines.push(`admin.serverAddress=${c.bind}`);
    lines.push(`admin.serverPort=${c.ports.admin}`);
  }
  lines.push(
    `4lw.commands.whitelist=${FOUR_LETTER_WORDS}`,
    `autopurge.snapRetainCount=${SNAP_RETAIN_COUNT}`,
    `autopurge.purgeInterval=${PURGE_INTERVAL_HOURS}`,
  );
  // Otherwise ZooKeeper refuses one voter with observers: "Observers w/o quorum is an invalid configuration".
  if (req.voters === 1 && req.observers > 0) lines.push("standaloneEnabled=false");
  if (c.observer) lines.push("peerType=observer");
  if (quorum) lines.push(...c.members.map((m) => serverLine(req.version, m, c.bind)));
  return `${lines.join("\n")}\n`;
}

function portsNote(p: ServerPorts): string {
  return PORT_KINDS.flatMap((kind) => (p[kind] === undefined ? [] : [`${kind} ${p[kind]}`])).join(", ");
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const serverName = (m: Member): string => `server.${m.id}${m.observer ? " (observer)" : ""}`;

/** A data or log directory in a place emptied at reboot: the first one, with the option that moves it. */
function temporaryWarning(dirs: { path: string | undefined; option: string }[]): string | undefined {
  for (const { path, option } of dirs) {
    const top = path === undefined ? undefined : TEMPORARY.exec(path)?.[1];
    if (top === undefined) continue;
    return `${path} is under /${top}, which is emptied at reboot: the servers would lose their data${option === "--data-log-dir" ? "" : " and their myid files"}; fine for a trial, otherwise choose ${option} elsewhere`;
  }
  return undefined;
}

/** What makes the ensemble weaker than it looks; `dataDirOption` is what moves its data dirs. */
function warningsFor(req: InitRequest, dataDirOption: string): string[] {
  const temporary = temporaryWarning([
    { path: req.dataDir, option: dataDirOption },
    { path: req.dataLogDir, option: "--data-log-dir" },
  ]);
  return [countWarning(req), temporary].filter((w): w is string => w !== undefined);
}

const checkStep = (quorum: boolean, commands: string[]): Step => ({
  heading: `Check ${quorum ? "them (each prints its Mode: leader, follower or observer)" : "it (it prints Mode: standalone)"}:`,
  commands,
});

function members(req: InitRequest, hostOf: (i: number) => string, portsOf: (i: number) => ServerPorts): Member[] {
  return Array.from({ length: req.voters + req.observers }, (_, i) => ({ id: i + 1, observer: i >= req.voters, host: hostOf(i), ports: portsOf(i) }));
}

/** Every server on this host: a config per server in DIR/conf, a data dir per server with its myid. */
export function planOneHost(req: OneHostRequest, allocation: Allocation): InitPlan {
  const quorum = isQuorum(req);
  const all = members(
    req,
    () => LOOPBACK,
    (i) => allocation.ports[i] as ServerPorts,
  );
  const files: PlannedFile[] = [];
  const freshDirs: string[] = [];
  const start: string[] = [];
  const status: string[] = [];
  const summary = `${describeEnsemble(req)} on this host (${LOOPBACK})`;
  for (const m of all) {
    const configPath = join(req.dir, "conf", `zoo_${m.ports.client}.cfg`);
    const dataDir = join(req.dataDir, String(m.id));
    const dataLogDir = req.dataLogDir !== undefined ? join(req.dataLogDir, String(m.id)) : undefined;
    const header = [
      quorum ? `${serverName(m)} of ${summary}, written by zkcfg init` : `${capitalized(summary)}, written by zkcfg init`,
      `start it with: zkServer.sh start ${configPath}`,
    ];
    files.push({
      path: configPath,
      text: configText(req, { header, dataDir, dataLogDir, ports: m.ports, bind: LOOPBACK, observer: m.observer, members: all }),
      note: quorum ? `${serverName(m)}: ${portsNote(m.ports)}` : portsNote(m.ports),
    });
    if (quorum) files.push({ path: join(dataDir, "myid"), text: `${m.id}\n`, note: `myid of server.${m.id}` });
    freshDirs.push(dataDir);
    if (dataLogDir !== undefined) freshDirs.push(dataLogDir);
    start.push(`ZOO_LOG_DIR=${shellQuote(join(req.dir, "logs", String(m.id)))} zkServer.sh start ${shellQuote(configPath)}`);
    status.push(`zkServer.sh status ${shellQuote(configPath)}`);
  }
  const warnings = warningsFor(req, "--dir or --data-dir");
  if (allocation.inUse.length > 0) {
    warnings.unshift(
      `${allocation.inUse.length === 1 ? "port" : "ports"} ${allocation.inUse.join(", ")} in use on ${LOOPBACK}: the next free ones were taken instead`,
    );
  }
  return {
    summary,
    files,
    freshDirs,
    steps: [
      {
        heading: `Start ${quorum ? "the servers" : "the server"} (zkServer.sh is in ZooKeeper's bin/ directory; ZOO_LOG_DIR gives each server its own log files):`,
        commands: start,
      },
      checkStep(quorum, status),
    ],
    connectString: all.map((m) => `${LOOPBACK}:${m.ports.client}`).join(","),
    warnings,
  };
}

/** One server per host: one config for the voting servers (another for observers), a folder per host with its myid. */
export function planHosts(req: HostsRequest): InitPlan {
  const quorum = isQuorum(req);
  const ports = hostPorts(portKinds(req), req.basePort);
  const all = members(
    req,
    (i) => req.hosts[i] as string,
    () => ports,
  );
  const summary = `${describeEnsemble(req)} on ${req.hosts.join(", ")}`;
  const configs = { participant: join(req.dir, "zoo.cfg"), observer: join(req.dir, "zoo_observer.cfg") };
  const files: PlannedFile[] = [];
  for (const observer of req.observers > 0 ? [false, true] : [false]) {
    const who = observer ? "the observers" : req.observers > 0 ? "the voting servers" : quorum ? "every server" : "the server";
    const header = [`${quorum ? `${capitalized(who)} of ${summary}` : capitalized(summary)}, written by zkcfg init`];
    if (quorum) header.push(`each host keeps its server id in ${posix.join(req.dataDir, "myid")}`);
    files.push({
      path: observer ? configs.observer : configs.participant,
      text: configText(req, { header, dataDir: req.dataDir, dataLogDir: req.dataLogDir, ports, bind: undefined, observer, members: all }),
      note: `config of ${who}: ${portsNote(ports)}`,
    });
  }
  const place: string[] = [];
  const start: string[] = [];
  const status: string[] = [];
  const confDir = posix.dirname(HOST_CONFIG);
  for (const m of all) {
    const myid = join(req.dir, m.host, "myid");
    if (quorum) files.push({ path: myid, text: `${m.id}\n`, note: `myid of ${serverName(m)}, for ${m.host}` });
    const dirs = [confDir, req.dataDir, ...(req.dataLogDir !== undefined ? [req.dataLogDir] : [])];
    place.push(`ssh ${m.host} mkdir -p ${dirs.join(" ")}`);
    place.push(`scp ${shellQuote(m.observer ? configs.observer : configs.participant)} ${m.host}:${HOST_CONFIG}`);
    if (quorum) place.push(`scp ${shellQuote(myid)} ${m.host}:${posix.join(req.dataDir, "myid")}`);
    start.push(`ssh ${m.host} zkServer.sh start ${HOST_CONFIG}`);
    status.push(`ssh ${m.host} zkServer.sh status ${HOST_CONFIG}`);
  }
  return {
    summary,
    files,
    freshDirs: [],
    steps: [
      { heading: "Put the files in place (as a user who may write there; files of the same name on the hosts are replaced):", commands: place },
      { heading: "Start the servers (zkServer.sh is in ZooKeeper's bin/ directory; give its full path if it is not on the PATH):", commands: start },
      checkStep(quorum, status),
    ],
    connectString: all.map((m) => `${m.host}:${m.ports.client}`).join(","),
    warnings: warningsFor(req, "--data-dir"),
  };
}

import { join, posix, resolve } from "node:path";
import { hostKey } from "../model/hosts.js";
import { atLeast, DEFAULT_VERSION, type ZkVersion } from "../model/version.js";

/** What the command line said, before it is checked. */
export interface InitOptions {
  servers?: number | undefined;
  hosts?: string[] | undefined;
  observers?: number | undefined;
  basePort?: number | undefined;
  dir?: string | undefined;
  dataDir?: string | undefined;
  dataLogDir?: string | undefined;
  zkVersion?: ZkVersion | undefined;
}

interface CommonRequest {
  version: ZkVersion;
  /** Voting members (participants). */
  voters: number;
  observers: number;
  /** Where the files are written, absolute. */
  dir: string;
  basePort?: number;
}

/** Every server on this host, on 127.0.0.1: the walk-through's pseudo-cluster. */
export interface OneHostRequest extends CommonRequest {
  layout: "one-host";
  /** Holds one data directory per server (<dataDir>/<id>). */
  dataDir: string;
  /** Holds one transaction log directory per server, when asked for. */
  dataLogDir?: string;
}

/** One server per named host; the observers are the last hosts named. */
export interface HostsRequest extends CommonRequest {
  layout: "hosts";
  hosts: string[];
  /** The dataDir on every host. */
  dataDir: string;
  dataLogDir?: string;
}

export type InitRequest = OneHostRequest | HostsRequest;

/** ZooKeeper's session ids keep 8 bits of the server id: ids go from 1 to 255. */
const MAX_SERVERS = 255;
/** Ports below 1024 need root, and ZooKeeper should not run as root. */
const LOWEST_PORT = 1024;
/** The data dir on each host when none is given: the one Debian's package and most guides use. */
const HOST_DATA_DIR = "/var/lib/zookeeper";

const HOST_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*$/;
/**
 * Characters a path may have in zoo.cfg and in the printed shell lines: Properties reads the file as
 * ISO-8859-1 and treats backslashes as escapes, zkServer.sh keeps what follows the last "=", and
 * a value's trailing blanks are trimmed.
 */
const PATH_CHARS = /^[\w .,+@%/:~-]*[\w.,+@%/:~-]$/;
/** A path on the hosts goes through ssh, whose remote shell splits words again: no blanks there. */
const HOST_PATH_CHARS = /^[\w.,+@%/:~-]+$/;
/** The files beside the host folders in DIR. */
const STAGED_CONFIGS = new Set(["zoo.cfg", "zoo_observer.cfg"]);

export class InitUsageError extends Error {}

function checkPath(flag: string, path: string, onHosts = false): void {
  if (onHosts ? !HOST_PATH_CHARS.test(path) : !PATH_CHARS.test(path)) {
    const allowed = onHosts ? "letters, digits and" : "letters, digits, spaces (not at the end) and";
    throw new InitUsageError(
      `${flag} "${path}" has characters that zoo.cfg, zkServer.sh or the shell would read differently; use ${allowed} . _ - / + , @ % : ~`,
    );
  }
}

function count(flag: string, value: number | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  if (value < least) throw new InitUsageError(`${flag} must be at least ${least}, not ${value}`);
  return value;
}

function checkHosts(hosts: string[]): string[] {
  const seen = new Map<string, string>();
  for (const host of hosts) {
    if (host === "") throw new InitUsageError(`--hosts "${hosts.join(",")}" has an empty name; separate host names with single commas`);
    if (!HOST_NAME.test(host)) throw new InitUsageError(`--hosts: "${host}" is not a host name or IPv4 address`);
    if (hostKey(host) === "loopback") {
      throw new InitUsageError(`--hosts: "${host}" is this machine; for several servers on this host use --servers N`);
    }
    const key = host.toLowerCase();
    if (STAGED_CONFIGS.has(key))
      throw new InitUsageError(`--hosts: "${host}" would be the name of both a host folder and a config file in the output directory`);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new InitUsageError(`--hosts names "${earlier}" twice; each host runs one server`);
    seen.set(key, host);
  }
  return hosts;
}

/** Checks the options together and makes every path absolute; throws InitUsageError with the reason. */
export function resolveRequest(options: InitOptions, cwd: string): InitRequest {
  const version = options.zkVersion ?? DEFAULT_VERSION;
  if (options.servers === undefined && options.hosts === undefined) {
    throw new InitUsageError("init needs --servers N (N servers on this host) or --hosts a,b,c (one server on each host)");
  }
  if (options.servers !== undefined && options.hosts !== undefined) {
    throw new InitUsageError("--servers and --hosts exclude each other: --servers puts every server on this host, --hosts one server on each host named");
  }
  const observers = count("--observers", options.observers, 0) ?? 0;
  const hosts = options.hosts && checkHosts(options.hosts);
  const voters = hosts ? hosts.length - observers : (count("--servers", options.servers, 1) as number);
  if (hosts && voters < 1) {
    throw new InitUsageError(
      `--observers ${observers} leaves no voting server among the ${hosts.length} hosts; observers follow a quorum of voting servers, so name more hosts than observers`,
    );
  }
  if (voters + observers > MAX_SERVERS) {
    throw new InitUsageError(`that makes ${voters + observers} servers; ZooKeeper server ids go from 1 to ${MAX_SERVERS}`);
  }
  if (voters === 1 && observers > 0 && !atLeast(version, "3.5")) {
    throw new InitUsageError(
      'ZooKeeper 3.4 refuses observers beside a single voting server ("Observers w/o quorum is an invalid configuration"); use at least 2 voting servers, or --zk-version 3.5 or later',
    );
  }
  const basePort = options.basePort;
  if (basePort !== undefined && (basePort < LOWEST_PORT || basePort > 65535)) {
    throw new InitUsageError(`--base-port must be from ${LOWEST_PORT} to 65535, not ${basePort} (ports below ${LOWEST_PORT} need root)`);
  }
  const dir = resolve(cwd, options.dir ?? ".");
  checkPath("--dir", dir);
  const common = { version, voters, observers, dir, ...(basePort !== undefined ? { basePort } : {}) };

  if (hosts) {
    // These are paths on the hosts, so this machine's working directory means nothing for them.
    const remote = (flag: string, path: string): string => {
      if (!posix.isAbsolute(path)) throw new InitUsageError(`${flag} "${path}" must be absolute: it is a path on each host`);
      checkPath(flag, path, true);
      return posix.normalize(path).replace(/(.)\/+$/, "$1");
    };
    const dataDir = remote("--data-dir", options.dataDir ?? HOST_DATA_DIR);
    const dataLogDir = options.dataLogDir !== undefined ? remote("--data-log-dir", options.dataLogDir) : undefined;
    if (dataLogDir === dataDir)
      throw new InitUsageError("--data-log-dir is the data dir itself; a separate transaction log directory is meant for another disk");
    const span = atLeast(version, "3.5") ? 4 : 3;
    if (basePort !== undefined && basePort + span - 1 > 65535)
      throw new InitUsageError(`--base-port ${basePort} leaves no room for the ${span} ports of each server`);
    return { layout: "hosts", ...common, hosts, dataDir, ...(dataLogDir !== undefined ? { dataLogDir } : {}) };
  }

  const local = (flag: string, path: string): string => {
    const absolute = resolve(cwd, path);
    checkPath(flag, absolute);
    return absolute;
  };
  const dataDir = local("--data-dir", options.dataDir ?? join(dir, "data"));
  const dataLogDir = options.dataLogDir !== undefined ? local("--data-log-dir", options.dataLogDir) : undefined;
  if (dataLogDir === dataDir) throw new InitUsageError("--data-log-dir is the data dir itself; a separate transaction log directory is meant for another disk");
  return { layout: "one-host", ...common, dataDir, ...(dataLogDir !== undefined ? { dataLogDir } : {}) };
}

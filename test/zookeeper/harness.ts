/**
 * Helpers for tests that run a real Apache ZooKeeper (the Debian 3.8 jars) on 127.0.0.1.
 *
 *   zookeeperStatus()                        -> { available: true, classpath, clientClasspath, java, version, jarDir }
 *                                               | { available: false, reason }   (cached per process)
 *   describeWithZooKeeper(name, fn, opts?)   -> describe() that runs when ZooKeeper is usable; otherwise skipped with a
 *                                               warning, or failing when ZKCFG_REQUIRE_ZOOKEEPER=1
 *   freePorts(n)                             -> n distinct free TCP ports on 127.0.0.1
 *   writeEnsemble(dir, count, opts?)         -> writes zoo.cfg + dataDir/myid for a pseudo-cluster on 127.0.0.1
 *   startServer(configPath, opts?)           -> ZooKeeperServer: pid, exited, running(), log(), stop()
 *   stopAll()                                -> stops every server this process started (afterAll / afterEach)
 *   runConfigCheck(configPath, timeoutMs, opts?) -> { refused, exitCode, output }
 *   fourLetter(port, cmd, timeoutMs?)        -> the whole reply to a four-letter word ("srvr", "ruok", ...)
 *   waitForMode(port, timeoutMs, opts?)      -> 'leader' | 'follower' | 'standalone' | 'observer'
 *   waitForModes(ports, expected, timeoutMs) -> polls until the sorted modes equal `expected`
 *   zkCli(connect, args, opts?)              -> { exitCode, stdout, stderr, timedOut } of ZooKeeper's own CLI
 *   createNode(connect, path, data, opts?)   -> creates a znode through that CLI (throws on failure)
 *   readNode(connect, path, opts?)           -> the znode's data, or null when it does not exist
 *
 * Environment:
 *   ZKCFG_ZOOKEEPER_JARS     directory holding zookeeper.jar (default /usr/share/java)
 *   ZKCFG_JAVA               java executable (default $JAVA_HOME/bin/java, then java on PATH)
 *   ZKCFG_REQUIRE_ZOOKEEPER  "1": a missing ZooKeeper fails the suites instead of skipping them
 *
 * Every server is started in its own process group and is killed when the test process exits, however it exits.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, writeFileSync, unlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, connect as netConnect, type Server } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it, type SuiteOptions } from "vitest";

export type ZooKeeperStatus =
  | {
      available: true;
      /** Class path for servers: ZooKeeper plus a simple SLF4J binding so that server logs are captured. */
      classpath: string;
      /** Class path for the CLI: ZooKeeper plus the no-op SLF4J binding, so stdout carries only the command's output. */
      clientClasspath: string;
      java: string;
      version: string;
      jarDir: string;
    }
  | { available: false; reason: string };

export type ZooKeeperMode = "leader" | "follower" | "standalone" | "observer";

const QUORUM_MAIN = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
const CLI_MAIN = "org.apache.zookeeper.ZooKeeperMain";
const LOOPBACK = "127.0.0.1";
const JVM_FLAGS = ["-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"];

// ---------------------------------------------------------------------------------------------------------------
// Detection

let cachedStatus: ZooKeeperStatus | undefined;

export function zookeeperStatus(): ZooKeeperStatus {
  cachedStatus ??= detect();
  return cachedStatus;
}

function detect(): ZooKeeperStatus {
  const jarDir = process.env["ZKCFG_ZOOKEEPER_JARS"] || "/usr/share/java";
  const jars = zookeeperJars(jarDir);
  if (typeof jars === "string") return { available: false, reason: jars };

  const java = javaExecutable();
  const probe = spawnSync(java, [...JVM_FLAGS, "-cp", jars.base.join(delimiter), "org.apache.zookeeper.version.VersionInfoMain"], {
    encoding: "utf8",
    timeout: 30_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (probe.error) {
    const code = (probe.error as NodeJS.ErrnoException).code;
    return {
      available: false,
      reason:
        code === "ENOENT"
          ? `java not found ('${java}'; install default-jre-headless or set ZKCFG_JAVA)`
          : `java could not be run ('${java}'): ${probe.error.message}`,
    };
  }
  const version = /version\s+(\d+\.\d+\.\d+\S*)/.exec(probe.stdout)?.[1];
  if (probe.status !== 0 || version === undefined) {
    const said = `${probe.stdout}${probe.stderr}`.trim().split("\n").slice(0, 5).join(" | ");
    return { available: false, reason: `ZooKeeper in ${jarDir} does not run (exit ${probe.status}): ${said}` };
  }
  return {
    available: true,
    classpath: [...jars.base, ...jars.serverLogging].join(delimiter),
    clientClasspath: [...jars.base, ...jars.clientLogging].join(delimiter),
    java,
    version,
    jarDir,
  };
}

/**
 * Debian layout: zookeeper.jar, whose manifest Class-Path names its dependencies by absolute path; only the
 * jute jar and slf4j-api are needed to start a server. Otherwise (a release tarball's lib/): every jar in the
 * directory except logging back ends, which would print to the CLI's stdout.
 */
function zookeeperJars(dir: string): { base: string[]; serverLogging: string[]; clientLogging: string[] } | string {
  if (!existsSync(dir)) return `${dir} does not exist (install the Debian package 'zookeeper' or set ZKCFG_ZOOKEEPER_JARS)`;
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".jar"));
  } catch (error) {
    return `cannot list ${dir}: ${(error as Error).message}`;
  }
  const pick = (pattern: RegExp): string[] => {
    const found = names.filter((name) => pattern.test(name)).sort();
    return found.length > 0 ? [join(dir, found[0]!)] : [];
  };
  const serverLogging = pick(/^slf4j-simple(-[\d.]+)?\.jar$/);
  const clientLogging = pick(/^slf4j-nop(-[\d.]+)?\.jar$/);

  if (names.includes("zookeeper.jar")) {
    const missing = ["zookeeper-jute.jar", "slf4j-api.jar"].filter((jar) => !existsSync(join(dir, jar)) && !existsSync(join("/usr/share/java", jar)));
    if (missing.length > 0) return `${join(dir, "zookeeper.jar")} found but ${missing.join(", ")} missing`;
    return { base: [join(dir, "zookeeper.jar")], serverLogging, clientLogging };
  }
  if (names.some((name) => /^zookeeper-3[\d.]+\.jar$/.test(name))) {
    const backEnds = /^(logback-|slf4j-(simple|nop|log4j12|reload4j|jdk14|jcl)|log4j-slf4j)/;
    const base = names
      .filter((name) => !backEnds.test(name))
      .sort()
      .map((name) => join(dir, name));
    return { base, serverLogging, clientLogging };
  }
  return `no zookeeper.jar in ${dir} (install the Debian package 'zookeeper' or set ZKCFG_ZOOKEEPER_JARS)`;
}

function javaExecutable(): string {
  if (process.env["ZKCFG_JAVA"]) return process.env["ZKCFG_JAVA"];
  const home = process.env["JAVA_HOME"];
  if (home && existsSync(join(home, "bin", "java"))) return join(home, "bin", "java");
  return "java";
}

function requireStatus(): Extract<ZooKeeperStatus, { available: true }> {
  const status = zookeeperStatus();
  if (!status.available) throw new Error(`ZooKeeper is not available: ${status.reason}`);
  return status;
}

// ---------------------------------------------------------------------------------------------------------------
// vitest

/**
 * A describe() for suites that need a real ZooKeeper. Without one the suite is collected as skipped and a
 * warning names the reason; with ZKCFG_REQUIRE_ZOOKEEPER=1 (CI) it fails instead.
 */
export function describeWithZooKeeper(name: string, fn: () => void, options: SuiteOptions = {}): void {
  const status = zookeeperStatus();
  if (status.available) {
    describe(name, options, fn);
    return;
  }
  if (process.env["ZKCFG_REQUIRE_ZOOKEEPER"] === "1") {
    describe(name, () => {
      it("has a real ZooKeeper to run against", () => {
        throw new Error(`ZooKeeper is required (ZKCFG_REQUIRE_ZOOKEEPER=1) but missing: ${status.reason}`);
      });
      describe.skip("needs ZooKeeper", fn);
    });
    return;
  }
  console.warn(`zkcfg: skipping real-ZooKeeper tests "${name}": ${status.reason}`);
  describe.skip(name, fn);
}

// ---------------------------------------------------------------------------------------------------------------
// Ports and configs

/** n distinct TCP ports that were free on 127.0.0.1 a moment ago (all held open until every one is chosen). */
/** Ports this process has handed out: concurrent tests must never be given the same one. */
const handedOut = new Set<number>();

export async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    while (ports.length < n) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen({ host: LOOPBACK, port: 0, exclusive: true }, resolve);
      });
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("no TCP address for a listening socket");
      if (handedOut.has(address.port)) continue;
      handedOut.add(address.port);
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

export interface EnsembleMember {
  id: number;
  configPath: string;
  dataDir: string;
  clientPort: number;
  quorumPort: number;
  electionPort: number;
  /** "127.0.0.1:<clientPort>" */
  connect: string;
}

export interface Ensemble {
  members: EnsembleMember[];
  /** All members' client addresses, comma-separated. */
  connectString: string;
}

export interface EnsembleOptions {
  tickTime?: number;
  initLimit?: number;
  syncLimit?: number;
  /** Extra "key=value" lines appended to every config. */
  extraLines?: string[];
  /** Write dataDir/myid (default true). */
  writeMyid?: boolean;
}

/**
 * Writes <dir>/zk<id>/zoo.cfg and <dir>/zk<id>/data/myid for servers 1..count, all on 127.0.0.1 with free
 * client, quorum and election ports. count 1 gives a standalone config without server lines.
 */
export async function writeEnsemble(dir: string, count: number, options: EnsembleOptions = {}): Promise<Ensemble> {
  const ports = await freePorts(count * 3);
  const members: EnsembleMember[] = [];
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const home = join(dir, `zk${id}`);
    members.push({
      id,
      configPath: join(home, "zoo.cfg"),
      dataDir: join(home, "data"),
      clientPort: ports[i * 3]!,
      quorumPort: ports[i * 3 + 1]!,
      electionPort: ports[i * 3 + 2]!,
      connect: `${LOOPBACK}:${ports[i * 3]!}`,
    });
  }
  const serverLines = count > 1 ? members.map((m) => `server.${m.id}=${LOOPBACK}:${m.quorumPort}:${m.electionPort}`) : [];
  for (const member of members) {
    await mkdir(member.dataDir, { recursive: true });
    if (options.writeMyid ?? true) await writeFile(join(member.dataDir, "myid"), `${member.id}\n`);
    const lines = [
      `tickTime=${options.tickTime ?? 2000}`,
      `initLimit=${options.initLimit ?? 10}`,
      `syncLimit=${options.syncLimit ?? 5}`,
      `dataDir=${member.dataDir}`,
      `clientPort=${member.clientPort}`,
      `clientPortAddress=${LOOPBACK}`,
      "4lw.commands.whitelist=srvr,ruok",
      "admin.enableServer=false",
      ...serverLines,
      ...(options.extraLines ?? []),
    ];
    await writeFile(member.configPath, `${lines.join("\n")}\n`);
  }
  return { members, connectString: members.map((m) => m.connect).join(",") };
}

// ---------------------------------------------------------------------------------------------------------------
// Servers

export interface ServerOptions {
  /** Extra JVM flags, placed after the harness's own (so they win), e.g. "-Dzookeeper.multiAddress.enabled=true". */
  jvmFlags?: string[];
  /** SLF4J simple logger level for the server's log (default "info"). */
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "off";
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How long stop() waits after SIGTERM before SIGKILL (default 5000 ms). */
  stopTimeoutMs?: number;
}

export interface ZooKeeperServer {
  readonly pid: number;
  readonly configPath: string;
  /** Resolves when the JVM is gone: its exit code, or null when a signal ended it. */
  readonly exited: Promise<number | null>;
  running(): boolean;
  /** Everything the JVM wrote to stdout and stderr so far (the oldest part is dropped past 4 MB). */
  log(): string;
  /** SIGTERM to the process group, SIGKILL after the timeout; resolves with the exit code (null: signal). */
  stop(timeoutMs?: number): Promise<number | null>;
}

const LOG_LIMIT = 4 * 1024 * 1024;
const live = new Set<Started>();

interface Started {
  child: ChildProcess;
  handle: ZooKeeperServer;
}

export function startServer(configPath: string, options: ServerOptions = {}): ZooKeeperServer {
  const status = requireStatus();
  const args = [
    ...JVM_FLAGS,
    "-Xmx256m",
    "-Dzookeeper.admin.enableServer=false",
    `-Dorg.slf4j.simpleLogger.defaultLogLevel=${options.logLevel ?? "info"}`,
    "-Dorg.slf4j.simpleLogger.showDateTime=true",
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
    ...(options.jvmFlags ?? []),
    "-cp",
    status.classpath,
    QUORUM_MAIN,
    configPath,
  ];
  const child = spawn(status.java, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });

  let chunks: string[] = [];
  let size = 0;
  let dropped = false;
  const append = (text: string): void => {
    chunks.push(text);
    size += text.length;
    if (size > LOG_LIMIT) {
      const joined = chunks.join("");
      const kept = joined.slice(joined.length - LOG_LIMIT / 2);
      chunks = [kept];
      size = kept.length;
      dropped = true;
    }
  };
  child.stdout!.setEncoding("utf8").on("data", append);
  child.stderr!.setEncoding("utf8").on("data", append);

  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (error) => {
      append(`\n[harness] could not start java: ${error.message}\n`);
      if (child.pid === undefined) {
        done = true;
        resolve(null);
      }
    });
    child.once("close", (code) => {
      done = true;
      resolve(code);
    });
  });

  const started: Started = {
    child,
    handle: {
      pid: child.pid ?? -1,
      configPath,
      exited,
      running: () => !done,
      log: () => (dropped ? "[harness] earlier output dropped\n" : "") + chunks.join(""),
      stop: async (timeoutMs = options.stopTimeoutMs ?? 5000) => {
        if (!done) {
          signalGroup(child, "SIGTERM");
          const finished = await Promise.race([exited.then(() => true), sleep(timeoutMs).then(() => false)]);
          if (!finished) signalGroup(child, "SIGKILL");
        }
        return exited;
      },
    },
  };
  if (child.pid !== undefined) {
    live.add(started);
    guardOrphans();
    void exited.then(() => {
      live.delete(started);
      writeGuardList();
    });
  }
  return started.handle;
}

/** Stops every server started by this process that is still running. */
export async function stopAll(timeoutMs?: number): Promise<void> {
  await Promise.all([...live].map(({ handle }) => handle.stop(timeoutMs)));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

// Orphan protection: an exit hook and signal hooks for ordinary endings, plus a tiny detached watchdog whose
// stdin is a pipe from this process. When this process dies in any way (even SIGKILL) the pipe closes, and the
// watchdog kills every process group listed in its file.
let guardFile: string | undefined;
let guarded = false;

function guardOrphans(): void {
  if (!guarded) {
    guarded = true;
    process.on("exit", killAllNow);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      const onSignal = (): void => {
        killAllNow();
        process.removeListener(signal, onSignal);
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      };
      process.on(signal, onSignal);
    }
    guardFile = join(tmpdir(), `zkcfg-harness-${process.pid}-${Date.now()}.pgids`);
    writeGuardList();
    try {
      const watchdog = spawn(
        "sh",
        ["-c", 'trap "" INT TERM HUP; cat >/dev/null; while read -r g; do kill -9 "-$g" 2>/dev/null; done < "$1"; rm -f "$1"', "sh", guardFile],
        { detached: true, stdio: ["pipe", "ignore", "ignore"] },
      );
      watchdog.on("error", () => {});
      watchdog.unref();
      (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    } catch {
      // the exit and signal hooks still apply
    }
  }
  writeGuardList();
}

function writeGuardList(): void {
  if (guardFile === undefined) return;
  const pids = [...live].map(({ child }) => child.pid).filter((pid): pid is number => pid !== undefined);
  try {
    writeFileSync(guardFile, pids.map((pid) => `${pid}\n`).join(""));
  } catch {
    // best effort
  }
}

function killAllNow(): void {
  for (const { child } of live) signalGroup(child, "SIGKILL");
  live.clear();
  if (guardFile !== undefined) {
    try {
      unlinkSync(guardFile);
    } catch {
      // the watchdog removes it too
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Config check

export interface ConfigCheck {
  /** The JVM exited non-zero (or was killed by someone else) before the deadline. */
  refused: boolean;
  /** Exit code when it exited by itself; null when it was still running at the deadline. */
  exitCode: number | null;
  output: string;
}

/**
 * Starts QuorumPeerMain on the config and waits up to timeoutMs. Exiting first means ZooKeeper refused it
 * (2: invalid config, 1: exception during startup, 3: data directory unusable, 4: AdminServer); still running
 * at the deadline means it was accepted, and the server is then stopped.
 */
export async function runConfigCheck(configPath: string, timeoutMs: number, options: ServerOptions = {}): Promise<ConfigCheck> {
  const server = startServer(configPath, options);
  const result = await Promise.race([server.exited.then((code) => ({ code })), sleep(timeoutMs).then(() => null)]);
  if (result === null) {
    await server.stop();
    return { refused: false, exitCode: null, output: server.log() };
  }
  return { refused: result.code !== 0, exitCode: result.code, output: server.log() };
}

// ---------------------------------------------------------------------------------------------------------------
// Four-letter words

/** Sends a four-letter word to 127.0.0.1:port and returns everything the server answers before it closes. */
export function fourLetter(port: number, cmd: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: LOOPBACK, port });
    let reply = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`'${cmd}' to ${LOOPBACK}:${port}: no complete reply within ${timeoutMs} ms (got ${JSON.stringify(reply)})`));
    }, timeoutMs);
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.end(cmd));
    socket.on("data", (data: string) => (reply += data));
    socket.on("error", (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
    socket.on("close", (hadError) => {
      clearTimeout(timer);
      if (!hadError) resolve(reply);
    });
  });
}

const MODES = new Set<string>(["leader", "follower", "standalone", "observer"]);

/**
 * Polls "srvr" until the reply has a Mode: line. Gives up after timeoutMs, or as soon as the given server
 * has exited, with the last reply and the server's log tail in the error.
 */
/**
 * Polls the servers until their modes, sorted, are `expected` (e.g. ['follower', 'leader'] after a
 * leader stops: right after, the survivors may still report the old follower mode for a moment).
 */
export async function waitForModes(ports: number[], expected: ZooKeeperMode[], timeoutMs: number): Promise<ZooKeeperMode[]> {
  const deadline = Date.now() + timeoutMs;
  const want = [...expected].sort().join(",");
  let seen: ZooKeeperMode[] = [];
  for (;;) {
    const left = Math.max(1_000, deadline - Date.now());
    seen = await Promise.all(ports.map((p) => waitForMode(p, left)));
    if ([...seen].sort().join(",") === want) return seen;
    if (Date.now() >= deadline) throw new Error(`servers on ${ports.join(", ")} report ${seen.join(", ")}, not ${want}, after ${timeoutMs} ms`);
    await sleep(250);
  }
}

export async function waitForMode(port: number, timeoutMs: number, options: { server?: ZooKeeperServer } = {}): Promise<ZooKeeperMode> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    try {
      const reply = await fourLetter(port, "srvr", Math.max(500, Math.min(3000, deadline - Date.now())));
      const mode = /^Mode:\s*(\w+)/m.exec(reply)?.[1];
      if (mode !== undefined && MODES.has(mode)) return mode as ZooKeeperMode;
      last = reply.trim() || "(empty reply)";
    } catch (error) {
      last = (error as Error).message;
    }
    const server = options.server;
    if (server !== undefined && !server.running()) {
      const code = await server.exited;
      throw new Error(`ZooKeeper on port ${port} exited (code ${code}) before serving; log tail:\n${tail(server.log())}`);
    }
    if (Date.now() >= deadline) {
      const logTail = server ? `\nlog tail:\n${tail(server.log())}` : "";
      throw new Error(`ZooKeeper on port ${port} reported no mode within ${timeoutMs} ms; last: ${last}${logTail}`);
    }
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Client (ZooKeeper's own Java CLI)

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface CliOptions {
  /** Per CLI run (default 20000 ms); the JVM's process group is killed past it. */
  timeoutMs?: number;
}

/** Runs `ZooKeeperMain -server <connect> <args...>` once. */
export function zkCli(connect: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const status = requireStatus();
  const timeoutMs = options.timeoutMs ?? 20_000;
  const child = spawn(status.java, [...JVM_FLAGS, "-Xmx96m", "-cp", status.clientClasspath, CLI_MAIN, "-server", connect, ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (data: string) => (stdout += data));
  child.stderr!.setEncoding("utf8").on("data", (data: string) => (stderr += data));
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child, "SIGKILL");
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stdout, stderr: `${stderr}${error.message}\n`, timedOut });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout, stderr, timedOut });
    });
  });
}

/**
 * The command's own output: stdout without the CLI's first line ("Connecting to ...") and without the
 * session watcher's event blocks ("", "WATCHER::", "", "WatchedEvent state:... type:... path:..."), which the
 * CLI prints from another thread.
 */
function commandOutput(stdout: string): string {
  const lines = stdout.split("\n");
  if (lines[0]?.startsWith("Connecting to ")) lines.shift();
  const event = /^WatchedEvent state:\S+ type:\S+ path:\S*$/;
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "" && lines[i + 1] === "WATCHER::" && lines[i + 2] === "" && event.test(lines[i + 3] ?? "")) {
      i += 3;
      continue;
    }
    kept.push(lines[i]!);
  }
  return kept.join("\n");
}

const RETRYABLE = /ConnectionLoss|SessionExpired|not currently serving|OperationTimeout/;

async function withRetries(
  connect: string,
  args: string[],
  options: CliOptions & { attemptsMs?: number },
  settle: (result: CliResult, attempt: number) => "retry" | "done",
): Promise<CliResult> {
  const deadline = Date.now() + (options.attemptsMs ?? 30_000);
  for (let attempt = 1; ; attempt++) {
    const result = await zkCli(connect, args, options);
    const verdict = settle(result, attempt);
    if (verdict !== "retry" || Date.now() >= deadline) return result;
    await sleep(300);
  }
}

function describeFailure(what: string, result: CliResult): string {
  const said = `${result.stderr}\n${result.stdout}`
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("SLF4J:"))
    .slice(-8)
    .join("\n");
  return `${what}: ${result.timedOut ? "timed out" : `exit ${result.exitCode}`}\n${said}`;
}

/**
 * Creates a persistent znode with the given data. Retries on connection loss (e.g. during an election) for
 * up to attemptsMs (default 30 s). Data must not start with "-" (the CLI would read it as an option).
 */
export async function createNode(connect: string, path: string, data: string, options: CliOptions & { attemptsMs?: number } = {}): Promise<void> {
  let retried = false;
  const result = await withRetries(connect, ["create", path, data], options, (r, attempt) => {
    retried = attempt > 1;
    return r.exitCode !== 0 && (r.timedOut || RETRYABLE.test(r.stderr + r.stdout)) ? "retry" : "done";
  });
  if (result.exitCode === 0 && /Created /.test(result.stderr + result.stdout)) return;
  // an earlier attempt may have succeeded although its reply was lost
  if (retried && /Node already exists/.test(result.stderr)) return;
  throw new Error(describeFailure(`create ${path} on ${connect}`, result));
}

/** The znode's data as the CLI prints it (UTF-8), or null when the node does not exist. Retries like createNode. */
export async function readNode(connect: string, path: string, options: CliOptions & { attemptsMs?: number } = {}): Promise<string | null> {
  const result = await withRetries(connect, ["get", path], options, (r) =>
    r.exitCode !== 0 && (r.timedOut || RETRYABLE.test(r.stderr + r.stdout)) ? "retry" : "done",
  );
  if (result.exitCode === 0) return commandOutput(result.stdout).replace(/\n$/, "");
  if (/Node does not exist/.test(result.stderr)) return null;
  throw new Error(describeFailure(`get ${path} on ${connect}`, result));
}

/**
 * Asks the real ZooKeeper 3.8 for its verdict on every corpus case, in two stages:
 * - parse: Verdict.java runs QuorumPeerConfig.parse on many cases per JVM (a fresh class loader each);
 * - start: each case the parser accepted is started with QuorumPeerMain on free loopback ports, and
 *   counts as refused when the JVM exits before it has finished starting.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePorts, startServer, writeEnsemble, type ZooKeeperServer, type ZooKeeperStatus } from "../harness.js";
import { materialize, normalize, portNames, fixedPorts, HERE, type Case, type Materialized, type Verdict } from "./corpus.js";

type Available = Extract<ZooKeeperStatus, { available: true }>;

const JVM_FLAGS = ["-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"];
const PARSE_JVMS = 2;
const START_PARALLEL = 4;
/** A server that neither exits nor finishes starting within this is taken as started. */
const START_DEADLINE_MS = 20_000;
/** After the last start-up log line: time for a late failure to show (an exit racing the marker). */
const START_GRACE_MS = 200;

// ---------------------------------------------------------------------------------------------------------------
// Compiling Verdict.java

/** The directory holding Verdict.class (compiled once per source and javac version), or why it cannot be built. */
export function compileVerdict(status: Available): { classes: string } | { error: string } {
  const source = join(HERE, "Verdict.java");
  const javac = javacExecutable(status.java);
  const version = spawnSync(javac, ["-version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) {
    return {
      error: `javac is needed to compile Verdict.java ('${javac}': ${version.error?.message ?? version.stderr.trim()}); install default-jdk-headless or set ZKCFG_JAVAC`,
    };
  }
  const key = createHash("sha256")
    .update(readFileSync(source))
    .update(version.stdout + version.stderr)
    .digest("hex")
    .slice(0, 16);
  const classes = join(tmpdir(), `zkcfg-verdict-${key}`);
  if (existsSync(join(classes, "Verdict.class"))) return { classes };
  const building = `${classes}.${process.pid}`;
  mkdirSync(building, { recursive: true });
  const built = spawnSync(javac, ["-d", building, source], { encoding: "utf8" });
  if (built.status !== 0) return { error: `javac failed on Verdict.java:\n${built.stdout}${built.stderr}` };
  try {
    renameSync(building, classes);
  } catch {
    // Another run put it in place first.
    rmSync(building, { recursive: true, force: true });
  }
  return { classes };
}

function javacExecutable(java: string): string {
  if (process.env["ZKCFG_JAVAC"]) return process.env["ZKCFG_JAVAC"];
  const beside = join(dirname(java), "javac");
  return java.includes("/") && existsSync(beside) ? beside : "javac";
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 1: the parser

type ParseOutcome =
  { outcome: "accepted"; distributed: boolean } | { outcome: "refused"; chain: { class: string; message: string | null }[] } | { outcome: "needs-cwd" };

function runVerdictJvm(status: Available, classes: string, cases: Materialized[], cwd: string): Promise<Map<string, ParseOutcome>> {
  return new Promise((resolve, reject) => {
    const child = spawn(status.java, [...JVM_FLAGS, "-cp", classes, "Verdict", status.clientClasspath], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      const found = new Map<string, ParseOutcome>();
      for (const line of stdout.split("\n")) {
        if (!line.startsWith("VERDICT ")) continue;
        const { name, ...rest } = JSON.parse(line.slice(8)) as { name: string } & ParseOutcome;
        found.set(name, rest as ParseOutcome);
      }
      const missing = cases.filter((c) => !found.has(c.name));
      if (missing.length > 0)
        reject(new Error(`Verdict exited (${code}) without a verdict for ${missing.map((c) => c.name).join(", ")}:\n${stderr.slice(-2000)}`));
      else resolve(found);
    });
    child.stdin.end(cases.map((c) => `${c.name}\t${c.config}\t${c.dir}\n`).join(""));
  });
}

export async function parseVerdicts(status: Available, classes: string, cases: Materialized[]): Promise<Map<string, ParseOutcome>> {
  const size = Math.ceil(cases.length / PARSE_JVMS);
  const slices = Array.from({ length: PARSE_JVMS }, (_, i) => cases.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const results = new Map<string, ParseOutcome>();
  for (const found of await Promise.all(slices.map((s) => runVerdictJvm(status, classes, s, tmpdir())))) {
    for (const [name, outcome] of found) results.set(name, outcome);
  }
  // A relative dataDir or dynamic file is read from the working directory: one JVM per such case, started there.
  const again = cases.filter((c) => results.get(c.name)?.outcome === "needs-cwd");
  await pool(again, PARSE_JVMS, async (c) => {
    const found = await runVerdictJvm(status, classes, [c], c.dir);
    results.set(c.name, found.get(c.name)!);
  });
  return results;
}

/** "Class: message", the class without its package, as the verdicts record exceptions. */
const exceptionText = (cls: string, message: string | null | undefined): string => {
  const name = cls.slice(cls.lastIndexOf(".") + 1);
  return message === null || message === undefined ? name : `${name}: ${message}`;
};

// ---------------------------------------------------------------------------------------------------------------
// Stage 2: starting the server

// Start-up is over once the start/stop audit line is logged (in quorum mode, also the election listener's
// line); a failing start logs that audit line too, but after saying it is exiting.
const AUDIT = /ZooKeeper audit is (?:dis|en)abled/;
const LISTENING = /is accepting connections now/;
// Other threads may die (a negative syncLimit kills each quorum connection thread) while the server runs on.
const FATAL = /\bERROR\b.*(?:exiting abnormally|Exiting JVM|Thread Thread\[main,\d+,main\] died)|^Exception in thread "main" /m;
const UNCAUGHT = /^Exception in thread "main" (.*)$/;
const EXCEPTION = /^([\w$.]+(?:Exception|Error)[\w$]*)(?:: (.*))?$/;
const CAUSE = /^Caused by: ([\w$.]+)(?:: (.*))?$/;

/** The exception that ended a start, as "Class: message <- Cause: message", from the server's log. */
export function failureOf(log: string): string {
  const lines = log.split("\n");
  const at = lines.findIndex((line) => FATAL.test(line));
  const chain: string[] = [];
  const uncaught = at >= 0 ? UNCAUGHT.exec(lines[at]!) : null;
  const first = uncaught ? EXCEPTION.exec(uncaught[1]!) : null;
  if (first) chain.push(exceptionText(first[1]!, first[2]));
  for (let i = at + 1; at >= 0 && i < lines.length; i++) {
    const line = lines[i]!;
    const m = chain.length === 0 ? EXCEPTION.exec(line) : CAUSE.exec(line);
    if (m) chain.push(exceptionText(m[1]!, m[2]));
    else if (chain.length > 0 && !/^\s+at |^\s*\.\.\. \d+ more/.test(line)) break;
  }
  if (chain.length > 0) return chain.join(" <- ");
  // No exception (e.g. the election listener gave up): the last error before the exit says why.
  const last = lines.filter((l) => /\bERROR\b/.test(l) && !/Exiting JVM/.test(l)).pop();
  return last?.replace(/^.*?ERROR\s+\S+\s+-\s+/, "") ?? "(no error in the log)";
}

const usedPorts = new Set<number>();

/** Ports no other case of this run was given, so servers started side by side cannot collide. */
async function freshPorts(n: number): Promise<number[]> {
  const chosen: number[] = [];
  while (chosen.length < n) {
    for (const port of await freePorts(n - chosen.length)) {
      if (usedPorts.has(port)) continue;
      usedPorts.add(port);
      chosen.push(port);
    }
  }
  return chosen;
}

/** Log levels that make the start-up markers visible while keeping the rest of the log at WARN. */
const MARKER_LOGGING = [
  "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper.audit.ZKAuditProvider=info",
  "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper.server.quorum.QuorumCnxManager=info",
];

/** Waits until the server has exited, has finished starting (and stayed up a moment), or the deadline passed. */
async function settle(server: ZooKeeperServer, distributed: boolean): Promise<"started" | "exited" | "undecided"> {
  const deadline = Date.now() + START_DEADLINE_MS;
  let startedAt: number | undefined;
  while (server.running() && Date.now() < deadline) {
    const log = server.log();
    // Once it says it is exiting, wait for the exit itself.
    if (!FATAL.test(log)) {
      if (startedAt === undefined && AUDIT.test(log) && (!distributed || LISTENING.test(log))) startedAt = Date.now();
      if (startedAt !== undefined && Date.now() - startedAt >= START_GRACE_MS) return "started";
    }
    await sleep(25);
  }
  return server.running() ? "undecided" : "exited";
}

/**
 * JVM flags that map a class-data archive of a started quorum member (Java's dynamic CDS), made once per
 * ZooKeeper and JDK in the temp directory: each server then starts with about half the CPU. No flags when it
 * cannot be made; the runs are only slower then.
 */
async function classArchive(status: Available, root: string): Promise<string[]> {
  const jdk = spawnSync(status.java, ["-version"], { encoding: "utf8" });
  const key = createHash("sha256").update(`${status.java}\n${status.classpath}\n${status.version}\n${jdk.stderr}`).digest("hex").slice(0, 16);
  const archive = join(tmpdir(), `zkcfg-zookeeper-${key}.jsa`);
  if (!existsSync(archive)) {
    const { members } = await writeEnsemble(join(root, "class-archive"), 3);
    const building = `${archive}.${process.pid}`;
    const server = startServer(members[0]!.configPath, { logLevel: "warn", jvmFlags: [...MARKER_LOGGING, `-XX:ArchiveClassesAtExit=${building}`] });
    await settle(server, true);
    // The archive is written while the JVM exits normally, so SIGTERM and wait.
    await server.stop(20_000);
    if (existsSync(building)) renameSync(building, archive);
  }
  return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

async function startOnce(c: Case, root: string, attempt: number, distributed: boolean, archive: string[]): Promise<{ verdict: Verdict; bindClash: boolean }> {
  const names = portNames(c);
  const ports = await freshPorts(names.length);
  const m = materialize(c, root, new Map(names.map((name, i) => [name, ports[i]!])), `${c.name}@${attempt}`);
  const server = startServer(m.config, { cwd: m.dir, logLevel: "warn", jvmFlags: [...MARKER_LOGGING, ...archive] });
  const outcome = await settle(server, distributed);
  if (outcome !== "exited") {
    await server.stop(0);
    const how = outcome === "started" ? `started (${distributed ? "quorum" : "standalone"})` : `still starting after ${START_DEADLINE_MS} ms`;
    return { verdict: { refused: false, stage: "none", message: how }, bindClash: false };
  }
  const code = await server.exited;
  const log = server.log();
  return {
    verdict: { refused: true, stage: "start", message: normalize(`exit ${code}: ${failureOf(log)}`, m) },
    bindClash: /Address already in use/.test(log),
  };
}

async function startStage(c: Case, root: string, distributed: boolean, archive: string[]): Promise<Verdict> {
  let result = await startOnce(c, root, 1, distributed, archive);
  // Another program may take a port between choosing it and ZooKeeper binding it: try again with new ones.
  for (let attempt = 2; result.bindClash && attempt <= 3; attempt++) result = await startOnce(c, root, attempt, distributed, archive);
  return result.verdict;
}

// ---------------------------------------------------------------------------------------------------------------

/** ZooKeeper's verdict on each case, keyed by case name. Cases are materialized under root. */
export async function zookeeperVerdicts(status: Available, classes: string, cases: Case[], root: string): Promise<Map<string, Verdict>> {
  const parseRoot = join(root, "parse");
  const materialized = cases.map((c) => materialize(c, parseRoot, fixedPorts(c)));
  const parsed = await parseVerdicts(status, classes, materialized);
  const verdicts = new Map<string, Verdict>();
  const toStart: { c: Case; distributed: boolean }[] = [];
  cases.forEach((c, i) => {
    const outcome = parsed.get(c.name)!;
    if (outcome.outcome === "refused") {
      const chain = outcome.chain.map((e) => exceptionText(e.class, e.message)).join(" <- ");
      verdicts.set(c.name, { refused: true, stage: "parse", message: normalize(chain, materialized[i]!) });
    } else if (outcome.outcome === "accepted") {
      toStart.push({ c, distributed: outcome.distributed });
    } else {
      throw new Error(`${c.name}: no parse verdict even from its own directory`);
    }
  });
  const startRoot = join(root, "start");
  const archive = await classArchive(status, root);
  await pool(toStart, START_PARALLEL, async ({ c, distributed }) => {
    verdicts.set(c.name, await startStage(c, startRoot, distributed, archive));
  });
  return verdicts;
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

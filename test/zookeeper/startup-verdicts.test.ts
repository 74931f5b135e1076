// DESIGN.md's promise, checked against the real server: zkcfg reports an error with impact
// "startup" exactly when ZooKeeper refuses to start from the config.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { zkcfg } from "../cli/run-cli.js";
import { describeWithZooKeeper, freePorts, runConfigCheck, stopAll } from "./harness.js";

interface Case {
  name: string;
  /** Config lines; {data}, {client}, {q1}… are filled in per run. */
  lines: string[];
  myid?: string;
  extra?: Record<string, string>;
  refused: boolean;
}

const QUORUM = [
  "tickTime=2000",
  "initLimit=10",
  "syncLimit=5",
  "dataDir={data}",
  "clientPort={client}",
  "clientPortAddress=127.0.0.1",
  "admin.enableServer=false",
  "server.1=127.0.0.1:{q1}:{e1}",
  "server.2=127.0.0.1:{q2}:{e2}",
  "server.3=127.0.0.1:{q3}:{e3}",
];
const without = (prefix: string): string[] => QUORUM.filter((l) => !l.startsWith(prefix));
const STANDALONE = ["tickTime=2000", "dataDir={data}", "clientPortAddress=127.0.0.1", "admin.enableServer=false"];
const standalone = (...lines: string[]): string[] => [...STANDALONE, ...lines];

const cases: Case[] = [
  { name: "valid three-server quorum member", lines: QUORUM, myid: "1\n", refused: false },
  {
    name: "standalone",
    lines: ["tickTime=2000", "dataDir={data}", "clientPort={client}", "clientPortAddress=127.0.0.1", "admin.enableServer=false"],
    refused: false,
  },
  { name: "no myid in quorum mode", lines: QUORUM, refused: true },
  { name: "myid not in the peer list", lines: QUORUM, myid: "4\n", refused: true },
  { name: "myid with a trailing space", lines: QUORUM, myid: "1 \n", refused: true },
  { name: "empty myid", lines: QUORUM, myid: "", refused: true },
  { name: "myid -1", lines: QUORUM, myid: "-1\n", refused: true },
  { name: "initLimit missing", lines: without("initLimit"), myid: "1\n", refused: true },
  { name: "syncLimit zero", lines: [...without("syncLimit"), "syncLimit=0"], myid: "1\n", refused: true },
  { name: "initLimit not a number", lines: [...without("initLimit"), "initLimit=10 # ticks"], myid: "1\n", refused: true },
  { name: "tickTime zero", lines: [...without("tickTime"), "tickTime=0"], myid: "1\n", refused: true },
  { name: "maxSessionTimeout below the default minimum", lines: [...QUORUM, "maxSessionTimeout=3000"], myid: "1\n", refused: true },
  {
    name: "missing dynamic config file",
    lines: [...QUORUM.filter((l) => !l.startsWith("server.")), "dynamicConfigFile={dir}/zoo.cfg.dynamic.100000000"],
    myid: "1\n",
    refused: true,
  },
  { name: "empty dataDir", lines: [...without("dataDir"), "dataDir="], refused: true },
  { name: "syncLimit longer than initLimit", lines: [...without("syncLimit"), "syncLimit=20"], myid: "1\n", refused: false },
  { name: "negative initLimit", lines: [...without("initLimit"), "initLimit=-1"], myid: "1\n", refused: false },
  { name: "two-server ensemble", lines: QUORUM.slice(0, -1), myid: "1\n", refused: false },
  { name: "no tickTime", lines: without("tickTime"), myid: "1\n", refused: false },
  { name: "relative dataDir (started from the folder holding it)", lines: [...without("dataDir"), "dataDir=data"], myid: "1\n", refused: false },
  // Keys and values (unknown-key, value-type, duplicate-key).
  { name: "a comment after the client port", lines: standalone("clientPort={client} # clients"), refused: true },
  { name: "an exponent in maxClientCnxns", lines: standalone("clientPort={client}", "maxClientCnxns=1e3"), refused: true },
  { name: "a secure client port out of range", lines: standalone("clientPort={client}", "secureClientPort=70000"), refused: true },
  { name: "standaloneEnabled=yes", lines: standalone("clientPort={client}", "standaloneEnabled=yes"), refused: true },
  { name: "an unknown peerType", lines: standalone("clientPort={client}", "peerType=leader"), refused: true },
  { name: "electionAlg=1", lines: standalone("clientPort={client}", "electionAlg=1"), refused: true },
  { name: "a short serverCnxnFactory class name", lines: standalone("clientPort={client}", "serverCnxnFactory=NettyServerCnxnFactory"), refused: true },
  { name: "a groupName key", lines: standalone("clientPort={client}", "groupName=prod"), refused: true },
  { name: "a config version that is not hexadecimal", lines: standalone("clientPort={client}", "version=xyz"), refused: true },
  { name: "a throttle ratio that is not a number", lines: standalone("clientPort={client}", "connection_throttle_drop_increase=abc"), refused: true },
  { name: "a buffer size below 32", lines: standalone("clientPort={client}", "intBufferStartingSizeBytes=16"), refused: true },
  { name: "a JVM pause threshold with a unit", lines: standalone("clientPort={client}", "jvm.pause.info-threshold.ms=1s"), refused: true },
  { name: "cnxTimeout with a unit on a quorum member", lines: [...QUORUM, "cnxTimeout=5s"], myid: "1\n", refused: true },
  { name: "cnxTimeout with a unit on a standalone server", lines: standalone("clientPort={client}", "cnxTimeout=5s"), refused: false },
  { name: "admin.enableServer=False", lines: standalone("clientPort={client}", "admin.enableServer=False"), refused: false },
  { name: "an admin port Integer.getInteger cannot read", lines: standalone("clientPort={client}", "admin.serverPort=9090x"), refused: false },
  { name: "snapCount=1", lines: standalone("clientPort={client}", "snapCount=1"), refused: false },
  {
    name: "forceSync=false and snapshot.trust.empty=yes",
    lines: standalone("clientPort={client}", "forceSync=false", "snapshot.trust.empty=yes"),
    refused: false,
  },
  { name: "a misspelled key", lines: standalone("clientPort={client}", "maxClientCnxn=100"), refused: false },
  {
    name: "jute.maxbuffer and a zookeeper.-prefixed key",
    lines: standalone("clientPort={client}", "jute.maxbuffer=4194304", "zookeeper.snapshot.trust.empty=true"),
    refused: false,
  },
  { name: "Prometheus options with the default provider", lines: standalone("clientPort={client}", "metricsProvider.httpPort=abc"), refused: false },
  { name: "clientPort set twice", lines: standalone("clientPort=abc", "clientPort={client}"), refused: false },
  { name: "a comment after dataLogDir", lines: standalone("clientPort={client}", "dataLogDir={data}/log # transaction log"), refused: false },
];

interface JsonResult {
  messages: { severity: number; impact: string; ruleId: string; message: string }[];
}

// Cases run a few at a time (vitest.config.ts maxConcurrency): each accepted case waits out its deadline.
describeWithZooKeeper(
  "zkcfg's startup verdicts agree with ZooKeeper",
  () => {
    const work = mkdtempSync(join(tmpdir(), "zkcfg-verdicts-"));
    afterAll(async () => {
      await stopAll();
      rmSync(work, { recursive: true, force: true });
    });

    for (const [index, c] of cases.entries()) {
      it(`${c.name}: ZooKeeper ${c.refused ? "refuses" : "starts"}, and zkcfg says so`, async () => {
        const dir = join(work, `case${index}`);
        const data = join(dir, "data");
        mkdirSync(join(dir, "conf"), { recursive: true });
        mkdirSync(data, { recursive: true });
        if (c.myid !== undefined) writeFileSync(join(data, "myid"), c.myid);
        const [client, q1, e1, q2, e2, q3, e3] = await freePorts(7);
        const values: Record<string, string> = {
          data,
          dir,
          client: String(client),
          q1: String(q1),
          e1: String(e1),
          q2: String(q2),
          e2: String(e2),
          q3: String(q3),
          e3: String(e3),
        };
        const text = c.lines.map((l) => l.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? "")).join("\n") + "\n";
        const config = join(dir, "conf", "zoo.cfg");
        writeFileSync(config, text);

        // --root /: the config is for this machine, whose files ZooKeeper reads (loopback lines alone do not say so).
        const lint = zkcfg(["lint", "--format", "json", "--no-config", "--root", "/", config], { cwd: dir });
        const [result] = JSON.parse(lint.stdout) as JsonResult[];
        const fatal = (result?.messages ?? []).filter((m) => m.severity === 2 && m.impact === "startup");
        const zk = await runConfigCheck(config, 4_000, { cwd: dir });
        expect({ zookeeperRefused: zk.refused, zkcfgStartupErrors: fatal.length > 0 }, `${zk.output.slice(-600)}\n${lint.stdout}`).toEqual({
          zookeeperRefused: c.refused,
          zkcfgStartupErrors: c.refused,
        });
      }, 30_000);
    }
  },
  { concurrent: true },
);

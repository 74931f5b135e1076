// The startup claims of server-spec, dynamic-config and hierarchical-quorum, checked against the real
// ZooKeeper 3.8: zkcfg reports an error with impact "startup" exactly when ZooKeeper refuses the config,
// and the rule's own message is among what it reports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { zkcfg } from "../cli/run-cli.js";
import { describeWithZooKeeper, freePorts, runConfigCheck, stopAll } from "./harness.js";

interface Case {
  name: string;
  /** conf/zoo.cfg; {data}, {dir}, {client}, {q1}/{e1}… are filled in per run. */
  lines: string[];
  /** More files, relative to the case directory. */
  files?: Record<string, string>;
  myid?: string;
  refused: boolean;
  /** The message this case is about: `ruleId/messageId`. */
  reports: string;
  /** How long ZooKeeper may take to exit (default 4 s). */
  waitMs?: number;
}

const HEAD = [
  "tickTime=2000",
  "initLimit=10",
  "syncLimit=5",
  "dataDir={data}",
  "clientPort={client}",
  "clientPortAddress=127.0.0.1",
  "admin.enableServer=false",
];
const STATIC = HEAD.filter((l) => !l.startsWith("clientPort"));
const server = (i: number, tail = ""): string => `server.${i}=127.0.0.1:{q${i}}:{e${i}}${tail}`;
const THREE = [server(1), server(2), server(3)];
const DYNAMIC = "dynamicConfigFile={dir}/conf/zoo.cfg.dynamic.100000000";
const MEMBERS = [server(1, ";127.0.0.1:{client}"), server(2, ";127.0.0.1:{c2}"), server(3, ";127.0.0.1:{c3}")].join("\n") + "\n";

const cases: Case[] = [
  {
    name: "two addresses on one line",
    lines: [...HEAD, server(1, "|127.0.0.2:{q4}:{e4}"), server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/multiAddress",
  },
  {
    name: "a blank after a server line",
    lines: [...HEAD, server(1, " "), server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/trailingBlank",
  },
  {
    name: "a client port as the role",
    lines: [...HEAD, server(1, ":{client}"), server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/badRole",
  },
  {
    name: "this server's line on a host that cannot be one",
    lines: [...HEAD, "server.1:=127.0.0.1:{q1}:{e1}", server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/badOwnHost",
    waitMs: 15_000,
  },
  {
    name: "another server's line on a host that cannot be one",
    lines: [...HEAD, server(1), "server.2=zk 2:{q2}:{e2}", server(3)],
    myid: "1\n",
    refused: false,
    reports: "server-spec/badHost",
  },
  {
    name: "quorum port equal to election port",
    lines: [...HEAD, "server.1=127.0.0.1:{q1}:{q1}", server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/samePorts",
  },
  {
    name: "a line with one port",
    lines: [...HEAD, "server.1=127.0.0.1:{q1}", server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/badForm",
  },
  { name: "an id that is not a number", lines: [...HEAD, ...THREE, "server.x=127.0.0.1:{q4}:{e4}"], myid: "1\n", refused: true, reports: "server-spec/badId" },
  {
    name: "clientPort other than this server's line",
    lines: [...HEAD, server(1, ";{c2}"), server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/clientAddress",
  },
  {
    name: "clientPortAddress other than this server's line",
    lines: [...HEAD, server(1, ";{client}"), server(2), server(3)],
    myid: "1\n",
    refused: true,
    reports: "server-spec/clientAddress",
  },
  {
    name: "observers only",
    lines: [...HEAD, server(1, ":observer"), server(2, ":observer")],
    myid: "1\n",
    refused: true,
    reports: "server-spec/observersWithoutParticipants",
  },
  {
    name: "one participant and an observer",
    lines: [...HEAD, server(1), server(2, ":observer")],
    myid: "1\n",
    refused: true,
    reports: "server-spec/observersWithoutQuorum",
  },
  {
    name: "standaloneEnabled=false without servers",
    lines: [...HEAD, "standaloneEnabled=false"],
    refused: true,
    reports: "server-spec/standaloneWithoutParticipants",
  },
  {
    name: "a server line beside dynamicConfigFile",
    lines: [...STATIC, DYNAMIC, server(1)],
    files: { "conf/zoo.cfg.dynamic.100000000": MEMBERS },
    myid: "1\n",
    refused: true,
    reports: "dynamic-config/staticHasDynamicKey",
  },
  {
    name: "clientPort in the dynamic file",
    lines: [...STATIC, DYNAMIC],
    files: { "conf/zoo.cfg.dynamic.100000000": MEMBERS + "clientPort={client}\n" },
    myid: "1\n",
    refused: true,
    reports: "dynamic-config/staticKeyInside",
  },
  {
    name: "version in the dynamic file",
    lines: [...STATIC, DYNAMIC],
    files: { "conf/zoo.cfg.dynamic.100000000": MEMBERS + "version=100000000\n" },
    myid: "1\n",
    refused: true,
    reports: "dynamic-config/versionInside",
  },
  {
    name: "a .dynamic.next ZooKeeper cannot read",
    lines: [...STATIC, DYNAMIC],
    files: { "conf/zoo.cfg.dynamic.100000000": MEMBERS, "conf/zoo.cfg.dynamic.next": "server.1=127.0.0.1:{q1}\n" },
    myid: "1\n",
    refused: true,
    reports: "dynamic-config/nextMalformed",
  },
  { name: "a participant in no group", lines: [...HEAD, ...THREE, "group.1=1:2"], myid: "1\n", refused: true, reports: "hierarchical-quorum/notInGroup" },
  {
    name: "a participant in two groups",
    lines: [...HEAD, ...THREE, "group.1=1:2", "group.2=2:3"],
    myid: "1\n",
    refused: true,
    reports: "hierarchical-quorum/inTwoGroups",
  },
  {
    name: "a group naming a server that does not exist",
    lines: [...HEAD, ...THREE, "group.1=1:2", "group.2=3:4"],
    myid: "1\n",
    refused: true,
    reports: "hierarchical-quorum/unknownMember",
  },
  {
    name: "an observer in a group without weight",
    lines: [...HEAD, ...THREE, server(4, ":observer"), "group.1=1:2:3:4"],
    myid: "1\n",
    refused: true,
    reports: "hierarchical-quorum/observerMember",
  },
  { name: "a weight without groups", lines: [...HEAD, ...THREE, "weight.1=2"], myid: "1\n", refused: true, reports: "hierarchical-quorum/weightWithoutGroups" },
  {
    name: "a key that starts with group",
    lines: [...HEAD, ...THREE, "groupName=prod"],
    myid: "1\n",
    refused: true,
    reports: "hierarchical-quorum/keyNotNumbered",
  },
  {
    name: "a blank after a group's last id",
    lines: [...HEAD, ...THREE, "group.1=1:2:3 "],
    myid: "1\n",
    refused: true,
    reports: "hierarchical-quorum/valueNotNumbers",
  },
  {
    name: "a char where the colon after ']' belongs",
    lines: [...HEAD, "server.1=[::1]9{q1}:{e1}", server(2), server(3)],
    myid: "2\n",
    refused: false,
    reports: "server-spec/skippedChar",
  },
  {
    name: "peerType other than this server's line",
    lines: [...HEAD, "peerType=observer", ...THREE],
    myid: "1\n",
    refused: false,
    reports: "server-spec/peerTypeObserver",
  },
  { name: "id 0", lines: [...HEAD, "server.0=127.0.0.1:{q1}:{e1}", server(2), server(3)], myid: "2\n", refused: false, reports: "server-spec/idOutOfRange" },
  {
    name: "a participant of weight 0",
    lines: [...HEAD, ...THREE, "group.1=1:2:3", "weight.3=0"],
    myid: "1\n",
    refused: false,
    reports: "hierarchical-quorum/zeroWeight",
  },
  {
    name: "every group of weight 0",
    lines: [...HEAD, ...THREE, "group.1=1:2:3", "weight.1=0", "weight.2=0", "weight.3=0"],
    myid: "1\n",
    refused: false,
    reports: "hierarchical-quorum/noCountedGroup",
  },
  {
    name: "a weighed server with no line in a group",
    lines: [...HEAD, ...THREE, "group.1=1:2", "group.2=3:4", "weight.4=1"],
    myid: "1\n",
    refused: false,
    reports: "hierarchical-quorum/unknownWeighed",
  },
  {
    name: "reconfigEnabled with the servers in zoo.cfg",
    lines: [...HEAD, "reconfigEnabled=true", ...THREE],
    myid: "1\n",
    refused: false,
    reports: "dynamic-config/reconfigRewrites",
  },
  {
    name: "a .dynamic.next left behind",
    lines: [...STATIC, DYNAMIC],
    files: { "conf/zoo.cfg.dynamic.100000000": MEMBERS, "conf/zoo.cfg.dynamic.next": MEMBERS + "version=200000000\n" },
    myid: "1\n",
    refused: false,
    reports: "dynamic-config/nextLeftover",
  },
];

interface JsonResult {
  messages: { severity: number; impact: string; ruleId: string; messageId: string; message: string }[];
}

describeWithZooKeeper(
  "server lines, dynamic files and groups: zkcfg's startup verdicts agree with ZooKeeper 3.8",
  () => {
    const work = mkdtempSync(join(tmpdir(), "zkcfg-quorum-verdicts-"));
    afterAll(async () => {
      await stopAll();
      rmSync(work, { recursive: true, force: true });
    });

    for (const [index, c] of cases.entries()) {
      it(`${c.name}: ZooKeeper ${c.refused ? "refuses" : "starts"}, and zkcfg says so (${c.reports})`, async () => {
        const dir = join(work, `case${index}`);
        const data = join(dir, "data");
        mkdirSync(join(dir, "conf"), { recursive: true });
        mkdirSync(data, { recursive: true });
        if (c.myid !== undefined) writeFileSync(join(data, "myid"), c.myid);
        const ports = await freePorts(11);
        const names = ["client", "c2", "c3", "q1", "e1", "q2", "e2", "q3", "e3", "q4", "e4"];
        const values: Record<string, string> = { data, dir, ...Object.fromEntries(names.map((n, i) => [n, String(ports[i])])) };
        const fill = (t: string): string => t.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? "");
        const config = join(dir, "conf", "zoo.cfg");
        writeFileSync(config, c.lines.map(fill).join("\n") + "\n");
        for (const [path, text] of Object.entries(c.files ?? {})) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), fill(text));
        }

        // --root /: the config is for this machine, whose files ZooKeeper reads (loopback lines alone do not say so).
        const lint = zkcfg(["lint", "--format", "json", "--no-config", "--root", "/", "--zk-version", "3.8", config], { cwd: dir });
        const [result] = JSON.parse(lint.stdout) as JsonResult[];
        const messages = result?.messages ?? [];
        const fatal = messages.filter((m) => m.severity === 2 && m.impact === "startup");
        const zk = await runConfigCheck(config, c.waitMs ?? 4_000, { cwd: dir });
        expect({ zookeeperRefused: zk.refused, zkcfgStartupErrors: fatal.length > 0 }, `${zk.output.slice(-800)}\n${lint.stdout}`).toEqual({
          zookeeperRefused: c.refused,
          zkcfgStartupErrors: c.refused,
        });
        expect(messages.map((m) => `${m.ruleId}/${m.messageId}`)).toContain(c.reports);
      }, 30_000);
    }
  },
  { concurrent: true },
);

// The placement model (src/model/hosts.ts, identity.ts, ensemble.ts): which server line is a
// config's own, where it runs, which configs form one ensemble, each with its evidence; and the
// examples of "Know where each config runs", each linted with the false findings gone.
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { buildConfigFile, type ConfigFile } from "../../src/model/config-file.js";
import { groupWorkspace } from "../../src/model/ensemble.js";
import { findIdentity } from "../../src/model/identity.js";
import { readEvidence } from "../../src/model/hosts.js";
import type { Settings } from "../../src/config/settings.js";
import { fixesOf, refusal } from "../../src/fix/plan.js";
import { formatCompact } from "../../src/format/compact.js";
import { FIXTURE_HOST, lintTree, type TreeOptions } from "../helpers/workspace.js";

const HEAD = "tickTime=2000\ninitLimit=10\nsyncLimit=5\n";

interface Built {
  path: string;
  text: string;
  root?: string;
  machine?: string;
}

function build(fs: MemoryFileSystem, { path, text, root, machine }: Built, hostname = FIXTURE_HOST): ConfigFile {
  const view = { fs, syntaxOnly: false, hostname, ...(root ? { root } : {}), ...(machine ? { machine } : {}) };
  return buildConfigFile(path, path.slice(1), Buffer.from(text), view, "3.8");
}

/** Compact lines of a lint run, notes included. */
const lint = (options: TreeOptions): string[] => formatCompact(lintTree(options).results).split("\n").filter(Boolean);

describe("identity: which server line is a config's own", () => {
  const fs = new MemoryFileSystem({ "/img/data/myid": "3\n" });
  const lines = "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\nserver.3=zk3:2888:3888;2183\n";

  it("a myid read under the config's root comes first", () => {
    const file = build(fs, { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/data\nclientPort=2182\n${lines}`, root: "/img" });
    expect(findIdentity(file, { hostname: "zk1" })).toMatchObject({ server: { id: 3n }, evidence: "myid" });
  });

  it("--myid, then the line carrying clientPort, then the 0.0.0.0 line, then the host's own name", () => {
    const file = build(fs, { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/elsewhere\nclientPort=2182\n${lines}` });
    expect(findIdentity(file, { hostname: "x", myid: 1n })).toMatchObject({ server: { id: 1n }, evidence: "option" });
    expect(findIdentity(file, { hostname: "zk1" })).toMatchObject({ server: { id: 2n }, evidence: "client-port" });
    const wildcard = build(fs, { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/d\nserver.1=zk1:2888:3888\nserver.2=0.0.0.0:2888:3888\nserver.3=zk3:2888:3888\n` });
    expect(findIdentity(wildcard, { hostname: "zk1" })).toMatchObject({ server: { id: 2n }, evidence: "wildcard" });
    const named = build(fs, { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/d\nserver.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\n` });
    expect(findIdentity(named, { hostname: "zk2" })).toMatchObject({ server: { id: 2n }, evidence: "host-name" });
    expect(findIdentity(named, { hostname: "laptop", machine: "zk1.example.com" })).toMatchObject({ server: { id: 1n }, evidence: "host-name" });
    expect(findIdentity(named, { hostname: "laptop" })).toBeUndefined();
  });

  it("two 0.0.0.0 lines tell nothing", () => {
    const file = build(fs, { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/d\nserver.1=0.0.0.0:2888:3888\nserver.2=0.0.0.0:2889:3889\n` });
    expect(findIdentity(file, { hostname: "laptop" })).toBeUndefined();
  });
});

describe("read evidence: when this machine's files are read for a config", () => {
  const loopback = build(new MemoryFileSystem(), {
    path: "/c/zoo.cfg",
    text: `${HEAD}dataDir=/d\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\n`,
  });
  const named = build(new MemoryFileSystem(), { path: "/c/zoo.cfg", text: `${HEAD}dataDir=/d\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n` });

  it("a root, the settings' hosts naming this machine, --myid, or a server line naming it; loopback lines never", () => {
    expect(readEvidence({ hostname: "laptop" }, loopback.config)).toBeUndefined();
    expect(readEvidence({ hostname: "laptop", root: "/" }, loopback.config)).toEqual({ kind: "root", root: "/" });
    expect(readEvidence({ hostname: "laptop", machine: "LAPTOP" }, loopback.config)).toEqual({ kind: "settings", machine: "LAPTOP" });
    expect(readEvidence({ hostname: "laptop", machine: "zk1" }, loopback.config)).toBeUndefined();
    expect(readEvidence({ hostname: "laptop", myidGiven: true }, loopback.config)).toEqual({ kind: "option" });
    expect(readEvidence({ hostname: "zk2" }, named.config)).toEqual({ kind: "server-line", server: 2n });
    expect(readEvidence({ hostname: "laptop" }, named.config)).toBeUndefined();
  });
});

describe("hosts: where each config runs, and the folder that bounds its groups", () => {
  const fs = new MemoryFileSystem();
  const loop = `${HEAD}dataDir=/d\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n`;
  const compose = (own: number): string =>
    `${HEAD}dataDir=/data\n` + [1, 2, 3].map((i) => `server.${i}=${i === own ? "0.0.0.0" : `zoo${i}`}:2888:3888;2181`).join("\n") + "\n";

  it("loopback configs of one folder share a host; of two folders, they do not", () => {
    const files = ["/a/conf/z1.cfg", "/a/conf/z2.cfg", "/b/conf/z1.cfg"].map((path) => build(fs, { path, text: loop }));
    const ws = groupWorkspace(files, { hostname: FIXTURE_HOST });
    const [a1, a2, b1] = files as [ConfigFile, ConfigFile, ConfigFile];
    expect(ws.hostOf(a1)).toBe(ws.hostOf(a2));
    expect(ws.hostOf(a1)).toMatchObject({ evidence: "loopback", known: true });
    expect(ws.hostOf(b1)).not.toBe(ws.hostOf(a1));
    expect(ws.ensembleOf(a1)).toBe(ws.ensembleOf(a2));
    expect(ws.ensembleOf(b1)).not.toBe(ws.ensembleOf(a1));
    expect(ws.familyOf(b1)).not.toBe(ws.familyOf(a1));
  });

  it("one root is one machine; machines side by side under one folder form one ensemble", () => {
    const files = [1, 2, 3].map((i) => build(fs, { path: `/repo/zoo${i}/conf/zoo.cfg`, text: compose(i), root: `/repo/zoo${i}` }));
    const ws = groupWorkspace(files, { hostname: FIXTURE_HOST });
    expect(new Set(files.map((f) => ws.hostOf(f))).size).toBe(3);
    expect(files.map((f) => ws.hostOf(f).evidence)).toEqual(["root", "root", "root"]);
    expect(new Set(files.map((f) => ws.ensembleOf(f))).size).toBe(1);
    expect(files.map((f) => ws.identity(f)?.evidence)).toEqual(["wildcard", "wildcard", "wildcard"]);
    expect(files.map((f) => ws.siteOf(f))).toEqual(["/repo", "/repo", "/repo"]);
  });

  it("the settings' hosts, a server line naming this machine, an own line naming a host, nothing", () => {
    const named = `${HEAD}dataDir=/d\nclientPort=2181\nserver.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\n`;
    const unknown = `${HEAD}dataDir=/d\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\n`;
    const files = [
      build(fs, { path: "/s/a.cfg", text: unknown, machine: "zk9" }),
      build(fs, { path: "/s/b.cfg", text: unknown }, "zk2"),
      build(fs, { path: "/s/c.cfg", text: named }),
      build(fs, { path: "/s/d.cfg", text: unknown }),
    ];
    const ws = groupWorkspace(files, { hostname: FIXTURE_HOST });
    expect(files.map((f) => ws.hostOf(f).evidence)).toEqual(["settings", "this-machine", "own-line", "none"]);
    expect(ws.hostOf(files[3] as ConfigFile).known).toBe(false);
  });
});

describe("the examples of the issue", () => {
  const three = (dir: string, i: number, servers: number): [string, string] => [
    `${dir}/conf/zoo${i}.cfg`,
    `${HEAD}dataDir=/var/lib/zk/${i}\nclientPort=218${i}\nadmin.serverPort=808${i}\n` +
      Array.from({ length: servers }, (_, s) => `server.${s + 1}=localhost:${2888 + s}:${3888 + s}`).join("\n") +
      "\n",
  ];

  it("examples/three and examples/five in one repository are linted as each alone", () => {
    const threeFiles = Object.fromEntries([1, 2, 3].map((i) => three("/repo/examples/three", i, 3)));
    const fiveFiles = Object.fromEntries([1, 2, 3, 4, 5].map((i) => three("/repo/examples/five", i, 5)));
    const together = lint({ files: { ...threeFiles, ...fiveFiles } });
    expect(together.filter((l) => /missing here|is also used by/.test(l))).toEqual([]);
    expect(together).toEqual([...lint({ files: fiveFiles }), ...lint({ files: threeFiles })].sort((a, b) => (a < b ? -1 : 1)));
  });

  it("old configs kept beside a grown ensemble in one folder are still told they lack members", () => {
    const files = { ...Object.fromEntries([1, 2, 3].map((i) => three("/zk", i, 3))), ...Object.fromEntries([4, 5].map((i) => three("/zk", i, 5))) };
    const out = lint({ files });
    expect(out.filter((l) => l.includes("server.4, server.5 of"))).toHaveLength(3);
    // The same old configs in a folder of their own are another ensemble.
    const apart = { ...Object.fromEntries([1, 2, 3].map((i) => three("/old", i, 3))), ...Object.fromEntries([4, 5].map((i) => three("/zk", i, 5))) };
    expect(lint({ files: apart }).filter((l) => l.includes("missing here"))).toEqual([]);
  });

  it("three compose services, each with its own root and a 0.0.0.0 own line: no shared dataDir, no port clash", () => {
    const compose = (own: number): string =>
      `${HEAD}dataDir=/data\nclientPort=2181\n` + [1, 2, 3].map((i) => `server.${i}=${i === own ? "0.0.0.0" : `zoo${i}`}:2888:3888;2181`).join("\n") + "\n";
    const files: Record<string, string> = {};
    for (const i of [1, 2, 3]) {
      files[`/repo/zoo${i}/conf/zoo.cfg`] = compose(i);
      files[`/repo/zoo${i}/.zkcfgrc.json`] = '{ "root": "." }';
      files[`/repo/zoo${i}/data/myid`] = `${i}\n`;
    }
    const settings = (path: string): Settings => ({ root: path.replace(/\/conf\/zoo\.cfg$/, "") });
    const out = lint({ files, settings });
    expect(out.filter((l) => /dataDir of|is also used by|myid/.test(l))).toEqual([]);
    // A myid copied between services is still found: the three are one ensemble.
    const copied = lint({ files: { ...files, "/repo/zoo3/data/myid": "2\n" }, settings });
    expect(copied.filter((l) => l.includes("[myid-matches-datadir]"))).toEqual([
      "repo/zoo2/conf/zoo.cfg:4:9: error /repo/zoo2/data/myid says 2, as /repo/zoo3/data/myid of repo/zoo3/conf/zoo.cfg does; two servers with one id break the ensemble; give each server its own id [myid-matches-datadir]",
      "repo/zoo3/conf/zoo.cfg:4:9: error /repo/zoo3/data/myid says 2, as /repo/zoo2/data/myid of repo/zoo2/conf/zoo.cfg does; two servers with one id break the ensemble; give each server its own id [myid-matches-datadir]",
    ]);
  });

  it("no finding depends on this machine's /var/lib/zookeeper/myid for a config written for other hosts", () => {
    const config = `${HEAD}dataDir=/var/lib/zookeeper\nclientPort=2181\nserver.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n`;
    const absent = lint({ files: { "/repo/conf/zoo.cfg": config } });
    const placeholder = "replace this text with the cluster-unique zookeeper's instance id (1-255)\n";
    const present = lint({ files: { "/repo/conf/zoo.cfg": config, "/var/lib/zookeeper/myid": placeholder } });
    expect(present).toEqual(absent);
    expect(present.join("\n")).not.toContain("plain number");
    // On the server itself (a line names this host), its own myid is read and reported.
    const onServer = lint({ files: { "/repo/conf/zoo.cfg": config, "/var/lib/zookeeper/myid": placeholder }, hostname: "zk2.example.com" });
    expect(onServer.some((l) => l.startsWith("repo/conf/zoo.cfg:4:9: error /var/lib/zookeeper/myid does not hold a plain number"))).toBe(true);
  });

  it("loopback configs are one host, not this one: nothing of this machine is read or written without a root", () => {
    const files = Object.fromEntries([1, 2, 3].map((i) => three("/repo/zk", i, 3)));
    const loose = lintTree({ files, dirs: ["/var/lib"] });
    expect(fixesOf(loose.results).creates).toEqual([]);
    expect(formatCompact(loose.results)).toContain("every server line is on loopback, so these configs run on one machine, but nothing says it is this one");
    // With --root the missing dataDirs are created only when asked, outside the working directory.
    const rooted = lintTree({ files, dirs: ["/var/lib"], root: "/" });
    const creates = fixesOf(rooted.results).creates;
    expect(creates.map((c) => c.path)).toEqual(["/var/lib/zk/1/myid", "/var/lib/zk/2/myid", "/var/lib/zk/3/myid"]);
    const policy = { cwd: "/repo", createDataDir: false };
    expect(fixesOf(rooted.results, policy).creates).toEqual([]);
    expect(fixesOf(rooted.results, policy).refused[0]?.reason).toBe(
      "its dataDir /var/lib/zk/1 does not exist and is outside the working directory; zkcfg fix creates it only with --create-data-dir",
    );
    expect(fixesOf(rooted.results, { cwd: "/repo", createDataDir: true }).creates).toHaveLength(3);
    expect(fixesOf(rooted.results, { cwd: "/", createDataDir: false }).creates).toHaveLength(3);
  });

  it("a missing directory inside the working directory is created; an existing one needs no permission", () => {
    expect(refusal({ kind: "create", path: "/w/data/myid", text: "1\n", missingDirectory: "/w/data" }, { cwd: "/w", createDataDir: false })).toBeUndefined();
    expect(refusal({ kind: "create", path: "/x/myid", text: "1\n" }, { cwd: "/w", createDataDir: false })).toBeUndefined();
    expect(refusal({ kind: "create", path: "/w2/d/myid", text: "1\n", missingDirectory: "/w2/d" }, { cwd: "/w", createDataDir: false })).toBeDefined();
    expect(refusal({ kind: "create", path: "/w/..d/myid", text: "1\n", missingDirectory: "/w/..d" }, { cwd: "/w", createDataDir: false })).toBeUndefined();
  });

  it("a relative dataDir without myid: reported, never fixed", () => {
    const files = Object.fromEntries(
      [1, 2, 3].map((i) => [
        `/repo/conf/zoo${i}.cfg`,
        `${HEAD}dataDir=data/${i}\nclientPort=218${i}\nserver.1=localhost:2888:3888;2181\nserver.2=localhost:2889:3889;2182\nserver.3=localhost:2890:3890;2183\n`,
      ]),
    );
    const run = lintTree({ files, dirs: ["/repo/data/1", "/repo/data/2", "/repo/data/3"] });
    expect(fixesOf(run.results).creates).toEqual([]);
    expect(formatCompact(run.results)).toContain(
      'repo/conf/zoo1.cfg:4:9: error dataDir "data/1" is relative and has no myid at /repo/data/1/myid; ZooKeeper exits with "myid file is missing"; zkcfg fix does not write it',
    );
  });
});

describe("impact at the ensemble level", () => {
  const server = (port: number, extra: string): string =>
    `${HEAD}dataDir=/var/lib/zk/${port}\nclientPort=${port}\n${extra}server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n`;
  const messages = (files: Record<string, string>) => lintTree({ files }).results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, ...m })));

  it("two servers of one host on one client port: startup on both, naming the start order", () => {
    const found = messages({
      "/zk/conf/a.cfg": server(2181, "admin.enableServer=false\n"),
      "/zk/conf/b.cfg": server(2181, "admin.enableServer=false\n"),
    }).filter((m) => m.ruleId === "port-collision");
    expect(found.map((m) => [m.file, m.impact, m.severity])).toEqual([
      ["zk/conf/a.cfg", "startup", 2],
      ["zk/conf/b.cfg", "startup", 2],
    ]);
    expect(found[0]?.message).toContain("started after them, this server dies; started first, it stops theirs");
  });

  it("two lines of one server list on one address, no config of either placed here: runtime, not startup", () => {
    const text = `${HEAD}dataDir=/var/lib/zk/a\nclientPort=2181\nadmin.enableServer=false\nserver.1=localhost:2888:3888\nserver.2=localhost:2888:3888\nserver.3=localhost:2890:3890\n`;
    const found = messages({ "/zk/conf/a.cfg": text }).filter((m) => m.ruleId === "port-collision");
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((m) => `${m.messageId}/${m.impact}`))).toEqual(new Set(["otherServersClashSameFile/runtime", "quorumCollisionSameFile/runtime"]));
  });

  it("an ensemble server whose AdminServer port is taken runs on: a warning; a standalone server exits: an error", () => {
    const quorum = messages({ "/zk/conf/a.cfg": server(2181, ""), "/zk/conf/b.cfg": server(2182, "") }).filter((m) => m.ruleId === "port-collision");
    expect(quorum.map((m) => [m.messageId, m.impact, m.severity])).toEqual([
      ["adminInQuorum", "runtime", 1],
      ["adminInQuorum", "runtime", 1],
    ]);
    const standalone = (port: number): string => `tickTime=2000\ndataDir=/var/lib/zk/${port}\nclientPort=${port}\n`;
    const alone = messages({ "/zk/conf/a.cfg": standalone(2181), "/zk/conf/b.cfg": standalone(2182) }).filter((m) => m.ruleId === "port-collision");
    expect(alone.map((m) => [m.messageId, m.impact, m.severity])).toEqual([
      ["adminStandalone", "startup", 2],
      ["adminStandalone", "startup", 2],
    ]);
  });
});

describe("a root's /etc/hostname and /etc/hosts are that machine's names", () => {
  const config = `${HEAD}dataDir=/var/lib/zookeeper\nserver.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n`;
  const machine = { "/img/etc/hostname": "zk2\n", "/img/etc/hosts": "127.0.0.1 localhost\n127.0.1.1 zk2.example.com zk2\n" };

  it("its host name tells the config's own line; a 127.0.1.1 line for it is reported there", () => {
    const run = lintTree({ files: { "/repo/conf/zoo.cfg": config, ...machine }, dirs: ["/img/var/lib/zookeeper"], root: "/img" });
    const [file] = run.workspace.files;
    expect(run.workspace.identity(file as ConfigFile)).toMatchObject({ server: { id: 2n }, evidence: "host-name" });
    expect(formatCompact(run.results)).toContain(
      'repo/conf/zoo.cfg:6:10: error server.2 is this server\'s own line and names "zk2.example.com", which /etc/hosts under its root maps to 127.0.1.1',
    );
  });

  it("this machine's /etc says nothing about a config without a root", () => {
    const run = lintTree({ files: { "/repo/conf/zoo.cfg": config, "/etc/hostname": "zk2\n", "/etc/hosts": machine["/img/etc/hosts"] } });
    expect(run.workspace.identity(run.workspace.files[0] as ConfigFile)).toBeUndefined();
    expect(formatCompact(run.results)).not.toContain("[own-address]");
  });
});

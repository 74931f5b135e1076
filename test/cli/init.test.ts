import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePorts } from "../zookeeper/harness.js";
import { zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-init-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; message: string }[];
}

/** Every file under dir, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

async function listening(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port }, resolve);
  });
  return server;
}

describe("zkcfg init --servers", () => {
  it("writes the configs and myids, prints the plan, and the result lints clean", async () => {
    const dir = join(work, "three");
    const [base] = await freePorts(1);
    const r = zkcfg(["init", "--servers", "3", "--dir", dir, "--base-port", String(base)]);
    expect(r.code).toBe(0);
    const files = tree(dir);
    expect(files.filter((f) => f.endsWith("myid"))).toEqual(["data/1/myid", "data/2/myid", "data/3/myid"]);
    const configs = files.filter((f) => f.endsWith(".cfg"));
    expect(configs).toHaveLength(3);
    for (const [i, f] of files.filter((n) => n.endsWith("myid")).entries()) expect(readFileSync(join(dir, f), "utf8")).toBe(`${i + 1}\n`);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Wrote a 3-server ZooKeeper 3.9 ensemble on this host (127.0.0.1):");
    const clientPorts: string[] = [];
    for (const id of [1, 2, 3]) {
      const config = configs.find((c) => readFileSync(join(dir, c), "latin1").includes(`\ndataDir=${join(dir, "data", String(id))}\n`)) as string;
      expect(lines).toContain(`  ZOO_LOG_DIR=${join(dir, "logs", String(id))} zkServer.sh start ${join(dir, config)}`);
      clientPorts.push(/zoo_(\d+)\.cfg/.exec(config)?.[1] as string);
    }
    expect(lines).toContain(`Clients connect to ${clientPorts.map((p) => `127.0.0.1:${p}`).join(",")}`);
    // The test's directory is under /tmp, which init warns about, as datadir-durability does.
    expect(r.stderr).toContain(`zkcfg: warning: ${join(dir, "data")} is under /tmp, which is emptied at reboot`);

    const lint = zkcfg(["lint", "--format", "json", "--no-config", ...configs.map((c) => join(dir, c))]);
    const results = JSON.parse(lint.stdout) as JsonResult[];
    const other = results.flatMap((res) => res.messages.filter((m) => !(m.ruleId === "datadir-durability" && m.message.includes("/tmp"))));
    expect(other).toEqual([]);
  });

  it("--dry-run prints the same plan and writes nothing", async () => {
    const dir = join(work, "dry");
    const [base] = await freePorts(1);
    const r = zkcfg(["init", "--servers", "3", "--observers", "1", "--dir", dir, "--base-port", String(base), "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Would write a ZooKeeper 3\.9 ensemble of 3 voting servers and 1 observer on this host \(127\.0\.0\.1\):\n/);
    expect(r.stdout).toMatch(/\n\nNothing was written \(--dry-run\)\.\n$/);
    expect(r.stdout.match(/ {2}\S+\.cfg {2}server\.\d/g)).toHaveLength(4);
    expect(existsSync(dir)).toBe(false);
  });

  it("passes over a port in use on 127.0.0.1, and says so", async () => {
    const dir = join(work, "busy");
    const [base] = await freePorts(1);
    const server = await listening(base as number);
    try {
      const r = zkcfg(["init", "--servers", "3", "--dir", dir, "--base-port", String(base)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`zkcfg: warning: port ${base} in use on 127.0.0.1: the next free ones were taken instead\n`);
      const taken = [...r.stdout.matchAll(/(?:client|quorum|election|admin) (\d+)/g)].map((m) => Number(m[1]));
      expect(taken).toHaveLength(12);
      expect(new Set(taken).size).toBe(12);
      expect(taken).not.toContain(base);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("never writes over anything: names every taken path and writes nothing at all", async () => {
    const dir = join(work, "taken");
    const [base] = await freePorts(1);
    const plan = zkcfg(["init", "--servers", "3", "--dir", dir, "--base-port", String(base), "--dry-run"]);
    const second = /(\S+zoo_\d+\.cfg) {2}server\.2/.exec(plan.stdout)?.[1] as string;
    mkdirSync(join(dir, "conf"), { recursive: true });
    writeFileSync(second, "tickTime=2000\n");
    mkdirSync(join(dir, "data", "3", "version-2"), { recursive: true });
    const before = tree(dir);
    const r = zkcfg(["init", "--servers", "3", "--dir", dir, "--base-port", String(base)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        `zkcfg: ${second} exists`,
        `zkcfg: ${join(dir, "data", "3")} is not empty (version-2): it may hold another server's data`,
        "zkcfg: init never writes over what is there, so it wrote nothing; choose another --dir (or clear these paths)",
        "",
      ].join("\n"),
    );
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(second, "latin1")).toBe("tickTime=2000\n");
  });
});

describe("zkcfg init --hosts", () => {
  it("writes one shared config and a myid per host; each host's view lints clean", () => {
    const dir = join(work, "hosts");
    const r = zkcfg(["init", "--hosts", "zk1,zk2,zk3", "--dir", dir, "--data-log-dir", "/srv/zk-txlog"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(tree(dir)).toEqual(["zk1/myid", "zk2/myid", "zk3/myid", "zoo.cfg"]);
    expect(r.stdout).toContain(
      `\n  scp ${join(dir, "zoo.cfg")} zk2:/etc/zookeeper/conf/zoo.cfg\n  scp ${join(dir, "zk2", "myid")} zk2:/var/lib/zookeeper/myid\n`,
    );
    expect(r.stdout).toContain("\nClients connect to zk1:2181,zk2:2181,zk3:2181\n");
    for (const [i, host] of ["zk1", "zk2", "zk3"].entries()) {
      // What the printed ssh and scp lines make of the host, staged under a root of its own.
      const root = join(work, `view-${host}`);
      mkdirSync(join(root, "etc/zookeeper/conf"), { recursive: true });
      mkdirSync(join(root, "var/lib/zookeeper"), { recursive: true });
      mkdirSync(join(root, "srv/zk-txlog"), { recursive: true });
      copyFileSync(join(dir, "zoo.cfg"), join(root, "etc/zookeeper/conf/zoo.cfg"));
      copyFileSync(join(dir, host, "myid"), join(root, "var/lib/zookeeper/myid"));
      expect(readFileSync(join(root, "var/lib/zookeeper/myid"), "utf8")).toBe(`${i + 1}\n`);
      const lint = zkcfg(["lint", "--no-config", "--root", root, join(root, "etc/zookeeper/conf/zoo.cfg")]);
      expect(lint.stdout + lint.stderr).toBe("");
      expect(lint.code).toBe(0);
    }
  });
});

describe("zkcfg init: bad options exit 2 with the reason", () => {
  const cases: [string, string[], string][] = [
    ["no layout", ["init"], "zkcfg: init needs --servers N (N servers on this host) or --hosts a,b,c (one server on each host)\n"],
    ["not a number", ["init", "--servers", "three"], 'zkcfg: --servers needs a whole number, not "three"\n'],
    ["no value", ["init", "--servers"], "zkcfg: --servers needs a value\n"],
    [
      "a loopback host",
      ["init", "--hosts", "zk1,localhost,zk3"],
      'zkcfg: --hosts: "localhost" is this machine; for several servers on this host use --servers N\n',
    ],
    [
      "file names",
      ["init", "--servers", "3", "conf/zoo.cfg"],
      'zkcfg: zkcfg init takes options only, not "conf/zoo.cfg"; e.g. zkcfg init --servers 3 --dir /srv/zookeeper\n',
    ],
    ["lint options", ["init", "--servers", "3", "--format", "json", "--root", "/x"], "zkcfg: --format, --root belong to zkcfg lint and fix, not init\n"],
    ["init options elsewhere", ["lint", "--servers", "3", "conf/zoo.cfg"], "zkcfg: --servers belongs to zkcfg init\n"],
    ["bad version", ["init", "--servers", "3", "--zk-version", "3.2"], 'zkcfg: --zk-version must be a ZooKeeper version from 3.4 to 3.9, not "3.2"\n'],
  ];
  for (const [name, args, stderr] of cases) {
    it(name, () => {
      const r = zkcfg(args, { cwd: work });
      expect(r.stderr).toBe(stderr);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    });
  }

  it("--help shows init and its options", () => {
    const r = zkcfg(["--help"]);
    expect(r.stdout).toContain("  zkcfg init --servers N | --hosts a,b,c ");
    expect(r.stdout).toContain("\n  --base-port N ");
  });
});

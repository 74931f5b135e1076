// Whatever init writes must lint clean with every rule: each combination of options is planned,
// its files are put in an in-memory tree at the paths init would write them to, and linted the way
// `zkcfg lint` lints them. The one-host layout is linted as a whole; the multi-host layout is
// linted host by host, each host's view being its config at /etc/zookeeper/conf/zoo.cfg with its
// own myid in the data dir, as the printed scp lines place them.
import { describe, expect, it } from "vitest";
import { HOST_CONFIG, planHosts, planOneHost, portKinds, type InitPlan } from "../../src/init/plan.js";
import { allocateOneHost } from "../../src/init/ports.js";
import { InitUsageError, resolveRequest, type InitOptions } from "../../src/init/request.js";
import type { LintResult } from "../../src/lint/diagnostic.js";
import type { ZkVersion } from "../../src/model/version.js";
import { lintTree } from "../helpers/workspace.js";

const VERSIONS: ZkVersion[] = ["3.4", "3.5", "3.8", "3.9"];
const HOSTS = ["zk1.example.com", "zk2.example.com", "zk3.example.com", "zk4.example.com", "zk5.example.com"];

interface Finding {
  file: string;
  rule: string;
  message: string;
}

function findings(results: LintResult[]): Finding[] {
  return results.flatMap((r) => [
    ...r.messages.map((m) => ({ file: r.filePath, rule: `${m.ruleId}/${m.messageId}`, message: m.message })),
    ...r.notes.map((n) => ({ file: r.filePath, rule: `${n.ruleId}/note`, message: n.message })),
  ]);
}

/** An even number of voters is allowed, and warned about by init and odd-server-count alike. */
function expectedFor(voters: number): string[] {
  if (voters === 2) return ["odd-server-count/two"];
  return voters % 2 === 0 ? ["odd-server-count/even"] : [];
}

/**
 * Advice lint may give and init leaves to the user: without --data-log-dir, a quorum's transaction
 * log shares the data dir's disk, and whether another disk exists only the user knows.
 */
function withoutAdvice(found: Finding[], logDir: boolean): string[] {
  return found.map((f) => f.rule).filter((rule) => logDir || rule !== "datadir-durability/noDataLogDir");
}

function combinations(): { name: string; options: InitOptions }[] {
  const out: { name: string; options: InitOptions }[] = [];
  for (const zkVersion of VERSIONS) {
    for (const logs of [false, true]) {
      for (let n = 1; n <= 5; n++) {
        for (let observers = 0; observers <= 2; observers++) {
          const common = { zkVersion, observers, ...(logs ? { dataLogDir: "/srv/zk-txlog" } : {}) };
          const suffix = `${zkVersion}, ${observers} observer(s)${logs ? ", data-log-dir" : ""}`;
          out.push({ name: `--servers ${n}, ${suffix}`, options: { ...common, servers: n, dir: "/srv/zookeeper" } });
          if (observers < n) out.push({ name: `--hosts ×${n}, ${suffix}`, options: { ...common, hosts: HOSTS.slice(0, n), dir: "/home/ops/zk-stage" } });
        }
      }
    }
  }
  return out;
}

async function plan(options: InitOptions): Promise<InitPlan> {
  const request = resolveRequest(options, "/");
  if (request.layout === "hosts") return planHosts(request);
  const allocation = await allocateOneHost(request.voters + request.observers, portKinds(request), request.basePort, () => Promise.resolve(true));
  return planOneHost(request, allocation);
}

const text = (p: InitPlan, path: string): string => p.files.find((f) => f.path === path)?.text ?? "";

describe("init output lints clean under every rule", () => {
  for (const { name, options } of combinations()) {
    it(name, async () => {
      const version = options.zkVersion as ZkVersion;
      const observers = options.observers ?? 0;
      const voters = options.servers ?? (options.hosts?.length ?? 0) - observers;
      if (voters === 1 && observers > 0 && version === "3.4") {
        await expect(plan(options)).rejects.toThrow(InitUsageError);
        return;
      }
      const p = await plan(options);
      const logDir = options.dataLogDir !== undefined;
      if (options.servers !== undefined) {
        const files = Object.fromEntries(p.files.map((f) => [f.path, f.text]));
        // Loopback lines prove one host, not this one: the tree is read as that host's files (--root /).
        const { results } = lintTree({ files, version, hostname: "builder.example.com", root: "/" });
        const configs = p.files.filter((f) => f.path.endsWith(".cfg"));
        expect(results.map((r) => `/${r.filePath}`)).toEqual(configs.map((f) => f.path).sort());
        for (const r of results) expect(withoutAdvice(findings([r]), logDir), JSON.stringify(findings([r]))).toEqual(expectedFor(voters));
        return;
      }
      const hosts = options.hosts as string[];
      const dataDir = "/var/lib/zookeeper";
      for (const [i, host] of hosts.entries()) {
        const observer = i >= voters;
        const config = text(p, `/home/ops/zk-stage/${observer ? "zoo_observer.cfg" : "zoo.cfg"}`);
        const myid = p.files.find((f) => f.path === `/home/ops/zk-stage/${host}/myid`);
        const files: Record<string, string> = { [HOST_CONFIG]: config };
        if (myid) files[`${dataDir}/myid`] = myid.text;
        const { results } = lintTree({ files, dirs: [dataDir], version, hostname: host });
        expect(results.map((r) => r.filePath)).toEqual([HOST_CONFIG.slice(1)]);
        const all = findings(results);
        expect(withoutAdvice(all, logDir), `${host}: ${JSON.stringify(all)}`).toEqual(expectedFor(voters));
      }
    });
  }

  it("covers what it claims: 4 versions × 5 sizes × 0–2 observers × with and without a log dir, both layouts", () => {
    const names = combinations().map((c) => c.name);
    expect(names.filter((n) => n.startsWith("--servers"))).toHaveLength(4 * 5 * 3 * 2);
    expect(names.filter((n) => n.startsWith("--hosts"))).toHaveLength(4 * 2 * (1 + 2 + 3 + 3 + 3));
  });
});

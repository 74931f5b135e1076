/**
 * Conformance with the real ZooKeeper 3.8: for every case in cases/ (hand-written ones h-*, generated ones g-*),
 * zkcfg must say "ZooKeeper refuses this" (an error with impact "startup", linting as --zk-version 3.8) exactly
 * when ZooKeeper refused it, as recorded in verdicts.json: refused by its config parser (stage "parse"), died
 * while starting (stage "start"), or started (stage "none").
 *
 * - "zkcfg agrees with ZooKeeper" always runs, from the recorded verdicts; it fails with a table of every case
 *   where zkcfg and ZooKeeper disagree.
 * - "ZooKeeper still gives the recorded verdicts" runs where ZooKeeper and javac are present (skipped with a
 *   warning otherwise, failing under ZKCFG_REQUIRE_ZOOKEEPER=1): it parses every case with Verdict.java and
 *   starts each case the parser accepts on free loopback ports.
 *
 * Regenerate the corpus (after editing hand-written.ts or generate.ts):
 *     node test/zookeeper/conformance/run.mjs generate
 * Re-record ZooKeeper's verdicts (after regenerating, or for another ZooKeeper build):
 *     ZKCFG_RECORD_VERDICTS=1 npx vitest run test/zookeeper/conformance
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithZooKeeper, stopAll, zookeeperStatus } from "../harness.js";
import { fixedPorts, materialize, normalize, readCorpus, VERDICTS_FILE, type Case, type RecordedVerdicts, type Verdict } from "./corpus.js";
import { allCases } from "./generate.js";
import { startupErrors } from "./zkcfg.js";
import { compileVerdict, parseVerdicts, zookeeperVerdicts } from "./zookeeper.js";

const RECORD = process.env["ZKCFG_RECORD_VERDICTS"] === "1";
const status = zookeeperStatus();
if (RECORD && !status.available) throw new Error(`ZKCFG_RECORD_VERDICTS=1 needs ZooKeeper: ${status.reason}`);
const corpus: Case[] = readCorpus();
const byName = new Map(corpus.map((c) => [c.name, c]));

function recorded(): RecordedVerdicts {
  return existsSync(VERDICTS_FILE) ? (JSON.parse(readFileSync(VERDICTS_FILE, "utf8")) as RecordedVerdicts) : { zookeeper: "none", verdicts: {} };
}

const describeVerdict = (v: Verdict): string => (v.refused ? `refused at ${v.stage}: ${v.message}` : v.message);

function table(header: string[], rows: string[][]): string {
  const cell = (c: string): string => c.replace(/\|/g, "\\|").replace(/[\t\r\n]/g, (ws) => JSON.stringify(ws).slice(1, -1));
  return [header, ...rows].map((cells) => `| ${cells.map(cell).join(" | ")} |`).join("\n");
}

function scratch(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

// Declared first so that, when recording, the tests below read the new verdicts.
describeWithZooKeeper("ZooKeeper still gives the recorded verdicts", () => {
  let classes: string | undefined;
  let unavailable = "";
  let work: string;

  beforeAll(() => {
    work = scratch("zkcfg-conformance-zk-");
    if (!status.available) return;
    const compiled = compileVerdict(status);
    if ("classes" in compiled) classes = compiled.classes;
    else if (process.env["ZKCFG_REQUIRE_ZOOKEEPER"] === "1" || RECORD) throw new Error(compiled.error);
    else {
      unavailable = compiled.error;
      console.warn(`zkcfg: skipping the ZooKeeper conformance re-check: ${unavailable}`);
    }
  });

  afterAll(async () => {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it("parses each case in a fresh class loader: static flags and system properties do not leak", async (ctx) => {
    if (!status.available || !classes) return ctx.skip(unavailable);
    const first = byName.get("h-single-server-standalone-disabled")!;
    const second = byName.get("h-single-line-client-part-no-myid")!;
    const root = join(work, "isolation");
    const found = await parseVerdicts(
      status,
      classes,
      [first, second].map((c) => materialize(c, root, fixedPorts(c))),
    );
    // standaloneEnabled=false (static in QuorumPeerConfig) would make the second a quorum without a myid.
    expect(Object.fromEntries(found)).toEqual({
      [first.name]: { outcome: "accepted", distributed: true },
      [second.name]: { outcome: "accepted", distributed: false },
    });
  }, 60_000);

  it(
    RECORD ? "records every case's verdict in verdicts.json" : "refuses, or starts from, every case as recorded",
    async (ctx) => {
      if (!status.available || !classes) return ctx.skip(unavailable);
      const found = await zookeeperVerdicts(status, classes, corpus, join(work, "cases"));
      if (RECORD) {
        const verdicts = Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        writeFileSync(VERDICTS_FILE, `${JSON.stringify({ zookeeper: status.version, verdicts }, null, 1)}\n`);
        return;
      }
      const expected = recorded().verdicts;
      const changed = corpus
        .filter((c) => JSON.stringify(found.get(c.name)) !== JSON.stringify(expected[c.name]))
        .map((c) => [c.name, expected[c.name] ? describeVerdict(expected[c.name]!) : "(none)", describeVerdict(found.get(c.name)!)]);
      expect(changed.length, `ZooKeeper ${status.version} no longer gives the recorded verdict:\n${table(["case", "recorded", "now"], changed)}`).toBe(0);
    },
    600_000,
  );
});

describe("the conformance corpus", () => {
  it("is exactly what generate.ts writes", () => {
    const sorted = (cases: Case[]): Case[] =>
      cases.map((c) => ({ ...c, dirs: [...c.dirs].sort() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    expect(sorted(corpus)).toEqual(sorted(allCases()));
  });

  it("writes {case} and {port:NAME} placeholders whole", () => {
    const broken = corpus.flatMap((c) =>
      Object.entries(c.files)
        .filter(([, text]) => /\{(?!case\}|port:[a-z0-9]+\})/.test(text))
        .map(([path]) => `${c.name}/${path}`),
    );
    expect(broken).toEqual([]);
  });

  it("has a recorded ZooKeeper verdict for every case and none for a case that is gone", () => {
    const names = Object.keys(recorded().verdicts);
    expect(corpus.map((c) => c.name).filter((n) => !names.includes(n))).toEqual([]);
    expect(names.filter((n) => !byName.has(n))).toEqual([]);
  });
});

describe("zkcfg agrees with ZooKeeper", () => {
  let work: string;
  beforeAll(() => {
    work = scratch("zkcfg-conformance-lint-");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("reports an error with impact startup exactly for the cases ZooKeeper refused", () => {
    const { verdicts } = recorded();
    const rows: string[][] = [];
    for (const c of corpus) {
      const verdict = verdicts[c.name];
      if (!verdict) continue;
      const m = materialize(c, work, fixedPorts(c));
      const errors = startupErrors(m);
      if (verdict.refused !== errors.length > 0) rows.push([c.name, c.about, describeVerdict(verdict), normalize(errors.join(" / "), m) || "(none)"]);
    }
    const summary = `${rows.length} of ${corpus.length} cases disagree`;
    expect(rows.length, `${summary}:\n${table(["case", "about", "ZooKeeper 3.8 (recorded)", "zkcfg's startup errors"], rows)}\n${summary}`).toBe(0);
  }, 120_000);
});

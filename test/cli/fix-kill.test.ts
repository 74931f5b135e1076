// `zkcfg fix` killed (SIGKILL) at random points of its life: every myid is then absent or whole
// and right ("N\n"), never empty or partial; a temp file may stay behind, never under the name
// myid; and a normal `zkcfg fix` afterwards completes the set.
//
// The kill points come from a seeded generator (ZKCFG_PROPERTY_SEED, as for the property tests):
// half are delays spread over a whole run's lifetime, half come as soon as a random number of the
// myids is in place, so that many kills land between one write and the next.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SEED } from "../property/arbitraries.js";
import { startZkcfg, writeTree, zkcfg } from "./run-cli.js";

const SERVERS = 24;
const ITERATIONS = 24;

const work = mkdtempSync(join(tmpdir(), "zkcfg-fix-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ids = Array.from({ length: SERVERS }, (_, i) => i + 1);
const serverLines = ids.map((id) => `server.${id}=127.0.0.1:${20000 + id}:${30000 + id};${10000 + id}`);

/** A one-host ensemble whose server lines carry each config's client port: every id is certain. */
function layout(dir: string): { dataDir: (id: number) => string; args: string[] } {
  const dataDir = (id: number): string => join(dir, "data", `d${id}`);
  const files: Record<string, string> = {};
  for (const id of ids) {
    files[`conf/zoo_${id}.cfg`] = [
      "tickTime=2000",
      "initLimit=10",
      "syncLimit=5",
      `dataDir=${dataDir(id)}`,
      `clientPort=${10000 + id}`,
      "admin.enableServer=false",
      "autopurge.purgeInterval=24",
      ...serverLines,
      "",
    ].join("\n");
  }
  writeTree(dir, files);
  // The parent exists, the data dirs do not: fix creates each before its myid.
  mkdirSync(join(dir, "data"));
  // Loopback lines prove one host, not this one: --root / says it is this one.
  return { dataDir, args: ["fix", "--root", "/", "--format", "compact", ...ids.map((id) => `conf/zoo_${id}.cfg`)] };
}

const TEMP = /^\.myid\.zkcfg-\d+-\d+\.tmp$/;

/** What is in each data dir: nothing, or a whole, right myid and perhaps temp files. */
function checkDataDirs(dataDir: (id: number) => string): number {
  let written = 0;
  for (const id of ids) {
    let names: string[];
    try {
      names = readdirSync(dataDir(id));
    } catch {
      continue;
    }
    for (const name of names) {
      if (name === "myid") {
        expect(readFileSync(join(dataDir(id), name), "utf8"), `myid of server ${id}`).toBe(`${id}\n`);
        written++;
      } else expect(name).toMatch(TEMP);
    }
  }
  return written;
}

/** How many myids a data dir layout holds right now. */
function countWritten(dataDir: (id: number) => string): number {
  return ids.filter((id) => {
    try {
      return readdirSync(dataDir(id)).includes("myid");
    } catch {
      return false;
    }
  }).length;
}

/** How long a whole run takes here, in ms. */
async function lifetime(): Promise<number> {
  const dir = join(work, "calibration");
  const { args } = layout(dir);
  const started = performance.now();
  const result = await startZkcfg(args, { cwd: dir }).done;
  expect(result.code).toBe(0);
  return performance.now() - started;
}

type Kill = { after: "delay"; ms: number } | { after: "written"; count: number };

describe("zkcfg fix killed at random points", () => {
  it(`leaves every myid absent or whole, over ${ITERATIONS} kills, and a second run completes the set`, async () => {
    const end = await lifetime();
    const kill: fc.Arbitrary<Kill> = fc.oneof(
      fc.integer({ min: 0, max: Math.ceil(end * 1.1) }).map((ms) => ({ after: "delay" as const, ms })),
      fc.integer({ min: 1, max: SERVERS - 1 }).map((count) => ({ after: "written" as const, count })),
    );
    const partial: number[] = [];
    for (const [i, when] of fc.sample(kill, { numRuns: ITERATIONS, seed: SEED }).entries()) {
      const dir = join(work, `kill-${i}`);
      const { dataDir, args } = layout(dir);
      const run = startZkcfg(args, { cwd: dir });
      let ended = false;
      void run.done.then(() => (ended = true));
      if (when.after === "delay") await new Promise((resolve) => setTimeout(resolve, when.ms));
      else while (!ended && countWritten(dataDir) < when.count) await new Promise((resolve) => setImmediate(resolve));
      run.child.kill("SIGKILL");
      await run.done;
      const written = checkDataDirs(dataDir);
      if (written > 0 && written < SERVERS) partial.push(written);
      const again = zkcfg(args, { cwd: dir });
      expect(again.stderr, `after a kill ${JSON.stringify(when)}`).toBe("");
      expect(again.code).toBe(0);
      expect(checkDataDirs(dataDir)).toBe(SERVERS);
    }
    // The kills must have hit the writing itself, not only before or after it.
    expect(partial.length, `kills that left some myids written: ${partial.join(", ")}`).toBeGreaterThan(ITERATIONS / 6);
  }, 180_000);
});

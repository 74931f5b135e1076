// Every step of a lint run grows linearly (or as n·log n) with its input, hostile input included.
// Each case lints (in process, through the lint API) an input of size n and one of size 2n, and
// compares the median times: a linear step takes about twice as long, a quadratic one four times.
// Never seconds: the ratio alone separates the two on a fast machine or a loaded one.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createColors } from "picocolors";
import { afterAll, describe, expect, it } from "vitest";
import duplicateKey from "../../rules/duplicate-key.js";
import ensembleConsistency from "../../rules/ensemble-consistency.js";
import hierarchicalQuorum from "../../rules/hierarchical-quorum.js";
import portCollision from "../../rules/port-collision.js";
import serverSpec from "../../rules/server-spec.js";
import { rules } from "../../rules/index.js";
import { CachedFileSystem } from "../../src/io/cached-fs.js";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { formatStylish } from "../../src/format/stylish.js";
import { lintProject } from "../../src/lint/project.js";
import type { Rule } from "../../src/lint/rule.js";
import { lintTree } from "../helpers/workspace.js";

/** Below this, t(2n)/t(n) is linear (2) with room for noise; quadratic is 4. */
const LINEAR = 3;
const REPETITIONS = 5;
/** Eleven runs per case, on a machine that may be busy with other suites. */
const TIMEOUT = 120_000;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
};

/** The CPU time this process spends on `run`: other processes on a busy machine do not count. */
function cpuTime(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(start);
  return user + system;
}

/** t(2n)/t(n), each the median of a few runs, taken alternately so that a change of load hits both. */
function timeRatio(run: (n: number) => void, n: number): number {
  run(n); // warm up: compile the code paths first
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    small.push(cpuTime(() => run(n)));
    large.push(cpuTime(() => run(2 * n)));
  }
  return median(large) / median(small);
}

const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181"];
const lines = (...l: string[]): string => l.join("\n") + "\n";

/** Lints an in-memory tree, generated for size n, with the given rules (all by default). */
function lintGenerated(files: (n: number) => Record<string, string>, only: readonly Rule[] = rules): (n: number) => void {
  const trees = new Map<number, Record<string, string>>();
  return (n) => {
    let tree = trees.get(n);
    if (!tree) trees.set(n, (tree = files(n)));
    lintTree({ files: tree, rules: only });
  };
}

describe("port clashes", () => {
  it(
    "n identical configs in one directory (every port shared by all)",
    () => {
      const configs = (n: number) =>
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `/conf/zoo${i}.cfg`,
            lines(...HEAD, "server.1=localhost:2888:3888", "server.2=localhost:2889:3889", "server.3=localhost:2890:3890"),
          ]),
        );
      expect(timeRatio(lintGenerated(configs, [portCollision]), 1000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );

  it(
    "one config of n server lines on one host and port",
    () => {
      const config = (n: number) => ({ "/conf/zoo.cfg": lines(...HEAD, ...Array.from({ length: n }, (_, i) => `server.${i + 1}=localhost:2888:3888`)) });
      expect(timeRatio(lintGenerated(config, [portCollision]), 3000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );

  it(
    "the message of each clash names a few listeners, so the output grows with the configs",
    () => {
      const output = (n: number): number => {
        const files = Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`/conf/zoo${i}.cfg`, lines("tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=2181")]),
        );
        return lintTree({ files, rules: [portCollision] }).results.reduce((sum, r) => sum + r.messages.reduce((m, d) => m + d.message.length, 0), 0);
      };
      expect(output(400) / output(200)).toBeLessThan(2.1);
    },
    TIMEOUT,
  );
});

describe("server lines", () => {
  it(
    "n server lines, each replaced by a later line of the same id",
    () => {
      const config = (n: number) => ({
        "/conf/zoo.cfg": lines(
          ...HEAD,
          ...Array.from({ length: n }, (_, i) => [
            `server.0${i + 1}=zk${i + 1}.example.net:2888:3888`,
            `server.${i + 1}=zk${i + 1}.example.net:2888:3888`,
          ]).flat(),
        ),
      });
      expect(timeRatio(lintGenerated(config, [serverSpec]), 10_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );
});

describe("hierarchical quorums", () => {
  it(
    "two group lines listing the same n servers",
    () => {
      // Each id of the second line is reported, quoting the line.
      const config = (n: number) => {
        const ids = Array.from({ length: n }, (_, i) => i + 1).join(":");
        return { "/conf/zoo.cfg": lines(...HEAD, `group.1=${ids}`, `group.2=${ids}`) };
      };
      expect(timeRatio(lintGenerated(config, [hierarchicalQuorum]), 10_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );
});

describe("ensemble consistency", () => {
  it(
    "n configs of one ensemble, each with its own initLimit",
    () => {
      const configs = (n: number) =>
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `/conf/zoo${i}.cfg`,
            lines(
              ...HEAD.filter((l) => !l.startsWith("initLimit")),
              `initLimit=${i + 1}`,
              "server.1=zk1.example.net:2888:3888",
              "server.2=zk2.example.net:2888:3888",
              "server.3=zk3.example.net:2888:3888",
            ),
          ]),
        );
      expect(timeRatio(lintGenerated(configs, [ensembleConsistency]), 1000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );

  it(
    "n configs of an ensemble that grew one server at a time, each missing the later ones",
    () => {
      const configs = (n: number) =>
        Object.fromEntries(
          Array.from({ length: n }, (_, f) => [
            `/conf/zoo${f}.cfg`,
            lines(...HEAD, ...Array.from({ length: f + 2 }, (_, i) => `server.${i + 1}=zk${i + 1}.example.net:2888:3888`)),
          ]),
        );
      // n configs hold about n²/2 server lines: doubling the lines is n → n·√2.
      const run = lintGenerated(configs, [ensembleConsistency]);
      const byLines = (lines: number) => run(Math.round(Math.sqrt(2 * lines)));
      expect(timeRatio(byLines, 20_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );
});

describe("long values", () => {
  it(
    "a double of n digits that is not a number",
    () => {
      const config = (n: number) => ({ "/conf/zoo.cfg": lines(...HEAD, `snapshotSizeFactor=${"1".repeat(n)}x`) });
      expect(timeRatio(lintGenerated(config), 1_000_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );

  it(
    "a continuation line with n blanks inside",
    () => {
      const config = (n: number) => ({ "/conf/zoo.cfg": lines(...HEAD, "dataLogDir=/var/lib/\\", `  zookeeper${" ".repeat(n)}log`) });
      expect(timeRatio(lintGenerated(config), 200_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );

  it(
    "n repeats of a key, each reported with the n characters of the value that wins",
    () => {
      const output = (n: number): number => {
        const files = {
          "/conf/zoo.cfg": lines(...HEAD, ...Array.from({ length: n }, () => "4lw.commands.whitelist=srvr"), `4lw.commands.whitelist=${"x".repeat(n)}`),
        };
        return JSON.stringify(lintTree({ files, rules: [duplicateKey] }).results).length;
      };
      expect(output(8000) / output(4000)).toBeLessThan(2.1);
    },
    TIMEOUT,
  );

  it(
    "stylish output of a file whose one long message would pad every other row",
    () => {
      // The myid message names every server id; each of the n server lines has a clash of its own.
      const output = (n: number): number => {
        const files = { "/conf/zoo.cfg": lines(...HEAD, ...Array.from({ length: n }, (_, i) => `server.${i + 1}=localhost:2888:3888`)) };
        return formatStylish(lintTree({ files }).results, { colors: createColors(false) }).length;
      };
      expect(output(4000) / output(2000)).toBeLessThan(2.1);
    },
    TIMEOUT,
  );
});

describe("paths", () => {
  const dir = mkdtempSync(join(tmpdir(), "zkcfg-scaling-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "a dataLogDir spelled /./././… over n segments, on the disk",
    () => {
      // Written beyond PATH_MAX, every ancestor is an error to stat(2): a walk per segment stats them all.
      const run = (n: number) => {
        const path = join(dir, `zoo${n}.cfg`);
        writeFileSync(path, lines(...HEAD, `dataLogDir=${"/.".repeat(n)}${dir}/missing/log`));
        lintProject([{ path, name: path, bytes: nodeFileSystem.readFile(path) }], {
          fs: new CachedFileSystem(nodeFileSystem),
          cwd: dir,
          syntaxOnly: false,
          hostname: "scaling.example",
        });
      };
      expect(timeRatio(run, 200_000)).toBeLessThan(LINEAR);
    },
    TIMEOUT,
  );
});

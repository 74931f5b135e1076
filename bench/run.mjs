// npm run bench: generates the workloads of the performance targets, times zkcfg next to
// `node -e 0`, as the launcher, npx and the single executable start it, and (where Java and ZooKeeper are installed) ZooKeeper's own config parser, and
// prints medians and ratios measured side by side in one run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "..");
const CLI = join(ROOT, "bin", "zkcfg.cjs");
// Not under /tmp: the generated configs must lint clean, and a dataDir in /tmp is a finding.
mkdirSync(join(ROOT, "bench", ".work"), { recursive: true });
const work = mkdtempSync(join(ROOT, "bench", ".work", "run-"));
const quick = process.argv.includes("--quick");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** Wall time of one run, and its peak RSS (KiB) when /usr/bin/time is there to tell. */
function run(cmd, args, options = {}) {
  const timed = existsSync("/usr/bin/time");
  const start = performance.now();
  const r = timed
    ? spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { encoding: "utf8", ...options })
    : spawnSync(cmd, args, { encoding: "utf8", ...options });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-800)}`);
  const rssKiB = timed ? Number(r.stderr.trim().split("\n").pop()) : NaN;
  return { ms, rssKiB, stdout: r.stdout };
}

/** A clean three-server ensemble on one host: myids present, distinct admin ports. */
function cleanEnsemble(dir) {
  for (const [i, port] of [2181, 2182, 2183].entries()) {
    const data = join(dir, "data", String(i + 1));
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "myid"), `${i + 1}\n`);
    mkdirSync(join(dir, "conf"), { recursive: true });
    writeFileSync(
      join(dir, "conf", `zoo_${port}.cfg`),
      [
        "tickTime=2000",
        "initLimit=10",
        "syncLimit=5",
        `dataDir=${data}`,
        `clientPort=${port}`,
        `admin.serverPort=${8081 + i}`,
        "autopurge.purgeInterval=24",
        "server.1=localhost:2888:3888",
        "server.2=localhost:2889:3889",
        "server.3=localhost:2890:3890",
        "",
      ].join("\n"),
    );
  }
}

/** `ensembles` three-host ensembles: one folder per host with conf/zoo.cfg and data/myid. */
function fleet(dir, ensembles) {
  const list = [];
  for (let e = 0; e < ensembles; e++) {
    const a = (e >> 8) & 255;
    const b = e & 255;
    const servers = [1, 2, 3].map((k) => `server.${k}=10.${a}.${b}.${k}:2888:3888`);
    for (let k = 1; k <= 3; k++) {
      const host = join(dir, `e${e}`, `zk${k}`);
      mkdirSync(join(host, "conf"), { recursive: true });
      mkdirSync(join(host, "data"), { recursive: true });
      mkdirSync(join(host, "log"), { recursive: true });
      writeFileSync(join(host, "data", "myid"), `${k}\n`);
      const cfg = join(host, "conf", "zoo.cfg");
      writeFileSync(
        cfg,
        [
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          `dataDir=${join(host, "data")}`,
          `dataLogDir=${join(host, "log")}`,
          "clientPort=2181",
          "autopurge.purgeInterval=24",
          ...servers,
          "",
        ].join("\n"),
      );
      list.push(cfg);
    }
  }
  return list;
}

/** Reads every config named in a list file, and the myid in its host's data directory. */
const READ_ALL = `const fs = require("fs"), path = require("path");
for (const cfg of fs.readFileSync(process.argv[1], "utf8").split("\\n").filter(Boolean)) {
  fs.readFileSync(cfg);
  fs.readFileSync(path.join(path.dirname(path.dirname(cfg)), "data", "myid"));
}`;

function zookeeperParser(listFile, rounds) {
  const jar = "/usr/share/java/zookeeper.jar";
  const hasJavac = spawnSync("javac", ["-version"]).status === 0;
  if (!existsSync(jar) || !hasJavac) return undefined;
  const classes = join(work, "classes");
  mkdirSync(classes, { recursive: true });
  const javac = spawnSync("javac", ["-cp", jar, "-d", classes, join(ROOT, "bench", "ParseAll.java")], { encoding: "utf8" });
  if (javac.status !== 0) throw new Error(javac.stderr);
  const nop = ["/usr/share/java/slf4j-nop.jar"].filter(existsSync);
  const parseAll = (n) => {
    const r = spawnSync("java", ["-cp", [jar, classes, ...nop].join(":"), "ParseAll", listFile, String(n)], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr.slice(-2000));
    return [...r.stdout.matchAll(/round (\d+) ms ([\d.]+)/g)].map((m) => Number(m[2]));
  };
  // The first rounds warm the JVM up; the rest are the warm parser's time.
  const times = parseAll(rounds);
  const warm = median(times.slice(Math.min(2, times.length - 1)));
  // For scale: one JVM started for one pass, as a command-line check built on ZooKeeper would run.
  const cold = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    parseAll(1);
    cold.push(performance.now() - start);
  }
  return { warm, cold: median(cold) };
}

/**
 * Worst cases: inputs built so that a quadratic step would show (every config of a directory on
 * the same ports; one config whose server lines all share one port), timed at n and 2n: linear
 * work takes twice as long at 2n, quadratic work four times.
 */
function worstCases() {
  const header = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181"];
  const cases = [
    {
      label: (n) => `zkcfg lint, ${n} identical configs`,
      sizes: quick ? [2000, 4000] : [4000, 8000],
      write: (dir, n) => {
        const text = [...header, "server.1=localhost:2888:3888", "server.2=localhost:2889:3889", "server.3=localhost:2890:3890", ""].join("\n");
        for (let i = 0; i < n; i++) writeFileSync(join(dir, `zoo${i}.cfg`), text);
      },
    },
    {
      label: (n) => `zkcfg lint, one config of ${n} server lines`,
      sizes: quick ? [8000, 16000] : [16000, 32000],
      write: (dir, n) =>
        writeFileSync(join(dir, "zoo.cfg"), [...header, ...Array.from({ length: n }, (_, i) => `server.${i + 1}=localhost:2888:3888`), ""].join("\n")),
    },
  ];
  const out = [];
  for (const c of cases) {
    const times = c.sizes.map((n) => {
      const dir = join(work, `worst${n}`);
      mkdirSync(dir, { recursive: true });
      c.write(dir, n);
      const runs = [];
      for (let i = 0; i < (quick ? 1 : 3); i++)
        runs.push(run(process.execPath, [CLI, "lint", "--format", "compact", "*.cfg"], { cwd: dir, maxBuffer: 1 << 30 }).ms);
      rmSync(dir, { recursive: true, force: true });
      return median(runs);
    });
    const [n, n2] = c.sizes;
    out.push([c.label(n), fmt(times[0]), "", ""]);
    out.push([c.label(n2), fmt(times[1]), `t(2n)/t(n) = ${(times[1] / times[0]).toFixed(2)}`, "linear: ~2, quadratic: ~4"]);
  }
  return out;
}

const rows = [];
try {
  // 1. Start-up: a clean three-file ensemble next to the floor of any Node CLI.
  const small = join(work, "small");
  cleanEnsemble(small);
  // `--root /`: the three configs are this machine's, so their data dirs and myids are read, as on a server.
  const configs = ["--root", "/", ...["zoo_2181.cfg", "zoo_2182.cfg", "zoo_2183.cfg"].map((f) => join(small, "conf", f))];
  const check = run(process.execPath, [CLI, "lint", ...configs]);
  if (check.stdout.trim() !== "") throw new Error(`the clean ensemble is not clean:\n${check.stdout}`);
  // The clean compose example: the same start-up, plus the YAML reader it alone loads.
  const compose = join(ROOT, "fixtures", "examples", "compose", "official", "docker-compose.yml");
  const composeCheck = run(process.execPath, [CLI, "lint", "--no-config", compose]);
  if (composeCheck.stdout.trim() !== "") throw new Error(`the compose example is not clean:\n${composeCheck.stdout}`);
  const floor = [];
  const lint3 = [];
  const lintCompose = [];
  const n = quick ? 7 : 21;
  for (let i = 0; i < n; i++) {
    floor.push(run(process.execPath, ["-e", "0"]).ms);
    lint3.push(run(process.execPath, [CLI, "lint", ...configs]).ms);
    lintCompose.push(run(process.execPath, [CLI, "lint", "--no-config", compose]).ms);
  }
  rows.push(["node -e 0", fmt(median(floor)), "1.00x", ""]);
  rows.push(["zkcfg lint, clean 3-file ensemble", fmt(median(lint3)), `${(median(lint3) / median(floor)).toFixed(2)}x node -e 0`, "target ≤ 1.5x"]);
  rows.push([
    "zkcfg lint, clean 3-service compose file",
    fmt(median(lintCompose)),
    `${(median(lintCompose) / median(floor)).toFixed(2)}x node -e 0`,
    "target ≤ 1.5x",
  ]);

  // 2. The ways zkcfg is started, on the shipped example (its findings exit 1): the launcher, npx
  // as an installed package is run, and the single executable (npm run binary), built here.
  const example = join(ROOT, "fixtures", "examples", "pseudo-cluster");
  const exampleArgs = ["lint", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];
  const binary = join(work, "zkcfg-linux-x64");
  const built = spawnSync(process.execPath, [join(ROOT, "build-binary.mjs"), binary], { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`build-binary.mjs failed: ${built.stderr}`);
  const starts = { launcher: [], npx: [], binary: [] };
  for (let i = 0; i < n; i++) {
    starts.launcher.push(run(process.execPath, [CLI, ...exampleArgs], { cwd: example }).ms);
    starts.npx.push(run("npx", ["--no-install", "zkcfg", ...exampleArgs], { cwd: example }).ms);
    starts.binary.push(run(binary, exampleArgs, { cwd: example }).ms);
  }
  const launcher = median(starts.launcher);
  rows.push(["node bin/zkcfg.cjs lint, the example", fmt(launcher), "1.00x", ""]);
  rows.push(["npx zkcfg lint, the example", fmt(median(starts.npx)), `${(median(starts.npx) / launcher).toFixed(2)}x node bin/zkcfg.cjs`, ""]);
  rows.push([
    "single executable lint, the example",
    fmt(median(starts.binary)),
    `${(median(starts.binary) / launcher).toFixed(2)}x node bin/zkcfg.cjs`,
    `${(statSync(binary).size / 2 ** 20).toFixed(1)} MiB`,
  ]);
  rmSync(binary);

  // 3. Throughput, memory and scaling: fleets of three-host ensembles, one quoted glob.
  const sizes = quick ? [300, 3000] : [300, 3000, 30000];
  let zkRatioRow;
  for (const ensembles of sizes) {
    const dir = join(work, `fleet${ensembles}`);
    const list = fleet(dir, ensembles);
    const files = list.length;
    const runs = [];
    const rss = [];
    const reps = ensembles >= 30000 ? 1 : 5;
    for (let i = 0; i < reps; i++) {
      // No root: each config names three other machines, so its data dir is not this machine's to
      // read (zkcfg prints a note per config), while ZooKeeper's parser below reads every myid.
      const r = run(process.execPath, [CLI, "lint", "--format", "compact", "fleet*/*/*/conf/zoo.cfg"], { cwd: work, maxBuffer: 1 << 28 });
      // Only notes: each config's data dir "is not checked here".
      const problems = r.stdout.split("\n").filter((l) => l.trim() !== "" && !/^\S+:\d+:\d+: note /.test(l));
      if (problems.length > 0) throw new Error(`fleet is not clean:\n${problems.slice(0, 10).join("\n")}`);
      runs.push(r.ms);
      rss.push(r.rssKiB);
    }
    const ms = median(runs);
    const target = files === 9000 ? "target ≤ 1.5 s, ≤ 250 MB" : "";
    rows.push([
      `zkcfg lint, ${files} configs (glob)`,
      fmt(ms),
      `${((ms * 1000) / files).toFixed(0)} µs/file, peak RSS ${(Math.max(...rss) / 1024).toFixed(0)} MB`,
      target,
    ]);
    if (files === 9000) {
      const listFile = join(work, "list9000.txt");
      writeFileSync(listFile, list.join("\n") + "\n");
      // The floor of any Node tool on this workload: start, then read each config and its myid.
      const reads = [];
      for (let i = 0; i < reps; i++) reads.push(run(process.execPath, ["-e", READ_ALL, listFile]).ms);
      const floor = median(reads);
      const zk = zookeeperParser(listFile, quick ? 3 : 6);
      zkRatioRow =
        zk === undefined
          ? [["ZooKeeper QuorumPeerConfig, 9000 configs, warm JVM", "(Java or ZooKeeper missing)", "", ""]]
          : [
              ["ZooKeeper QuorumPeerConfig, 9000 configs, warm JVM", fmt(zk.warm), `zkcfg/ZooKeeper = ${(ms / zk.warm).toFixed(2)}`, "target ≤ 0.4"],
              ["node, only reading the 9000 configs and myids", fmt(floor), `floor/ZooKeeper = ${(floor / zk.warm).toFixed(2)}`, ""],
              [
                "ZooKeeper QuorumPeerConfig, 9000 configs, new JVM",
                fmt(zk.cold),
                `zkcfg/ZooKeeper = ${(ms / zk.cold).toFixed(2)}`,
                "(wall, JVM start included)",
              ],
            ];
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (zkRatioRow) rows.push(...zkRatioRow);

  // 3. Worst cases.
  rows.push(...worstCases());
} finally {
  rmSync(work, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log(
  rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n"),
);

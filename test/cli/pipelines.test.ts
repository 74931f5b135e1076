// The pre-commit hooks, the lint-staged glob and the GitHub Actions job that the README shows,
// run here as far as they can be without pre-commit, lint-staged or GitHub.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { defaultLoadersSync } from "cosmiconfig";
import { glob } from "tinyglobby";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, zkcfg } from "./run-cli.js";
import pkg from "../../package.json" with { type: "json" };

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const yaml = (text: string): unknown => defaultLoadersSync[".yaml"]("inline.yaml", text);
const HOOKS = yaml(readFileSync(join(REPO, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const README = readFileSync(join(REPO, "README.md"), "utf8");

/** The README's fenced blocks of one language. */
const blocks = (lang: string): string[] => [...README.matchAll(new RegExp("```" + lang + "\\n([^]*?)```", "g"))].map((m) => m[1] ?? "");

const work = mkdtempSync(join(tmpdir(), "zkcfg-pipelines-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SHOULD_MATCH = [
  "zoo.cfg",
  "conf/zoo.cfg",
  "deploy/zk/zoo_2181.cfg",
  "zoo-sample.cfg",
  "conf/server1.cfg",
  "ops/conf/zk/node-a.cfg",
  "zoo.cfg.dynamic",
  "conf/zoo.cfg.dynamic.100000000",
  "zoo1.cfg.dynamic.next",
];
const SHOULD_NOT_MATCH = [
  "setup.cfg",
  "src/app.cfg",
  "zoo.cfg.bak",
  "zoo.cfg.dynamic.100000000.bak",
  "myzoo.cfg",
  "conf.cfg",
  "confx/a.cfg",
  "xconf/a.cfg",
  "conf/log4j.properties",
  "zookeeper.properties",
  "conf/zoo.cfgx",
];

describe(".pre-commit-hooks.yaml", () => {
  it("defines zkcfg, zkcfg-fix and zkcfg-compose as node hooks that take file names", () => {
    expect(HOOKS.map((h) => [h.id, h.entry, h.language, h.pass_filenames])).toEqual([
      ["zkcfg", "zkcfg lint", "node", true],
      ["zkcfg-fix", "zkcfg fix", "node", true],
      ["zkcfg-compose", "zkcfg lint", "node", true],
    ]);
    expect(HOOKS[1]?.files).toBe(HOOKS[0]?.files);
  });

  it("selects zoo*.cfg, *.cfg under conf/ and dynamic files, as pre-commit (Python's re.search) matches", () => {
    const paths = [...SHOULD_MATCH, ...SHOULD_NOT_MATCH];
    const script = "import re, sys, json\npattern, paths = json.load(sys.stdin)\nprint(json.dumps([p for p in paths if re.search(pattern, p)]))";
    const r = spawnSync("python3", ["-c", script], { input: JSON.stringify([HOOKS[0]?.files, paths]), encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(SHOULD_MATCH);
  });

  it("the zkcfg entry lints the files pre-commit passes, a dynamic file through its config", () => {
    // Relative, so read in the tree: an absolute path is another machine's until something says it is this one.
    const dynamic = "conf/zoo.cfg.dynamic.100000000";
    const clean = `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zkcfg-hook\nclientPort=2181\ndynamicConfigFile=${dynamic}\n`;
    const servers = "server.1=a:2888:3888\nserver.2=b:2888:3888\nserver.3=c:2888:3888\n";
    const dir = tree("hook-lint", { "conf/zoo.cfg": clean, "conf/zoo.cfg.dynamic.100000000": servers });
    const [command, ...args] = (HOOKS[0]?.entry ?? "").split(" ");
    expect(command).toBe("zkcfg");
    const ok = zkcfg([...args, "--format", "compact", "conf/zoo.cfg.dynamic.100000000"], { cwd: dir });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain("[odd-server-count]");
    writeFileSync(join(dir, "conf/zoo.cfg.dynamic.100000000"), servers + "server.4=d:2888:3888\n");
    const even = zkcfg([...args, "--format", "compact", "conf/zoo.cfg.dynamic.100000000"], { cwd: dir });
    expect(even.stdout).toContain("conf/zoo.cfg:6:19: warning 4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5 [odd-server-count]\n");
  });

  it("a dynamic file without its config beside it is an input error", () => {
    const dir = tree("hook-orphan", { "zoo.cfg.dynamic.next": "server.1=a:2888:3888\n" });
    const r = zkcfg(["lint", "zoo.cfg.dynamic.next"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "zkcfg: zoo.cfg.dynamic.next: is a dynamic config file, and zoo.cfg, the config it belongs to, is not beside it; name the config that uses it\n",
    );
  });

  it("the zkcfg-fix entry writes the missing myid files", () => {
    const dir = join(work, "hook-fix");
    cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
    const [, ...args] = (HOOKS[1]?.entry ?? "").split(" ");
    const r = zkcfg([...args, "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"], { cwd: dir });
    expect(r.stderr).toBe("");
    for (const id of ["1", "2", "3"]) expect(readFileSync(join(dir, `usr/local/zookeeper/quorum-data/d218${id}/myid`), "utf8")).toBe(`${id}\n`);
  });
});

describe("README: pre-commit", () => {
  it("shows an entry for this repository, as package.json names it, with the hooks it defines", () => {
    const config = blocks("yaml")
      .map((b) => yaml(b) as { repos?: { repo: string; hooks: { id: string }[] }[] })
      .find((c) => c.repos !== undefined);
    expect(config?.repos?.[0]?.repo).toBe(pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
    expect(config?.repos?.[0]?.hooks.map((h) => h.id)).toEqual(HOOKS.map((h) => h.id));
  });
});

describe("README: lint-staged", () => {
  it("its glob picks the same files as the hook (matched with picomatch, as lint-staged does)", async () => {
    const snippet = JSON.parse(blocks("json").find((b) => b.includes("lint-staged")) ?? "{}") as { "lint-staged": Record<string, string> };
    const [[pattern, command]] = Object.entries(snippet["lint-staged"]) as [[string, string]];
    expect(command).toBe("zkcfg lint");
    const dir = tree("lint-staged", Object.fromEntries([...SHOULD_MATCH, ...SHOULD_NOT_MATCH].map((p) => [p, ""])));
    const matched = (await glob(pattern, { cwd: dir, dot: true })).sort();
    expect(matched).toEqual([...SHOULD_MATCH, "zoo.cfg.dynamic.100000000.bak"].sort());
  });
});

describe("README: GitHub Actions", () => {
  interface Step {
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, string | number>;
  }
  const workflow = blocks("yaml")
    .map((b) => yaml(b) as { jobs?: Record<string, { steps: Step[]; permissions?: Record<string, string> }> })
    .find((w) => w.jobs !== undefined);
  const job = Object.values(workflow?.jobs ?? {})[0];
  const steps = job?.steps ?? [];

  /** Runs the job's `run:` steps (npm ci aside) in `dir` as GitHub's bash would, with `npx zkcfg` being this build. */
  function runSteps(dir: string): { name: string; code: number | null; stdout: string }[] {
    const bin = join(work, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "npx"), `#!/bin/sh\n[ "$1" = zkcfg ] || exit 127\nshift\nexec "${process.execPath}" "${join(REPO, "bin/zkcfg.cjs")}" "$@"\n`);
    chmodSync(join(bin, "npx"), 0o755);
    return steps
      .filter((s) => s.run !== undefined && s.run !== "npm ci")
      .map((s) => {
        const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", s.run ?? ""], {
          cwd: dir,
          env: { ...process.env, PATH: `${bin}:${process.env["PATH"] ?? ""}`, NO_COLOR: "1" },
          encoding: "utf8",
        });
        return { name: s.name ?? s.run ?? "", code: r.status, stdout: r.stdout };
      });
  }

  it("uploads the SARIF file that its lint step writes, with the permission code scanning needs", () => {
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.["sarif_file"]).toBe("zkcfg.sarif");
    expect(steps.find((s) => s.run?.includes("--format sarif"))?.run).toContain("> zkcfg.sarif");
    expect(job?.permissions?.["security-events"]).toBe("write");
    expect(upload?.if).toBe("success() || failure()");
  });

  it("passes on a clean repository", () => {
    const dir = tree("actions-clean", { "conf/zoo.cfg": "tickTime=2000\ndataDir=/nonexistent/zkcfg-actions\nclientPort=2181\n" });
    expect(runSteps(dir).map((s) => s.code)).toEqual([0, 0, 0]);
    const sarif = JSON.parse(readFileSync(join(dir, "zkcfg.sarif"), "utf8")) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toEqual([]);
  });

  it("annotates and fails on problems, still writes the SARIF file, and fix --check fails while a myid is missing", () => {
    const dir = join(work, "actions-problems");
    cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
    const [annotate, sarif, check] = runSteps(dir);
    expect(annotate?.code).toBe(1);
    expect(annotate?.stdout).toContain("::warning file=conf/zoo_2181.cfg,line=1,col=1,endLine=1,endColumn=1,title=port-collision::Port 8080");
    expect(sarif?.code).toBe(0);
    const log = JSON.parse(readFileSync(join(dir, "zkcfg.sarif"), "utf8")) as { runs: { results: { level: string }[] }[] };
    expect(log.runs[0]?.results.filter((r) => r.level === "error")).toHaveLength(3);
    expect(check?.code).toBe(1);
    expect(check?.stdout).toContain("would write");
    expect(existsSync(join(dir, "usr/local/zookeeper/quorum-data/d2181/myid"))).toBe(false);
  });

  it("the SARIF step fails when zkcfg cannot read a file (exit 2)", () => {
    const dir = tree("actions-unreadable", { "conf/zoo.cfg": "tickTime=2000\0" });
    const sarif = runSteps(dir)[1];
    expect(sarif?.code).toBe(1);
  });
});

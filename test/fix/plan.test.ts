import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import myidRule from "../../rules/myid-matches-datadir.js";
import { planFix } from "../../src/fix/plan.js";
import { CachedFileSystem } from "../../src/io/cached-fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { readInput, type InputFile } from "../../src/lint/inputs.js";
import type { ProjectOptions } from "../../src/lint/project.js";
import { defineRule, editFix, type Rule } from "../../src/lint/rule.js";
import { REPO } from "../cli/run-cli.js";

const CFG = "/conf/zoo.cfg";
const inputsOf = (fs: MemoryFileSystem, paths: string[]): InputFile[] => paths.map((path) => ({ path, name: path.slice(1), bytes: fs.readFile(path) }));
const project = (fs: MemoryFileSystem, rules: Rule[], extra: Partial<ProjectOptions> = {}): ProjectOptions => ({
  fs: new CachedFileSystem(fs),
  cwd: "/",
  syntaxOnly: false,
  hostname: "zk1.example",
  rules,
  ...extra,
});

/** A rule that replaces each `from` in a config with `to`, all in one fix. */
function replacing(id: string, from: string, to: string): Rule {
  return defineRule({
    id,
    meta: { description: "test", fixable: true, messages: { x: { text: `${from} becomes ${to}`, impact: "runtime" } } },
    *check({ workspace }) {
      for (const file of workspace.files) {
        const at = file.document.source.text.indexOf(from);
        if (at >= 0) yield { messageId: "x", file, range: { start: at, end: at + from.length }, fix: editFix(file, { start: at, end: at + from.length }, to) };
      }
    },
  });
}

describe("planFix", () => {
  it("runs pass after pass in memory: a fix that makes another fix possible is applied in the next pass", () => {
    const fs = new MemoryFileSystem({ [CFG]: "tickTime=2000\n# old\n" });
    // The second rule has nothing to do until the first has run.
    const plan = planFix(inputsOf(fs, [CFG]), project(fs, [replacing("first", "old", "mid"), replacing("second", "mid", "new")]));
    expect(plan.edits).toEqual([{ path: CFG, name: "conf/zoo.cfg", before: "tickTime=2000\n# old\n", after: "tickTime=2000\n# new\n" }]);
    expect(plan.results.flatMap((r) => r.messages)).toEqual([]);
    expect(plan.settled).toBe(true);
    // Nothing was written: the tree holds what it held.
    expect(Buffer.from(fs.readFile(CFG)).toString("latin1")).toBe("tickTime=2000\n# old\n");
  });

  it("stops after 10 passes and says the fixes did not settle; what remains is still reported", () => {
    const fs = new MemoryFileSystem({ [CFG]: "a\n" });
    const growing = defineRule({
      id: "growing",
      meta: { description: "test", fixable: true, messages: { x: { text: "more", impact: "runtime" } } },
      *check({ workspace }) {
        for (const file of workspace.files) yield { messageId: "x", file, range: { start: 0, end: 1 }, fix: editFix(file, { start: 0, end: 0 }, "a") };
      },
    });
    const plan = planFix(inputsOf(fs, [CFG]), project(fs, [growing]));
    expect(plan.settled).toBe(false);
    expect(plan.edits[0]?.after).toBe("a".repeat(11) + "\n");
    expect(plan.results.flatMap((r) => r.messages.map((m) => m.messageId))).toEqual(["x"]);
  });

  it("a file to create is there for the next pass: a fix that needs the myid follows the one that creates it", () => {
    const fs = new MemoryFileSystem(
      { [CFG]: "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/data\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\n" },
      ["/data"],
    );
    const afterMyid = defineRule({
      id: "after-myid",
      meta: { description: "test", fixable: true, messages: { x: { text: "the myid is there", impact: "runtime" } } },
      *check({ workspace }) {
        for (const file of workspace.files) {
          const data = file.facts.dataDir;
          const present = data?.state === "present" && data.myid?.kind === "present";
          const end = file.document.source.text.length;
          if (present && !file.document.source.text.endsWith("# id\n"))
            yield { messageId: "x", file, range: { start: 0, end: 1 }, fix: editFix(file, { start: end, end }, "# id\n") };
        }
      },
    });
    const plan = planFix(inputsOf(fs, [CFG]), project(fs, [myidRule, afterMyid], { root: "/", myid: 1n }));
    expect(plan.creates.map((f) => [f.path, f.text])).toEqual([["/data/myid", "1\n"]]);
    expect(plan.edits.map((e) => e.after.endsWith("# id\n"))).toEqual([true]);
    expect(plan.results.flatMap((r) => r.messages)).toEqual([]);
    expect(fs.kind("/data/myid")).toBeUndefined();
  });

  it("writes nothing to disk, and the whole example settles with every myid and no finding about them", () => {
    const dir = mkdtempSync(join(tmpdir(), "zkcfg-plan-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
    const listing = (): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
    const before = listing();
    const configs = ["zoo_2181.cfg", "zoo_2182.cfg", "zoo_2183.cfg"].map((name) => join(dir, "conf", name));
    const texts = configs.map((path) => readFileSync(path, "latin1"));
    const fs = new CachedFileSystem(nodeFileSystem);
    const inputs = configs.map((path) => readInput(path, path, fs) as InputFile);
    // As its settings file says: the tree is the machine's root.
    const plan = planFix(inputs, { fs, cwd: dir, syntaxOnly: false, hostname: "zk1.example", root: dir });
    expect(plan.creates.map((f) => f.text)).toEqual(["1\n", "2\n", "3\n"]);
    expect(plan.results.flatMap((r) => r.messages).filter((m) => m.ruleId === "myid-matches-datadir")).toEqual([]);
    expect(listing()).toEqual(before);
    expect(configs.map((path) => readFileSync(path, "latin1"))).toEqual(texts);
  });
});

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import fc from "fast-check";
import { globSync } from "tinyglobby";
import { afterAll, describe, expect, it } from "vitest";
import { CachedFileSystem } from "../../src/io/cached-fs.js";
import { globFiles, simplePattern } from "../../src/io/glob.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { SEED } from "../property/arbitraries.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-glob-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("simplePattern", () => {
  it.each(["conf/*.cfg", "fleet*/*/*/conf/zoo.cfg", "/etc/zookeeper/conf/zoo?.cfg", "../conf/*", ".*/zoo.cfg"])("walks %s itself", (pattern) => {
    expect(simplePattern(pattern, "/w")).toBeDefined();
  });

  it.each(["**/zoo.cfg", "conf/{a,b}.cfg", "conf/[ab].cfg", "!conf/*.cfg", "conf/@(a|b).cfg", "conf\\*.cfg", "conf/*/", "*/../x.cfg", "conf/zoo.cfg"])(
    "leaves %s to tinyglobby",
    (pattern) => {
      expect(simplePattern(pattern, "/w")).toBeUndefined();
    },
  );

  it("starts from the literal part, resolved", () => {
    expect(simplePattern("../conf/*.cfg", "/w/x")?.base).toBe("/w/conf");
    expect(simplePattern("/*.cfg", "/w")?.base).toBe("/");
    expect(simplePattern("*.cfg", "/w")?.base).toBe("/w");
  });
});

const NAMES = ["zoo.cfg", "zk1", "conf", ".hidden", "a.cfg", "zoo_2.cfg", "data"];
type Node = { kind: "file" } | { kind: "dir"; children: Record<string, Node> } | { kind: "link"; to: string };

const tree: fc.Arbitrary<Record<string, Node>> = fc.letrec<{ dir: Record<string, Node>; node: Node }>((tie) => ({
  dir: fc.dictionary(fc.constantFrom(...NAMES), tie("node"), { minKeys: 1, maxKeys: 5 }),
  node: fc.oneof(
    { depthSize: "medium", withCrossShrink: true },
    { weight: 3, arbitrary: fc.constant<Node>({ kind: "file" }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("dir" as const), children: tie("dir") }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("link" as const), to: fc.constantFrom("zoo.cfg", "conf", "zk1/zoo.cfg", "missing", "..", "../zk1") }),
    },
  ),
})).dir;

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("*", "*.cfg", "zoo*", "*o*", "?onf", ".*", "z?1", "*1") },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
);
const pattern = fc
  .tuple(fc.constantFrom("", "./", "../root/", "ABS/"), fc.array(segment, { minLength: 1, maxLength: 3 }))
  .map(([prefix, parts]) => ({ prefix, body: parts.join("/") }));

function write(dir: string, nodes: Record<string, Node>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, node] of Object.entries(nodes)) {
    const path = join(dir, name);
    if (node.kind === "file") writeFileSync(path, "");
    else if (node.kind === "dir") write(path, node.children);
    else symlinkSync(node.to, path);
  }
}

describe("globFiles over the run's listings", () => {
  it("finds exactly the files tinyglobby finds, under the same names, for simple patterns", async () => {
    let n = 0;
    let compared = 0;
    let found = 0;
    await fc.assert(
      fc.asyncProperty(tree, fc.array(pattern, { minLength: 1, maxLength: 6 }), async (nodes, patterns) => {
        const root = join(work, `t${n++}`, "root");
        write(root, nodes);
        for (const { prefix, body } of patterns) {
          const text = prefix === "ABS/" ? `${root}/${body}` : prefix + body;
          if (!simplePattern(text, root)) continue;
          const ours = await globFiles(text, root, new CachedFileSystem(nodeFileSystem));
          const theirs = globSync(text, { cwd: root, onlyFiles: true, expandDirectories: false }).sort();
          compared++;
          if (theirs.length > 0) found++;
          expect(
            ours.map((m) => m.path),
            text,
          ).toEqual(theirs.map((t) => resolve(root, t)));
          expect(
            ours.map((m) => m.shown),
            text,
          ).toEqual(theirs.map((t) => relative(root, resolve(root, t)) || t));
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
    // Not vacuous: most patterns were walked, and many found something.
    expect(compared).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(100);
  }, 60_000);

  it("walks the file system the listings wrap, not the disk: a tree in memory, by simple and by other patterns", async () => {
    const memory = new MemoryFileSystem({ "/w/zk1/conf/zoo.cfg": "", "/w/zk2/conf/zoo.cfg": "", "/w/zk2/conf/notes.txt": "" });
    const names = async (pattern: string) => (await globFiles(pattern, "/w", new CachedFileSystem(memory))).map((m) => m.shown);
    expect(await names("*/conf/*.cfg")).toEqual(["zk1/conf/zoo.cfg", "zk2/conf/zoo.cfg"]);
    expect(await names("**/*.cfg")).toEqual(["zk1/conf/zoo.cfg", "zk2/conf/zoo.cfg"]);
  });
});

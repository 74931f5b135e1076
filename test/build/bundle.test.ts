import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Guards start-up cost without timing anything: what the CLI bundle loads before it lints, read
// from the build's metafile, and whether the code cache the build leaves is one V8 accepts.
const REPO = join(import.meta.dirname, "..", "..");
const META = join(REPO, "dist", "meta.json");
const ENTRY = "src/cli/entry.ts";

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}

function readMeta(): Metafile {
  if (!existsSync(META)) throw new Error("dist/meta.json is missing: run `npm run bundle` (npm test does)");
  return JSON.parse(readFileSync(META, "utf8")) as Metafile;
}

/** Every module the entry loads before running: its imports, theirs and so on, not the import() calls. */
function loadedAtStart(meta: Metafile): Set<string> {
  const seen = new Set([ENTRY]);
  const queue = [ENTRY];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    for (const i of meta.inputs[path]?.imports ?? []) {
      if (i.external || i.kind === "dynamic-import" || seen.has(i.path)) continue;
      seen.add(i.path);
      queue.push(i.path);
    }
  }
  return seen;
}

const packageOf = (path: string): string | undefined => {
  const tail = path.split("node_modules/").at(-1);
  if (tail === path || tail === undefined) return undefined;
  const [scope, name] = tail.split("/");
  return scope?.startsWith("@") ? `${scope}/${name}` : scope;
};

describe("the CLI bundle", () => {
  const meta = readMeta();
  const atStart = loadedAtStart(meta);

  it("holds the lazily loaded parts too, so that the check below is not vacuous", () => {
    const all = Object.keys(meta.inputs);
    for (const part of [
      "cosmiconfig",
      "tinyglobby",
      "picocolors",
      "node_modules/yaml/",
      "src/compose/read.ts",
      "src/init/plan.ts",
      "src/format/sarif.ts",
      "src/fix/writer.ts",
    ]) {
      expect(
        all.some((p) => p.includes(part)),
        part,
      ).toBe(true);
    }
  });

  it("loads, before linting, only the packages linting needs", () => {
    const packages = [...new Set([...atStart].map(packageOf).filter((p) => p !== undefined))].sort();
    expect(packages).toEqual([
      "@chevrotain/cst-dts-gen",
      "@chevrotain/gast",
      "@chevrotain/regexp-to-ast",
      "@chevrotain/utils",
      "chevrotain",
      "fastest-levenshtein",
      "lodash-es",
    ]);
  });

  it("leaves the settings search, globbing, colours, output formats, compose files, fix, init and explain to the runs that need them", () => {
    const ours = [...atStart].filter((p) => packageOf(p) === undefined);
    const lazy = [
      /^src\/config\/settings\.ts$/,
      /^src\/config\/settings-validator/,
      /^src\/format\/(stylish|json|compact|sarif|github)\.ts$/,
      /^src\/fix\//,
      /^src\/init\//,
      /^src\/cli\/(fix|init|explain)\.ts$/,
      /^src\/io\/ports\.ts$/,
      /^src\/compose\/(read|lint|checks|interpolate|images\/)/,
    ];
    expect(ours.filter((p) => lazy.some((re) => re.test(p)))).toEqual([]);
  });

  const launcher = createRequire(import.meta.url)(join(REPO, "bin", "zkcfg.cjs")) as {
    load(cachedData: Buffer | undefined): { script: { cachedDataRejected?: boolean }; exports: Record<string, unknown> };
    CACHE: string;
  };

  it("starts from a code cache that this Node accepts", () => {
    const { script, exports } = launcher.load(readFileSync(launcher.CACHE));
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof exports.run).toBe("function");
  });

  it("still starts when V8 refuses the cache (another Node version)", () => {
    const { script, exports } = launcher.load(Buffer.from("not a code cache"));
    expect(script.cachedDataRejected).toBe(true);
    expect(typeof exports.main).toBe("function");
  });
});

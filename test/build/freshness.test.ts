import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_OUTPUTS, bundleIsStale } from "../helpers/bundle-freshness.js";
import { writeTree } from "../cli/run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-freshness-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A checkout whose sources were last changed at `source` and whose outputs were built at `built` (seconds). */
function checkout(name: string, source: number, built: number, outputs = BUILD_OUTPUTS): string {
  const root = writeTree(join(work, name), {
    "src/cli/main.ts": "",
    "rules/odd-server-count.ts": "",
    "package.json": "{}",
    ...Object.fromEntries(outputs.map((p) => [p, ""])),
  });
  for (const p of ["src", "src/cli", "src/cli/main.ts", "rules", "rules/odd-server-count.ts", "package.json"]) utimesSync(join(root, p), source, source);
  for (const p of outputs) utimesSync(join(root, p), built, built);
  return root;
}

describe("bundle freshness", () => {
  it("a bundle built after the last change is fresh", () => {
    expect(bundleIsStale(checkout("fresh", 1000, 2000))).toBe(false);
  });

  it("a source changed after the build makes it stale, in src/ or in rules/", () => {
    const root = checkout("stale", 1000, 2000);
    expect(bundleIsStale(root)).toBe(false);
    utimesSync(join(root, "rules/odd-server-count.ts"), 3000, 3000);
    expect(bundleIsStale(root)).toBe(true);
  });

  it("one output older than the sources, or missing, makes it stale", () => {
    const root = checkout("partial", 1000, 2000);
    utimesSync(join(root, "dist/eslint-plugin.js"), 500, 500);
    expect(bundleIsStale(root)).toBe(true);
    expect(bundleIsStale(checkout("missing", 1000, 2000, BUILD_OUTPUTS.slice(1)))).toBe(true);
  });

  it("a source file removed after the build makes it stale", () => {
    const root = checkout("removed", 1000, 2000);
    rmSync(join(root, "rules/odd-server-count.ts"));
    expect(bundleIsStale(root)).toBe(true);
  });
});

// Runs a TypeScript script of the repository: `node scripts/run-ts.mjs scripts/docs.ts [args…]`.
// esbuild, which already builds the bundles (build.mjs), bundles the script with the sources it
// imports into a temporary module, so no other TypeScript runner is needed. The scripts work on the
// repository they are run in (the current directory, as npm run sets it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error("usage: node scripts/run-ts.mjs <script.ts> [args…]");
const dir = mkdtempSync(join(tmpdir(), "zkcfg-script-"));
const outfile = join(dir, "script.mjs");
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
    // Some dependencies still call require().
    banner: { js: 'import { createRequire as __zkcfgRequire } from "node:module"; const require = __zkcfgRequire(import.meta.url);' },
  });
  process.argv = [process.argv[0] ?? "node", resolve(entry), ...args];
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

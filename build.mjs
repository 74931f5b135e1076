// Bundles the CLI into one minified ESM file, dist/zkcfg.js, with a metafile for the bundle test.
import { build } from "esbuild";

const result = await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/zkcfg.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  sourcemap: false,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
  // chevrotain and friends are CommonJS-free ESM, but some dependencies still call require().
  banner: { js: 'import { createRequire as __zkcfgRequire } from "node:module"; const require = __zkcfgRequire(import.meta.url);' },
});

const { writeFile } = await import("node:fs/promises");
await writeFile("dist/meta.json", JSON.stringify(result.metafile));

// Runs this folder's TypeScript scripts without a build step: `node test/zookeeper/conformance/run.mjs generate`
// bundles generate.ts with esbuild into a temporary module and writes the corpus to cases/.
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const command = process.argv[2];
if (command !== "generate") {
  console.error("usage: node test/zookeeper/conformance/run.mjs generate");
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), "zkcfg-conformance-"));
try {
  const outfile = join(out, "generate.mjs");
  await build({ entryPoints: [join(import.meta.dirname, "generate.ts")], outfile, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
  const { writeCorpus } = await import(pathToFileURL(outfile).href);
  const cases = join(import.meta.dirname, "cases");
  console.log(`wrote ${writeCorpus(cases)} cases to ${cases}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

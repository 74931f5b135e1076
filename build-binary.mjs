// npm run binary: zkcfg as one executable file for Linux x64, for hosts without Node (Node's single
// executable applications). The binary is a copy of this Node with bin/zkcfg.cjs as its main script
// and, as assets, the bundle, its code cache (made by this same Node, so the binary accepts it), the
// rule docs and the README for `zkcfg explain`. Run after build.mjs; writes dist/zkcfg-linux-x64, or
// the path given as the first argument.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "postject";

if (process.platform !== "linux" || process.arch !== "x64")
  throw new Error(`the single executable is built for Linux x64, not ${process.platform} ${process.arch}`);

const root = import.meta.dirname;
const output = resolve(process.argv[2] ?? join(root, "dist", "zkcfg-linux-x64"));
const work = mkdtempSync(join(tmpdir(), "zkcfg-binary-"));
try {
  const assets = {
    "zkcfg.cjs": join(root, "dist", "zkcfg.cjs"),
    "zkcfg.cache": join(root, "dist", "zkcfg.cache"),
    "README.md": join(root, "README.md"),
    ...Object.fromEntries(
      readdirSync(join(root, "rules"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => [`rules/${f}`, join(root, "rules", f)]),
    ),
  };
  const blob = join(work, "zkcfg.blob");
  const config = join(work, "sea-config.json");
  writeFileSync(config, JSON.stringify({ main: join(root, "bin", "zkcfg.cjs"), output: blob, disableExperimentalSEAWarning: true, assets }));
  const made = spawnSync(process.execPath, ["--experimental-sea-config", config], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`node --experimental-sea-config failed: ${made.stderr}`);

  // Written beside the output and renamed over it, so that a failed build leaves no half binary.
  const partial = `${output}.partial`;
  copyFileSync(process.execPath, partial);
  chmodSync(partial, 0o755);
  // The fuse is the marker Node looks for to know it carries a main script (Node's documentation names it).
  await inject(partial, "NODE_SEA_BLOB", readFileSync(blob), { sentinelFuse: "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2" });
  renameSync(partial, output);
  console.log(`wrote ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

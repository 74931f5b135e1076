// Once before any test file: the CLI, install and ESLint-plugin tests run dist/, so it is rebuilt
// first when a source changed since the last build (npm test builds anyway; a lone `vitest run` may not).
import { join } from "node:path";
import { rebuildIfStale } from "./helpers/bundle-freshness.js";

export default function setup(): void {
  rebuildIfStale(join(import.meta.dirname, ".."));
}

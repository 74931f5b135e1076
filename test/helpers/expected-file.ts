import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/**
 * ZKCFG_UPDATE=1 rewrites the files of expected output (fixtures' .out files, the CLI's golden
 * outputs) from what zkcfg prints now; review the diff before committing it.
 */
export const UPDATING = process.env["ZKCFG_UPDATE"] === "1";

/** The expected file's text, or undefined when there is none yet. */
export function readExpected(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** Writes `actual` to `path` when updating; either way, `actual` must then equal the file. */
export function expectFile(path: string, actual: string): void {
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readExpected(path));
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

const work = mkdtempSync(join(tmpdir(), "zkcfg-expected-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The helper as a test run with this ZKCFG_UPDATE loads it. */
async function load(update: string | undefined): Promise<typeof import("./expected-file.js")> {
  vi.stubEnv("ZKCFG_UPDATE", update);
  vi.resetModules();
  return import("./expected-file.js");
}

describe("expectFile", () => {
  it("compares with the file and leaves it alone", async () => {
    const { expectFile, UPDATING } = await load(undefined);
    const path = join(work, "compare.out");
    writeFileSync(path, "old\n");
    expect(UPDATING).toBe(false);
    expect(() => expectFile(path, "old\n")).not.toThrow();
    expect(() => expectFile(path, "new\n")).toThrow();
    expect(() => expectFile(join(work, "missing.out"), "new\n")).toThrow();
    expect(readFileSync(path, "utf8")).toBe("old\n");
  });

  it("with ZKCFG_UPDATE=1, writes the current output, creating a file that is missing", async () => {
    const { expectFile, UPDATING } = await load("1");
    const path = join(work, "update.out");
    writeFileSync(path, "old\n");
    expect(UPDATING).toBe(true);
    expectFile(path, "new\n");
    expectFile(join(work, "new/created.out"), "made\n");
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(readFileSync(join(work, "new/created.out"), "utf8")).toBe("made\n");
  });
});

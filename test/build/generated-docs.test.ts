// The parts of the docs and the rule list that npm run docs writes from the rules' meta (see
// scripts/docs/generate.ts): each must be what git holds, or a rule changed without them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../scripts/docs/generate.js";
import { REPO } from "../cli/run-cli.js";

describe("the generated docs", () => {
  it.each([...generatedFiles(REPO)])("%s is what npm run docs writes (run npm run docs and commit it)", (path, text) => {
    expect(readFileSync(join(REPO, path), "utf8"), `${path} differs from what npm run docs writes: run npm run docs`).toBe(text);
  });
});

// The real-world corpus (PROVENANCE.md beside it): each tree is another project, so linting all of
// them in one call must give exactly the findings of linting each tree alone. Skipped, naming the
// path, where the corpus is not beside the repository.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../../src/lint/inputs.js";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { lintProject } from "../../src/lint/project.js";
import { CORPUS } from "../property/arbitraries.js";
import { FIXTURE_HOST } from "../helpers/workspace.js";

const GLOBS = ["**/*.cfg", "**/*.properties", "**/*.conf"];

/** Every finding and note of a run, by config path, position, rule and message id (message texts name files relative to the working directory). */
async function findings(cwd: string): Promise<string[]> {
  const { files } = await collectInputs(GLOBS, nodeFileSystem, cwd);
  const { results } = lintProject(files, { fs: nodeFileSystem, cwd, syntaxOnly: false, hostname: FIXTURE_HOST });
  return results.flatMap((r) => {
    const path = resolve(cwd, r.filePath);
    return [
      ...r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}/${m.messageId}`),
      ...r.notes.map((n) => `${path}:${n.line}:${n.column} ${n.ruleId}/note`),
    ];
  });
}

const present = existsSync(CORPUS);

describe("the real-world corpus", () => {
  it.skipIf(!present)(
    `gives the same findings in one call as tree by tree${present ? "" : ` (no corpus at ${CORPUS})`}`,
    async () => {
      const trees = readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory());
      const alone = (await Promise.all(trees.map((t) => findings(join(CORPUS, t))))).flat().sort();
      const together = (await findings(CORPUS)).sort();
      expect(together.length).toBeGreaterThan(0);
      expect(together).toEqual(alone);
    },
    60_000,
  );
});

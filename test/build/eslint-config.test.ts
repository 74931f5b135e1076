import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** The "no-restricted-imports" messages eslint.config.js gives a file at `path` holding `code`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("eslint.config.js import restrictions", () => {
  it("keeps rules off the disk, promises API included", async () => {
    for (const name of ["node:fs", "node:fs/promises", "fs/promises", "node:child_process"]) {
      expect(await restricted("rules/synthetic.ts", `import * as x from "${name}";\nexport default x;\n`)).toEqual([
        expect.stringContaining("Rules are pure"),
      ]);
    }
  });

  it("applies the chevrotain door to rules too, not only the disk ban", async () => {
    expect(await restricted("rules/synthetic.ts", 'import { Lexer } from "chevrotain";\nexport default Lexer;\n')).toEqual([
      expect.stringContaining("Only src/parse/ uses chevrotain"),
    ]);
  });

  it("lets only src/parse/ use chevrotain", async () => {
    const code = 'import { Lexer } from "chevrotain";\nexport default Lexer;\n';
    expect(await restricted("src/model/synthetic.ts", code)).toEqual([expect.stringContaining("Only src/parse/")]);
    expect(await restricted("src/parse/synthetic.ts", code)).toEqual([]);
  });

  it("lets src/ read the disk", async () => {
    expect(await restricted("src/io/synthetic.ts", 'import { readFileSync } from "node:fs";\nexport default readFileSync;\n')).toEqual([]);
  });
});

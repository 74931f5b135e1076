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
      expect(await restricted("rules/synthetic.ts", `import * as x from "${name}";\nexport default x;\n`)).toEqual([expect.stringContaining("Rules are pure")]);
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

describe("eslint.config.js size limits", () => {
  /** The ids of the size rules eslint.config.js reports on a file at `path` holding `code`. */
  async function sizeRules(path: string, code: string): Promise<string[]> {
    const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: join(ROOT, path) });
    return result!.messages.map((m) => m.ruleId ?? "").filter((id) => id.startsWith("max-lines"));
  }
  const statements = (n: number): string => Array.from({ length: n }, (_, i) => `  total += ${i};`).join("\n");
  const fn = (n: number): string => `export function f(): number {\n  let total = 0;\n${statements(n)}\n  return total;\n}\n`;

  it("holds a function in src/, rules/ and scripts/ to 60 lines, blank and comment lines not counted", async () => {
    for (const dir of ["src/model", "rules", "scripts"]) {
      expect(await sizeRules(`${dir}/synthetic.ts`, fn(60)), dir).toEqual(["max-lines-per-function"]);
      expect(await sizeRules(`${dir}/synthetic.ts`, fn(56)), dir).toEqual([]);
    }
    const commented = `export function f(): number {\n  let total = 0;\n${statements(50)}\n${"  // why\n\n".repeat(30)}  return total;\n}\n`;
    expect(await sizeRules("src/model/synthetic.ts", commented)).toEqual([]);
  });

  it("holds a rule file to 200 lines, and leaves other files' length alone", async () => {
    const constants = (n: number): string => Array.from({ length: n }, (_, i) => `export const c${i} = ${i};`).join("\n") + "\n";
    expect(await sizeRules("rules/synthetic.ts", constants(201))).toEqual(["max-lines"]);
    expect(await sizeRules("rules/synthetic.ts", constants(200))).toEqual([]);
    expect(await sizeRules("src/model/synthetic.ts", constants(400))).toEqual([]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, LAYERED, layerViolations } from "../helpers/layers.js";

const ROOT = join(import.meta.dirname, "..", "..");

function sources(): { path: string; text: string }[] {
  return readdirSync(ROOT, { recursive: true, encoding: "utf8" })
    .map((p) => p.split("\\").join("/"))
    .filter((p) => /^(src|rules)\/.*\.ts$/.test(p))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));
}

describe("imports follow the data flow (cli → lint → rules → model → parse/io)", () => {
  it("reads the sources' imports", () => {
    const files = sources();
    expect(files.map((f) => f.path)).toContain("src/lint/project.ts");
    expect(importsOf("src/lint/project.ts", files.find((f) => f.path === "src/lint/project.ts")!.text)).toContain("src/lint/engine.ts");
  });

  it("every folder under src/ has a layer (a new folder is placed in test/helpers/layers.ts)", () => {
    const folders = readdirSync(join(ROOT, "src"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `src/${d.name}`);
    expect(folders.filter((f) => !LAYERED.includes(f))).toEqual([]);
  });

  it("no file under src/ or rules/ imports against the flow", () => {
    expect(layerViolations(sources())).toEqual([]);
  });

  it("reports a lower layer importing a higher one", () => {
    const files = [
      { path: "src/model/x.ts", text: 'import { main } from "../cli/main.js";' },
      { path: "src/lint/y.ts", text: 'export { collectInputs } from "../cli/inputs.js";' },
      { path: "src/eslint/z.ts", text: 'const m = await import("../cli/main.js");' },
    ];
    expect(layerViolations(files)).toEqual(["src/model/x.ts -> src/cli/main.ts", "src/lint/y.ts -> src/cli/inputs.ts", "src/eslint/z.ts -> src/cli/main.ts"]);
  });

  it("lets rules use the rule API but no other part of the linter", () => {
    const files = [
      { path: "rules/a.ts", text: 'import { defineRule } from "../src/lint/rule.js";\nimport { model } from "../src/model/config.js";' },
      { path: "rules/b.ts", text: 'import { lintProject } from "../src/lint/project.js";' },
    ];
    expect(layerViolations(files)).toEqual(["rules/b.ts -> src/lint/project.ts"]);
  });

  it("reaches a rule only through the rule list", () => {
    const files = [{ path: "src/init/p.ts", text: 'import odd from "../../rules/odd-server-count.js";\nimport { rules } from "../../rules/index.js";' }];
    expect(layerViolations(files)).toEqual(["src/init/p.ts -> rules/odd-server-count.ts"]);
  });

  it("keeps the ESLint plugin and init apart from each other", () => {
    expect(layerViolations([{ path: "src/init/q.ts", text: 'import { plugin } from "../eslint/plugin.js";' }])).toEqual([
      "src/init/q.ts -> src/eslint/plugin.ts",
    ]);
  });
});

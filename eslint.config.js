import js from "@eslint/js";
import tseslint from "typescript-eslint";

const CHEVROTAIN = { name: "chevrotain", message: "Only src/parse/ uses chevrotain." };
const DISK = ["node:fs", "fs", "node:fs/promises", "fs/promises", "node:child_process", "child_process"].map((name) => ({
  name,
  message: "Rules are pure: they read the model, never the disk.",
}));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "bench/.work/", "src/**/*.generated.*"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: "readonly", Buffer: "readonly", console: "readonly", NodeJS: "readonly" } },
  },
  {
    // The launcher is a CommonJS script: only a script can start from V8's code cache.
    files: ["bin/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Each heavy dependency has one door.
    files: ["src/**/*.ts"],
    ignores: ["src/parse/**"],
    rules: { "no-restricted-imports": ["error", { paths: [CHEVROTAIN] }] },
  },
  {
    // One block for rules/, since a later "no-restricted-imports" replaces an earlier one's list.
    files: ["rules/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [CHEVROTAIN, ...DISK] }] },
  },
);

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
    // A rule maps model facts to messages: what makes it grow past 200 lines belongs in src/model/.
    files: ["rules/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [CHEVROTAIN, ...DISK] }],
      "max-lines": ["error", { max: 200, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A function longer than a screen is read in parts: give the parts names.
    files: ["src/**/*.ts", "rules/**/*.ts", "scripts/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }] },
  },
);

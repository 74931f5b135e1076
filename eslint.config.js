import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
    files: ["src/**/*.ts", "rules/**/*.ts"],
    ignores: ["src/parse/**"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "chevrotain", message: "Only src/parse/ uses chevrotain." }] }] },
  },
  {
    files: ["rules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["node:fs", "fs", "node:child_process"].map((name) => ({ name, message: "Rules are pure: they read the model, never the disk." })) },
      ],
    },
  },
);

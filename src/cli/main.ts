import { hostname } from "node:os";
import { resolve } from "node:path";
import { nodeFileSystem } from "../io/node-fs.js";
import { SettingsError } from "../config/settings.js";
import { lintProject, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import { colorsFor } from "../format/colors.js";
import { collectInputs } from "./inputs.js";
import { HELP, parseArgs, UsageError, type CliOptions } from "./options.js";
import { runFix } from "./fix.js";
import { explainRule, listRules } from "./explain.js";
import pkg from "../../package.json" with { type: "json" };

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

async function formatResults(results: LintResult[], options: CliOptions, io: Io): Promise<string> {
  if (options.format === "json") {
    const { formatJson } = await import("../format/json.js");
    return formatJson(results, options.quiet);
  }
  if (options.format === "compact") {
    const { formatCompact } = await import("../format/compact.js");
    return formatCompact(results, options.quiet);
  }
  const { formatStylish } = await import("../format/stylish.js");
  return formatStylish(results, { colors: colorsFor(io.stdout, io.env), quiet: options.quiet });
}

/** Exit code for a set of results (DESIGN.md): 1 on errors or too many warnings. */
export function exitCodeFor(results: LintResult[], options: CliOptions): 0 | 1 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (!options.quiet && options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`zkcfg: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (options.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (options.help || options.command === undefined) {
    io.stdout.write(HELP);
    return options.help ? 0 : 2;
  }
  if (options.command === "explain") return explainRule(options.args, io);
  if (options.command === "rules") return listRules(io);
  if (options.args.length === 0) {
    io.stderr.write(`zkcfg: name the config files to ${options.command}, e.g. zkcfg ${options.command} conf/*.cfg\n`);
    return 2;
  }
  if (options.myid !== undefined && options.command !== "fix") {
    io.stderr.write("zkcfg: --myid belongs to zkcfg fix\n");
    return 2;
  }
  const { files, errors } = await collectInputs(options.args, nodeFileSystem, io.cwd);
  for (const e of errors) io.stderr.write(`zkcfg: ${e.name}: ${e.message}\n`);
  if (options.myid !== undefined && files.length !== 1) {
    io.stderr.write("zkcfg: --myid names the id of one server, so name exactly one config file with it\n");
    return 2;
  }
  const project: ProjectOptions = {
    fs: nodeFileSystem,
    cwd: io.cwd,
    syntaxOnly: options.syntaxOnly,
    hostname: hostname(),
    noSettings: options.noConfig,
    ...(options.zkVersion ? { version: options.zkVersion } : {}),
    ...(options.root ? { root: resolve(io.cwd, options.root) } : {}),
    ...(options.myid !== undefined ? { myid: options.myid } : {}),
  };
  let code: number;
  try {
    if (options.command === "fix") {
      code = await runFix(files, project, options, io, formatResults);
    } else {
      const { results } = lintProject(files, project);
      io.stdout.write(await formatResults(results, options, io));
      code = exitCodeFor(results, options);
    }
  } catch (e) {
    if (e instanceof SettingsError) {
      io.stderr.write(`zkcfg: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return errors.length > 0 ? 2 : code;
}

const isEntry = process.argv[1] !== undefined && import.meta.url.endsWith("/zkcfg.js");
if (isEntry) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`zkcfg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

import { hostname } from "node:os";
import { resolve } from "node:path";
import { nodeFileSystem } from "../io/node-fs.js";
import { CachedFileSystem } from "../io/cached-fs.js";
import { SettingsError } from "../config/discovery.js";
import type { SettingsLookup } from "../config/settings.js";
import { lintProject, type ProjectOptions } from "../lint/project.js";
import type { LintResult } from "../lint/diagnostic.js";
import { colorsFor, NO_COLORS } from "../format/colors.js";
import { escapeControls, printedLine } from "../format/escape.js";
import { errorsOnly, loadFormatter } from "../format/index.js";
import { isComposeFile } from "../compose/files.js";
import { collectInputs, stdinInput, type InputError, type InputFile } from "../lint/inputs.js";
import { HELP, initFlagsGiven, parseArgs, UsageError, type CliOptions } from "./options.js";
import { exitCodeFor } from "./exit-code.js";
import { describeRules, TOOL } from "../lint/rule-info.js";
import { lookUpSettings, printConfig, withoutIgnored, withoutRefused } from "./settings.js";
import pkg from "../../package.json" with { type: "json" };

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** All of standard input, read only for --stdin. */
  readStdin(): Promise<Uint8Array>;
}

async function formatResults(results: LintResult[], options: CliOptions, io: Io): Promise<string> {
  const format = await loadFormatter(options.format);
  // Only SARIF embeds the rule docs, so only it pays for reading them.
  const rules = describeRules(options.format === "sarif");
  const shown = options.quiet ? errorsOnly(results) : results;
  // Colours only matter when something is shown, and asking whether stdout is a terminal costs a clean run.
  const colors = shown.some((r) => r.messages.length > 0 || r.notes.length > 0) ? await colorsFor(io.stdout, io.env) : NO_COLORS;
  return format(shown, { cwd: io.cwd, colors, tool: TOOL, rules });
}

/** Why a --stdin run cannot go ahead, if it cannot. */
function stdinMisuse(options: CliOptions): string | undefined {
  if (!options.stdin) return options.stdinFilename === undefined ? undefined : "--stdin-filename goes with --stdin";
  if (options.args.length > 0) return "--stdin reads the config from standard input; name no files with it";
  if (options.command === "fix" && !options.dryRun && !options.check) {
    return "zkcfg fix --stdin has no file to write back to; add --dry-run to see what fix would do, or --check to test it";
  }
  return undefined;
}

/**
 * Standard error as zkcfg writes to it: one message per write, ending in its line break. Whatever
 * a message quotes (a file name, a value, an error) is escaped there, so no message can print a
 * control character or start a line of its own.
 */
export function messageStream(stderr: Io["stderr"]): Io["stderr"] {
  return { write: (s: string) => stderr.write(s.endsWith("\n") ? printedLine(s.slice(0, -1)) : escapeControls(s)) };
}

/** The options, or undefined after saying what is wrong with them. */
function parsedOptions(argv: string[], io: Io): CliOptions | undefined {
  try {
    return parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`zkcfg: ${e.message}\n`);
    return undefined;
  }
}

function settingsFailed(e: unknown, io: Io): number {
  if (!(e instanceof SettingsError)) throw e;
  io.stderr.write(`zkcfg: ${e.message}\n`);
  return 2;
}

/** Runs what is not lint or fix (--version, --print-config, help, init, explain, rules): its exit code, or undefined for lint and fix. */
async function runOther(options: CliOptions, io: Io): Promise<number | undefined> {
  if (options.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (options.printConfig !== undefined) {
    try {
      await printConfig(options.printConfig, options, io, nodeFileSystem);
      return 0;
    } catch (e) {
      return settingsFailed(e, io);
    }
  }
  if (options.help || options.command === undefined) {
    io.stdout.write(HELP);
    return options.help ? 0 : 2;
  }
  // What lint does not need is loaded only by the command that does.
  if (options.command === "init") return (await import("./init.js")).runInit(options, io);
  const initOnly = initFlagsGiven(options);
  if (initOnly.length > 0) {
    io.stderr.write(`zkcfg: ${initOnly.join(", ")} ${initOnly.length === 1 ? "belongs" : "belong"} to zkcfg init\n`);
    return 2;
  }
  if (options.command === "explain") return (await import("./explain.js")).explainRule(options.args, io);
  if (options.command === "rules") return (await import("./explain.js")).listRules(options.format, io);
  return undefined;
}

/** Why lint or fix cannot go ahead with these options, if it cannot. */
function lintMisuse(options: CliOptions): string | undefined {
  const misuse = stdinMisuse(options);
  if (misuse) return misuse;
  if (options.args.length === 0 && !options.stdin) return `name the config files to ${options.command}, e.g. zkcfg ${options.command} conf/*.cfg`;
  if (options.myid !== undefined && options.command !== "fix") return "--myid belongs to zkcfg fix";
  return undefined;
}

/** The files named (or standard input), each unreadable one said on stderr. */
async function readInputs(options: CliOptions, io: Io, fs: CachedFileSystem): Promise<{ files: InputFile[]; errors: InputError[] }> {
  let found: { files: InputFile[]; errors: InputError[] };
  if (options.stdin) {
    const input = stdinInput(await io.readStdin(), options.stdinFilename ?? "<stdin>", io.cwd);
    found = "bytes" in input ? { files: [input], errors: [] } : { files: [], errors: [input] };
  } else {
    found = await collectInputs(options.args, fs, io.cwd);
  }
  for (const e of found.errors) io.stderr.write(`zkcfg: ${e.name}: ${e.message}\n`);
  return found;
}

/**
 * The compose files among the inputs, linted apart from zoo.cfg files, each directory's as one
 * project, with the image families their settings name; the YAML reader loads only when one is
 * named. `refused`: a settings file was not read. Throws SettingsError when settings cannot be read.
 */
async function lintCompose(
  files: InputFile[],
  options: CliOptions,
  io: Io,
  fs: CachedFileSystem,
): Promise<{ named: boolean; results: LintResult[]; refused: boolean } | "refused"> {
  const composeFiles = files.filter((f) => isComposeFile(f.path));
  if (composeFiles.length === 0) return { named: false, results: [], refused: false };
  if (options.command === "fix") {
    for (const f of composeFiles)
      io.stderr.write(`zkcfg: ${f.name}: zkcfg fix does not edit compose files; run zkcfg lint on it and change the YAML by hand\n`);
    return "refused";
  }
  const settings = await lookUpSettings(
    composeFiles.map((f) => f.path),
    options,
    io,
    fs,
  );
  const trusted = withoutRefused(composeFiles, settings, io);
  const imagesFor = (path: string) => settings?.settingsFor(path).composeImages ?? {};
  const results = (await import("../compose/lint.js")).lintProjects(trusted.files, fs, io.cwd, hostname(), imagesFor);
  return { named: true, results, refused: trusted.refused };
}

function projectOptions(options: CliOptions, io: Io, fs: CachedFileSystem, settings: SettingsLookup | undefined): ProjectOptions {
  return {
    fs,
    cwd: io.cwd,
    syntaxOnly: options.syntaxOnly,
    hostname: hostname(),
    ...(settings ? { settings } : {}),
    ...(options.zkVersion ? { version: options.zkVersion } : {}),
    ...(options.root ? { root: resolve(io.cwd, options.root) } : {}),
    ...(options.myid !== undefined ? { myid: options.myid } : {}),
  };
}

/** Lints the configs (with the compose files' results) or fixes them: the exit code. */
async function lintOrFix(files: InputFile[], project: ProjectOptions, composeResults: LintResult[], options: CliOptions, io: Io): Promise<number> {
  if (options.command === "fix") return (await import("./fix.js")).runFix(files, project, options, io, formatResults);
  const results = [...lintProject(files, project).results, ...composeResults];
  io.stdout.write(await formatResults(results, options, io));
  return exitCodeFor(results, options);
}

export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = { ...rawIo, stderr: messageStream(rawIo.stderr) };
  const options = parsedOptions(argv, io);
  if (!options) return 2;
  const other = await runOther(options, io);
  if (other !== undefined) return other;
  const misuse = lintMisuse(options);
  if (misuse) {
    io.stderr.write(`zkcfg: ${misuse}\n`);
    return 2;
  }
  // One listing per directory for the whole run: thousands of configs share their parents.
  const fs = new CachedFileSystem(nodeFileSystem);
  const { files: inputs, errors } = await readInputs(options, io, fs);
  const compose = await lintCompose(inputs, options, io, fs).catch((e: unknown) => settingsFailed(e, io));
  if (compose === "refused" || typeof compose === "number") return 2;
  const configs = inputs.filter((f) => !isComposeFile(f.path));
  if (configs.length === 0 && compose.named) {
    io.stdout.write(await formatResults(compose.results, options, io));
    return errors.length > 0 || compose.refused ? 2 : exitCodeFor(compose.results, options);
  }
  if (options.myid !== undefined && configs.length !== 1) {
    io.stderr.write("zkcfg: --myid names the id of one server, so name exactly one config file with it\n");
    return 2;
  }
  let settings: SettingsLookup | undefined;
  try {
    settings = await lookUpSettings(
      configs.map((f) => f.path),
      options,
      io,
      fs,
    );
  } catch (e) {
    return settingsFailed(e, io);
  }
  const trusted = withoutRefused(configs, settings, io);
  const files = withoutIgnored(trusted.files, settings, options, io);
  const code = await lintOrFix(files, projectOptions(options, io, fs, settings), compose.results, options, io);
  return errors.length > 0 || trusted.refused || compose.refused ? 2 : code;
}

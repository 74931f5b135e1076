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

/**
 * Lints the compose files, each directory's as one project, with the image families their settings
 * name (throws SettingsError when those cannot be read); `refused`: a settings file was not read.
 */
async function lintComposeFiles(files: InputFile[], options: CliOptions, io: Io, fs: CachedFileSystem): Promise<{ results: LintResult[]; refused: boolean }> {
  if (files.length === 0) return { results: [], refused: false };
  const settings = await lookUpSettings(files.map((f) => f.path), options, io, fs);
  const trusted = withoutRefused(files, settings, io);
  const imagesFor = (path: string) => settings?.settingsFor(path).composeImages ?? {};
  const results = (await import("../compose/lint.js")).lintProjects(trusted.files, fs, io.cwd, hostname(), imagesFor);
  return { results, refused: trusted.refused };
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

/** Exit code for a set of results (DESIGN.md): 1 on errors or too many warnings. */
export function exitCodeFor(results: LintResult[], options: CliOptions): 0 | 1 {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (!options.quiet && options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}

/**
 * Standard error as zkcfg writes to it: one message per write, ending in its line break. Whatever
 * a message quotes (a file name, a value, an error) is escaped there, so no message can print a
 * control character or start a line of its own.
 */
export function messageStream(stderr: Io["stderr"]): Io["stderr"] {
  return { write: (s: string) => stderr.write(s.endsWith("\n") ? printedLine(s.slice(0, -1)) : escapeControls(s)) };
}

export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io: Io = { ...rawIo, stderr: messageStream(rawIo.stderr) };
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
  const settingsFailed = (e: unknown): number => {
    if (!(e instanceof SettingsError)) throw e;
    io.stderr.write(`zkcfg: ${e.message}\n`);
    return 2;
  };
  if (options.printConfig !== undefined) {
    try {
      await printConfig(options.printConfig, options, io, nodeFileSystem);
      return 0;
    } catch (e) {
      return settingsFailed(e);
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
  const misuse = stdinMisuse(options);
  if (misuse) {
    io.stderr.write(`zkcfg: ${misuse}\n`);
    return 2;
  }
  if (options.args.length === 0 && !options.stdin) {
    io.stderr.write(`zkcfg: name the config files to ${options.command}, e.g. zkcfg ${options.command} conf/*.cfg\n`);
    return 2;
  }
  if (options.myid !== undefined && options.command !== "fix") {
    io.stderr.write("zkcfg: --myid belongs to zkcfg fix\n");
    return 2;
  }
  // One listing per directory for the whole run: thousands of configs share their parents.
  const fs = new CachedFileSystem(nodeFileSystem);
  let files: InputFile[];
  let errors: InputError[];
  if (options.stdin) {
    const input = stdinInput(await io.readStdin(), options.stdinFilename ?? "<stdin>", io.cwd);
    [files, errors] = "bytes" in input ? [[input], []] : [[], [input]];
  } else {
    ({ files, errors } = await collectInputs(options.args, fs, io.cwd));
  }
  for (const e of errors) io.stderr.write(`zkcfg: ${e.name}: ${e.message}\n`);
  // Compose files are read apart from zoo.cfg files; the YAML reader loads only when one is named.
  const composeFiles = files.filter((f) => isComposeFile(f.path));
  files = files.filter((f) => !isComposeFile(f.path));
  if (composeFiles.length > 0 && options.command === "fix") {
    for (const f of composeFiles) io.stderr.write(`zkcfg: ${f.name}: zkcfg fix does not edit compose files; run zkcfg lint on it and change the YAML by hand\n`);
    return 2;
  }
  const compose = await lintComposeFiles(composeFiles, options, io, fs).catch(settingsFailed);
  if (typeof compose === "number") return compose;
  const { results: composeResults, refused: composeRefused } = compose;
  if (files.length === 0 && composeFiles.length > 0) {
    io.stdout.write(await formatResults(composeResults, options, io));
    return errors.length > 0 || composeRefused ? 2 : exitCodeFor(composeResults, options);
  }
  if (options.myid !== undefined && files.length !== 1) {
    io.stderr.write("zkcfg: --myid names the id of one server, so name exactly one config file with it\n");
    return 2;
  }
  let settings: SettingsLookup | undefined;
  try {
    settings = await lookUpSettings(files.map((f) => f.path), options, io, fs);
  } catch (e) {
    return settingsFailed(e);
  }
  const trusted = withoutRefused(files, settings, io);
  files = withoutIgnored(trusted.files, settings, options, io);
  const project: ProjectOptions = {
    fs,
    cwd: io.cwd,
    syntaxOnly: options.syntaxOnly,
    hostname: hostname(),
    ...(settings ? { settings } : {}),
    ...(options.zkVersion ? { version: options.zkVersion } : {}),
    ...(options.root ? { root: resolve(io.cwd, options.root) } : {}),
    ...(options.myid !== undefined ? { myid: options.myid } : {}),
  };
  let code: number;
  if (options.command === "fix") {
    const { runFix } = await import("./fix.js");
    code = await runFix(files, project, options, io, formatResults);
  } else {
    const results = [...lintProject(files, project).results, ...composeResults];
    io.stdout.write(await formatResults(results, options, io));
    code = exitCodeFor(results, options);
  }
  return errors.length > 0 || trusted.refused || composeRefused ? 2 : code;
}

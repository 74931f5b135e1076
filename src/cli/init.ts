import type { CliOptions } from "./options.js";
import type { Io } from "./main.js";
import { createFile } from "../fix/writer.js";
import { escapeControls } from "../format/escape.js";
import { nodeFileSystem } from "../io/node-fs.js";
import { isPortFree } from "../io/ports.js";
import { planHosts, planOneHost, portKinds, type InitPlan } from "../init/plan.js";
import { allocateOneHost, PortsExhaustedError } from "../init/ports.js";
import { renderPlan } from "../init/render.js";
import { InitUsageError, resolveRequest, type InitRequest } from "../init/request.js";
import { findConflicts } from "../init/targets.js";

/** lint and fix options that mean nothing to init, when given. */
function lintFlagsGiven(o: CliOptions): string[] {
  const given: [string, boolean][] = [
    ["--format", o.format !== "stylish"],
    ["--root", o.root !== undefined],
    ["--syntax-only", o.syntaxOnly],
    ["--max-warnings", o.maxWarnings !== undefined],
    ["--quiet", o.quiet],
    ["--check", o.check],
    ["--myid", o.myid !== undefined],
  ];
  return given.filter(([, set]) => set).map(([flag]) => flag);
}

async function plan(request: InitRequest): Promise<InitPlan> {
  if (request.layout === "hosts") return planHosts(request);
  const count = request.voters + request.observers;
  return planOneHost(request, await allocateOneHost(count, portKinds(request), request.basePort, isPortFree));
}

/** zkcfg init: plans every file first, writes nothing if any target is taken, then writes them all. */
export async function runInit(options: CliOptions, io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`zkcfg: ${message}\n`);
    return 2;
  };
  const foreign = lintFlagsGiven(options);
  if (foreign.length > 0) return fail(`${foreign.join(", ")} ${foreign.length === 1 ? "belongs" : "belong"} to zkcfg lint and fix, not init`);
  if (options.args.length > 0) return fail(`zkcfg init takes options only, not "${options.args[0]}"; e.g. zkcfg init --servers 3 --dir /srv/zookeeper`);
  let result: InitPlan;
  try {
    result = await plan(resolveRequest(options, io.cwd));
  } catch (e) {
    if (e instanceof InitUsageError || e instanceof PortsExhaustedError) return fail(e.message);
    throw e;
  }
  const conflicts = findConflicts(result, nodeFileSystem);
  if (conflicts.length > 0) {
    for (const c of conflicts) io.stderr.write(`zkcfg: ${c}\n`);
    return fail("init never writes over what is there, so it wrote nothing; choose another --dir (or clear these paths)");
  }
  if (!options.dryRun) {
    const written: string[] = [];
    for (const file of result.files) {
      const outcome = createFile({ kind: "create", path: file.path, text: file.text });
      if (!outcome.written) {
        const before = written.length > 0 ? `; written before it: ${written.join(", ")}` : "";
        return fail(`did not write ${file.path}: ${outcome.reason ?? "unknown reason"}; stopped there${before}`);
      }
      written.push(file.path);
    }
  }
  io.stdout.write(escapeControls(renderPlan(result, options.dryRun), true));
  for (const w of result.warnings) io.stderr.write(`zkcfg: warning: ${w}\n`);
  return 0;
}

/**
 * zkcfg's verdict on a materialized case: its errors with impact "startup", linted as
 * `zkcfg lint --zk-version 3.8 --root /`: the case is for this machine, where ZooKeeper runs it.
 */
import { readInput } from "../../../src/lint/inputs.js";
import { nodeFileSystem } from "../../../src/io/node-fs.js";
import { lintProject } from "../../../src/lint/project.js";
import type { Materialized } from "./corpus.js";

/** A host name no server line names, so results do not depend on the machine running the tests. */
export const LINT_HOST = "conformance-runner.example";

export function startupErrors(m: Materialized): string[] {
  const input = readInput(m.config, "conf/zoo.cfg", nodeFileSystem);
  if ("message" in input) throw new Error(`${m.name}: ${input.message}`);
  const { results } = lintProject([input], {
    fs: nodeFileSystem,
    cwd: m.dir,
    version: "3.8",
    syntaxOnly: false,
    hostname: LINT_HOST,
    root: "/",
  });
  const own = results.find((r) => r.filePath === input.name);
  return (own?.messages ?? []).filter((d) => d.severity === 2 && d.impact === "startup").map((d) => `${d.ruleId}: ${d.message}`);
}

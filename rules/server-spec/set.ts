import type { ConfigFile } from "../../src/model/config-file.js";
import { javaTrim } from "../../src/model/java-number.js";
import { idProblems, respelledIds } from "../../src/model/server-ids.js";
import { countProblem } from "../../src/model/server-roles.js";
import { atLeast } from "../../src/model/version.js";
import { keyData, withData, type Id, type Reports } from "./messages.js";

// The server lines as a set: their ids, and how many participants and observers they make.

const ID_MESSAGE: Record<ReturnType<typeof idProblems>[number]["kind"], Id> = { unset: "idUnset", outOfRange: "idOutOfRange", sessionClash: "idSessionClash" };

export function* checkIds(file: ConfigFile): Reports {
  const { config } = file;
  for (const problem of idProblems(config)) {
    const { spec } = problem;
    const data = withData(keyData(config, spec.entry), { id: spec.id });
    if (problem.kind !== "unset") data.low = problem.low;
    if (problem.kind === "sessionClash") data.other = problem.other.entry.key;
    yield { messageId: ID_MESSAGE[problem.kind], data, file, range: config.serverRange(spec, spec.entry.keyRange) };
  }
  // The same key twice is duplicate-key's business; two spellings of one id are this rule's.
  for (const { spec, other } of respelledIds(config)) {
    yield {
      messageId: "duplicateId",
      data: withData(keyData(config, spec.entry), { other: other.entry.key, id: spec.id }),
      file,
      range: config.serverRange(spec, spec.entry.keyRange),
    };
  }
}

/** ZooKeeper's checks of how many participants and observers the lines declare. */
export function* checkCounts(file: ConfigFile): Reports {
  const { config } = file;
  const problem = countProblem(config);
  if (!problem) return;
  if (problem.kind === "standaloneWithoutParticipants") {
    yield { messageId: problem.kind, data: { value: javaTrim(problem.entry.value) }, file, range: problem.entry.valueRange };
    return;
  }
  const messageId = problem.kind === "observersWithoutQuorum" && !atLeast(config.version, "3.5") ? "observersWithoutQuorum34" : problem.kind;
  yield { messageId, data: keyData(config, problem.first.entry), file, range: config.serverRange(problem.first, problem.first.entry.keyRange) };
}

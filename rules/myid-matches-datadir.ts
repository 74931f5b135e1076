import type { Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { directoryKey } from "../src/model/directory-key.js";
import type { Workspace } from "../src/model/ensemble.js";
import type { DataDirFact } from "../src/model/facts.js";
import { onSeveralHosts } from "../src/model/hosts.js";
import { myidFlaw, type MyidFlaw, type MyidReading } from "../src/model/myid.js";
import { chooseMyid, type LineEvidence, type MyidChoice } from "../src/model/myid-choice.js";
import type { ServerSpec } from "../src/model/server-spec.js";
import { dataDirSharers } from "../src/model/shared-data-dir.js";
import { myidHolders } from "../src/model/valid-myid.js";
import { atLeast } from "../src/model/version.js";
import { excerpt } from "../src/lint/excerpt.js";
import { defineRule, type Report, type RuleContext } from "../src/lint/rule.js";
import { messages } from "./myid-matches-datadir/messages.js";

type Id = keyof typeof messages;
type ReadDir = Extract<DataDirFact, { state: "present" | "creatable" }>;
type Data = Record<string, string | bigint | number>;

const FIXABLE: Record<LineEvidence, Id> = {
  "client-port": "missingMyidFixableClientPort",
  wildcard: "missingMyidFixableWildcard",
  "host-name": "missingMyidFixableHostName",
  option: "missingMyidFixableOption",
};
const RIVAL: Record<LineEvidence, Id> = {
  "client-port": "missingMyidRivalClientPort",
  wildcard: "missingMyidRivalWildcard",
  "host-name": "missingMyidRivalHostName",
  option: "missingMyidRivalOption",
};
const FLAW: Record<MyidFlaw, Id> = { empty: "emptyMyid", "byte-order-mark": "myidWithByteOrderMark", "trailing-blank": "myidWithTrailingBlank" };

export default defineRule({
  id: "myid-matches-datadir",
  meta: {
    description: "Each quorum server's dataDir holds a myid that ZooKeeper can read, that names one of its server lines, unique in the ensemble",
    fixable: true,
    messages,
  },
  *check(context) {
    for (const file of context.workspace.files) yield* checkFile(file, context);
    yield* checkShared(context.workspace);
  },
});

const idList = (file: ConfigFile): string => file.config.servers.map((s) => String(s.id)).join(", ");

function* checkFile(file: ConfigFile, context: RuleContext): Generator<Report<Id>> {
  const { config, facts } = file;
  const dir = facts.dataDir;
  if (!dir) {
    yield { messageId: "notSet", file, range: { start: 0, end: 0 } };
    return;
  }
  const range = dir.entry.valueRange;
  const dataDir = dir.configured;
  if (dir.state === "elsewhere") {
    // Only a quorum server needs its myid; a standalone one is not worth a note.
    if (config.isQuorum) yield { messageId: onSeveralHosts(config.servers) ? "elsewhere" : "elsewhereOneHost", data: { dataDir }, file, range };
  } else if (dir.state === "not-a-directory") {
    yield { messageId: "dataDirNotDirectory", data: { dataDir, blockedAt: dir.blockedAt }, file, range };
  } else if (dir.state === "present" || dir.state === "creatable") {
    if (dir.relative && config.isQuorum)
      yield { messageId: "relativeAssumed", data: { dataDir, path: dir.path, workdir: facts.workingDirectory }, file, range };
    yield* checkMyid(file, dir, context);
  }
}

function* checkMyid(file: ConfigFile, dir: ReadDir, context: RuleContext): Generator<Report<Id>> {
  const quorum = file.config.isQuorum;
  const { myid } = dir;
  const at = { file, range: dir.entry.valueRange };
  const data = { path: myid.path };
  if (myid.kind === "unreadable") yield { messageId: "unreadableMyid", data: { ...data, reason: myid.reason }, ...at };
  // ZooKeeper reads myid only when it is a regular file; anything else counts as absent.
  else if (myid.kind === "not-a-file" && quorum) yield { messageId: "myidNotAFile", data, ...at };
  else if (myid.kind === "outside-link" && quorum) yield { messageId: "myidOutsideLink", data, ...at };
  else if (myid.kind === "absent" && quorum) yield missing(file, dir, context);
  else if (myid.kind === "present") yield* checkReading(file, myid.reading, myid.path, at.range, context.workspace);
}

/** The missing myid of a quorum server: the id to write when it is certain, else why not. */
function missing(file: ConfigFile, dir: ReadDir, context: RuleContext): Report<Id> {
  const at = { file, range: dir.entry.valueRange };
  const { path } = dir.myid;
  const data = { dataDir: dir.configured, path };
  if (dir.store.hasData) return { messageId: "missingMyidWithData", data, ...at };
  if (dir.relative) return { messageId: "missingMyidRelative", data, ...at };
  const choice = chooseMyid(context.workspace, file, context.myid);
  if (choice.kind !== "line" && choice.kind !== "file-order") {
    const [messageId, why] = uncertain(choice);
    return { messageId, data: { ...data, ids: idList(file), file: file.name, ...why }, ...at };
  }
  const messageId = choice.kind === "line" ? FIXABLE[choice.evidence] : "missingMyidFixable";
  const line = choice.kind === "line" ? lineData(choice.server, choice.evidence) : {};
  const fix = {
    kind: "create" as const,
    path,
    text: `${choice.id}\n`,
    root: file.facts.root,
    ...(dir.state === "creatable" ? { missingDirectory: dir.path } : {}),
  };
  return { messageId, data: { ...data, id: choice.id, ...line }, ...at, fix };
}

/** What the message says about a server line the model places the config on. */
function lineData(server: ServerSpec, evidence: LineEvidence): Data {
  return { id: server.id, ...(evidence === "client-port" ? { clientPort: server.clientPort?.value ?? "" } : {}) };
}

function uncertain(choice: Exclude<MyidChoice, { kind: "line" | "file-order" }>): [Id, Data] {
  switch (choice.kind) {
    case "held":
      return ["missingMyidHeld", { holder: choice.holder, id: choice.id }];
    case "shared-dir":
      return ["missingMyidSharedDir", { sharer: choice.sharer.name }];
    case "rival":
      return [RIVAL[choice.evidence], { ...lineData(choice.server, choice.evidence), rival: choice.rival.name }];
    case "option-no-line":
      return ["missingMyidOptionNoLine", { myid: choice.myid }];
    case "partial":
      return ["missingMyidPartial", { present: choice.present, total: choice.total }];
    case "several-hosts":
      return ["missingMyid", {}];
    case "not-every-dir-new":
      return ["missingMyidNotEveryDirNew", {}];
  }
}

/** A myid ZooKeeper reads: a number that names a server line of this config, and no other server's. */
function* checkReading(file: ConfigFile, reading: MyidReading, path: string, range: Range, ws: Workspace): Generator<Report<Id>> {
  const { config } = file;
  const at = { file, range };
  // 3.4 reads myid only in quorum mode; later versions read it whenever it exists.
  if (!config.isQuorum && !atLeast(config.version, "3.5")) return;
  if (reading.kind === "invalid") {
    const line = reading.firstLine;
    const flaw = myidFlaw(line);
    // The file may hold anything (a token, a key): the message quotes only a short excerpt.
    yield { messageId: flaw ? FLAW[flaw] : "unparsableMyid", data: { path, line: line === null ? "null" : excerpt(line) }, ...at };
  } else if (!config.isQuorum) {
    return;
  } else if (reading.kind === "unset") {
    yield { messageId: "unsetMyid", data: { path, ids: idList(file) }, ...at };
  } else if (!config.server(reading.id)) {
    yield { messageId: "notInPeerList", data: { path, id: reading.id, ids: idList(file) }, ...at };
  } else {
    const other = duplicateOf(ws, file, reading.id);
    if (other) {
      const host = ws.hostOf(file);
      const oneHost = host.known && host === ws.hostOf(other.file);
      yield {
        messageId: oneHost ? "duplicateMyidOneHost" : "duplicateMyid",
        data: { path, id: reading.id, other: other.path, otherFile: other.file.name },
        ...at,
      };
    }
  }
}

/** Another config of the ensemble whose myid says `id` too, in another data directory. */
function duplicateOf(ws: Workspace, file: ConfigFile, id: bigint): { file: ConfigFile; path: string } | undefined {
  const dir = file.facts.dataDir as DataDirFact;
  return myidHolders(ws.ensembleOf(file))
    .get(id)
    ?.find((h) => h.file !== file && directoryKey(h.file.facts.dataDir as DataDirFact) !== directoryKey(dir));
}

/** No two configs on one host may share a dataDir: a pure config fact, checked even off the host. */
function* checkShared(ws: Workspace): Generator<Report<Id>> {
  for (const [file, sharers] of dataDirSharers(ws)) {
    const first = sharers[0] as ConfigFile;
    if (file === first) continue;
    const [dir, firstDir] = [file.facts.dataDir, first.facts.dataDir] as [DataDirFact, DataDirFact];
    yield { messageId: "sharedDataDir", data: { dataDir: dir.configured, otherFile: first.name }, file, range: dir.entry.valueRange };
    yield { messageId: "sharedDataDir", data: { dataDir: firstDir.configured, otherFile: file.name }, file: first, range: firstDir.entry.valueRange };
  }
}

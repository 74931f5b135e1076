import { plainIds } from "../src/model/server-ids.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { defineRule, type RuleContext } from "../src/lint/rule.js";
import { checkErrors, checkLines } from "./server-spec/lines.js";
import { messages, type Reports } from "./server-spec/messages.js";
import { checkClientPort, checkOwnLine, checkWildcards } from "./server-spec/own-line.js";
import { checkCounts, checkIds } from "./server-spec/set.js";

export default defineRule({
  id: "server-spec",
  meta: {
    description:
      "Every server.N line is one ZooKeeper's version reads, with a usable id and an address peers can reach, and the lines make a valid set that gives the server a client port",
    fixable: false,
    messages,
  },
  *check(context) {
    for (const file of context.workspace.files) yield* checkFile(context, file);
  },
});

function* checkFile(context: RuleContext, file: ConfigFile): Reports {
  // Server lines beside an unread dynamic file are dynamic-config's business, and the real ones are unknown.
  const { config } = file;
  if (!config.serversKnown) return;
  const own = context.workspace.ownServer(file);
  if (config.serverErrors.length > 0) yield* checkErrors(file);
  yield* checkLines(file, own);
  // A standalone server ignores its lone server line: only its grammar matters.
  if (config.isQuorum && !plainIds(config)) yield* checkIds(file);
  // Two participants or more pass every count check.
  if (config.serverErrors.length === 0 && config.participants.length < 2) yield* checkCounts(file);
  yield* checkOwnLine(file, own);
  yield* checkClientPort(file, own);
  if (config.isQuorum) yield* checkWildcards(file, own);
}

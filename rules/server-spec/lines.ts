import type { ConfigFile } from "../../src/model/config-file.js";
import { isHostSyntax } from "../../src/model/inet.js";
import { javaTrim } from "../../src/model/java-number.js";
import { portAfter, type ServerSpecErrorKind } from "../../src/model/server-spec.js";
import { atLeast } from "../../src/model/version.js";
import { listensOnAllIPs } from "../../src/model/wildcard-lines.js";
import type { ServerSpec } from "../../src/model/server-spec.js";
import { lineData, withData, type Id, type Reports } from "./messages.js";

// Each server line on its own: the lines ZooKeeper refuses to read, and what it reads differently from what was written.

/** The message for each way a line is refused, in 3.5+ and in 3.4 where the two differ. */
const BY_KIND: Record<Exclude<ServerSpecErrorKind, "no-election-port">, [Id, Id]> = {
  id: ["badId", "badId"],
  form: ["badForm", "badForm34"],
  port: ["badPort", "badPort"],
  role: ["badRole", "badRole34"],
  "same-ports": ["samePorts", "samePorts"],
  "trailing-blank": ["trailingBlank", "trailingBlank"],
  pipe: ["pipeUnsupported", "pipeUnsupported"],
  "client-part": ["clientPartUnsupported", "clientPartUnsupported"],
};

export function* checkErrors(file: ConfigFile): Reports {
  const { config } = file;
  const version = config.version;
  const missingElection = config.serverErrors.filter((e) => e.kind === "no-election-port").length;
  for (const error of config.serverErrors) {
    const data = withData(lineData(config, error.entry), { zk: error.message, version });
    const range = config.sourceRange(error.entry, error.range);
    if (error.kind === "no-election-port") {
      // 3.4 checks election ports only when it runs a quorum: two or more participants.
      if (config.participants.length + missingElection >= 2) yield { messageId: "noElectionPort", data, file, range };
      continue;
    }
    const messageId = BY_KIND[error.kind][atLeast(version, "3.5") ? 0 : 1];
    const key = error.entry.key;
    if (messageId === "badId") data.id = key.slice(key.indexOf(".") + 1);
    yield { messageId, data, file, range };
  }
}

export function* checkLines(file: ConfigFile, own: ServerSpec | undefined): Reports {
  const { config } = file;
  const quorum = config.isQuorum;
  for (const spec of config.servers) {
    if (spec.multiAddress) {
      yield {
        messageId: "multiAddress",
        data: withData(lineData(config, spec.entry), { count: spec.addresses.length, id: spec.id }),
        file,
        range: config.serverRange(spec, spec.entry.valueRange),
      };
    }
    if (!quorum) continue;
    for (const a of spec.addresses) {
      if (isHostSyntax(a.host.value)) continue;
      // With quorumListenOnAllIPs the server listens on every address, whatever its own line says.
      const messageId = spec === own && !listensOnAllIPs(config) ? "badOwnHost" : "badHost";
      yield {
        messageId,
        data: withData(lineData(config, spec.entry), { host: a.host.value, id: spec.id }),
        file,
        range: config.serverRange(spec, a.host.range),
      };
    }
    if (spec.ignored) {
      const ignored = config.serverSource.source.text.slice(spec.ignored.start, spec.ignored.end);
      const zk = `${javaTrim(spec.entry.value)} does not have the form host:port or host:port:port  or host:port:port:type`;
      yield { messageId: "ignoredFields", data: withData(lineData(config, spec.entry), { zk, ignored }), file, range: config.serverRange(spec, spec.ignored) };
    }
    for (const skipped of spec.skipped) {
      const port = portAfter(spec, skipped.range.end);
      if (port === undefined) continue;
      yield {
        messageId: "skippedChar",
        data: withData(lineData(config, spec.entry), { char: skipped.value, port }),
        file,
        range: config.serverRange(spec, skipped.range),
      };
    }
  }
}

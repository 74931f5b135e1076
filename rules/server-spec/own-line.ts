import type { ConfigFile } from "../../src/model/config-file.js";
import { clientConflict, conflictWithEveryLine, lineClientAddress } from "../../src/model/client-address.js";
import { missingClientPort } from "../../src/model/client-port.js";
import { validMyid } from "../../src/model/valid-myid.js";
import { javaTrim } from "../../src/model/java-number.js";
import { peerTypeMismatch } from "../../src/model/server-roles.js";
import type { ServerSpec } from "../../src/model/server-spec.js";
import { atLeast } from "../../src/model/version.js";
import { rejoinFixedIn, wildcardAddresses } from "../../src/model/wildcard-lines.js";
import { keyData, lineData, withData, type Id, type Reports } from "./messages.js";

// The line this server runs as (`own`, from the placement model): its client address and port,
// its role against peerType, and the wildcard address on it or on the others.

/** The line this server runs as, against the client address and peerType of its own file. */
export function* checkOwnLine(file: ConfigFile, own: ServerSpec | undefined): Reports {
  const { config } = file;
  // A standalone server compares addresses only when its myid names the line.
  if (own && (config.isQuorum || validMyid(file)?.id === own.id)) {
    const conflict = clientConflict(config, own);
    if (conflict) {
      const data = withData(lineData(config, own.entry), {
        setting: conflict.setting,
        static: conflict.value,
        zkStatic: conflict.zkStatic,
        id: own.id,
        zkLine: lineClientAddress(own),
      });
      yield { messageId: "clientAddress", data, file, range: conflict.range };
    }
    const peerType = peerTypeMismatch(config, own);
    if (peerType) {
      const messageId = peerType.wanted === "observer" ? "peerTypeObserver" : "peerTypeParticipant";
      yield { messageId, data: withData(keyData(config, own.entry), { peerType: javaTrim(peerType.entry.value) }), file, range: peerType.entry.valueRange };
    }
    return;
  }
  // Without knowing which line is this server's: if the static address fits none, it conflicts with whichever.
  if (!config.isQuorum) return;
  const conflict = conflictWithEveryLine(config);
  if (conflict)
    yield {
      messageId: "clientAddressEveryLine",
      data: { setting: conflict.setting, static: conflict.value, zkStatic: conflict.zkStatic },
      file,
      range: conflict.range,
    };
}

/** A server that opens no client port: refused by 3.4, silently useless to clients from 3.5 on. */
export function* checkClientPort(file: ConfigFile, own: ServerSpec | undefined): Reports {
  const { config } = file;
  const missing = missingClientPort(config, own);
  if (!missing) return;
  const { zero } = missing;
  if (!atLeast(config.version, "3.5")) {
    if (zero) yield { messageId: "clientPortZero34", data: { port: javaTrim(zero.value) }, file, range: zero.valueRange };
    else yield { messageId: "clientPortRequired", file, range: { start: 0, end: 0 } };
    return;
  }
  const version = config.version;
  const prefix = zero ? "zeroClientPort" : "noClientPort";
  if (missing.own) {
    yield {
      messageId: `${prefix}OnOwnLine`,
      data: withData(lineData(config, missing.own.entry), { version }),
      file,
      range: config.serverRange(missing.own, missing.own.entry.valueRange),
    };
    return;
  }
  const messageId: Id = config.servers.length > 0 ? `${prefix}OnLines` : prefix;
  yield { messageId, data: { version }, file, range: zero?.valueRange ?? config.anchor };
}

/** 0.0.0.0 (or ::) in server lines: see src/model/wildcard-lines.ts. */
export function* checkWildcards(file: ConfigFile, own: ServerSpec | undefined): Reports {
  const { config } = file;
  const { wildcards, lines, own: ownLine } = wildcardAddresses(config, own);
  for (const { spec, address, own: isOwn } of wildcards) {
    const data = withData(lineData(config, spec.entry), { host: address.host.value, id: spec.id });
    const range = config.serverRange(spec, address.host.range);
    if (!isOwn) {
      const others = lines.filter((l) => l !== spec).map((l) => l.entry.key);
      if (ownLine) yield { messageId: "wildcardOther", data: withData(data, { own: ownLine.entry.key }), file, range };
      else
        yield {
          messageId: others.length > 1 ? "wildcardOtherSharedMany" : "wildcardOtherShared",
          data: withData(data, { others: others.join(", ") }),
          file,
          range,
        };
    } else if (atLeast(config.version, "3.5")) {
      const fixedIn = rejoinFixedIn(config.version);
      if (config.text("reconfigEnabled")?.toLowerCase() === "true") yield { messageId: "wildcardOwnReconfig", data, file, range };
      else if (fixedIn) yield { messageId: "wildcardOwnRejoin", data: withData(data, { fixedIn }), file, range };
      else yield { messageId: "wildcardOwn", data, file, range };
    }
  }
}

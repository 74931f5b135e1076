import type { Entry } from "../parse/document.js";
import type { ZooConfig } from "./config.js";
import type { Role, ServerSpec } from "./server-spec.js";
import { atLeast } from "./version.js";

// The roles the server lines give: ZooKeeper's checks of how many participants and observers
// there are, and peerType against the server's own line.

export type CountProblem =
  /** standaloneEnabled=false with no participant. */
  | { kind: "standaloneWithoutParticipants"; entry: Entry }
  /** Observers and no participant; `first` is the first observer. */
  | { kind: "observersWithoutParticipants"; first: ServerSpec }
  /** Observers beside a single participant, which runs standalone; `first` is the first observer. */
  | { kind: "observersWithoutQuorum"; first: ServerSpec };

/** standaloneEnabled=false (3.5+): run a quorum even with one participant. */
export function standaloneDisabled(config: ZooConfig): boolean {
  return atLeast(config.version, "3.5") && config.text("standaloneEnabled")?.toLowerCase() === "false";
}

/** What ZooKeeper refuses in the numbers of participants and observers, if anything. */
export function countProblem(config: ZooConfig): CountProblem | undefined {
  const participants = config.participants.length;
  if (participants >= 2) return undefined;
  const standaloneOff = standaloneDisabled(config);
  const first = config.servers.find((s) => s.role === "observer");
  if (participants === 0 && standaloneOff) {
    const entry = config.get("standaloneEnabled");
    return entry ? { kind: "standaloneWithoutParticipants", entry } : undefined;
  }
  if (!first) return undefined;
  if (participants === 0) return { kind: "observersWithoutParticipants", first };
  return standaloneOff ? undefined : { kind: "observersWithoutQuorum", first };
}

/** peerType naming the other role than the server's own line: ZooKeeper logs it and follows the line. */
export function peerTypeMismatch(config: ZooConfig, own: ServerSpec): { entry: Entry; wanted: Role } | undefined {
  const entry = config.get("peerType");
  const wanted = config.text("peerType")?.toLowerCase();
  if (!entry || (wanted !== "observer" && wanted !== "participant") || wanted === own.role) return undefined;
  return { entry, wanted };
}

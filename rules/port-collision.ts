import { basename, dirname } from "node:path";
import { MAX_NAMED } from "../src/model/majority.js";
import { indexClashes, sharedPorts, type Clash } from "../src/model/port-clashes.js";
import type { PortBinding } from "../src/model/ports.js";
import { defineRule, type Impact, type MessageMeta } from "../src/lint/rule.js";

/** Names the other listener as briefly as the reader needs: a file name alone when it is the same setting. */
function describe(b: PortBinding, from: PortBinding): string {
  if (b.server !== undefined) return b.label;
  if (b.file === from.file) return b.label;
  const name = dirname(b.file.path) === dirname(from.file.path) ? basename(b.file.path) : b.file.name;
  return b.kind === from.kind && b.server === undefined && from.server === undefined ? name : `${b.label} of ${name}`;
}

// What happens, by the kind of clash; each message ends with what to change (CHANGES).
const CLASH = "Port {{port}} ({{what}}) is also used by {{others}}";
const ADMIN_IN_QUORUM = `${CLASH} on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it`;
const QUORUM = `${CLASH} on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over`;
const OTHER_SERVERS = `${CLASH} on this host; the server that starts second cannot bind it and exits`;
const ADMIN_STANDALONE = `${CLASH} on this host; whichever starts second cannot bind its AdminServer and exits while starting ("Unable to start AdminServer, exiting abnormally"): started after them, this server dies; started first, it stops theirs`;
const SECOND_EXITS = `${CLASH} on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs`;
const SELF = `${CLASH} of this same server; it cannot bind both and exits while starting`;

/** What to change: by where the port is set, or one of two settings of the same file. */
const CHANGES = {
  SameFile: "use a different port for one of them",
  Setting: "give each server its own {{setting}}",
  Admin: "give each server its own admin.serverPort, or set admin.enableServer=false",
  LineClient: "give server.{{id}} its own client port",
  Line: "give server.{{id}} ports no other listener on {{host}} uses",
} as const;
type Change = keyof typeof CHANGES;

const message = (clash: string, change: Change, impact: Impact): MessageMeta => ({ text: `${clash}; ${CHANGES[change]}`, impact });
// The servers start, but no leader can serve: the part it breaks is the ensemble's reason to exist.
const quorum = (change: Change): MessageMeta => ({ ...message(QUORUM, change, "runtime"), severity: "error" });
// A server dies, though zkcfg has not seen the config of each and so cannot call it a failed start of this one.
const otherServers = (change: Change): MessageMeta => ({ ...message(OTHER_SERVERS, change, "runtime"), severity: "error" });

const messages = {
  adminInQuorum: message(ADMIN_IN_QUORUM, "Admin", "runtime"),
  adminInQuorumSameFile: message(ADMIN_IN_QUORUM, "SameFile", "runtime"),
  quorumCollisionSameFile: quorum("SameFile"),
  quorumCollisionSetting: quorum("Setting"),
  quorumCollisionAdmin: quorum("Admin"),
  quorumCollisionLineClient: quorum("LineClient"),
  quorumCollisionLine: quorum("Line"),
  otherServersClashSameFile: otherServers("SameFile"),
  otherServersClashSetting: otherServers("Setting"),
  otherServersClashAdmin: otherServers("Admin"),
  otherServersClashLineClient: otherServers("LineClient"),
  otherServersClashLine: otherServers("Line"),
  adminStandalone: message(ADMIN_STANDALONE, "Admin", "startup"),
  secondServerExitsSetting: message(SECOND_EXITS, "Setting", "startup"),
  secondServerExitsLineClient: message(SECOND_EXITS, "LineClient", "startup"),
  secondServerExitsLine: message(SECOND_EXITS, "Line", "startup"),
  selfCollisionSameFile: message(SELF, "SameFile", "startup"),
  selfCollisionSetting: message(SELF, "Setting", "startup"),
  selfCollisionLineClient: message(SELF, "LineClient", "startup"),
  selfCollisionLine: message(SELF, "Line", "startup"),
};
type Id = keyof typeof messages;

/** What to change for a port set by a key, or on a server line. */
function bindingChange(b: PortBinding): "Setting" | "LineClient" | "Line" {
  if (b.server === undefined) return "Setting";
  return b.kind === "client" ? "LineClient" : "Line";
}

/**
 * Started alone, a server only fails on its own two sockets; in an ensemble a server runs on
 * without its AdminServer (measured on 3.8), a standalone one exits; a quorum port opens only on
 * the leader. A client or election port taken kills the second server at start (3.8:
 * BindException, exit 1; election: exit 14 after its bind retries): startup only when both
 * servers are placed on this host by linted configs; a clash between lines of a server list
 * alone names servers whose configs zkcfg has not seen. Two settings of one config: the fix is
 * in that file alone.
 */
function messageId(b: PortBinding, clash: Clash): Id {
  const change: Change = clash.inOwnFile ? "SameFile" : b.kind === "admin" ? "Admin" : bindingChange(b);
  if (b.kind === "quorum" || clash.allQuorum) return `quorumCollision${change}`;
  if (b.kind === "admin" && b.file.config.isQuorum) return clash.inOwnFile ? "adminInQuorumSameFile" : "adminInQuorum";
  // A standalone server's settings all belong to its one process: a clash within its file is its own.
  if (clash.ownProcess) return clash.inOwnFile ? "selfCollisionSameFile" : `selfCollision${bindingChange(b)}`;
  // Another placed server's port is declared in its own config too, so this clash is never within one file.
  if (b.placed && clash.otherPlaced) return b.kind === "admin" ? "adminStandalone" : `secondServerExits${bindingChange(b)}`;
  return `otherServersClash${change}`;
}

export default defineRule({
  id: "port-collision",
  meta: {
    description: "No two listeners on one host share a port: client, quorum, election, admin and metrics ports",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const host of workspace.hosts) {
      for (const bindings of sharedPorts(workspace, host)) {
        const port = (bindings[0] as PortBinding).port;
        const clashOf = indexClashes(bindings);
        for (const b of bindings) {
          const clash = clashOf(b);
          if (clash === undefined) continue;
          // The first few others by name, then how many more: a message per binding that named
          // every other would make the output quadratic in the listeners of one port.
          const named = clash.first(MAX_NAMED);
          const names = [...new Set(named.map((o) => describe(o, b)))];
          const more = clash.sockets - named.length;
          const shown = names.join(", ") + (more > 0 ? ` and ${more} more` : "");
          const line = b.server !== undefined ? { id: b.server, host: b.lineHost ?? "" } : {};
          const data = { port, what: b.label, others: shown, ...(b.setting !== undefined ? { setting: b.setting } : {}), ...line };
          yield { messageId: messageId(b, clash), data, file: b.file, range: b.range };
        }
      }
    }
  },
});

import type { Range } from "../src/parse/document.js";
import { basename, dirname } from "node:path";
import { indexClashes } from "../src/model/port-clashes.js";
import { listPortBindings, type PortBinding } from "../src/model/ports.js";
import { defineRule } from "../src/lint/rule.js";

const MAX_NAMED = 3;

/** Names the other listener as briefly as the reader needs: a file name alone when it is the same setting. */
function describe(b: PortBinding, from: PortBinding): string {
  if (b.server !== undefined) return b.label;
  if (b.file === from.file) return b.label;
  const name = dirname(b.file.path) === dirname(from.file.path) ? basename(b.file.path) : b.file.name;
  return b.kind === from.kind && b.server === undefined && from.server === undefined ? name : `${b.label} of ${name}`;
}

export default defineRule({
  id: "port-collision",
  meta: {
    description: "No two listeners on one host share a port: client, quorum, election, admin and metrics ports",
    fixable: false,
    messages: {
      adminInQuorum: {
        text: 'Port {{port}} ({{what}}) is also used by {{others}} on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; {{advice}}',
        impact: "runtime",
      },
      quorumCollision: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; {{advice}}",
        impact: "runtime",
        // The servers start, but no leader can serve: the part it breaks is the ensemble's reason to exist.
        severity: "error",
      },
      otherServersClash: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; the server that starts second cannot bind it and exits; {{advice}}",
        impact: "runtime",
        // A server dies, though zkcfg has not seen the config of each and so cannot call it a failed start of this one.
        severity: "error",
      },
      adminStandalone: {
        text: 'Port {{port}} ({{what}}) is also used by {{others}} on this host; whichever starts second cannot bind its AdminServer and exits while starting ("Unable to start AdminServer, exiting abnormally"): started after them, this server dies; started first, it stops theirs; {{advice}}',
        impact: "startup",
      },
      secondServerExits: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; {{advice}}",
        impact: "startup",
      },
      selfCollision: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} of this same server; it cannot bind both and exits while starting; {{advice}}",
        impact: "startup",
      },
    },
  },
  *check({ workspace }) {
    for (const host of workspace.hosts) {
      // Only bindings of one port can clash (overlaps() then asks for one scope): grouping by the
      // port keeps a long server list on many hosts (all on 2888:3888) linear, and costs a clean
      // host no more than a map of numbers.
      const byPort = new Map<number, PortBinding[]>();
      for (const b of listPortBindings(workspace, host)) {
        const list = byPort.get(b.port);
        if (list) list.push(b);
        else byPort.set(b.port, [b]);
      }
      for (const bindings of byPort.values()) {
        if (bindings.length < 2) continue;
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
          // Two settings of one config: the fix is in that file alone.
          const advice = clash.inOwnFile ? "use a different port for one of them" : b.advice;
          const shown = names.join(", ") + (more > 0 ? ` and ${more} more` : "");
          const range: Range = b.range;
          // Started alone, a server only fails on its own two sockets; in an ensemble a server runs
          // on without its AdminServer (measured on 3.8), a standalone one exits; a quorum port
          // opens only on the leader. A client or election port taken kills the second server at
          // start (3.8: BindException, exit 1; election: exit 14 after its bind retries): startup
          // only when both servers are placed on this host by linted configs; a clash between lines
          // of a server list alone names servers whose configs zkcfg has not seen.
          const adminInQuorum = b.kind === "admin" && b.file.config.isQuorum;
          const messageId =
            b.kind === "quorum" || clash.allQuorum ? "quorumCollision"
            : adminInQuorum ? "adminInQuorum"
            : clash.ownProcess ? "selfCollision"
            : b.placed && clash.otherPlaced ? (b.kind === "admin" ? "adminStandalone" : "secondServerExits")
            : "otherServersClash";
          yield {
            messageId,
            data: { port, what: b.label, others: shown, advice },
            file: b.file,
            range,
          };
        }
      }
    }
  },
});

import type { Range } from "../src/parse/document.js";
import { basename, dirname } from "node:path";
import { listPortBindings, type PortBinding } from "../src/model/ports.js";
import { defineRule } from "../src/lint/rule.js";

const MAX_NAMED = 3;

function overlaps(a: PortBinding, b: PortBinding): boolean {
  return a.scope === b.scope && (a.address === "*" || b.address === "*" || a.address === b.address);
}

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
        severity: "warn",
      },
      quorumCollision: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; {{advice}}",
        impact: "runtime",
        severity: "error",
      },
      otherServersClash: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; the server that starts second cannot bind it and exits; {{advice}}",
        impact: "runtime",
        severity: "error",
      },
      secondServerExits: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; {{advice}}",
        impact: "startup",
        severity: "error",
      },
      selfCollision: {
        text: "Port {{port}} ({{what}}) is also used by {{others}} of this same server; it cannot bind both and exits while starting; {{advice}}",
        impact: "startup",
        severity: "error",
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
        // The processes linted configs run here, worked out once per port when a clash needs it.
        let placedOwners: Set<string> | undefined;
        for (const b of bindings) {
          const others = new Map<string, string>();
          for (const o of bindings) {
            if (o.socket === b.socket || !overlaps(o, b)) continue;
            if (!others.has(o.socket)) others.set(o.socket, describe(o, b));
          }
          if (others.size === 0) continue;
          const names = [...new Set(others.values())];
          // Two settings of one config: the fix is in that file alone.
          const sameFile = bindings.every((o) => o.socket === b.socket || !overlaps(o, b) || o.file === b.file);
          const advice = sameFile ? "use a different port for one of them" : b.advice;
          const shown = names.slice(0, MAX_NAMED).join(", ") + (names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : "");
          const range: Range = b.range;
          const clashing = bindings.filter((o) => o.socket !== b.socket && overlaps(o, b));
          // Started alone, a server only fails on its own two sockets; in an ensemble a server runs
          // on without its AdminServer (measured on 3.8), a standalone one exits; a quorum port
          // opens only on the leader. A client or election port taken kills the second server at
          // start (3.8: BindException, exit 1; election: exit 14 after its bind retries).
          const ownProcess = clashing.every((o) => o.owner === b.owner);
          // Startup only when both servers are placed on this host by linted configs; a clash
          // between lines of a server list alone names servers whose configs zkcfg has not seen.
          placedOwners ??= new Set(bindings.filter((x) => x.placed).map((x) => x.owner));
          const placed = placedOwners;
          const placedClash = b.placed && clashing.some((o) => o.owner !== b.owner && placed.has(o.owner));
          const adminInQuorum = b.kind === "admin" && b.file.config.isQuorum;
          const messageId =
            b.kind === "quorum" || clashing.every((o) => o.kind === "quorum") ? "quorumCollision"
            : adminInQuorum ? "adminInQuorum"
            : ownProcess ? "selfCollision"
            : placedClash ? "secondServerExits"
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

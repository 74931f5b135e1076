import type { Range } from "../parse/document.js";
import type { ConfigFile } from "./config-file.js";
import { bindAddress, hostKey, type Host, type Workspace } from "./ensemble.js";
import { decodeJavaInt } from "./java-number.js";
import { PROMETHEUS_METRICS_PROVIDER } from "./keys.js";
import type { ServerSpec } from "./server-spec.js";
import { atLeast } from "./version.js";

export type PortKind = "client" | "secure client" | "admin" | "metrics" | "quorum" | "election";

/** One listening socket a config declares, at the place in that config that declares it. */
export interface PortBinding {
  port: number;
  /** "*" for the wildcard, else the address bound. */
  address: string;
  /** Sockets can only clash within one scope: the host, or one server line's host when the config's own host is unknown. */
  scope: string;
  kind: PortKind;
  /** Identifies the socket: the same socket declared in several files is one socket. */
  socket: string;
  /** The process that opens it: a server of an ensemble, or the config file of a standalone server. */
  owner: string;
  /** Set for ports taken from a server.N line. */
  server?: bigint;
  label: string;
  advice: string;
  file: ConfigFile;
  range: Range;
}

/**
 * One server process, whichever config lists it: its id and its quorum addresses. Configs whose
 * server lists overlap but differ (an ensemble being grown) still name the same processes.
 */
function serverKey(spec: ServerSpec): string {
  const addresses = spec.addresses.map((a) => `${hostKey(a.host.value)}:${a.quorumPort.value}:${a.electionPort.value}`);
  return `server.${spec.id}=${addresses.join("|")}`;
}

/** Every socket the configs of one host open, with the server (or file) that opens it. */
export function listPortBindings(workspace: Workspace, host: Host): PortBinding[] {
  const shared = !host.key.startsWith("unknown:");
  const out: PortBinding[] = [];
  for (const file of host.files) {
    const { config } = file;
    const own = workspace.ownServer(file);
    // A standalone server ignores its lone server line: the line names no process and opens no quorum socket.
    const process = own && config.isQuorum ? serverKey(own) : file.path;
    const add = (b: Omit<PortBinding, "socket" | "file" | "scope" | "owner">, scope = host.key, owner = process): void => {
      out.push({ ...b, scope, owner, socket: `${owner}/${b.kind}/${b.port}/${b.address}`, file });
    };

    const clientAddress = config.text("clientPortAddress");
    const client = config.int("clientPort");
    // The client address in the server's own line wins over clientPort/clientPortAddress: one listener.
    const ownLineClient = own !== undefined && config.isQuorum && own.clientPort !== undefined;
    if (client.kind === "valid" && client.value > 0 && !ownLineClient) {
      add({ port: client.value, address: bindAddress(clientAddress), kind: "client", label: "clientPort", advice: "give each server its own clientPort", range: client.entry.valueRange });
    }
    if (atLeast(config.version, "3.5")) {
      const secure = config.int("secureClientPort");
      if (secure.kind === "valid" && secure.value > 0) {
        add({ port: secure.value, address: bindAddress(config.text("secureClientPortAddress")), kind: "secure client", label: "secureClientPort", advice: "give each server its own secureClientPort", range: secure.entry.valueRange });
      }
      // Only the exact text "false" turns the AdminServer off; a bad port silently means 8080.
      if (config.text("admin.enableServer") !== "false") {
        const entry = config.get("admin.serverPort");
        const text = config.text("admin.serverPort");
        const port = (text !== undefined ? decodeJavaInt(text) : undefined) ?? 8080;
        add({
          port,
          address: bindAddress(config.text("admin.serverAddress")),
          kind: "admin",
          label: entry ? "admin.serverPort" : "AdminServer default",
          advice: "give each server its own admin.serverPort, or set admin.enableServer=false",
          // Without a port line, point at the admin.enableServer line that meant to turn it off, if any.
          range: (entry ?? config.get("admin.enableServer"))?.valueRange ?? { start: 0, end: 0 },
        });
      }
    }
    if (atLeast(config.version, "3.6") && config.text("metricsProvider.className") === PROMETHEUS_METRICS_PROVIDER) {
      const entry = config.get("metricsProvider.httpPort");
      const text = config.text("metricsProvider.httpPort");
      const port = text !== undefined ? Number.parseInt(text, 10) : 7000;
      if (Number.isInteger(port)) {
        add({
          port,
          address: bindAddress(config.text("metricsProvider.httpHost")),
          kind: "metrics",
          label: entry ? "metricsProvider.httpPort" : "Prometheus metrics default",
          advice: "give each server its own metricsProvider.httpPort",
          range: entry ? entry.valueRange : config.get("metricsProvider.className")?.valueRange ?? { start: 0, end: 0 },
        });
      }
    }
    const onAllIps = config.text("quorumListenOnAllIPs")?.toLowerCase() === "true";
    for (const spec of config.servers) {
      // With the config's own host unknown, server lines still clash with lines on their own host.
      const lineHost = hostKey(spec.addresses[0]?.host.value ?? "");
      if (shared && lineHost !== host.key) continue;
      const scope = shared ? host.key : `line:${lineHost}`;
      const owner = config.isQuorum ? serverKey(spec) : process;
      for (const a of config.isQuorum ? spec.addresses : []) {
        const address = onAllIps && spec === own ? "*" : bindAddress(a.host.value);
        const advice = `give server.${spec.id} ports no other listener on ${a.host.value} uses`;
        add({ port: a.quorumPort.value, address, kind: "quorum", server: spec.id, label: `server.${spec.id} quorum port`, advice, range: config.serverRange(spec, a.quorumPort.range) }, scope, owner);
        add({ port: a.electionPort.value, address, kind: "election", server: spec.id, label: `server.${spec.id} election port`, advice, range: config.serverRange(spec, a.electionPort.range) }, scope, owner);
      }
      if (spec.clientPort && (config.isQuorum || spec === own)) {
        add({ port: spec.clientPort.value, address: bindAddress(spec.clientHost?.value), kind: "client", server: spec.id, label: `server.${spec.id} client port`, advice: `give server.${spec.id} its own client port`, range: config.serverRange(spec, spec.clientPort.range) }, scope, owner);
      }
    }
  }
  return out;
}

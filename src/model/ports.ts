import type { Range } from "../parse/document.js";
import type { ConfigFile } from "./config-file.js";
import type { Host, Workspace } from "./ensemble.js";
import { memberKey } from "./member-signature.js";
import { bindAddress, lineBindAddress, lineHost } from "./hosts.js";
import { decodeJavaInt } from "./java-number.js";
import { PROMETHEUS_METRICS_PROVIDER } from "./keys.js";
import type { ServerSpec } from "./server-spec.js";
import { listensOnAllIPs } from "./wildcard-lines.js";
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
  /** Opened by the process a linted config runs (its own server, or a config's own process), not only named in a server list. */
  placed: boolean;
  label: string;
  /** The key that sets it (clientPort, admin.serverPort…); none for a server line's port. */
  setting?: string;
  /** The host a server line's port is written with. */
  lineHost?: string | undefined;
  file: ConfigFile;
  range: Range;
}

/** A server line's port: its label names the line. */
interface LinePort {
  spec: ServerSpec;
  /** The host as written on the line. */
  host: string;
}

/** A port a key sets: its label, and the key. */
interface SettingPort {
  label: string;
  setting: string;
}

/**
 * A binding whose strings (owner, socket, a server line's label) are built on first use: most
 * bindings clash with nothing, and a fleet of configs has many of them.
 */
class Binding implements PortBinding {
  #owner: string | undefined;
  #socket: string | undefined;
  #label: string | undefined;
  #line: LinePort | undefined;
  readonly server?: bigint;
  readonly setting?: string;

  constructor(
    readonly port: number,
    readonly address: string,
    readonly scope: string,
    readonly kind: PortKind,
    readonly file: ConfigFile,
    readonly range: Range,
    /** The server that opens it, or undefined for the config file's own process. */
    private readonly opener: ServerSpec | undefined,
    text: SettingPort | LinePort,
    readonly placed = true,
  ) {
    if ("spec" in text) {
      this.server = text.spec.id;
      this.#line = text;
    } else {
      this.#label = text.label;
      this.setting = text.setting;
    }
  }

  get owner(): string {
    return (this.#owner ??= this.opener ? memberKey(this.opener) : this.file.path);
  }

  get socket(): string {
    return (this.#socket ??= `${this.owner}/${this.kind}/${this.port}/${this.address}`);
  }

  get label(): string {
    if (this.#label === undefined) {
      this.#label = `server.${(this.#line as LinePort).spec.id} ${this.kind} port`;
    }
    return this.#label;
  }

  get lineHost(): string | undefined {
    return this.#line?.host;
  }
}

/** Every socket the configs of one host open, with the server (or file) that opens it. */
export function listPortBindings(workspace: Workspace, host: Host): PortBinding[] {
  const out: PortBinding[] = [];
  for (const file of host.files) addFileBindings(out, workspace, host, file);
  return out;
}

function addFileBindings(out: PortBinding[], workspace: Workspace, host: Host, file: ConfigFile): void {
  const own = workspace.ownServer(file);
  const quorum = file.config.isQuorum;
  // A standalone server ignores its lone server line: the line names no process and opens no quorum socket.
  const opener: Opener = { file, scope: host.key, own, quorum, process: own && quorum ? own : undefined };
  // The client address in the server's own line wins over clientPort/clientPortAddress: one listener.
  const ownLineClient = own !== undefined && quorum && own.clientPort !== undefined;
  addSettingBindings(out, opener, ownLineClient);
  addLineBindings(out, workspace, host, opener);
}

/** The config a binding comes from, the scope its ports clash in, and the server process that opens them. */
interface Opener {
  file: ConfigFile;
  scope: string;
  /** The config's own server line, and whether it runs a quorum. */
  own: ServerSpec | undefined;
  quorum: boolean;
  process: ServerSpec | undefined;
}

/** The listeners that settings open: client, secure client, AdminServer, metrics. */
function addSettingBindings(out: PortBinding[], { file, scope, process }: Opener, ownLineClient: boolean): void {
  const { config } = file;
  const add = (port: number, address: string | undefined, kind: PortKind, range: Range, text: SettingPort): void => {
    out.push(new Binding(port, bindAddress(address), scope, kind, file, range, process, text));
  };
  const client = config.int("clientPort");
  if (client.kind === "valid" && client.value > 0 && !ownLineClient)
    add(client.value, config.text("clientPortAddress"), "client", client.entry.valueRange, CLIENT_TEXT);
  if (atLeast(config.version, "3.5")) {
    const secure = config.int("secureClientPort");
    if (secure.kind === "valid" && secure.value > 0)
      add(secure.value, config.text("secureClientPortAddress"), "secure client", secure.entry.valueRange, SECURE_TEXT);
    // Only the exact text "false" turns the AdminServer off; a bad port silently means 8080.
    if (config.text("admin.enableServer") !== "false") {
      const entry = config.get("admin.serverPort");
      const text = config.text("admin.serverPort");
      const port = (text !== undefined ? decodeJavaInt(text) : undefined) ?? 8080;
      // Without a port line, point at the admin.enableServer line that meant to turn it off, if any.
      const range = (entry ?? config.get("admin.enableServer"))?.valueRange ?? { start: 0, end: 0 };
      add(port, config.text("admin.serverAddress"), "admin", range, entry ? ADMIN_TEXT : ADMIN_DEFAULT_TEXT);
    }
  }
  if (atLeast(config.version, "3.6") && config.text("metricsProvider.className") === PROMETHEUS_METRICS_PROVIDER) {
    const entry = config.get("metricsProvider.httpPort");
    const text = config.text("metricsProvider.httpPort");
    const port = text !== undefined ? Number.parseInt(text, 10) : 7000;
    if (Number.isInteger(port)) {
      const range = entry ? entry.valueRange : (config.get("metricsProvider.className")?.valueRange ?? { start: 0, end: 0 });
      add(port, config.text("metricsProvider.httpHost"), "metrics", range, entry ? METRICS_TEXT : METRICS_DEFAULT_TEXT);
    }
  }
}

/** The listeners that server lines open: quorum and election ports, and the `;` client port. */
function addLineBindings(out: PortBinding[], workspace: Workspace, host: Host, { file, own, quorum, process }: Opener): void {
  const { config } = file;
  const shared = host.known;
  const onAllIps = listensOnAllIPs(config);
  for (const spec of config.servers) {
    // With the config's own host unknown, server lines still clash with lines on their own host (of its site).
    if (shared && !workspace.isLocal(file, spec)) continue;
    const lineScope = shared ? host.key : `line:${workspace.siteOf(file)}|${lineHost(spec)}`;
    const owner = quorum ? spec : process;
    const add = (port: number, address: string, kind: PortKind, range: Range, line: LinePort): void => {
      out.push(new Binding(port, address, lineScope, kind, file, config.serverRange(spec, range), owner, line, owner === process));
    };
    if (quorum) {
      for (const a of spec.addresses) {
        const address = onAllIps && spec === own ? "*" : lineBindAddress(a.host.value);
        const line: LinePort = { spec, host: a.host.value };
        add(a.quorumPort.value, address, "quorum", a.quorumPort.range, line);
        add(a.electionPort.value, address, "election", a.electionPort.range, line);
      }
    }
    if (spec.clientPort && (quorum || spec === own)) {
      add(spec.clientPort.value, bindAddress(spec.clientHost?.value), "client", spec.clientPort.range, { spec, host: spec.clientHost?.value ?? "" });
    }
  }
}

const CLIENT_TEXT: SettingPort = { label: "clientPort", setting: "clientPort" };
const SECURE_TEXT: SettingPort = { label: "secureClientPort", setting: "secureClientPort" };
const ADMIN_TEXT: SettingPort = { label: "admin.serverPort", setting: "admin.serverPort" };
const ADMIN_DEFAULT_TEXT: SettingPort = { label: "AdminServer default", setting: "admin.serverPort" };
const METRICS_TEXT: SettingPort = { label: "metricsProvider.httpPort", setting: "metricsProvider.httpPort" };
const METRICS_DEFAULT_TEXT: SettingPort = { label: "Prometheus metrics default", setting: "metricsProvider.httpPort" };

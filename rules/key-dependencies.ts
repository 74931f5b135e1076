import type { ConfigFile } from "../src/model/config-file.js";
import type { ZooConfig } from "../src/model/config.js";
import { javaTrim } from "../src/model/java-number.js";
import { atLeast } from "../src/model/version.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const NETTY = "org.apache.zookeeper.server.NettyServerCnxnFactory";
const NIO = "org.apache.zookeeper.server.NIOServerCnxnFactory";

const messages = {
  saslFlag: {
    text: '{{key}} "{{value}}" needs {{needs}}; ZooKeeper refuses to start ("{{zk}}"); set {{needs}}, or remove the line',
    impact: "startup",
  },
  addressWithoutPort: {
    text: '{{key}} "{{value}}" is set, but {{port}} is not; ZooKeeper refuses to start ("{{key}} is set but {{port}} is not set"); add {{port}}, or remove the line',
    impact: "startup",
  },
  addressWithPortZero: {
    text: '{{key}} "{{value}}" is set, but {{port}} is 0, which ZooKeeper {{version}} reads as no port; it refuses to start ("{{key}} is set but {{port}} is not set"); set {{port}} to a port, or remove the line',
    impact: "startup",
  },
  tlsWithoutNetty: {
    text: `secureClientPort {{port}} is set, but serverCnxnFactory is not, and the default NIO connection factory has no TLS; ZooKeeper exits while starting with "SSL isn't supported in NIOServerCnxn"; add serverCnxnFactory=${NETTY}`,
    impact: "startup",
  },
  tlsOnNio: {
    text: `serverCnxnFactory "{{value}}" has no TLS, but secureClientPort {{port}} is set; ZooKeeper exits while starting with "SSL isn't supported in NIOServerCnxn"; write serverCnxnFactory=${NETTY}`,
    impact: "startup",
  },
  sslSchemeWithoutProvider: {
    text: 'ssl.authProvider "{{value}}" names a scheme no authProvider.{{value}} line provides; with secureClientPort set, ZooKeeper refuses to start ("No auth provider configured for the SSL authentication scheme \'{{value}}\'."); add authProvider.{{value}}=<provider class>, or remove the line to use x509',
    impact: "startup",
  },
} as const;

type Id = keyof typeof messages;
type Yield = Generator<Report<Id>>;

export default defineRule({
  id: "key-dependencies",
  meta: {
    description: "Settings that work only together with others come with them: the quorum SASL switches, the client port addresses, TLS on the client port",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config } = file;
      // Each check starts from a key that most configs do not set.
      if (config.get(SERVER) || config.get(LEARNER)) yield* checkSasl(file);
      // 3.4 has no secure port, and there a missing clientPort is refused whatever else is set.
      if (!atLeast(config.version, "3.5")) continue;
      if (config.get("clientPortAddress")) yield* checkAddress(file, "clientPortAddress", "clientPort");
      if (config.get("secureClientPortAddress")) yield* checkAddress(file, "secureClientPortAddress", "secureClientPort");
      if (config.get("secureClientPort")) yield* checkTls(file);
    }
  },
});

/** true in any case: what both the lenient (before 3.7) and the strict reader take for true; anything else is value-type's. */
const isOn = (config: ZooConfig, key: string): boolean => config.text(key)?.toLowerCase() === "true";

const ENABLE = "quorum.auth.enableSasl";
const LEARNER = "quorum.auth.learnerRequireSasl";
const SERVER = "quorum.auth.serverRequireSasl";

const cannot = (missing: string, key: string): string => `${missing} is disabled, so cannot enable ${key}`;

/** QuorumPeerConfig's checks, in its order: the server side needs both switches, the learner side the first. */
function* checkSasl(file: ConfigFile): Yield {
  const { config } = file;
  for (const key of [SERVER, LEARNER]) {
    const entry = config.get(key);
    if (!entry || !isOn(config, key)) continue;
    const missing = [ENABLE, ...(key === SERVER ? [LEARNER] : [])].filter((k) => !isOn(config, k));
    const first = missing[0];
    if (first === undefined) continue;
    const needs = missing.map((k) => `${k}=true`).join(" and ");
    yield { messageId: "saslFlag", data: { key, value: javaTrim(entry.value), needs, zk: cannot(first, key) }, file, range: entry.range };
  }
}

type PortState = "set" | "absent" | "zero" | "unreadable";

/** Whether ZooKeeper counts the port as set: before 3.9, 0 means no port; from 3.9 only a missing key does. */
function portState(config: ZooConfig, key: string): PortState {
  const port = config.int(key);
  if (port.kind === "absent") return "absent";
  if (port.kind === "invalid") return "unreadable";
  return port.value === 0 && !atLeast(config.version, "3.9") ? "zero" : "set";
}

function* checkAddress(file: ConfigFile, key: string, port: string): Yield {
  const { config } = file;
  const entry = config.get(key);
  const state = portState(config, port);
  if (!entry || state === "set" || state === "unreadable") return;
  const data = { key, value: javaTrim(entry.value), port, version: config.version };
  yield { messageId: state === "absent" ? "addressWithoutPort" : "addressWithPortZero", data, file, range: entry.range };
}

function* checkTls(file: ConfigFile): Yield {
  const { config } = file;
  const secure = config.int("secureClientPort");
  if (secure.kind !== "valid" || portState(config, "secureClientPort") !== "set") return;
  const port = secure.value;
  const factory = config.get("serverCnxnFactory");
  // Another class is value-type's to report; a Netty factory, or one of the user's, may well do TLS.
  if (!factory) yield { messageId: "tlsWithoutNetty", data: { port }, file, range: secure.entry.range };
  else if (javaTrim(factory.value) === NIO) yield { messageId: "tlsOnNio", data: { value: NIO, port }, file, range: factory.range };

  const scheme = config.get("ssl.authProvider");
  const name = config.text("ssl.authProvider");
  // ZooKeeper puts in the x509 provider itself; any other scheme needs its authProvider.<scheme> line.
  if (scheme && name !== undefined && name !== "x509" && !config.get(`authProvider.${name}`)) {
    yield { messageId: "sslSchemeWithoutProvider", data: { value: name }, file, range: scheme.range };
  }
}

import type { ZkVersion } from "../../model/version.js";
import type { ComposeService, Located } from "../model.js";
import { unknownVariable, type ImageFamily, type Refusal, type Rendered, type RenderedLine } from "./family.js";

/**
 * What Confluent's `confluentinc/cp-zookeeper` image (github.com/confluentinc/kafka-images, zookeeper/)
 * does at start, for tags 5.5 to 7.9: docs/images.md records the facts. Its `configure` script renders
 * /etc/kafka/zookeeper.properties from a Jinja template at every start (over any file there), and
 * ZOOKEEPER_SERVER_ID into the data directory's myid.
 */

const CONF_PATH = "/etc/kafka/zookeeper.properties";
const DATA_DIR = "/var/lib/zookeeper/data";

/** The template's variables and the keys they set, in the template's order (which is the order written). */
const PROPS: readonly [string, string][] = Object.entries({
  ZOOKEEPER_CLIENT_PORT: "clientPort",
  ZOOKEEPER_TICK_TIME: "tickTime",
  ZOOKEEPER_GLOBAL_OUTSTANDING_LIMIT: "globalOutstandingLimit",
  ZOOKEEPER_PRE_ALLOC_SIZE: "preAllocSize",
  ZOOKEEPER_SNAP_COUNT: "snapCount",
  ZOOKEEPER_TRACE_FILE: "traceFile",
  ZOOKEEPER_MAX_CLIENT_CNXNS: "maxClientCnxns",
  ZOOKEEPER_CLIENT_PORT_ADDRESS: "clientPortAddress",
  ZOOKEEPER_MIN_SESSION_TIMEOUT: "minSessionTimeout",
  ZOOKEEPER_MAX_SESSION_TIMEOUT: "maxSessionTimeout",
  ZOOKEEPER_FSYNC_WARNING_THRESHOLDMS: "fsync.warningthresholdms",
  ZOOKEEPER_AUTOPURGE_SNAP_RETAIN_COUNT: "autopurge.snapRetainCount",
  ZOOKEEPER_AUTOPURGE_PURGE_INTERVAL: "autopurge.purgeInterval",
  ZOOKEEPER_SYNC_ENABLED: "syncEnabled",
  ZOOKEEPER_ELECTION_ALG: "electionAlg",
  ZOOKEEPER_INIT_LIMIT: "initLimit",
  ZOOKEEPER_LEADER_SERVES: "leaderServes",
  ZOOKEEPER_SYNC_LIMIT: "syncLimit",
  ZOOKEEPER_CNX_TIMEOUT: "cnxTimeout",
  ZOOKEEPER_FORCE_SYNC: "forceSync",
  ZOOKEEPER_JUTE_MAX_BUFFER: "jute.maxbuffer",
  ZOOKEEPER_SKIP_ACL: "skipACL",
  ZOOKEEPER_QUORUM_LISTEN_ON_ALL_IPS: "quorumListenOnAllIPs",
  ZOOKEEPER_CLIENT_CNXN_SOCKET: "clientCnxnSocket",
  ZOOKEEPER_SECURE_CLIENT_PORT: "secureClientPort",
  ZOOKEEPER_SERVER_CNXN_SOCKET: "serverCnxnSocket",
  ZOOKEEPER_X509_AUTHENTICATION_PROVIDER_SUPER_USER: "X509AuthenticationProvider.superUser",
  ZOOKEEPER_SSL_AUTH_PROVIDER: "ssl.authProvider",
  ZOOKEEPER_SSL_CLIENT_AUTH: "ssl.clientAuth",
  ZOOKEEPER_SSL_KEYSTORE_LOCATION: "ssl.keyStore.location",
  ZOOKEEPER_SSL_KEYSTORE_PASSWORD: "ssl.keyStore.password",
  ZOOKEEPER_SSL_KEYSTORE_TYPE: "ssl.keyStore.type",
  ZOOKEEPER_SSL_TRUSTSTORE_LOCATION: "ssl.trustStore.location",
  ZOOKEEPER_SSL_TRUSTSTORE_PASSWORD: "ssl.trustStore.password",
  ZOOKEEPER_SSL_TRUSTSTORE_TYPE: "ssl.trustStore.type",
  ZOOKEEPER_SSL_ENABLED_PROTOCOLS: "ssl.enabledProtocols",
  ZOOKEEPER_SSL_CONTEXT_SUPPLIER_CLASS: "ssl.context.supplier.class",
  ZOOKEEPER_SSL_CIPHER_SUITES: "ssl.ciphersuites",
  ZOOKEEPER_SSL_HOSTNAME_VERIFICATION: "ssl.hostnameVerification",
  ZOOKEEPER_SSL_CRL: "ssl.crl",
  ZOOKEEPER_SSL_OCPS: "ssl.ocsp",
  ZOOKEEPER_SSL_HANDSHAKE_DETECTION_TIMEOUT_MILLIS: "ssl.handshakeDetectionTimeoutMillis",
  ZOOKEEPER_SSL_QUORUM: "sslQuorum",
  ZOOKEEPER_SSL_QUORUM_CLIENT_AUTH: "ssl.quorum.clientAuth",
  ZOOKEEPER_SSL_QUORUM_KEYSTORE_LOCATION: "ssl.quorum.keyStore.location",
  ZOOKEEPER_SSL_QUORUM_KEYSTORE_PASSWORD: "ssl.quorum.keyStore.password",
  ZOOKEEPER_SSL_QUORUM_KEYSTORE_TYPE: "ssl.quorum.keyStore.type",
  ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_LOCATION: "ssl.quorum.trustStore.location",
  ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_PASSWORD: "ssl.quorum.trustStore.password",
  ZOOKEEPER_SSL_QUORUM_TRUSTSTORE_TYPE: "ssl.quorum.trustStore.type",
  ZOOKEEPER_SSL_QUORUM_ENABLED_PROTOCOLS: "ssl.quorum.enabledProtocols",
  ZOOKEEPER_SSL_QUORUM_CIPHER_SUITES: "ssl.quorum.ciphersuites",
  ZOOKEEPER_SSL_QUORUM_CONTEXT_SUPPLIER_CLASS: "ssl.quorum.context.supplier.class",
  ZOOKEEPER_SSL_QUORUM_HOSTNAME_VERIFICATION: "ssl.quorum.hostnameVerification",
  ZOOKEEPER_SSL_QUORUM_CRL: "ssl.quorum.crl",
  ZOOKEEPER_SSL_QUORUM_OCPS: "ssl.quorum.ocsp",
  ZOOKEEPER_SSL_QUORUM_HANDSHAKE_DETECTION_TIMEOUT_MILLIS: "ssl.quorum.handshakeDetectionTimeoutMillis",
  ZOOKEEPER_SERVER_CNXN_FACTORY: "serverCnxnFactory",
  ZOOKEEPER_AUTH_PROVIDER_X509: "authProvider.x509",
  ZOOKEEPER_AUTH_PROVIDER_SASL: "authProvider.sasl",
  ZOOKEEPER_CLIENT_PORT_UNIFICATION: "client.portUnification",
  ZOOKEEPER_ADMIN_ENABLE_SERVER: "admin.enableServer",
  ZOOKEEPER_ADMIN_SERVER_ADDRESS: "admin.serverAddress",
  ZOOKEEPER_ADMIN_SERVER_PORT: "admin.serverPort",
  ZOOKEEPER_ADMIN_IDLE_TIMEOUT: "admin.idleTimeout",
  ZOOKEEPER_ADMIN_COMMAND_URL: "admin.commandURL",
});

/** The template's variables, its numbered lists (split at ";"), the id and the log4j templates' variables. */
const VARIABLES = [
  ...PROPS.map(([name]) => name),
  "ZOOKEEPER_SERVERS",
  "ZOOKEEPER_GROUPS",
  "ZOOKEEPER_WEIGHTS",
  "ZOOKEEPER_SERVER_ID",
  "ZOOKEEPER_LOG4J_ROOT_LOGLEVEL",
  "ZOOKEEPER_LOG4J_LOGGERS",
  "ZOOKEEPER_TOOLS_LOG4J_LOGLEVEL",
];

const blank = (origin: Located<unknown>): RenderedLine => ({ text: "", origin });

/**
 * A list block as Jinja writes it (trim_blocks off): the newlines after its if, set and for tags, the
 * `<key>.<n>=` lines with the for tag's newline between them, and the endfor's newline.
 */
function listLines(service: ComposeService, name: string, key: string): RenderedLine[] {
  const set = service.environment.get(name);
  if (!set?.value) return [];
  const items = set.value.split(";").map((item, i) => ({ text: `${key}.${i + 1}=${item}`, origin: set }));
  return [blank(set), blank(set), ...items.flatMap((line) => [blank(set), line]), blank(set)];
}

export function renderConfluent(service: ComposeService, image: Located<string | undefined>, version: ZkVersion): Rendered | { unknown: string } {
  const missing = unknownVariable(service, VARIABLES);
  if (missing) return { unknown: missing };
  const env = new Map(service.environment);
  // With ZOOKEEPER_SERVERS, configure exports initLimit 10 and syncLimit 5 unless set (and not empty).
  const servers = env.get("ZOOKEEPER_SERVERS");
  if (servers?.value) {
    for (const [name, value] of [
      ["ZOOKEEPER_INIT_LIMIT", "10"],
      ["ZOOKEEPER_SYNC_LIMIT", "5"],
    ] as const) {
      if (!env.get(name)?.value) env.set(name, { ...(env.get(name) ?? servers), name, value });
    }
  }
  const lines: RenderedLine[] = [
    blank(image),
    { text: `dataDir=${DATA_DIR}`, origin: image },
    { text: "dataLogDir=/var/lib/zookeeper/log", origin: image },
    blank(image),
    blank(image),
  ];
  for (const [name, key] of PROPS) {
    const set = env.get(name);
    if (set?.value !== undefined) lines.push({ text: `${key}=${set.value}`, origin: set });
  }
  // After each block, its endif's newline and the blank line between blocks; Jinja drops the template's last newline (the weights' endif's).
  lines.push(...listLines(service, "ZOOKEEPER_SERVERS", "server"), blank(image), blank(image));
  lines.push(...listLines(service, "ZOOKEEPER_GROUPS", "group"), blank(image), blank(image));
  lines.push(...listLines(service, "ZOOKEEPER_WEIGHTS", "weight"));
  const id = service.environment.get("ZOOKEEPER_SERVER_ID");
  return { version, confPath: CONF_PATH, dataDir: DATA_DIR, lines, ...(id?.value ? { myid: { text: id.value, origin: id, file: id.value } } : {}) };
}

/** `dub ensure`: what makes configure exit before ZooKeeper starts. */
export function confluentRefusals(service: ComposeService, image: Located<string | undefined>): Refusal[] {
  const env = service.environment;
  const out: Refusal[] = [];
  if (!env.has("ZOOKEEPER_CLIENT_PORT") && !env.has("ZOOKEEPER_SECURE_CLIENT_PORT")) {
    out.push({
      message:
        "the confluentinc/cp-zookeeper entrypoint exits before ZooKeeper starts: it requires ZOOKEEPER_CLIENT_PORT (or ZOOKEEPER_SECURE_CLIENT_PORT), which is not set; set ZOOKEEPER_CLIENT_PORT: 2181",
      at: image,
    });
  }
  const servers = env.get("ZOOKEEPER_SERVERS");
  if (servers?.value && !env.has("ZOOKEEPER_SERVER_ID")) {
    out.push({
      message:
        "the confluentinc/cp-zookeeper entrypoint exits before ZooKeeper starts: ZOOKEEPER_SERVERS is set, so it requires ZOOKEEPER_SERVER_ID, which is not set; set ZOOKEEPER_SERVER_ID to this service's place in ZOOKEEPER_SERVERS (from 1)",
      at: servers,
    });
  }
  return out;
}

/** The ZooKeeper line a Confluent Platform tag ships (its Kafka's): 5.5–6.2 → 3.5, 7.0–7.5 → 3.6, 7.6–7.9 → 3.8. */
export function confluentVersion(tag: string): ZkVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:[.-].*)?$/.exec(tag);
  const release = tag === "latest" ? 709 : m ? Number(m[1]) * 100 + Number(m[2]) : 0;
  if (release >= 706 && release <= 709) return "3.8";
  if (release >= 700 && release <= 705) return "3.6";
  return release >= 505 && release <= 602 ? "3.5" : undefined;
}

const keyVariables: Record<string, string> = { myid: "ZOOKEEPER_SERVER_ID", server: "ZOOKEEPER_SERVERS" };
for (const [name, key] of PROPS) keyVariables[key] = name;

/** Confluent's image: docs/images.md, "Confluent". */
export const confluent: ImageFamily = {
  id: "confluent",
  label: "confluentinc/cp-zookeeper",
  names: ["confluentinc/cp-zookeeper"],
  prefix: "ZOOKEEPER_",
  version: confluentVersion,
  variables: () => VARIABLES,
  keyVariables,
  // The template writes only its own keys; the rest come through KAFKA_OPTS as -Dzookeeper.<key>=…
  extraFor: (key) => `KAFKA_OPTS: "-Dzookeeper.${key}=…"`,
  configOnly: () => false,
  keepsMountedConfig: false,
  jvmOptions: ["KAFKA_OPTS"],
  whitelistHint: (words) => `add -Dzookeeper.4lw.commands.whitelist=${words} to KAFKA_OPTS (the image has no variable for it)`,
  render: (service, image, version) => renderConfluent(service, image, version),
  refusals: (service, image) => confluentRefusals(service, image),
};

// unknown-key's messages: complete templates, the facts they name passed as data.

const NO_PREFIX = "reads it without the zookeeper. prefix, so zoo.cfg cannot set it";
const JVM_FLAG = "set it as a JVM flag instead, {{jvm}} (SERVER_JVMFLAGS in conf/java.env)";
const OLD_SASL_NAME = "no ZooKeeper version reads this name from old SASL setup guides";
const DEFAULT_IGNORES =
  "so ZooKeeper's default provider ignores it; set metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider or remove it";

export const messages = {
  unknown: {
    text: '"{{key}}" is not a key ZooKeeper {{version}} knows; ZooKeeper silently turns it into the unused system property "zookeeper.{{key}}"; check the spelling in the ZooKeeper Administrator\'s Guide or remove it',
    impact: "runtime",
  },
  unknownSimilar: {
    text: '"{{key}}" is not a key ZooKeeper {{version}} knows; ZooKeeper silently turns it into the unused system property "zookeeper.{{key}}"; did you mean {{candidates}}?',
    impact: "runtime",
  },
  otherVersion: {
    text: '"{{key}}" is read by ZooKeeper {{versions}}, not by {{version}}; ZooKeeper {{version}} silently turns it into the unused system property "zookeeper.{{key}}"; remove it, or lint for the version you run with --zk-version',
    impact: "runtime",
  },
  prefixed: {
    text: '"{{key}}" sets the system property "zookeeper.{{key}}", which nothing reads, because ZooKeeper puts the "zookeeper." prefix in front of every key itself; write "{{working}}"',
    impact: "runtime",
  },
  jvmOnly: { text: `"{{key}}" does nothing in zoo.cfg: ZooKeeper ${NO_PREFIX}; ${JVM_FLAG}`, impact: "runtime" },
  jvmOnlyShared: { text: `"{{key}}" does nothing in zoo.cfg: ZooKeeper ${NO_PREFIX}, and every client needs the same limit; ${JVM_FLAG}`, impact: "runtime" },
  jvmOnlyJava: { text: `"{{key}}" does nothing in zoo.cfg: the JVM ${NO_PREFIX}; ${JVM_FLAG}`, impact: "runtime" },
  alias: {
    text: '"{{key}}" does nothing in zoo.cfg: it is the admin guide\'s name for it, but the server reads zookeeper.{{instead}}; write "{{instead}}"',
    impact: "runtime",
  },
  aliasCommon: {
    text: '"{{key}}" does nothing in zoo.cfg: it is a common name for {{means}}, which ZooKeeper calls {{instead}}; write "{{instead}}"',
    impact: "runtime",
  },
  unusedElectionPort: {
    text: '"{{key}}" does nothing in zoo.cfg: the election port is the third field of each server.N line (host:quorumPort:electionPort), and no key sets it; remove it',
    impact: "runtime",
  },
  unusedMyid: {
    text: '"{{key}}" does nothing in zoo.cfg: ZooKeeper reads the server id from the file myid in dataDir, and no key sets it; remove it',
    impact: "runtime",
  },
  unusedLogDir: {
    text: '"{{key}}" does nothing in zoo.cfg: the server\'s log files go where the ZOO_LOG_DIR environment variable says (conf/zookeeper-env.sh), and no key sets it; remove it',
    impact: "runtime",
  },
  unusedLoginRenew: {
    text: `"{{key}}" does nothing in zoo.cfg: ${OLD_SASL_NAME} (the Kerberos login renews its ticket on its own schedule); remove it`,
    impact: "runtime",
  },
  unusedClientAuthScheme: {
    text: `"{{key}}" does nothing in zoo.cfg: ${OLD_SASL_NAME} (from 3.6 on, sessionRequireClientSASLAuth=true makes SASL mandatory); remove it`,
    impact: "runtime",
  },
  clientSetting: {
    text: '"{{key}}" does nothing in a server\'s zoo.cfg: it is a client setting (zookeeper.{{name}}) that the server never reads; remove it, or set it where the clients are configured',
    impact: "runtime",
  },
  providerOptionUnused: {
    text: `"{{key}}" is an option for a metrics provider, but metricsProvider.className names the default provider, ${DEFAULT_IGNORES}`,
    impact: "runtime",
  },
  providerOptionUnset: {
    text: `"{{key}}" is an option for a metrics provider, but metricsProvider.className is not set, ${DEFAULT_IGNORES}`,
    impact: "runtime",
  },
  providerOptionUnknown: {
    text: '"{{key}}" is not an option the Prometheus metrics provider of ZooKeeper {{version}} reads; the provider silently ignores it; its options are {{options}}',
    impact: "runtime",
  },
  providerOptionSimilar: {
    text: '"{{key}}" is not an option the Prometheus metrics provider of ZooKeeper {{version}} reads; the provider silently ignores it; did you mean {{candidates}}?',
    impact: "runtime",
  },
  badFamilyKey: {
    text: '"{{key}}" starts with "{{prefix}}", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "{{rest}}"); rename it, or write {{name}} with a numeric id',
    impact: "startup",
  },
  byteOrderMark: {
    text: 'The file starts with a UTF-8 byte order mark, which ZooKeeper reads as the characters "ï»¿" in front of the first key, so "{{key}}" is not set; save the file without the byte order mark',
    impact: "runtime",
    // It starts, but silently without the file's first setting, whichever it is, with nothing in its log.
    severity: "error",
  },
} as const;

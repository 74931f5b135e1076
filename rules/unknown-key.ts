import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { javaTrim } from "../src/model/java-number.js";
import {
  DEFAULT_METRICS_PROVIDER,
  didYouMean,
  lookupKey,
  type KeyLookup,
  PROMETHEUS_METRICS_PROVIDER,
  providerOptions,
  UTF8_BOM,
  versionSpan,
} from "../src/model/keys.js";
import { atLeast, type ZkVersion } from "../src/model/version.js";
import { defineRule, type Report, type Suggestion } from "../src/lint/rule.js";

const PROVIDER_KEY = "metricsProvider.className";
const PROVIDER_PREFIX = "metricsProvider.";

const NO_PREFIX = "reads it without the zookeeper. prefix, so zoo.cfg cannot set it";
const JVM_FLAG = "set it as a JVM flag instead, {{jvm}} (SERVER_JVMFLAGS in conf/java.env)";
const OLD_SASL_NAME = "no ZooKeeper version reads this name from old SASL setup guides";
const DEFAULT_IGNORES =
  "so ZooKeeper's default provider ignores it; set metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider or remove it";

const messages = {
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
  unusedMyid: { text: '"{{key}}" does nothing in zoo.cfg: ZooKeeper reads the server id from the file myid in dataDir, and no key sets it; remove it', impact: "runtime" },
  unusedLogDir: {
    text: '"{{key}}" does nothing in zoo.cfg: the server\'s log files go where the ZOO_LOG_DIR environment variable says (conf/zookeeper-env.sh), and no key sets it; remove it',
    impact: "runtime",
  },
  unusedLoginRenew: { text: `"{{key}}" does nothing in zoo.cfg: ${OLD_SASL_NAME} (the Kerberos login renews its ticket on its own schedule); remove it`, impact: "runtime" },
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

type Id = keyof typeof messages;

const quoteAll = (names: string[]): string => names.map((n) => `"${n}"`).join(" or ");

export default defineRule({
  id: "unknown-key",
  meta: {
    description: "Every key in zoo.cfg is one the ZooKeeper version reads, spelled as ZooKeeper spells it",
    fixable: false,
    messages,
    suggestions: {
      rename: 'Rename "{{key}}" to "{{to}}"',
      removeMark: "Remove the byte order mark",
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { version } = file.config;
      for (const entry of file.document.entries) {
        const key = javaTrim(entry.key);
        if (isProviderOption(key, version)) {
          yield* checkProviderOption(file, entry, key);
          continue;
        }
        const found = lookupKey(key, version);
        // A key ZooKeeper reads, the usual case, needs nothing more.
        if (found.kind !== "key" && found.kind !== "family") yield* checkEntry(file, entry, key, found);
      }
    }
  },
});

/** Renaming is offered only when the new key is not set already: a second one would change which value wins. */
function rename(file: ConfigFile, entry: Entry, key: string, to: string): { suggestions?: Suggestion[] } {
  if (file.config.get(to)) return {};
  return { suggestions: [{ messageId: "rename", data: { key, to }, fix: { kind: "edit", path: file.path, range: entry.keyRange, text: to } }] };
}

/** metricsProvider.<option> keys (3.6+) go to the provider, not to ZooKeeper's own key lookup. */
function isProviderOption(key: string, version: ZkVersion): boolean {
  return key.startsWith(PROVIDER_PREFIX) && key !== PROVIDER_KEY && atLeast(version, "3.6");
}

function* checkEntry(file: ConfigFile, entry: Entry, key: string, found: KeyLookup): Generator<Report<Id>> {
  const { config } = file;
  const version = config.version;
  const at = { file, range: entry.keyRange };

  switch (found.kind) {
    case "key":
    case "family":
      return;
    case "bom": {
      const start = entry.keyRange.start;
      const range = { start, end: start + UTF8_BOM.length };
      const fix = { kind: "edit" as const, path: file.path, range, text: "" };
      yield { messageId: "byteOrderMark", data: { key: found.rest }, file, range, suggestions: [{ messageId: "removeMark", fix }] };
      return;
    }
    case "badFamilyKey":
      // With a dynamic file ZooKeeper refuses these keys in zoo.cfg for another reason, which dynamic-config reports.
      if (atLeast(version, "3.5") && config.get("dynamicConfigFile")) return;
      yield { messageId: "badFamilyKey", data: { key, prefix: found.family.prefix, rest: found.rest, name: found.family.name }, ...at };
      return;
    case "otherVersion":
      yield { messageId: "otherVersion", data: { key, version, versions: versionSpan(found.spec) }, ...at };
      return;
    case "prefixed":
      yield { messageId: "prefixed", data: { key, working: found.working }, ...at, ...rename(file, entry, key, found.working) };
      return;
    case "inert": {
      const { inert } = found;
      // The catalog names the message; its schema allows only this rule's messages about inert keys.
      const messageId = inert.message as Id;
      const data = { key, name: inert.name, ...(inert.jvm !== undefined ? { jvm: inert.jvm } : {}), ...(inert.means !== undefined ? { means: inert.means } : {}) };
      if (inert.instead === undefined) yield { messageId, data, ...at };
      else yield { messageId, data: { ...data, instead: inert.instead }, ...at, ...rename(file, entry, key, inert.instead) };
      return;
    }
    case "unknown": {
      const candidates = didYouMean(key, version);
      if (candidates.length === 0) yield { messageId: "unknown", data: { key, version }, ...at };
      else {
        const only = candidates.length === 1 ? rename(file, entry, key, candidates[0] as string) : {};
        yield { messageId: "unknownSimilar", data: { key, version, candidates: quoteAll(candidates) }, ...at, ...only };
      }
    }
  }
}

/** metricsProvider.<option>: ZooKeeper hands it to the provider class, which reads only its own options. */
function* checkProviderOption(file: ConfigFile, entry: Entry, key: string): Generator<Report<Id>> {
  const { config } = file;
  const version = config.version;
  const at = { file, range: entry.keyRange };
  const className = config.text(PROVIDER_KEY);
  const provider = className ?? DEFAULT_METRICS_PROVIDER;
  if (provider === DEFAULT_METRICS_PROVIDER) {
    yield { messageId: className === undefined ? "providerOptionUnset" : "providerOptionUnused", data: { key }, ...at };
    return;
  }
  // A provider of another project reads options zkcfg cannot know.
  if (provider !== PROMETHEUS_METRICS_PROVIDER) return;
  const options = providerOptions(provider, version).map((s) => s.name);
  if (options.includes(key)) return;
  const spec = lookupKey(key, version);
  if (spec.kind === "otherVersion") {
    yield { messageId: "otherVersion", data: { key, version, versions: versionSpan(spec.spec) }, ...at };
    return;
  }
  const candidates = didYouMean(key, version, options);
  if (candidates.length === 0) {
    yield { messageId: "providerOptionUnknown", data: { key, version, options: options.join(", ") }, ...at };
  } else {
    const only = candidates.length === 1 ? rename(file, entry, key, candidates[0] as string) : {};
    yield { messageId: "providerOptionSimilar", data: { key, version, candidates: quoteAll(candidates) }, ...at, ...only };
  }
}

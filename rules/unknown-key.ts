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
import { messages } from "./unknown-key/messages.js";

const PROVIDER_KEY = "metricsProvider.className";
const PROVIDER_PREFIX = "metricsProvider.";

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
      const data = {
        key,
        name: inert.name,
        ...(inert.jvm !== undefined ? { jvm: inert.jvm } : {}),
        ...(inert.means !== undefined ? { means: inert.means } : {}),
      };
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

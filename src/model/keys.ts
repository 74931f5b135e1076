import { distance } from "fastest-levenshtein";
import catalog from "../../schemas/zoo-cfg-keys.json" with { type: "json" };
import { atLeast, KNOWN_VERSIONS, type ZkVersion } from "./version.js";

// The catalog of every zoo.cfg key (schemas/zoo-cfg-keys.json, shape in zoo-cfg-keys.schema.json).
// It is imported as data: its shape is checked by a test, so nothing compiles a schema at start-up.

/** What a bad value does: ZooKeeper refuses to start (only as a quorum member), or runs on with a default. */
export type BadValueImpact = "startup" | "startup-quorum" | "runtime";

export type KeyType =
  | "int"
  | "long"
  | "hex-long"
  | "double"
  | "float"
  | "port"
  | "boolean-strict"
  | "boolean-lenient"
  | "boolean-exact"
  | "enum"
  | "string"
  | "path"
  | "address"
  | "class"
  | "list"
  | "server";

export interface KeySpec {
  name: string;
  /** explicit: QuorumPeerConfig parses it; passthrough: it becomes the system property zookeeper.<name>. */
  source: "explicit" | "passthrough";
  type: KeyType;
  /** The Java call that reads the value. */
  parse: string;
  default?: string | number | boolean | null;
  since: ZkVersion;
  until?: ZkVersion;
  strictSince?: ZkVersion;
  invalid?: BadValueImpact;
  min?: number;
  max?: number;
  outOfRange?: BadValueImpact;
  zkOutOfRange?: string;
  zkInvalid?: string;
  values?: string[];
  valuesSince?: ZkVersion;
  zkNotAllowed?: string;
  caseInsensitive?: boolean;
  exact?: string;
  effect?: string;
  aliases?: Record<string, string>;
  quorumOnly?: boolean;
  provider?: string;
  /** The rule that checks the value, when another than value-type does (init-sync-limits for tickTime). */
  owner?: string;
  notes?: string;
}

export interface FamilySpec {
  prefix: string;
  name: string;
  pattern?: string;
  badKey?: BadValueImpact;
  zkBadKey?: string;
  source: "explicit" | "passthrough";
  since: ZkVersion;
}

export interface InertSpec {
  name: string;
  kind: "alias" | "jvm" | "client" | "unused";
  instead?: string;
  jvm?: string;
  /** What `instead` sets, for an alias people use for it. */
  means?: string;
  /** The unknown-key message that says why the key does nothing (schemas/zoo-cfg-keys.schema.json lists them). */
  message: string;
}

interface Catalog {
  keys: Record<string, Omit<KeySpec, "name">>;
  families: FamilySpec[];
  inert: Record<string, Omit<InertSpec, "name">>;
}

const data = catalog as unknown as Catalog;

const KEYS = new Map<string, KeySpec>(Object.entries(data.keys).map(([name, spec]) => [name, { name, ...spec }]));
const INERT = new Map<string, InertSpec>(Object.entries(data.inert).map(([name, spec]) => [name, { name, ...spec }]));
/** Each family's key pattern, compiled once: every server.N line is checked against one. */
const PATTERNS = new Map<FamilySpec, RegExp>(data.families.flatMap((f) => (f.pattern === undefined ? [] : [[f, new RegExp(f.pattern)] as const])));

/** True when the family takes `key` as one of its keys (a family without a pattern takes any). */
function fitsPattern(family: FamilySpec, key: string): boolean {
  return PATTERNS.get(family)?.test(key) ?? true;
}

/** The metrics provider ZooKeeper uses when metricsProvider.className is not set. */
export const DEFAULT_METRICS_PROVIDER = "org.apache.zookeeper.metrics.impl.DefaultMetricsProvider";
/** The metrics provider ZooKeeper ships (3.6+), serving Prometheus on metricsProvider.httpPort. */
export const PROMETHEUS_METRICS_PROVIDER = "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";
/** The prefix ZooKeeper puts in front of every key it does not parse itself. */
export const PROPERTY_PREFIX = "zookeeper.";
/** A UTF-8 byte order mark as Properties.load reads it: three ISO-8859-1 characters. */
export const UTF8_BOM = "\u00ef\u00bb\u00bf";

/** Fills a catalog text's {{value}} and {{key}} with the entry's. */
export function zkWords(template: string, key: string, value: string): string {
  return template.replace(/\{\{(value|key)\}\}/g, (_m, name: string) => (name === "key" ? key : value));
}

export function keySpec(name: string): KeySpec | undefined {
  return KEYS.get(name);
}

export function inertSpec(name: string): InertSpec | undefined {
  return INERT.get(name);
}

/** True when some release of the `version` line reads the key. */
export function knownIn(spec: { since: ZkVersion; until?: ZkVersion }, version: ZkVersion): boolean {
  return atLeast(version, spec.since) && (spec.until === undefined || atLeast(spec.until, version));
}

/** "3.5 and later", "3.4 to 3.6", "3.9 only": the release lines that read a key. */
export function versionSpan(spec: { since: ZkVersion; until?: ZkVersion }): string {
  const last = spec.until ?? KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1];
  if (spec.since === last) return `${last} only`;
  return spec.until === undefined ? `${spec.since} and later` : `${spec.since} to ${spec.until}`;
}

/** The family a key belongs to by its prefix (case-sensitive, as ZooKeeper matches it). */
export function familyOf(key: string): FamilySpec | undefined {
  for (const f of data.families) if (key.startsWith(f.prefix)) return f;
  return undefined;
}

/** What ZooKeeper makes of a key written in zoo.cfg. */
export type KeyLookup =
  /** A key it reads by name, in this version. */
  | { kind: "key"; spec: KeySpec }
  /** A key of a family it reads by prefix (server.N, group.N, authProvider.x, metricsProvider.x). */
  | { kind: "family"; family: FamilySpec }
  /** A key with a family's prefix that the family's parser refuses (groupName, weight). */
  | { kind: "badFamilyKey"; family: FamilySpec; rest: string }
  /** A key other releases read, but not this one. */
  | { kind: "otherVersion"; spec: KeySpec | FamilySpec }
  /** A name that does nothing in zoo.cfg, with what works. */
  | { kind: "inert"; inert: InertSpec }
  /** A key written with the zookeeper. prefix ZooKeeper adds itself: `working` is the key that works. */
  | { kind: "prefixed"; working: string }
  /** The file's UTF-8 byte order mark glued to the first key. */
  | { kind: "bom"; rest: string }
  | { kind: "unknown" };

export function lookupKey(key: string, version: ZkVersion): KeyLookup {
  if (key.startsWith(UTF8_BOM)) return { kind: "bom", rest: key.slice(UTF8_BOM.length) };
  const spec = KEYS.get(key);
  if (spec) return knownIn(spec, version) ? { kind: "key", spec } : { kind: "otherVersion", spec };
  const family = familyOf(key);
  if (family) {
    if (!knownIn(family, version)) return { kind: "otherVersion", spec: family };
    if (!fitsPattern(family, key)) {
      const dot = key.indexOf(".");
      return { kind: "badFamilyKey", family, rest: key.slice(dot + 1) };
    }
    return { kind: "family", family };
  }
  const inert = INERT.get(key);
  if (inert) return { kind: "inert", inert };
  if (key.startsWith(PROPERTY_PREFIX)) {
    const working = key.slice(PROPERTY_PREFIX.length);
    const inner = lookupKey(working, version);
    if (inner.kind === "inert") return inner;
    if (inner.kind === "key" || inner.kind === "family") return { kind: "prefixed", working };
  }
  return { kind: "unknown" };
}

/** Keys of a provider's own options (metricsProvider.httpPort …), for the provider in use. */
export function providerOptions(provider: string, version: ZkVersion): KeySpec[] {
  return [...KEYS.values()].filter((s) => s.provider === provider && knownIn(s, version));
}

/** Beyond this many edits a name is a different key, not a typo of it. */
function maxEdits(key: string): number {
  return Math.min(3, Math.max(1, Math.floor(key.length / 5)));
}

/**
 * The keys `key` was probably meant to be, best first: the same key in another case; the same id
 * under a family prefix in another case (SERVER.3 → server.3); else the nearest names by edit
 * distance, among the keys this version reads by name.
 */
export function didYouMean(key: string, version: ZkVersion, candidates?: readonly string[]): string[] {
  const names = candidates ?? [...KEYS.values()].filter((s) => knownIn(s, version) && s.provider === undefined).map((s) => s.name);
  const lower = key.toLowerCase();
  const sameCase = names.filter((n) => n.toLowerCase() === lower);
  if (sameCase.length > 0) return sameCase;
  if (!candidates) {
    const family = data.families.find((f) => knownIn(f, version) && lower.startsWith(f.prefix.toLowerCase()));
    if (family) {
      const fixed = family.prefix + key.slice(family.prefix.length);
      if (fitsPattern(family, fixed)) return [fixed];
    }
  }
  const limit = maxEdits(key);
  let best = limit + 1;
  let found: string[] = [];
  for (const name of names) {
    const d = distance(lower, name.toLowerCase());
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found = [name];
    } else if (d === best) {
      found.push(name);
    }
  }
  return found.sort();
}

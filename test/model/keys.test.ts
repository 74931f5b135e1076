import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  didYouMean,
  inertSpec,
  keySpec,
  knownIn,
  lookupKey,
  providerOptions,
  PROMETHEUS_METRICS_PROVIDER,
  versionSpan,
  zkWords,
} from "../../src/model/keys.js";
import { KNOWN_VERSIONS } from "../../src/model/version.js";
import unknownKey from "../../rules/unknown-key.js";
import { rules } from "../../rules/index.js";

const SCHEMAS = join(import.meta.dirname, "..", "..", "schemas");
const read = (name: string): unknown => JSON.parse(readFileSync(join(SCHEMAS, name), "utf8"));

interface RawCatalog {
  versions: string[];
  keys: Record<
    string,
    { since: string; until?: string; min?: number; max?: number; default?: unknown; type: string; values?: string[]; exact?: string; owner?: string }
  >;
  inert: Record<string, { kind: string; instead?: string; message: string }>;
}

/** The catalog's schema, compiled strictly (its if/then branches name properties defined beside them; a default may be of several types). */
function compileSchema(): ReturnType<InstanceType<typeof Ajv2020.default>["compile"]> {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(read("zoo-cfg-keys.schema.json") as object);
}

describe("schemas/zoo-cfg-keys.json", () => {
  const catalog = read("zoo-cfg-keys.json") as RawCatalog;

  it("matches its JSON Schema", () => {
    const validate = compileSchema();
    expect(validate(catalog), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("the schema refuses what the catalog must not hold", () => {
    const validate = compileSchema();
    const base = { versions: ["3.8"], families: [], inert: {} };
    expect(validate({ ...base, keys: { a: { source: "explicit", type: "int", parse: "Integer.parseInt", since: "3.10" } } })).toBe(false);
    expect(validate({ ...base, keys: { a: { source: "explicit", type: "boolean-exact", parse: "String.equals", since: "3.8" } } })).toBe(false);
    expect(validate({ ...base, keys: { a: { source: "explicit", type: "int", parse: "Integer.parseInt", since: "3.8", outOfRange: "runtime" } } })).toBe(false);
    expect(validate({ ...base, keys: {}, inert: { a: { kind: "alias", message: "alias" } } })).toBe(false);
    expect(validate({ ...base, keys: {}, inert: { a: { kind: "alias", instead: "b", message: "aliasCommon" } } })).toBe(false);
    expect(validate({ ...base, keys: {}, inert: { a: { kind: "unused", message: "unknown" } } })).toBe(false);
    expect(validate({ ...base, keys: { a: { source: "explicit", type: "int", parse: "Integer.parseInt", since: "3.8", owner: "Init Sync Limits" } } })).toBe(
      false,
    );
  });

  it("names, for each inert key, a message of unknown-key", () => {
    const schema = read("zoo-cfg-keys.schema.json") as { $defs: { inert: { properties: { message: { enum: string[] } } } } };
    const named = schema.$defs.inert.properties.message.enum;
    expect(named.filter((id) => !(id in unknownKey.meta.messages))).toEqual([]);
    expect([...new Set(Object.values(catalog.inert).map((i) => i.message))].sort()).toEqual([...named].sort());
  });

  it("covers the release lines zkcfg knows", () => {
    expect(catalog.versions).toEqual([...KNOWN_VERSIONS]);
  });

  it("keeps every range and version span in order", () => {
    for (const [name, spec] of Object.entries(catalog.keys)) {
      if (spec.until !== undefined) expect(catalog.versions.indexOf(spec.until), name).toBeGreaterThanOrEqual(catalog.versions.indexOf(spec.since));
      if (spec.min !== undefined && spec.max !== undefined) expect(spec.min, name).toBeLessThanOrEqual(spec.max);
      if (spec.type === "enum" && typeof spec.default === "string") expect(spec.values, name).toContain(spec.default);
    }
  });

  it("gives keys only to rules that exist, and never to value-type itself", () => {
    const ids = new Set(rules.map((r) => r.id));
    const owners = Object.values(catalog.keys).flatMap((spec) => (spec.owner === undefined ? [] : [spec.owner]));
    expect(owners).toContain("init-sync-limits");
    for (const owner of owners) {
      expect(ids, owner).toContain(owner);
      expect(owner).not.toBe("value-type");
    }
  });

  it("points every alias at a key it knows, and names no key both known and inert", () => {
    for (const [name, inert] of Object.entries(catalog.inert)) {
      expect(catalog.keys[name], name).toBeUndefined();
      if (inert.instead !== undefined) expect(catalog.keys[inert.instead], `${name} → ${inert.instead}`).toBeDefined();
    }
  });
});

describe("lookupKey", () => {
  it("finds explicit and pass-through keys by their exact name", () => {
    expect(lookupKey("initLimit", "3.8")).toMatchObject({ kind: "key", spec: { source: "explicit", type: "int", parse: "Integer.parseInt" } });
    expect(lookupKey("admin.serverPort", "3.8")).toMatchObject({ kind: "key", spec: { source: "passthrough", parse: "Integer.getInteger", default: 8080 } });
    expect(lookupKey("initlimit", "3.8")).toEqual({ kind: "unknown" });
  });

  it("knows a key only in the versions that read it", () => {
    expect(lookupKey("standaloneEnabled", "3.4")).toMatchObject({ kind: "otherVersion", spec: { name: "standaloneEnabled", since: "3.5" } });
    expect(lookupKey("standaloneEnabled", "3.5").kind).toBe("key");
    expect(lookupKey("oraclePath", "3.7").kind).toBe("otherVersion");
    expect(lookupKey("metricsProvider.foo", "3.5")).toMatchObject({ kind: "otherVersion", spec: { prefix: "metricsProvider." } });
  });

  it("matches families by prefix, and refuses group/weight keys ZooKeeper cannot number", () => {
    expect(lookupKey("server.12", "3.8")).toMatchObject({ kind: "family", family: { name: "server.<id>" } });
    expect(lookupKey("group.1", "3.8")).toMatchObject({ kind: "family", family: { name: "group.<id>" } });
    expect(lookupKey("weight.-3", "3.8").kind).toBe("family");
    expect(lookupKey("authProvider.sasl", "3.4").kind).toBe("family");
    expect(lookupKey("groupName", "3.8")).toMatchObject({ kind: "badFamilyKey", rest: "groupName" });
    expect(lookupKey("group.a", "3.8")).toMatchObject({ kind: "badFamilyKey", rest: "a" });
    expect(lookupKey("weight", "3.4")).toMatchObject({ kind: "badFamilyKey", rest: "weight" });
  });

  it("tells names that do nothing, with what works", () => {
    expect(lookupKey("jute.maxbuffer", "3.8")).toMatchObject({ kind: "inert", inert: { kind: "jvm", jvm: "-Djute.maxbuffer=<bytes>" } });
    expect(lookupKey("connectionMaxTokens", "3.8")).toMatchObject({ kind: "inert", inert: { kind: "alias", instead: "connection_throttle_tokens" } });
    expect(lookupKey("maxConcurrentSnapSyncs", "3.9")).toMatchObject({ inert: { instead: "leader.maxConcurrentSnapSyncs" } });
    expect(inertSpec("electionPort")?.kind).toBe("unused");
  });

  it("strips a written zookeeper. prefix to the key that works", () => {
    expect(lookupKey("zookeeper.snapshot.trust.empty", "3.8")).toEqual({ kind: "prefixed", working: "snapshot.trust.empty" });
    expect(lookupKey("zookeeper.authProvider.1", "3.8")).toEqual({ kind: "prefixed", working: "authProvider.1" });
    expect(lookupKey("zookeeper.jute.maxbuffer", "3.8")).toMatchObject({ kind: "inert", inert: { name: "jute.maxbuffer" } });
    expect(lookupKey("zookeeper.nonsense", "3.8")).toEqual({ kind: "unknown" });
  });

  it("sees a byte order mark glued to the first key", () => {
    expect(lookupKey("\u00ef\u00bb\u00bftickTime", "3.8")).toEqual({ kind: "bom", rest: "tickTime" });
  });
});

describe("didYouMean", () => {
  it("prefers the same key in another case", () => {
    expect(didYouMean("initlimit", "3.8")).toEqual(["initLimit"]);
    expect(didYouMean("CLIENTPORT", "3.8")).toEqual(["clientPort"]);
  });

  it("fixes the case of a family prefix", () => {
    expect(didYouMean("SERVER.3", "3.8")).toEqual(["server.3"]);
    expect(didYouMean("Group.1", "3.8")).toEqual(["group.1"]);
  });

  it("finds near spellings, best first, and nothing for unrelated names", () => {
    expect(didYouMean("4lw.command.whitelist", "3.8")).toEqual(["4lw.commands.whitelist"]);
    expect(didYouMean("autopurge.purgeInteval", "3.8")).toEqual(["autopurge.purgeInterval"]);
    expect(didYouMean("maxClientCnxn", "3.8")).toEqual(["maxClientCnxns"]);
    expect(didYouMean("zabServer.1", "3.8")).toEqual([]);
    expect(didYouMean("cassandra.keyspace", "3.8")).toEqual([]);
    // A prefix added to a real key is another application's key, not a typo.
    expect(didYouMean("zabClientPort", "3.8")).toEqual([]);
  });

  it("suggests only keys of the version", () => {
    expect(didYouMean("standaloneenabled", "3.4")).toEqual([]);
    expect(didYouMean("standaloneenabled", "3.5")).toEqual(["standaloneEnabled"]);
  });

  it("searches the given candidates when there are some", () => {
    const options = providerOptions(PROMETHEUS_METRICS_PROVIDER, "3.8").map((s) => s.name);
    expect(options).toContain("metricsProvider.httpHost");
    expect(providerOptions(PROMETHEUS_METRICS_PROVIDER, "3.6").map((s) => s.name)).not.toContain("metricsProvider.httpHost");
    expect(didYouMean("metricsProvider.httpport", "3.8", options)).toEqual(["metricsProvider.httpPort"]);
  });
});

describe("versions and words", () => {
  it("says which release lines read a key", () => {
    expect(versionSpan({ since: "3.5" })).toBe("3.5 and later");
    expect(versionSpan({ since: "3.4", until: "3.6" })).toBe("3.4 to 3.6");
    expect(versionSpan({ since: "3.9" })).toBe("3.9 only");
    expect(knownIn({ since: "3.4", until: "3.6" }, "3.7")).toBe(false);
    expect(knownIn({ since: "3.4", until: "3.6" }, "3.6")).toBe(true);
  });

  it("fills ZooKeeper's words with the key and value", () => {
    expect(zkWords(keySpec("serverCnxnFactory")?.zkInvalid ?? "", "serverCnxnFactory", "Netty")).toBe("java.io.IOException: Couldn't instantiate Netty");
    expect(zkWords("{{key}}={{value}}", "k", "v")).toBe("k=v");
  });
});

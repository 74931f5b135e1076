// Generators of zoo.cfg texts and file trees for the property tests. Texts are strings of chars
// 0–255, one per byte, as zkcfg decodes files (ISO-8859-1, like Properties.load).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { KNOWN_VERSIONS, type ZkVersion } from "../../src/model/version.js";

/** The seed of every property: fixed for reproducibility, ZKCFG_PROPERTY_SEED to explore others. */
export const SEED = Number(process.env["ZKCFG_PROPERTY_SEED"] ?? 20_251_125);

const KEYS = [
  "tickTime",
  "initLimit",
  "syncLimit",
  "dataDir",
  "dataLogDir",
  "clientPort",
  "clientPortAddress",
  "secureClientPort",
  "maxClientCnxns",
  "minSessionTimeout",
  "maxSessionTimeout",
  "admin.enableServer",
  "admin.serverPort",
  "admin.serverAddress",
  "standaloneEnabled",
  "reconfigEnabled",
  "dynamicConfigFile",
  "peerType",
  "electionAlg",
  "autopurge.snapRetainCount",
  "autopurge.purgeInterval",
  "4lw.commands.whitelist",
  "metricsProvider.className",
  "metricsProvider.httpPort",
  "metricsProvider.httpHost",
  "quorumListenOnAllIPs",
  "syncEnabled",
  "group.1",
  "weight.1",
];

/** A known key, or one spelled the ways people misspell it. */
const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  fc.tuple(fc.constantFrom(...KEYS), fc.nat(), fc.constantFrom("drop", "case", "double", "prefix")).map(([k, at, how]) => {
    const i = at % k.length;
    if (how === "drop") return k.slice(0, i) + k.slice(i + 1);
    if (how === "double") return k.slice(0, i) + k[i] + k.slice(i);
    if (how === "prefix") return `zookeeper.${k}`;
    return k.toLowerCase();
  }),
  fc.constantFrom("client\\ Port", "k\\u0065y", "x\\=y", "#notacomment", "\\#key", "SERVER.3", "server", "server."),
);

const number = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }).map(String),
  fc.constantFrom("2000", "+2000", "02181", "0x881", "1e3", "2,000", "", "2147483648", "-1", "99999999999", "10 # ticks", "abc"),
);

const path = fc.oneof(
  fc.constantFrom("/var/lib/zookeeper", "/var/lib/zookeeper/d1", "/var/lib/zookeeper/d2", "/tmp/zookeeper", "/data/zk", "/srv/zk/data"),
  fc.constantFrom("data", "./data", "C:\\zookeeper\\data", "C:/zk", "/d\\", "/d # x", "/with space/zk", "/caf\u00e9/zk", "/caf\u00c3\u00a9/zk", "/"),
);

const host = fc.constantFrom("localhost", "127.0.0.1", "zk1", "zk2.example.com", "zk3", "[::1]", "[2001:db8::1]", "0.0.0.0", "", "lint-runner.example");
const port = fc.oneof(fc.constantFrom(2181, 2182, 2888, 3888, 2889, 3889, 8080, 0, 65535, 65536), fc.integer({ min: 1, max: 70_000 })).map(String);

/** A server.N value in one of its forms: 3.4, 3.5+ with a client port, roles, IPv6, multi-address, broken. */
const serverValue: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(host, port, port).map(([h, q, e]) => `${h}:${q}:${e}`),
  fc.tuple(host, port, port, fc.constantFrom("participant", "observer", "OBSERVER", "voter")).map(([h, q, e, r]) => `${h}:${q}:${e}:${r}`),
  fc.tuple(host, port, port, port).map(([h, q, e, c]) => `${h}:${q}:${e};${c}`),
  fc.tuple(host, port, port, host, port).map(([h, q, e, ch, c]) => `${h}:${q}:${e}:participant;${ch}:${c}`),
  fc.tuple(host, port, port, host, port, port).map(([h, q, e, h2, q2, e2]) => `${h}:${q}:${e}|${h2}:${q2}:${e2}`),
  fc.constantFrom("zk1:2888", "zk1", "", ":2888:3888", "zk1:2888:3888:", "zk1:a:b", "zk1:2888:3888 ", "[::1:2888:3888", "zk1:2888:3888;"),
);

const serverKey = fc.oneof(
  fc.integer({ min: 1, max: 7 }).map((n) => `server.${n}`),
  fc.constantFrom("server.0", "server.-1", "server.02", "server.256", "server.9223372036854775808", "server.x"),
);

const word = fc.string({ unit: fc.constantFrom(..."abcXYZ019-_./:=#!\\ \t"), maxLength: 12 });
const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
const escape = fc.constantFrom("\\u0041", "\\u00e9", "\\u00G1", "\\u12", "\\t", "\\n", "\\\\", "\\=", "\\:", "\\ ", "\\#");

const value = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 3, arbitrary: path },
  { weight: 1, arbitrary: fc.constantFrom("true", "false", "TRUE", "yes", "observer", "participant", "*", "srvr,ruok", "srvr ruok") },
  { weight: 1, arbitrary: word },
  { weight: 1, arbitrary: latin1 },
  { weight: 1, arbitrary: fc.tuple(word, escape, word).map(([a, e, b]) => a + e + b) },
);

const separator = fc.constantFrom("=", "=", "=", ":", " ", " = ", "\t", " : ", "==");
const indent = fc.constantFrom("", "", "", " ", "\t", "  \f");

/** null four times in five, else a value. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Splits a logical line over physical lines with backslash continuations at random points. */
function continued(line: string, cuts: number[], newline: string): string {
  const points = [...new Set(cuts.map((c) => c % (line.length + 1)))].sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const p of points) {
    out += `${line.slice(from, p)}\\${newline}${"  ".slice(0, p % 3)}`;
    from = p;
  }
  return out + line.slice(from);
}

const entryLine = fc
  .tuple(
    indent,
    fc.oneof({ weight: 4, arbitrary: fc.tuple(key, value) }, { weight: 3, arbitrary: fc.tuple(serverKey, serverValue) }),
    separator,
    fc.constantFrom("", "", "", " ", "\t"),
    rarely(fc.array(fc.nat(), { minLength: 1, maxLength: 2 })),
  )
  .map(([pad, [k, v], sep, trailing, cuts]) => ({ text: `${pad}${k}${sep}${v}${trailing}`, cuts }));

const commentLine = fc
  .tuple(indent, fc.constantFrom("#", "!"), fc.oneof(latin1, fc.constantFrom(" zkcfg-disable-next-line port-collision", " comment \\", "")))
  .map(([pad, mark, text]) => ({ text: `${pad}${mark}${text}`, cuts: null }));

const blankLine = fc.constantFrom("", " ", "\t", "\f").map((text) => ({ text, cuts: null }));

const line = fc.oneof({ weight: 6, arbitrary: entryLine }, { weight: 2, arbitrary: commentLine }, { weight: 1, arbitrary: blankLine });

/** A zoo.cfg as people write them, and as they break them: a few lines of every kind. */
export function configText(maxLines = 8): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(line, { maxLength: maxLines }), fc.constantFrom("\n", "\n", "\n", "\r\n", "\r", "mixed"), fc.boolean(), fc.boolean(), fc.boolean())
    .map(([lines, eol, bom, finalNewline, dangling]) => {
      const nl = (i: number): string => (eol === "mixed" ? (["\n", "\r\n", "\r"][i % 3] as string) : eol);
      let text = lines.map((l, i) => (l.cuts ? continued(l.text, l.cuts, nl(i)) : l.text) + (i < lines.length - 1 || finalNewline ? nl(i) : "")).join("");
      if (dangling) text += "\\";
      // A UTF-8 byte order mark, read as ISO-8859-1.
      return (bom ? "\u00ef\u00bb\u00bf" : "") + text;
    });
}

/** Arbitrary bytes, read as zkcfg reads a file. */
export const bytesText = fc.uint8Array({ maxLength: 48 }).map((b) => Buffer.from(b).toString("latin1"));

/** Bytes biased towards the characters the properties grammar cares about. */
export const syntaxText = fc.string({ unit: fc.constantFrom(..."a=: \t\f\\\r\n#!u0\u00ff"), maxLength: 40 });

/** The real-world corpus beside the repository, or where ZKCFG_CORPUS says. */
export const CORPUS = process.env["ZKCFG_CORPUS"] ?? join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "real-world");

/** The real-world configs (every file of the corpus but its provenance notes), or none when it is absent. */
export function corpusTexts(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.md$/i.test(name)) out.push({ name: p.slice(CORPUS.length + 1), text: readFileSync(p, "latin1") });
    }
  };
  walk(CORPUS);
  return out;
}

const snippet = fc.oneof(
  bytesText,
  syntaxText,
  entryLine.map((l) => l.text + "\n"),
  fc.constantFrom("\\", "\r", "\n", "\\\n", "\u00ef\u00bb\u00bf", "\u0000", "server.1=a:1:2\n"),
);

/** A text with a few edits: bytes and lines inserted, deleted, duplicated. */
export function mutated(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.constantFrom("insert", "delete", "replace", "duplicate-line", "drop-line"), fc.nat(), fc.nat({ max: 40 }), snippet);
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let t = text;
    for (const [how, at, length, s] of edits) {
      const i = t.length === 0 ? 0 : at % (t.length + 1);
      if (how === "insert") t = t.slice(0, i) + s + t.slice(i);
      else if (how === "delete") t = t.slice(0, i) + t.slice(i + length);
      else if (how === "replace") t = t.slice(0, i) + s + t.slice(i + s.length);
      else {
        const start = t.lastIndexOf("\n", i - 1) + 1;
        const endAt = t.indexOf("\n", i);
        const end = endAt < 0 ? t.length : endAt + 1;
        t = how === "drop-line" ? t.slice(0, start) + t.slice(end) : t.slice(0, end) + t.slice(start, end) + t.slice(end);
      }
    }
    return t;
  });
}

/** Index permutations of n items. */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
}

export interface TreeCase {
  files: Record<string, string>;
  dirs: string[];
  hostname: string;
  version: ZkVersion;
  /** Absolute paths of the configs are read under this directory (--root). */
  root?: string;
}

const DATA_ROOT = "/var/lib/zookeeper";

/** What stands at a config's dataDir before zkcfg looks. */
const dataState = fc.constantFrom("empty", "empty", "missing", "no-parent", "myid", "bad-myid", "unset-myid", "version-2", "file", "myid-dir");

/**
 * Ensembles on disk: one to five configs sharing a server list (one host or several, with or
 * without client ports on the server lines, in the configs or in a dynamic file), each with a
 * data dir in some state, on this machine or in an image read with --root.
 */
export const tree: fc.Arbitrary<TreeCase> = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom("one-host", "many-hosts", "this-host"),
    fc.boolean(),
    fc.array(fc.tuple(dataState, fc.integer({ min: 0, max: 6 }), fc.boolean(), rarely(fc.tuple(key, value))), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
    fc.constantFrom("conf", "etc/zk", "conf"),
    fc.constantFrom(...KNOWN_VERSIONS),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([count, layout, clientPorts, states, sharedDir, confDir, version, dynamic, rooted]) => {
    const files: Record<string, string> = {};
    const dirs: string[] = [];
    const image = rooted ? "/img" : "";
    const servers = [...Array(count).keys()].map((i) => {
      const h = layout === "one-host" ? "127.0.0.1" : layout === "this-host" && i === 0 ? "lint-runner.example" : `zk${i + 1}.example`;
      const base = layout === "one-host" ? 2888 + i * 10 : 2888;
      return `server.${i + 1}=${h}:${base}:${base + 1000}${clientPorts ? `;${2181 + i}` : ""}`;
    });
    const placed = new Set<string>();
    for (let i = 0; i < count; i++) {
      const [state, id, adminOff, extra] = states[i] as [string, number, boolean, [string, string] | null];
      const dataDir = `${state === "no-parent" ? "/nowhere" : DATA_ROOT}/d${sharedDir && i === 1 ? 1 : i + 1}`;
      const lines = [
        "tickTime=2000",
        "initLimit=10",
        "syncLimit=5",
        `dataDir=${dataDir}`,
        `clientPort=${2181 + i}`,
        ...(dynamic ? ["dynamicConfigFile=zoo.cfg.dynamic"] : servers),
      ];
      if (adminOff) lines.push("admin.enableServer=false");
      if (extra) lines.splice(3, 0, `${extra[0]}=${extra[1]}`);
      files[`/${confDir}/zoo_${2181 + i}.cfg`] = lines.join("\n") + "\n";
      // A shared data dir is laid out once, by the first config naming it.
      if (state === "missing" || state === "no-parent" || placed.has(dataDir)) continue;
      placed.add(dataDir);
      const at = image + dataDir;
      if (state === "file") files[at] = "not a directory\n";
      else if (state === "myid") files[`${at}/myid`] = `${id}\n`;
      else if (state === "bad-myid") files[`${at}/myid`] = ` ${id}\n`;
      else if (state === "unset-myid") files[`${at}/myid`] = "-1\n";
      else if (state === "version-2") files[`${at}/version-2/log.1`] = "x";
      else if (state === "myid-dir") dirs.push(`${at}/myid`);
      else dirs.push(at);
    }
    if (dynamic) files[`/${confDir}/zoo.cfg.dynamic`] = servers.join("\n") + "\n";
    dirs.push(image + DATA_ROOT);
    return { files, dirs, hostname: "lint-runner.example", version, ...(rooted ? { root: image } : {}) };
  });

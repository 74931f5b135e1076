/**
 * Writes the conformance corpus to cases/: the hand-written cases, then GENERATED_COUNT cases made by mutating
 * valid configs with a seeded generator (same seed, same cases). Run `node test/zookeeper/conformance/run.mjs
 * generate`, then re-record the verdicts (see conformance.test.ts). The test suite checks that cases/ is exactly
 * what this produces.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CASES_DIR, CONFIG, writeCase, type Case } from "./corpus.js";
import { DYNAMIC_FILE, DYNAMIC_SERVERS, DYNAMIC_STATIC, QUORUM, STANDALONE, edit, handWrittenCases, keyOf, server, text } from "./hand-written.js";

const SEED = 0x3800;
export const GENERATED_COUNT = 320;

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A config being mutated: zoo.cfg lines, the dynamic file's lines, myid. */
interface Draft {
  lines: string[];
  dynamic?: string[];
  myid: string | null;
  eol: string;
  prefix: string;
}

interface Seed {
  name: string;
  about: string;
  draft: () => Draft;
}

const SEEDS: Seed[] = [
  { name: "quorum", about: "three-server quorum member", draft: () => ({ lines: [...QUORUM], myid: "1\n", eol: "\n", prefix: "" }) },
  { name: "standalone", about: "standalone server", draft: () => ({ lines: [...STANDALONE], myid: null, eol: "\n", prefix: "" }) },
  {
    name: "clientparts",
    about: "quorum member whose client ports are in the server lines",
    draft: () => ({
      lines: edit(QUORUM, { drop: ["clientPort"], set: [server(1, ";{port:client}"), server(2, ";{port:c2}"), server(3, ";{port:c3}")] }),
      myid: "1\n",
      eol: "\n",
      prefix: "",
    }),
  },
  {
    name: "dynamic",
    about: "quorum member with a dynamic config file",
    draft: () => ({ lines: [...DYNAMIC_STATIC], dynamic: [...DYNAMIC_SERVERS], myid: "1\n", eol: "\n", prefix: "" }),
  },
  {
    name: "dynamic-noclient",
    about: "quorum member with a dynamic config file of server lines without client ports",
    draft: () => ({ lines: [...DYNAMIC_STATIC], dynamic: [server(1), server(2), server(3)], myid: "1\n", eol: "\n", prefix: "" }),
  },
  {
    name: "groups",
    about: "quorum member with hierarchical groups",
    draft: () => ({ lines: edit(QUORUM, { add: ["group.1=1:2", "group.2=3", "weight.1=2"] }), myid: "1\n", eol: "\n", prefix: "" }),
  },
];

interface Mutation {
  slug: string;
  about: string;
}

type Operator = (d: Draft, r: Random) => Mutation | undefined;

const isEntry = (line: string): boolean => line !== "" && !/^\s*[#!]/.test(line);
const valueOf = (line: string): string => line.slice(keyOf(line).length + 1);

/** An entry line of zoo.cfg (or, when `dynamicToo`, of the dynamic file) chosen at random. */
function pickEntry(d: Draft, r: Random, filter: (line: string) => boolean = () => true, dynamicToo = false): { list: string[]; at: number } | undefined {
  const choices: { list: string[]; at: number }[] = [];
  const lists = dynamicToo && d.dynamic ? [d.lines, d.dynamic] : [d.lines];
  for (const list of lists) list.forEach((line, at) => isEntry(line) && filter(line) && choices.push({ list, at }));
  return choices.length > 0 ? r.pick(choices) : undefined;
}

const INT_KEYS = new Set([
  "tickTime",
  "initLimit",
  "syncLimit",
  "clientPort",
  "maxClientCnxns",
  "minSessionTimeout",
  "maxSessionTimeout",
  "electionAlg",
  "secureClientPort",
  "weight.1",
]);
const PATH_KEYS = new Set(["dataDir", "dataLogDir", "dynamicConfigFile"]);
const BOOL_KEYS = new Set(["admin.enableServer", "standaloneEnabled", "reconfigEnabled"]);

const BAD_INTS = [
  "",
  "abc",
  "1e3",
  "0x10",
  "2,000",
  "-1",
  "0",
  "+5",
  "010",
  "99999999999",
  "{v} # comment",
  "{v}  ",
  "{v}ms",
  "1.5",
  "65536",
  "70000",
  "{v}\t",
];
const BAD_PATHS = [
  "",
  "d",
  ".",
  "data",
  "./data",
  "~/zk",
  "C:\\zk\\data",
  "{v} # comment",
  "{v}/",
  "{v}  ",
  "{case}/missing/deeper",
  "/dev/null/zk",
  "{case}/data\\\\",
  "{case}",
];
const BAD_BOOLS = ["yes", "no", "1", "0", "TRUE", "False", "", "true  ", "off"];

const typo: Operator = (d, r) => {
  const e = pickEntry(d, r, () => true, true);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const i = r.int(key.length);
  const variants = [
    key.toLowerCase(),
    key[0]!.toUpperCase() + key.slice(1),
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i) + key[i]! + key.slice(i),
    i + 1 < key.length ? key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2) : key + "s",
    `zookeeper.${key}`,
    key.replace(/\./g, "_"),
    key.slice(0, i) + (key[i] === key[i]!.toUpperCase() ? key[i]!.toLowerCase() : key[i]!.toUpperCase()) + key.slice(i + 1),
  ].filter((k) => k !== key && k !== "");
  if (variants.length === 0) return undefined;
  const wrong = r.pick(variants);
  e.list[e.at] = wrong + line.slice(key.length);
  return { slug: `typo-${key}`, about: `key "${key}" written "${wrong}"` };
};

const badValue: Operator = (d, r) => {
  const e = pickEntry(d, r, (l) => INT_KEYS.has(keyOf(l)) || PATH_KEYS.has(keyOf(l)) || BOOL_KEYS.has(keyOf(l)));
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const pool = INT_KEYS.has(key) ? BAD_INTS : PATH_KEYS.has(key) ? BAD_PATHS : BAD_BOOLS;
  const value = r.pick(pool).replace("{v}", valueOf(line));
  e.list[e.at] = `${key}=${value}`;
  return { slug: `value-${key}`, about: `${key}=${JSON.stringify(value)}` };
};

const EXTRA_LINES = [
  "electionAlg=0",
  "electionAlg=3",
  "peerType=observer",
  "peerType=Observer",
  "standaloneEnabled=false",
  "reconfigEnabled=true",
  "secureClientPort={port:secure}",
  "secureClientPortAddress=127.0.0.1",
  "clientPortAddress=127.0.0.1",
  "clientPortAddress=localhost",
  "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
  "serverCnxnFactory=NIOServerCnxnFactory",
  "nio.numSelectorThreads=0",
  "nio.numSelectorThreads=1",
  "intBufferStartingSizeBytes=31",
  "intBufferStartingSizeBytes=1024",
  "cnxTimeout=5s",
  "cnxTimeout=5000",
  "metricsProvider.className=org.apache.zookeeper.metrics.impl.DefaultMetricsProvider",
  "metricsProvider.className=PrometheusMetricsProvider",
  "4lw.commands.whitelist=*",
  "snapCount=abc",
  "maxClientCnxns=0",
  "minSessionTimeout=100000",
  "maxSessionTimeout=1000",
  "quorum.auth.enableSasl=true",
  "quorum.auth.learnerRequireSasl=true",
  "multiAddress.enabled=true",
  "localSessionsEnabled=true",
  "localSessionsUpgradingEnabled=maybe",
  "dataLogDir={case}/txlog",
  "dataLogDir=txlog",
  "autopurge.snapRetainCount=2",
  "autopurge.purgeInterval=1",
  "jute.maxbuffer=0x400000",
  "skipACL=yes",
  "extendedTypesEnabled=true",
  "ssl.authProvider=x509",
  "initLimit=5",
  "syncLimit=10",
  "tickTime=100",
  "clientPort={port:client2}",
  "dynamicConfigFile={case}/conf/zoo.cfg.dynamic.100000000",
];

const addLine: Operator = (d, r) => {
  const line = r.pick(EXTRA_LINES);
  d.lines.splice(r.int(d.lines.length + 1), 0, line);
  return { slug: `add-${keyOf(line)}`, about: `added ${line}` };
};

const dropLine: Operator = (d, r) => {
  const e = pickEntry(d, r, () => true, true);
  if (!e) return undefined;
  const [line] = e.list.splice(e.at, 1);
  return { slug: `drop-${keyOf(line!)}`, about: `removed ${line}` };
};

const duplicate: Operator = (d, r) => {
  const e = pickEntry(d, r);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const value = r.pick(["abc", "", "0", valueOf(line), "{port:dup}", "127.0.0.9:{port:q9}:{port:e9}"]);
  const before = r.chance(0.5);
  e.list.splice(before ? e.at : e.at + 1, 0, `${key}=${value}`);
  return { slug: `dup-${key}`, about: `${key} repeated ${before ? "before" : "after"} with ${JSON.stringify(value)}` };
};

const serverLine: Operator = (d, r) => {
  const e = pickEntry(d, r, (l) => l.startsWith("server."), true);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const own = key === "server.1";
  const value = valueOf(line);
  const [addr, client] = value.split(";") as [string, string | undefined];
  // Split on the colons between fields, not the ones inside {port:NAME}.
  const parts = addr.split(/:(?![a-z0-9]*\})/);
  if (parts.length < 3) return undefined;
  const ops: [string, () => string][] = [
    ["no-election-port", () => `${parts.slice(0, 2).join(":")}${client ? `;${client}` : ""}`],
    ["extra-field", () => `${addr}:${r.pick(["x", "participant:x", "2181"])}${client ? `;${client}` : ""}`],
    ["role", () => `${addr}:${r.pick(["observer", "participant", "OBSERVER", "Observer", "obsever", "leader", ""])}${client ? `;${client}` : ""}`],
    [
      "client",
      () =>
        `${addr};${r.pick(["{port:client}", "127.0.0.1:{port:cz}", "abc", "", ";", "0.0.0.0:{port:client}", "{port:cz}:1", "localhost:{port:cz}", "{port:cz}"])}`,
    ],
    ["trailing-space", () => `${value}${r.pick([" ", "\t", "  "])}`],
    ["port", () => `${parts[0]}:${r.pick(["70000", "65536", "-1", "abc", "", " 2888"])}:${parts[2]}${client ? `;${client}` : ""}`],
    ["equal-ports", () => `${parts[0]}:${parts[1]}:${parts[1]}${client ? `;${client}` : ""}`],
    ["multi-address", () => `${addr}|127.0.0.1:{port:qm}:{port:em}${client ? `;${client}` : ""}`],
    ["semicolons", () => `${value};;x`],
  ];
  if (!own) {
    ops.push([
      "host",
      () => `${r.pick(["localhost", "[::1]", "::1", "", "zk.invalid", "127.0.0.1.", "[127.0.0.1]"])}:${parts.slice(1).join(":")}${client ? `;${client}` : ""}`,
    ]);
  }
  const [op, make] = r.pick(ops);
  const idOps = ["server.01", "server.a", "server.-1", "server.0", "server.256", "server.", "server.2.0", "server.1", "server.+1"];
  if (r.chance(0.15)) {
    const id = r.pick(idOps.filter((k) => k !== key));
    e.list[e.at] = `${id}=${value}`;
    return { slug: `${key}-id`, about: `${key} renamed ${id}` };
  }
  const changed = make();
  e.list[e.at] = `${key}=${changed}`;
  return { slug: `${key}-${op}`, about: `${key}=${changed}` };
};

const MYIDS = [
  "",
  "1 ",
  " 1",
  "01",
  "+1",
  "1\r\n",
  "2\n1\n",
  "-1\n",
  "abc\n",
  "\u00ef\u00bb\u00bf1\n",
  "4\n",
  "3\n",
  "1\n\n",
  "0\n",
  "1.0\n",
  "1\t\n",
  "0x1\n",
  null,
];

const myid: Operator = (d, r) => {
  const content = r.pick(MYIDS);
  if (content === d.myid) return undefined;
  d.myid = content;
  return { slug: "myid", about: content === null ? "no myid file" : `myid ${JSON.stringify(content)}` };
};

const separator: Operator = (d, r) => {
  const e = pickEntry(d, r, (l) => l.includes("="), true);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const sep = r.pick([" = ", ":", " ", "\t", "==", ":=", " : ", "=\t", "= "]);
  e.list[e.at] = line.replace("=", sep);
  return { slug: `sep-${keyOf(line)}`, about: `${keyOf(line)} with separator ${JSON.stringify(sep)}` };
};

const continuation: Operator = (d, r) => {
  const e = pickEntry(d, r, () => true, true);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const kind = r.int(4);
  if (kind === 0) {
    e.list[e.at] = `${line}\\`;
    return { slug: `backslash-${key}`, about: `${key} line ends in a backslash (joins the next line)` };
  }
  // Cut the value anywhere but inside a {placeholder}, which must stay whole to be filled in.
  const cuts = Array.from(line, (_, i) => i).filter(
    (i) => i > key.length + 1 && ![...line.matchAll(/\{[^}]*\}/g)].some((m) => m.index < i && i < m.index + m[0].length),
  );
  if (kind === 1 && cuts.length > 0) {
    const cut = r.pick(cuts);
    e.list[e.at] = `${line.slice(0, cut)}\\\n${r.pick(["", "   ", "\t"])}${line.slice(cut)}`;
    return { slug: `continued-${key}`, about: `${key} value continued on the next line` };
  }
  if (kind === 2) {
    e.list.splice(e.at, 0, r.pick(["# note \\", "! note \\", "   # indented \\"]));
    return { slug: `comment-backslash-${key}`, about: `comment ending in a backslash before ${key}` };
  }
  e.list[e.at] = `${line}\\\\`;
  return { slug: `escaped-backslash-${key}`, about: `${key} value ends in an escaped backslash` };
};

const escape: Operator = (d, r) => {
  const e = pickEntry(d, r, (l) => l.includes("="), true);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  const i = r.int(key.length);
  const kinds: [string, () => string][] = [
    ["unicode-key", () => `${key.slice(0, i)}\\u${key.charCodeAt(i).toString(16).padStart(4, "0")}${key.slice(i + 1)}${line.slice(key.length)}`],
    ["malformed-unicode", () => `${line}\\u12`],
    ["escaped-separator", () => line.replace("=", "\\=")],
    ["tab-escape", () => `${line}\\t`],
    ["letter-escape", () => `${key}=\\${valueOf(line)}`],
    ["escaped-space-key", () => `${key.slice(0, i)}\\ ${key.slice(i)}${line.slice(key.length)}`],
  ];
  const [kind, make] = r.pick(kinds);
  e.list[e.at] = make();
  return { slug: `${kind}-${key}`, about: `${key}: ${kind.replace(/-/g, " ")}` };
};

const layout: Operator = (d, r) => {
  const kind = r.int(6);
  if (kind === 0) {
    d.eol = r.pick(["\r\n", "\r"]);
    return { slug: d.eol === "\r" ? "cr" : "crlf", about: `line endings ${JSON.stringify(d.eol)}` };
  }
  if (kind === 1) {
    d.prefix = "\u00ef\u00bb\u00bf";
    return { slug: "bom", about: "UTF-8 byte order mark at the start" };
  }
  const e = pickEntry(d, r);
  if (!e) return undefined;
  const line = e.list[e.at]!;
  const key = keyOf(line);
  if (kind === 2) {
    e.list[e.at] = line + r.pick([" ", "\t", "  \t"]);
    return { slug: `trailing-ws-${key}`, about: `trailing whitespace after ${key}` };
  }
  if (kind === 3) {
    e.list[e.at] = `${line} # ${r.pick(["note", "see docs", ""])}`;
    return { slug: `inline-comment-${key}`, about: `inline comment after ${key}` };
  }
  if (kind === 4) {
    e.list[e.at] = `${r.pick(["  ", "\t", " \f"])}${line}`;
    return { slug: `indent-${key}`, about: `${key} indented` };
  }
  e.list[e.at] = `${r.pick(["#", "!"])}${line}`;
  return { slug: `commented-${key}`, about: `${key} commented out` };
};

const GROUPS = [
  ["group.1=1:2:3"],
  ["group.1=1:2", "group.2=3"],
  ["group.1=1:2"],
  ["group.1=1:2", "group.2=2:3"],
  ["group.1=1:2:3:4"],
  ["weight.1=2"],
  ["group.1=1:2:3", "weight.2=0"],
  ["group.1=1:2:3", "weight.1=-1"],
  ["group.1=1:2:3", "weight.1=x"],
  ["group.1=1 : 2 : 3"],
  ["group.1=1:2:3 "],
  ["group.a=1:2:3"],
  ["group1=1:2:3"],
  ["groups.1=1:2:3"],
  ["weight=1"],
  ["group.1="],
  ["group.1=1;2;3"],
  ["group.1=1:2:3", "group.1=1:2"],
  ["group.1=1:2:3", "weight.4=1"],
  ["group.1=01:2:3"],
];

const groups: Operator = (d, r) => {
  const hasServers = [...d.lines, ...(d.dynamic ?? [])].filter((l) => l.startsWith("server.")).length >= 3;
  if (!hasServers) return undefined;
  const lines = r.pick(GROUPS);
  const target = d.dynamic && r.chance(0.6) ? d.dynamic : d.lines;
  for (let i = target.length - 1; i >= 0; i--) if (/^(group|weight)/.test(target[i]!)) target.splice(i, 1);
  target.push(...lines);
  return { slug: "groups", about: `${target === d.dynamic ? "dynamic file" : "zoo.cfg"} groups ${lines.join(", ")}` };
};

const dynamicFile: Operator = (d, r) => {
  if (!d.dynamic) return undefined;
  const dyn = d.dynamic;
  const kinds: [string, () => string | undefined][] = [
    ["version", () => (dyn.push("version=100000000"), "version=100000000 inside")],
    [
      "static-key",
      () => {
        const line = r.pick(["clientPort={port:client}", "tickTime=2000", "peerType=participant", "initLimit=10"]);
        dyn.push(line);
        return `${line} inside`;
      },
    ],
    [
      "server-in-static",
      () => {
        const line = dyn.shift();
        if (line === undefined) return undefined;
        d.lines.push(line);
        return `${keyOf(line)} moved to zoo.cfg`;
      },
    ],
    [
      "no-file",
      () => {
        delete d.dynamic;
        return "dynamic file missing";
      },
    ],
    [
      "path",
      () => {
        const at = d.lines.findIndex((l) => l.startsWith("dynamicConfigFile="));
        if (at < 0) return undefined;
        const path = r.pick([
          "{case}/conf/zoo.cfg.dynamic",
          "conf/zoo.cfg.dynamic.100000000",
          "{case}/conf/zoo.dynamic.100000000",
          "zoo.cfg.dynamic.100000000",
          "",
        ]);
        d.lines[at] = `dynamicConfigFile=${path}`;
        return `dynamicConfigFile=${path}`;
      },
    ],
    [
      "empty",
      () => {
        dyn.length = 0;
        return "empty dynamic file";
      },
    ],
    [
      "duplicate-server",
      () => {
        const second = dyn.find((l) => l.startsWith("server.2="));
        if (second === undefined) return undefined;
        dyn.push(second.replace(/^server\.2/, "server.3"));
        return "server.3 repeated with server.2's address";
      },
    ],
    ["client-differs", () => ((dyn[0] = server(1, ";{port:other}")), "server.1's client port differs from clientPort")],
    [
      "no-client-parts",
      () => {
        for (let i = 0; i < dyn.length; i++) dyn[i] = dyn[i]!.replace(/;.*$/, "");
        return "server lines without client ports";
      },
    ],
  ];
  const [kind, run] = r.pick(kinds);
  const about = run();
  return about === undefined ? undefined : { slug: `dynamic-${kind}`, about };
};

const OPERATORS: [Operator, number][] = [
  [typo, 5],
  [badValue, 5],
  [addLine, 4],
  [dropLine, 3],
  [duplicate, 2],
  [serverLine, 5],
  [myid, 3],
  [separator, 2],
  [continuation, 2],
  [escape, 2],
  [layout, 2],
  [groups, 2],
  [dynamicFile, 6],
];

function pickOperator(r: Random): Operator {
  const total = OPERATORS.reduce((n, [, w]) => n + w, 0);
  let x = r.next() * total;
  for (const [op, w] of OPERATORS) if ((x -= w) < 0) return op;
  return OPERATORS[0]![0];
}

function toCase(name: string, about: string, d: Draft): Case {
  const files: Record<string, string> = {
    [CONFIG]:
      d.prefix +
      text(
        d.lines.flatMap((l) => l.split("\n")),
        d.eol,
      ),
  };
  if (d.dynamic) files[DYNAMIC_FILE] = text(d.dynamic);
  if (d.myid !== null) files["data/myid"] = d.myid;
  return { name, about, files, dirs: d.myid === null ? ["data"] : [] };
}

export function generatedCases(): Case[] {
  const r = new Random(rng(SEED));
  const cases: Case[] = [];
  const seen = new Set<string>();
  for (const seed of SEEDS) seen.add(JSON.stringify(toCase("", "", seed.draft()).files));
  while (cases.length < GENERATED_COUNT) {
    const seed = r.pick(SEEDS);
    const draft = seed.draft();
    const done: Mutation[] = [];
    const wanted = r.chance(0.2) ? 2 : 1;
    for (let tries = 0; done.length < wanted && tries < 10; tries++) {
      const m = pickOperator(r)(draft, r);
      if (m) done.push(m);
    }
    if (done.length === 0) continue;
    const slug = done
      .map((m) => m.slug)
      .join("+")
      .replace(/[^A-Za-z0-9.+-]+/g, "_");
    const c = toCase(`g-${String(cases.length + 1).padStart(3, "0")}-${seed.name}-${slug}`, `${seed.about}; ${done.map((m) => m.about).join("; ")}`, draft);
    const key = JSON.stringify(c.files);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push(c);
  }
  return cases;
}

/** Every case of the corpus, as generate writes it. */
export function allCases(): Case[] {
  return [...handWrittenCases(), ...generatedCases()];
}

/** Replaces the cases in dir (by default cases/ beside this file; a bundled copy must name it). */
export function writeCorpus(dir = CASES_DIR): number {
  rmSync(dir, { recursive: true, force: true });
  const cases = allCases();
  for (const c of cases) writeCase(dir, c);
  // The cases' exact bytes (CRLF, CR, BOM, trailing whitespace) are what is tested.
  writeFileSync(join(dir, ".gitattributes"), "* -text\n");
  return cases.length;
}

/**
 * Hand-written conformance cases: every message zk-semantics.md lists for ZooKeeper 3.8 (its §2.1 keys, §3.1
 * server-line grammar, §4.1 myid, §5 modes, §6 cross-field rules, the §8.2 experiments 01–G2) and the start-up
 * failures of §8.3 and §9, each as one server's files. `#NN` in an `about` is the §8.2 experiment it repeats.
 * Left out: a clientPortAddress that never resolves (#73). zkcfg's "startup" assumes a host where the config's
 * names resolve (DESIGN.md), so only DNS could decide such a case.
 */
import { CONFIG, type Case } from "./corpus.js";

export const DATA = "dataDir={case}/data";
export const server = (id: number | string, tail = ""): string => `server.${id}=127.0.0.1:{port:q${id}}:{port:e${id}}${tail}`;
export const STANDALONE = ["tickTime=2000", DATA, "clientPort={port:client}", "admin.enableServer=false"];
export const QUORUM = [
  "tickTime=2000",
  "initLimit=10",
  "syncLimit=5",
  DATA,
  "clientPort={port:client}",
  "admin.enableServer=false",
  server(1),
  server(2),
  server(3),
];
/** QUORUM with its server lines in a dynamic file. */
export const DYNAMIC_STATIC = [...QUORUM.slice(0, 6), "dynamicConfigFile={case}/conf/zoo.cfg.dynamic.100000000"];
export const DYNAMIC_SERVERS = [server(1, ";{port:client}"), server(2, ";{port:c2}"), server(3, ";{port:c3}")];
export const DYNAMIC_FILE = "conf/zoo.cfg.dynamic.100000000";

/** The key of a config line as written (up to the first separator). */
export const keyOf = (line: string): string => /^[^=:\s]*/.exec(line)![0];

export interface Edit {
  /** Remove the lines with these keys. */
  drop?: string[];
  /** Replace the line with the same key in place, or append. */
  set?: string[];
  /** Append. */
  add?: string[];
}

export function edit(base: readonly string[], change: Edit): string[] {
  const out = base.filter((l) => !(change.drop ?? []).includes(keyOf(l)));
  for (const line of change.set ?? []) {
    const at = out.findIndex((l) => keyOf(l) === keyOf(line));
    if (at >= 0) out[at] = line;
    else out.push(line);
  }
  return [...out, ...(change.add ?? [])];
}

export const text = (lines: readonly string[], eol = "\n"): string => lines.map((l) => l + eol).join("");

interface Spec {
  about: string;
  /** conf/zoo.cfg as lines, or its exact text. */
  cfg: readonly string[] | string;
  /** data/myid; null for none. Default "1\n" for configs with server lines, none otherwise. */
  myid?: string | null;
  files?: Record<string, string>;
  dirs?: string[];
}

function build(name: string, spec: Spec): Case {
  const config = typeof spec.cfg === "string" ? spec.cfg : text(spec.cfg);
  const files: Record<string, string> = { [CONFIG]: config, ...spec.files };
  const servers = [config, ...Object.values(spec.files ?? {})].some((content) => /^\s*server\./m.test(content));
  const myid = spec.myid === undefined ? (servers ? "1\n" : null) : spec.myid;
  if (myid !== null) files["data/myid"] = myid;
  const hasData = Object.keys(files).some((p) => p.startsWith("data/"));
  return { name: `h-${name}`, about: spec.about, files, dirs: spec.dirs ?? (hasData ? [] : ["data"]) };
}

const q = (change: Edit): string[] => edit(QUORUM, change);
const sa = (change: Edit): string[] => edit(STANDALONE, change);
const dynamic = (servers: readonly string[], staticChange: Edit = {}, name = DYNAMIC_FILE): Pick<Spec, "cfg" | "files"> => ({
  cfg: edit(DYNAMIC_STATIC, staticChange),
  files: { [name]: text(servers) },
});
const BOM = "\u00ef\u00bb\u00bf";
const PLACEHOLDER_MYID = "replace this text with the cluster-unique zookeeper's instance id (1-255)\n";

const specs: Record<string, Spec> = {
  // --- modes and server counts (§5)
  "standalone-minimal": { about: "#01 minimal standalone config", cfg: STANDALONE },
  "quorum-three": { about: "#02 three servers, myid 1", cfg: QUORUM },
  "quorum-four": { about: "#05 four servers (even)", cfg: q({ add: [server(4)] }) },
  "quorum-two": { about: "#06 two servers", cfg: q({ drop: ["server.3"] }) },
  "observers-only": {
    about: "#40 two observers and no participant",
    cfg: q({ drop: ["server.1", "server.2", "server.3"], add: [server(1, ":observer"), server(2, ":observer")] }),
  },
  "one-participant-one-observer": { about: "#39 one participant and one observer", cfg: q({ drop: ["server.2", "server.3"], add: [server(2, ":observer")] }) },
  "single-server-line-no-myid": { about: "#41 one server line, no myid: standalone, the line ignored", cfg: q({ drop: ["server.2", "server.3"] }), myid: null },
  "single-server-standalone-disabled": {
    about: "#42 one server line, standaloneEnabled=false, myid 1",
    cfg: q({ drop: ["server.2", "server.3"], add: ["standaloneEnabled=false"] }),
  },
  "standalone-disabled-no-limits": {
    about: "#43 one server line, standaloneEnabled=false, no initLimit/syncLimit/myid",
    cfg: q({ drop: ["server.2", "server.3", "initLimit", "syncLimit"], add: ["standaloneEnabled=false"] }),
    myid: null,
  },
  "standalone-disabled-no-servers": { about: "#G1 standaloneEnabled=false and no server line", cfg: sa({ add: ["standaloneEnabled=false"] }) },
  "standalone-disabled-participant-observer": {
    about: "#G2 standaloneEnabled=false, one participant and one observer",
    cfg: q({ drop: ["server.3"], set: [server(2, ":observer")], add: ["standaloneEnabled=false"] }),
  },
  "two-participants-three-observers": {
    about: "#C3 two participants and three observers",
    cfg: q({ set: [server(3, ":observer")], add: [server(4, ":observer"), server(5, ":observer")] }),
  },
  "three-participants-two-observers": { about: "#97 three participants and two observers", cfg: q({ add: [server(4, ":observer"), server(5, ":observer")] }) },
  "own-line-observer": { about: "myid names an observer line of a 3+1 ensemble", cfg: q({ set: [server(1, ":observer")], add: [server(4)] }) },
  "single-line-client-part-no-myid": {
    about: "#C1 only server.1 with a client part, no clientPort, no myid: standalone without a client port",
    cfg: sa({ drop: ["clientPort"], add: [server(1, ";{port:client}")] }),
    myid: null,
  },
  "single-line-client-part-myid": { about: "#C2 as #C1 with myid 1", cfg: sa({ drop: ["clientPort"], add: [server(1, ";{port:client}")] }), myid: "1\n" },
  "standalone-with-myid": { about: "#C4 standalone with myid 7", cfg: STANDALONE, myid: "7\n" },
  "standalone-no-client-port": { about: "run B: standalone without clientPort: runs, listening on nothing", cfg: sa({ drop: ["clientPort"] }) },

  // --- myid (§4.1)
  "myid-missing": { about: "#03 three servers, no myid", cfg: QUORUM, myid: null },
  "myid-not-in-peer-list": { about: "#04 / run A: myid 4 with servers 1-3", cfg: QUORUM, myid: "4\n" },
  "myid-leading-zero": { about: "#28 myid 01", cfg: QUORUM, myid: "01\n" },
  "myid-plus-sign": { about: "myid +1 (Long.parseLong accepts a sign)", cfg: QUORUM, myid: "+1\n" },
  "myid-trailing-space": { about: "#29 myid '1 '", cfg: QUORUM, myid: "1 \n" },
  "myid-leading-space": { about: "myid ' 1'", cfg: QUORUM, myid: " 1\n" },
  "myid-crlf": { about: "#30 myid 1 CRLF", cfg: QUORUM, myid: "1\r\n" },
  "myid-empty": { about: "#31 empty myid", cfg: QUORUM, myid: "" },
  "myid-blank-first-line": { about: "myid whose first line is empty", cfg: QUORUM, myid: "\n1\n" },
  "myid-two-lines": { about: "#32 myid '2\\n1' (first line wins)", cfg: QUORUM, myid: "2\n1\n" },
  "myid-minus-one": { about: "#33 myid -1 (the unset marker)", cfg: QUORUM, myid: "-1\n" },
  "myid-no-newline": { about: "#34 myid 1 without newline", cfg: QUORUM, myid: "1" },
  "myid-bom": { about: "#35 myid with a UTF-8 BOM", cfg: QUORUM, myid: `${BOM}1\n` },
  "myid-words": { about: "myid 'one'", cfg: QUORUM, myid: "one\n" },
  "myid-overflow": { about: "myid larger than a long", cfg: QUORUM, myid: "99999999999999999999\n" },
  "myid-zero-listed": { about: "myid 0 with a server.0 line", cfg: q({ set: [server(0)], drop: ["server.1"] }), myid: "0\n" },
  "standalone-placeholder-myid": { about: "#36 standalone with Debian's placeholder myid", cfg: STANDALONE, myid: PLACEHOLDER_MYID },
  "standalone-bad-myid": { about: "standalone with myid 'x'", cfg: STANDALONE, myid: "x\n" },
  "myid-is-directory": { about: "dataDir/myid is a directory (not a file: treated as absent)", cfg: QUORUM, myid: null, dirs: ["data/myid"] },
  "datadir-is-file": {
    about: "dataDir names a regular file (myid under it cannot exist)",
    cfg: q({ set: ["dataDir={case}/data.txt"] }),
    myid: null,
    files: { "data.txt": "not a directory\n" },
  },
  "myid-in-datalogdir-only": {
    about: "myid written to dataLogDir instead of dataDir",
    cfg: q({ add: ["dataLogDir={case}/txlog"] }),
    myid: null,
    files: { "txlog/myid": "1\n" },
  },

  // --- dataDir / dataLogDir (§2.1, §4.3)
  "datadir-missing": { about: "#62 no dataDir", cfg: sa({ drop: ["dataDir"] }) },
  "datadir-empty": { about: "#59 empty dataDir (StringIndexOutOfBoundsException)", cfg: sa({ set: ["dataDir="] }) },
  "datadir-one-char": { about: "#60 dataDir=d", cfg: sa({ set: ["dataDir=d"] }) },
  "datadir-dot": { about: "dataDir=.", cfg: sa({ set: ["dataDir=."] }) },
  "datadir-relative": { about: "relative dataDir, started from the case directory", cfg: sa({ set: ["dataDir=data"] }) },
  "datadir-relative-quorum": { about: "relative dataDir of a quorum member whose myid is there", cfg: q({ set: ["dataDir=data"] }) },
  "datadir-windows-backslashes": { about: "#58 dataDir=C:\\zookeeper\\data (escapes drop the backslashes)", cfg: sa({ set: ["dataDir=C:\\zookeeper\\data"] }) },
  "datadir-inline-comment": { about: "#25 / run G: dataDir with an inline comment", cfg: sa({ set: ["dataDir={case}/data # data here"] }) },
  "datalogdir-empty": { about: "empty dataLogDir", cfg: sa({ add: ["dataLogDir="] }) },
  "datalogdir-one-char": { about: "dataLogDir=l", cfg: sa({ add: ["dataLogDir=l"] }) },
  "datadir-not-creatable": {
    about: "standalone dataDir below a regular file: cannot be created",
    cfg: sa({ set: ["dataDir={case}/blocker/data"] }),
    files: { blocker: "x\n" },
  },
  "datalogdir-not-creatable": { about: "dataLogDir below a regular file", cfg: sa({ add: ["dataLogDir={case}/blocker/txlog"] }), files: { blocker: "x\n" } },
  "datadir-autocreate-off": { about: "datadir.autocreate=false and no version-2 directory", cfg: sa({ add: ["datadir.autocreate=false"] }) },
  "snapshot-in-log-dir": {
    about: "dataLogDir holding a snapshot file while dataDir differs",
    cfg: sa({ add: ["dataLogDir={case}/txlog"] }),
    files: { "txlog/version-2/snapshot.0": "" },
  },

  // --- numbers and booleans (§1.3, §2.1)
  "ticktime-zero": { about: "#13 tickTime=0", cfg: q({ set: ["tickTime=0"] }) },
  "ticktime-negative": { about: "#70 tickTime=-1", cfg: q({ set: ["tickTime=-1"] }) },
  "ticktime-missing": { about: "#A3 no tickTime (3000 by default)", cfg: q({ drop: ["tickTime"] }) },
  "ticktime-thousands-separator": { about: "#A6 tickTime=2,000", cfg: q({ set: ["tickTime=2,000"] }) },
  "sign-and-leading-zero": { about: "#A7 tickTime=+2000, clientPort with a leading zero", cfg: sa({ set: ["tickTime=+2000", "clientPort=0{port:client}"] }) },
  "initlimit-missing": { about: "quorum without initLimit", cfg: q({ drop: ["initLimit"] }) },
  "synclimit-missing": { about: "#10 quorum without syncLimit", cfg: q({ drop: ["syncLimit"] }) },
  "synclimit-zero": { about: "#92 syncLimit=0", cfg: q({ set: ["syncLimit=0"] }) },
  "initlimit-words": { about: "initLimit=ten", cfg: q({ set: ["initLimit=ten"] }) },
  "limits-negative": {
    about: "#71 negative initLimit, syncLimit, maxClientCnxns, small autopurge values",
    cfg: q({ set: ["initLimit=-1", "syncLimit=-1"], add: ["maxClientCnxns=-5", "autopurge.snapRetainCount=1", "autopurge.purgeInterval=-3"] }),
  },
  "synclimit-above-initlimit": { about: "syncLimit larger than initLimit (not checked by ZooKeeper)", cfg: q({ set: ["syncLimit=20"] }) },
  "limits-ignored-standalone": {
    about: "initLimit=0 and syncLimit=0 in a standalone config (quorum keys unchecked)",
    cfg: sa({ add: ["initLimit=0", "syncLimit=0"] }),
  },
  "clientport-empty": { about: "#A1 clientPort=", cfg: sa({ set: ["clientPort="] }) },
  "clientport-hex": { about: "#A5 clientPort=0x881", cfg: sa({ set: ["clientPort=0x881"] }) },
  "clientport-out-of-range": { about: "#72 clientPort=70000", cfg: sa({ set: ["clientPort=70000"] }) },
  "clientport-negative": { about: "clientPort=-1", cfg: sa({ set: ["clientPort=-1"] }) },
  "clientport-zero": { about: "#78 clientPort=0 (3.8: no client port)", cfg: sa({ set: ["clientPort=0"] }) },
  "clientport-inline-comment": { about: "#24 clientPort with an inline comment", cfg: sa({ set: ["clientPort={port:client} # client port"] }) },
  "clientport-duplicate": { about: "#69 clientPort twice, last wins", cfg: sa({ add: ["clientPort={port:other}"] }) },
  "clientport-double-equals": { about: "#D3 clientPort==N", cfg: sa({ set: ["clientPort=={port:client}"] }) },
  "maxclientcnxns-exponent": { about: "#A4 maxClientCnxns=1e3", cfg: sa({ add: ["maxClientCnxns=1e3"] }) },
  "session-min-above-max": {
    about: "#49 minSessionTimeout 30000 > maxSessionTimeout 10000",
    cfg: sa({ add: ["minSessionTimeout=30000", "maxSessionTimeout=10000"] }),
  },
  "session-max-below-default-min": { about: "#50 only maxSessionTimeout=3000 with tickTime 2000", cfg: sa({ add: ["maxSessionTimeout=3000"] }) },
  "session-negative": {
    about: "#93 minSessionTimeout=-1, maxSessionTimeout=-1 (defaults)",
    cfg: sa({ add: ["minSessionTimeout=-1", "maxSessionTimeout=-1"] }),
  },
  "session-words": { about: "minSessionTimeout=4s", cfg: sa({ add: ["minSessionTimeout=4s"] }) },
  "electionalg-1": { about: "#22 electionAlg=1", cfg: q({ add: ["electionAlg=1"] }) },
  "electionalg-3": { about: "electionAlg=3", cfg: q({ add: ["electionAlg=3"] }) },
  "standaloneenabled-yes": { about: "#23 standaloneEnabled=yes", cfg: sa({ add: ["standaloneEnabled=yes"] }) },
  "standaloneenabled-bare": { about: "#95 bare standaloneEnabled key", cfg: sa({ add: ["standaloneEnabled"] }) },
  "localsessions-1": { about: "#75 localSessionsEnabled=1", cfg: sa({ add: ["localSessionsEnabled=1"] }) },
  "booleans-any-case": {
    about: "TRUE/False for strict booleans (case-insensitive)",
    cfg: q({ add: ["quorumListenOnAllIPs=TRUE", "syncEnabled=False", "reconfigEnabled=FALSE"] }),
  },
  "quorumlistenonallips-on": { about: "quorumListenOnAllIPs=on", cfg: q({ add: ["quorumListenOnAllIPs=on"] }) },
  "syncenabled-yes": { about: "syncEnabled=yes", cfg: q({ add: ["syncEnabled=yes"] }) },
  "reconfigenabled-1": { about: "reconfigEnabled=1", cfg: q({ add: ["reconfigEnabled=1"] }) },
  "reconfigenabled-static-servers": { about: "#87 reconfigEnabled=true with the servers in zoo.cfg", cfg: q({ add: ["reconfigEnabled=true"] }) },
  "sslquorum-yes": { about: "sslQuorum=yes", cfg: q({ add: ["sslQuorum=yes"] }) },
  "portunification-1": { about: "portUnification=1", cfg: q({ add: ["portUnification=1"] }) },
  "sslquorumreload-no": { about: "sslQuorumReloadCertFiles=no", cfg: q({ add: ["sslQuorumReloadCertFiles=no"] }) },
  "jvmpause-monitor-on": { about: "jvm.pause.monitor=on", cfg: sa({ add: ["jvm.pause.monitor=on"] }) },
  "jvmpause-thresholds-words": { about: "jvm.pause.warn-threshold.ms=10s", cfg: sa({ add: ["jvm.pause.warn-threshold.ms=10s"] }) },
  "jvmpause-valid": {
    about: "jvm.pause.* with valid values",
    cfg: sa({ add: ["jvm.pause.monitor=true", "jvm.pause.info-threshold.ms=500", "jvm.pause.warn-threshold.ms=5000", "jvm.pause.sleep.time.ms=250"] }),
  },
  "multiaddress-enabled-yes": { about: "multiAddress.enabled=yes", cfg: q({ add: ["multiAddress.enabled=yes"] }) },
  "reachability-timeout-words": { about: "#B1 multiAddress.reachabilityCheckTimeoutMs=abc", cfg: q({ add: ["multiAddress.reachabilityCheckTimeoutMs=abc"] }) },
  "reachability-enabled-off": { about: "multiAddress.reachabilityCheckEnabled=off", cfg: q({ add: ["multiAddress.reachabilityCheckEnabled=off"] }) },
  "observermasterport-words": { about: "observerMasterPort=abc", cfg: q({ add: ["observerMasterPort=abc"] }) },
  "observermasterport-valid": { about: "observerMasterPort on a free port", cfg: q({ add: ["observerMasterPort={port:om}"] }) },
  "listenbacklog-words": { about: "clientPortListenBacklog=lots", cfg: sa({ add: ["clientPortListenBacklog=lots"] }) },
  "learnermasterlimit-words": { about: "connectToLearnerMasterLimit=x", cfg: q({ add: ["connectToLearnerMasterLimit=x"] }) },
  "autopurge-interval-words": { about: "autopurge.purgeInterval=daily", cfg: sa({ add: ["autopurge.purgeInterval=daily"] }) },
  "autopurge-retain-words": { about: "autopurge.snapRetainCount=many", cfg: sa({ add: ["autopurge.snapRetainCount=many"] }) },
  "cnxn-threads-words": { about: "quorum.cnxn.threads.size=big", cfg: q({ add: ["quorum.cnxn.threads.size=big"] }) },
  "peertype-unknown": { about: "peerType=leader", cfg: q({ add: ["peerType=leader"] }) },
  "peertype-observer-own-participant": { about: "#63 peerType=observer while the own line is a participant", cfg: q({ add: ["peerType=observer"] }) },
  "version-key-static": { about: "version=xyz in zoo.cfg (read as a hex version)", cfg: q({ add: ["version=xyz"] }) },
  "version-key-hex": { about: "version=100000000 in zoo.cfg", cfg: q({ add: ["version=100000000"] }) },
  oraclepath: { about: "oraclePath set (3.8 oracle quorum)", cfg: q({ drop: ["server.3"], add: ["oraclePath={case}/oracle"] }) },

  // --- client addresses (§6.2)
  "clientportaddress-without-clientport": {
    about: "#51 clientPortAddress without clientPort",
    cfg: sa({ drop: ["clientPort"], add: ["clientPortAddress=127.0.0.1"] }),
  },
  "clientportaddress-empty": { about: "#A2 clientPortAddress= (loopback)", cfg: sa({ add: ["clientPortAddress="] }) },
  "clientport-differs-from-server-line": { about: "#18 clientPort and server.1's client port differ", cfg: q({ set: [server(1, ";{port:other}")] }) },
  "clientport-matches-server-line": { about: "#19 clientPort equals server.1's client port", cfg: q({ set: [server(1, ";{port:client}")] }) },
  "clientportaddress-vs-server-line": {
    about: "#20 clientPortAddress=127.0.0.1 and server.1's client part (wildcard) on the same port",
    cfg: q({ set: [server(1, ";{port:client}")], add: ["clientPortAddress=127.0.0.1"] }),
  },
  "client-port-only-in-server-lines": {
    about: "#21 no clientPort; every server line has a client part",
    cfg: q({ drop: ["clientPort"], set: [server(1, ";{port:client}"), server(2, ";{port:c2}"), server(3, ";{port:c3}")] }),
  },
  "server-line-client-host-and-port": {
    about: "server.1 client part 127.0.0.1:port with clientPort equal",
    cfg: q({ set: [server(1, ";127.0.0.1:{port:client}")] }),
  },
  "secureclientport-nio": { about: "#74 / run C: secureClientPort with the default NIO factory", cfg: sa({ add: ["secureClientPort={port:secure}"] }) },
  "secureclientport-netty": {
    about: "secureClientPort with the Netty factory, no key store",
    cfg: sa({ add: ["secureClientPort={port:secure}", "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory"] }),
  },
  "secureclientport-words": { about: "secureClientPort=ssl", cfg: sa({ add: ["secureClientPort=ssl"] }) },
  "secureclientportaddress-alone": { about: "#99 secureClientPortAddress without secureClientPort", cfg: sa({ add: ["secureClientPortAddress=127.0.0.1"] }) },
  "ssl-authprovider-unknown": {
    about: "#B3 ssl.authProvider without authProvider.<scheme>",
    cfg: sa({ add: ["secureClientPort={port:secure}", "ssl.authProvider=custom"] }),
  },

  // --- SASL (§6.5)
  "sasl-server-require-alone": { about: "#B2 quorum.auth.serverRequireSasl=true alone", cfg: q({ add: ["quorum.auth.serverRequireSasl=true"] }) },
  "sasl-learner-require-alone": { about: "quorum.auth.learnerRequireSasl=true alone", cfg: q({ add: ["quorum.auth.learnerRequireSasl=true"] }) },
  "sasl-server-require-no-learner": {
    about: "quorum.auth.serverRequireSasl with enableSasl but not learnerRequireSasl",
    cfg: q({ add: ["quorum.auth.enableSasl=true", "quorum.auth.serverRequireSasl=true"] }),
  },
  "sasl-enable-yes": { about: "quorum.auth.enableSasl=yes", cfg: q({ add: ["quorum.auth.enableSasl=yes"] }) },

  // --- connection factory and other start-up failures (§2.3, §8.3, §9)
  "cnxn-factory-short-name": {
    about: "#85 / run D: serverCnxnFactory=NettyServerCnxnFactory, admin.enableServer=False",
    cfg: sa({ set: ["admin.enableServer=False"], add: ["serverCnxnFactory=NettyServerCnxnFactory"] }),
  },
  "cnxn-factory-netty": {
    about: "the fully qualified Netty factory",
    cfg: sa({ add: ["serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory"] }),
  },
  "cnxn-factory-unknown-class": {
    about: "serverCnxnFactory naming a class that does not exist",
    cfg: sa({ add: ["serverCnxnFactory=org.example.NoSuchFactory"] }),
  },
  "selector-threads-zero": { about: "nio.numSelectorThreads=0", cfg: sa({ add: ["nio.numSelectorThreads=0"] }) },
  "selector-threads-words": { about: "nio.numSelectorThreads=two (read with Integer.getInteger: default)", cfg: sa({ add: ["nio.numSelectorThreads=two"] }) },
  "int-buffer-too-small": { about: "intBufferStartingSizeBytes=16", cfg: sa({ add: ["intBufferStartingSizeBytes=16"] }) },
  "int-buffer-32": { about: "intBufferStartingSizeBytes=32 (the minimum)", cfg: sa({ add: ["intBufferStartingSizeBytes=32"] }) },
  "cnxtimeout-words": { about: "cnxTimeout=abc in a quorum (Integer.parseInt at start)", cfg: q({ add: ["cnxTimeout=abc"] }) },
  "cnxtimeout-words-standalone": { about: "cnxTimeout=abc in a standalone server (never read)", cfg: sa({ add: ["cnxTimeout=abc"] }) },
  "metrics-provider-missing-class": {
    about: "#66 metricsProvider.className naming a class that is not there",
    cfg: sa({ add: ["metricsProvider.className=org.example.NoSuchProvider"] }),
  },
  "metrics-provider-options": {
    about: "#94 metricsProvider.* options with the default provider",
    cfg: sa({ add: ["metricsProvider.httpPort=7001", "metricsProvider.foo=bar"] }),
  },
  "extended-types-large-id": {
    about: "extendedTypesEnabled=true, a quorum of one with server id 300 (each election ends in an exception; the process runs on)",
    cfg: q({ drop: ["server.1", "server.2", "server.3"], add: [server(300), "standaloneEnabled=false", "extendedTypesEnabled=true"] }),
    myid: "300\n",
  },
  "admin-server-enabled": {
    about: "admin.enableServer=true on a free admin.serverPort",
    cfg: sa({ set: ["admin.enableServer=true"], add: ["admin.serverPort={port:admin}"] }),
  },
  "admin-port-words": { about: "admin.serverPort=9090x (Integer.getInteger: default)", cfg: sa({ add: ["admin.serverPort=9090x"] }) },
  "pass-through-keys": {
    about: "#61 jute.maxbuffer, zookeeper.-prefixed key, 4lw list with spaces, doc-only key names",
    cfg: sa({
      add: [
        "jute.maxbuffer=4194304",
        "zookeeper.snapshot.trust.empty=true",
        "snapshot.trust.empty=true",
        "4lw.commands.whitelist=stat, ruok",
        "connectionMaxTokens=100",
      ],
    }),
  },
  "pass-through-garbage": {
    about: "snapCount, preAllocSize, commitLogCount with non-numbers",
    cfg: sa({ add: ["snapCount=lots", "preAllocSize=64M", "commitLogCount=x", "snapshotSizeFactor=half"] }),
  },
  "typos-beside-keys": {
    about: "#12 correct keys plus initlimit, synclimit, maxClientConnections",
    cfg: q({ add: ["initlimit=10", "synclimit=5", "maxClientConnections=60"] }),
  },
  "initlimit-wrong-case": { about: "#11 initlimit instead of initLimit", cfg: q({ drop: ["initLimit"], add: ["initlimit=10"] }) },

  // --- server lines (§3)
  "server-twice": { about: "#07 server.2 twice (last wins)", cfg: q({ add: ["server.2=127.0.0.9:{port:q2}:{port:e2}"] }) },
  "server-2-and-02": { about: "#08 server.2 and server.02", cfg: q({ add: ["server.02=127.0.0.9:{port:q2}:{port:e2}"] }) },
  "server-port-out-of-range": { about: "#09 server.2 quorum port 70000", cfg: q({ set: ["server.2=127.0.0.1:70000:{port:e2}"] }) },
  "server-five-fields": { about: "#14 host:port:port:participant:extra", cfg: q({ set: [server(1, ":participant:extra")] }) },
  "server-client-port-as-role": { about: "#15 host:2888:3888:2181", cfg: q({ set: [server(1, ":{port:client}")] }) },
  "server-ipv6": {
    about: "#16 IPv6 literals on the other servers' lines",
    cfg: q({ set: ["server.2=[::1]:{port:q2}:{port:e2};[::1]:{port:c2}", "server.3=[0:0:0:0:0:0:0:1]:{port:q3}:{port:e3}:participant"] }),
  },
  "server-ipv6-unbracketed": { about: "#17 ::1:2888:3888", cfg: q({ set: ["server.2=::1:{port:q2}:{port:e2}"] }) },
  "server-ipv6-no-colon": { about: "#E1 [::1]2888:3888 (one digit swallowed)", cfg: q({ set: ["server.2=[::1]{port:q2}:{port:e2}"] }) },
  "server-ipv6-unclosed": { about: "#E2 [::1:2888:3888", cfg: q({ set: ["server.2=[::1:{port:q2}:{port:e2}"] }) },
  "server-ipv6-no-port": { about: "#E3 [::1]:", cfg: q({ set: ["server.2=[::1]:"] }) },
  "server-trailing-spaces-own": { about: "#88 trailing spaces on server.1", cfg: q({ set: [server(1, "  ")] }) },
  "server-trailing-tab-other": { about: "#26 trailing TAB on server.2", cfg: q({ set: [server(2, "\t")] }) },
  "server-trailing-spaces-after-role": { about: "#89 trailing spaces after :observer", cfg: q({ add: [server(4, ":observer   ")] }) },
  "server-trailing-space-client-port": { about: "#91 trailing space after the client port", cfg: q({ set: [server(1, ";{port:client} ")] }) },
  "trailing-whitespace-other-keys": {
    about: "#27 trailing spaces and TAB on tickTime, dataDir, clientPort",
    cfg: q({ set: ["tickTime=2000  ", `${DATA}\t`, "clientPort={port:client} "] }),
  },
  "server-two-fields": { about: "#79 host:port only", cfg: q({ set: ["server.2=127.0.0.1:{port:q2}"] }) },
  "server-client-three-fields": { about: "#80 client part host:port:extra", cfg: q({ set: [server(1, ";127.0.0.1:{port:client}:9")] }) },
  "server-three-semicolon-parts": { about: "#81 …;port;x", cfg: q({ set: [server(1, ";{port:client};x")] }) },
  "server-client-port-words": { about: "#64 …;abc", cfg: q({ set: [server(1, ";abc")] }) },
  "server-trailing-empty-fields": {
    about: "#67 …:3888:, …:3888::, …:3888;",
    cfg: q({ set: [server(1, ":"), server(2, "::"), server(3, ";")] }),
  },
  "server-roles-mixed-case": { about: "#82 roles OBSERVER and Participant", cfg: q({ set: [server(2, ":Participant")], add: [server(4, ":OBSERVER")] }) },
  "server-role-typo": { about: "role 'obsever'", cfg: q({ add: [server(4, ":obsever")] }) },
  "server-same-address": {
    about: "#83 two servers on one host:port pair",
    cfg: q({ set: ["server.2=127.0.0.1:{port:q1}:{port:e1}"] }),
  },
  "server-uppercase-key": { about: "#84 SERVER.3 (unknown key)", cfg: q({ set: ["SERVER.3=127.0.0.1:{port:q3}:{port:e3}"] }) },
  "server-quorum-port-zero": { about: "#86 quorum port 0 on server.3", cfg: q({ set: ["server.3=127.0.0.1:0:{port:e3}"] }) },
  "server-mixed-forms": {
    about: "#90 server.1 = …;port with spaces, server.2 with role and client host",
    cfg: q({ set: ["server.1 = 127.0.0.1:{port:q1}:{port:e1};{port:client}", server(2, ":participant;127.0.0.2:{port:c2}")] }),
  },
  "server-id-letters": { about: "#44 server.a", cfg: q({ add: ["server.a=127.0.0.1:{port:qa}:{port:ea}"] }) },
  "server-id-overflow": { about: "#77 server.99999999999999999999", cfg: q({ add: ["server.99999999999999999999=127.0.0.1:{port:q4}:{port:e4}"] }) },
  "server-ids-out-of-range": {
    about: "#76 server.1000, server.2, server.-5 with myid 1000",
    cfg: q({ drop: ["server.1", "server.3"], add: [server(1000), "server.-5=127.0.0.1:{port:q5}:{port:e5}"] }),
    myid: "1000\n",
  },
  "server-id-empty": { about: "server.=… (no id)", cfg: q({ add: ["server.=127.0.0.1:{port:q4}:{port:e4}"] }) },
  "server-equal-ports": { about: "#45 quorum port equals election port", cfg: q({ set: ["server.1=127.0.0.1:{port:q1}:{port:q1}"] }) },
  "server-unresolvable-host": { about: "#65 server.2 on a host that does not resolve", cfg: q({ set: ["server.2=zk2.invalid:{port:q2}:{port:e2}"] }) },
  "server-localhost-name": { about: "server lines naming localhost", cfg: q({ set: ["server.1=localhost:{port:q1}:{port:e1}"] }) },
  "multiaddress-key-and-line": {
    about: "#37 multiAddress.enabled=true in zoo.cfg with a | line",
    cfg: q({ set: [server(1, "|127.0.0.1:{port:q1b}:{port:e1b}")], add: ["multiAddress.enabled=true"] }),
  },
  "multiaddress-line": { about: "#38 a | line without the key", cfg: q({ set: [server(2, "|127.0.0.1:{port:q2b}:{port:e2b}")] }) },
  "server-empty-value": { about: "server.2= (empty)", cfg: q({ set: ["server.2="] }) },

  // --- dynamic configuration (§6.3)
  "dynamic-valid": { about: "#48 static zoo.cfg + zoo.cfg.dynamic.100000000", ...dynamic(DYNAMIC_SERVERS) },
  "dynamic-missing-file": { about: "#A8 dynamicConfigFile naming a file that is not there", cfg: edit(DYNAMIC_STATIC, {}), myid: "1\n" },
  "dynamic-version-inside": { about: "#A9 dynamic file with version=…", ...dynamic([...DYNAMIC_SERVERS, "version=100000000"]) },
  "dynamic-static-key-inside": { about: "#47 dynamic file with clientPort", ...dynamic([...DYNAMIC_SERVERS, "clientPort={port:client}"]) },
  "dynamic-server-in-static": { about: "#46 dynamicConfigFile and a server line in zoo.cfg", ...dynamic(DYNAMIC_SERVERS, { add: [server(4)] }) },
  "dynamic-group-in-static": { about: "dynamicConfigFile and group.1 in zoo.cfg", ...dynamic(DYNAMIC_SERVERS, { add: ["group.1=1:2:3"] }) },
  "dynamic-groups-inside": { about: "dynamic file with a valid group", ...dynamic([...DYNAMIC_SERVERS, "group.1=1:2:3"]) },
  "dynamic-peertype-inside": { about: "dynamic file with peerType", ...dynamic([...DYNAMIC_SERVERS, "peerType=participant"]) },
  "dynamic-non-hex-suffix": {
    about: "dynamic file named zoo.cfg.dynamic (version 0)",
    ...dynamic(DYNAMIC_SERVERS, { set: ["dynamicConfigFile={case}/conf/zoo.cfg.dynamic"] }, "conf/zoo.cfg.dynamic"),
  },
  "dynamic-relative-path": {
    about: "relative dynamicConfigFile, started from the case directory",
    ...dynamic(DYNAMIC_SERVERS, { set: ["dynamicConfigFile=conf/zoo.cfg.dynamic.100000000"] }),
  },
  "dynamic-empty-file": { about: "empty dynamic file", ...dynamic([]) },
  "dynamic-client-port-differs": {
    about: "clientPort in zoo.cfg differs from server.1's client port in the dynamic file",
    ...dynamic([server(1, ";{port:other}"), server(2, ";{port:c2}"), server(3, ";{port:c3}")]),
  },
  "dynamic-trailing-space": {
    about: "trailing space on a dynamic server line",
    ...dynamic([server(1, ";{port:client} "), server(2, ";{port:c2}"), server(3, ";{port:c3}")]),
  },
  "dynamic-next-garbage": {
    about: "valid dynamic file plus a zoo.cfg.dynamic.next that cannot be parsed",
    cfg: edit(DYNAMIC_STATIC, {}),
    files: { [DYNAMIC_FILE]: text(DYNAMIC_SERVERS), "conf/zoo.cfg.dynamic.next": "server.1=garbage\n" },
  },

  // --- hierarchical quorums (§6.4)
  "groups-valid": { about: "#55 group.1=1:2:3, weight.1=2", cfg: q({ add: ["group.1=1:2:3", "weight.1=2"] }) },
  "groups-two": { about: "group.1=1:2, group.2=3", cfg: q({ add: ["group.1=1:2", "group.2=3"] }) },
  "group-unknown-server": { about: "#52 group.2=3:4 with no server 4 (NullPointerException)", cfg: q({ add: ["group.1=1:2", "group.2=3:4"] }) },
  "group-missing-server": { about: "#53 group.1=1:2, server 3 in no group", cfg: q({ add: ["group.1=1:2"] }) },
  "group-server-twice": { about: "#54 server 2 in two groups", cfg: q({ add: ["group.1=1:2", "group.2=2:3"] }) },
  "weight-without-groups": { about: "#56 weight.1=2 and no group", cfg: q({ add: ["weight.1=2"] }) },
  "weight-words": { about: "weight.1=heavy", cfg: q({ add: ["group.1=1:2:3", "weight.1=heavy"] }) },
  "weight-zero": { about: "weight.3=0", cfg: q({ add: ["group.1=1:2:3", "weight.3=0"] }) },
  "group-comma-separated": { about: "group.1=1,2,3", cfg: q({ add: ["group.1=1,2,3"] }) },
  "groupname-key": { about: "#F1 groupName=prod in a standalone config", cfg: sa({ add: ["groupName=prod"] }) },
  "observer-outside-groups": { about: "#F2 group.1=1:2:3, observer 4 in no group", cfg: q({ add: [server(4, ":observer"), "group.1=1:2:3"] }) },

  // --- the file format (§1.2)
  separators: {
    about: "#68 'tickTime = 2000', 'dataDir : …', 'clientPort N', continued value, ! and indented # comments",
    cfg: "! a comment\ntickTime = 2000\ndataDir : {case}/data\nclientPort {port:client}\n   # indented comment\nmaxClientCnxns=\\\n    99\nadmin.enableServer=false\n",
  },
  "utf8-bom": { about: "#96 UTF-8 BOM before tickTime (tickTime unknown, 3000)", cfg: `${BOM}${text(STANDALONE)}` },
  crlf: { about: "#98 CRLF line endings", cfg: text(QUORUM, "\r\n") },
  "cr-only": { about: "old Mac line endings (CR)", cfg: text(QUORUM, "\r") },
  "trailing-backslash-swallows": {
    about: "#D1 dataDir ending in a backslash swallows clientPort",
    cfg: "tickTime=2000\ndataDir={case}/data\\\nclientPort={port:client}\nadmin.enableServer=false\n",
  },
  "comment-trailing-backslash": { about: "#D2 '# comment \\' does not continue", cfg: `# comment \\\n${text(STANDALONE)}` },
  "escaped-space-in-key": {
    about: "#D4 client\\ Port=… and clientPort\\u003d…",
    cfg: text(sa({ drop: ["clientPort"], add: ["client\\ Port={port:client}", "clientPort\\u003d{port:other}"] })),
  },
  "unicode-escape-key": { about: "tick\\u0054ime spelled with an escape", cfg: text(sa({ set: ["tick\\u0054ime=2000"] })) },
  "malformed-unicode-escape": { about: "#57 \\u00G1 in dataDir", cfg: text(sa({ set: ["dataDir={case}/data\\u00G1"] })) },
  "escaped-newline-value": { about: "dataDir with \\n in it", cfg: text(sa({ set: ["dataDir={case}/da\\nta"] })) },
  "continuation-in-server-line": {
    about: "a server line continued over two lines",
    cfg: text(q({ set: ["server.2=127.0.0.1:{port:q2}\\\n    :{port:e2}"] })),
  },
  "key-with-colon-separator-server": { about: "server.1:… with ':' as the separator", cfg: text(q({ set: ["server.1:127.0.0.1:{port:q1}:{port:e1}"] })) },
};

export function handWrittenCases(): Case[] {
  return Object.entries(specs).map(([name, spec]) => build(name, spec));
}

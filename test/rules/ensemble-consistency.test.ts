import rule from "../../rules/ensemble-consistency.js";
import { runRuleTests, type InvalidCase, type ValidCase } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5"];
const conf = (i: number): string => `/opt/zookeeper/conf/zoo${i}.cfg`;

/** A pseudo-cluster member: conf/zoo<i>.cfg with its own dataDir and client port, and the server lines given. */
function member(i: number, servers: string[], extra: string[] = [], head = HEAD): [string, string] {
  return [conf(i), lines(...head, `dataDir=/var/lib/zookeeper/zk${i}`, `clientPort=218${i}`, ...extra, ...servers)];
}
const local = (id: number, port = 2887 + id, tail = ""): string => `server.${id}=localhost:${port}:${port + 1000}${tail}`;
const LOCAL = [local(1), local(2), local(3)];
const cluster = (...members: [string, string][]): Record<string, string> => Object.fromEntries(members);
/** Three members with the same lines, each with its own extra lines. */
const three = (extra: [string[], string[], string[]], servers = LOCAL, head = HEAD): Record<string, string> =>
  cluster(member(1, servers, extra[0], head), member(2, servers, extra[1], head), member(3, servers, extra[2], head));
const remote = (id: number, host = `zk${id}.example.net`): string => `server.${id}=${host}:2888:3888`;

/** Short host names, and a head without tickTime. */
const NAMED = [remote(1, "zk1"), remote(2, "zk2"), remote(3, "zk3")];
const UNTIMED = ["initLimit=10", "syncLimit=5"];

const ZK = (i: number): string => `/etc/zookeeper/zoo-zk${i}.cfg`;
/**
 * One server per host, its config kept as /etc/zookeeper/zoo-zk<i>.cfg (one folder for the ensemble's
 * configs) and its myid in /srv/zk<i>/data: `clients[i]` are the client parts of server.1 to server.3
 * in member i+1's config ("" for none).
 */
function hosts(...clients: string[][]): Record<string, string> {
  const files: Record<string, string> = {};
  clients.forEach((parts, i) => {
    const servers = parts.map((part, j) => `server.${j + 1}=zk${j + 1}.example.net:2888:3888${part ? `;${part}` : ""}`);
    files[ZK(i + 1)] = lines(...HEAD, `dataDir=/srv/zk${i + 1}/data`, ...servers);
    files[`/srv/zk${i + 1}/data/myid`] = `${i + 1}\n`;
  });
  return files;
}
/** `files` with member i's server lines moved to its dynamic file, which its config names. */
function toDynamic(files: Record<string, string>, i: number): Record<string, string> {
  const all = (files[ZK(i)] as string).trimEnd().split("\n");
  const servers = all.filter((l) => l.startsWith("server."));
  const dynamic = `${ZK(i)}.dynamic.100000000`;
  return { ...files, [ZK(i)]: lines(...all.filter((l) => !servers.includes(l)), `dynamicConfigFile=${dynamic}`), [dynamic]: lines(...servers) };
}
const valid: ValidCase[] = [
  { name: "three configs of one pseudo-cluster", files: three([[], [], []]) },
  {
    name: "localhost and 127.0.0.1 name one member",
    files: cluster(member(1, LOCAL), member(2, [local(1).replace("localhost", "127.0.0.1"), local(2), local(3)]), member(3, LOCAL)),
  },
  {
    name: "each server binds its own line to 0.0.0.0",
    files: cluster(
      member(1, [remote(1, "0.0.0.0"), remote(2), remote(3)]),
      member(2, [remote(1), remote(2, "0.0.0.0"), remote(3)]),
      member(3, [remote(1), remote(2), remote(3, "0.0.0.0")]),
    ),
  },
  {
    name: "two ensembles on other hosts side by side",
    files: cluster(member(1, [remote(1), remote(2), remote(3)]), member(2, [remote(1, "a1"), remote(2, "a2"), remote(3, "a3")])),
  },
  {
    name: "two pseudo-clusters on one host with ports of their own",
    files: cluster(
      member(1, LOCAL),
      member(
        2,
        [local(1, 3887), local(2, 3888), local(3, 3889)].map((l) => l.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 2000}`)),
      ),
    ),
  },
  { name: "a setting left to its default and the default written out", files: three([["tickTime=3000"], [], []], LOCAL, ["initLimit=10", "syncLimit=5"]) },
  { name: "booleans in any case", files: three([["sslQuorum=TRUE"], ["sslQuorum=true"], ["sslQuorum=True"]]) },
  { name: "before 3.7 any boolean other than true is false", version: "3.6", files: three([["sslQuorum=yes"], [], ["sslQuorum=false"]]) },
  { name: "the same client port after ';' in every config", files: three([[], [], []], [local(1, 2888, ";2181"), local(2), local(3)]) },
  {
    name: "a client part on the wildcard agrees with one naming the host on the same port, and a line without one is not compared",
    files: hosts(["2181", "zk2.example.net:2182", "2183"], ["2181", "0.0.0.0:2182", "2183"], ["2181", "2182", ""]),
  },
  { name: "standalone configs are no ensemble", files: cluster(member(1, [local(1)], ["tickTime=3000"]), member(2, [local(1)])) },
  // Past the model's shortcuts (Family.sameServerLines, settingValues): spellings that differ as text but not as ZooKeeper reads them.
  {
    name: "one host spelled in two cases",
    files: cluster(member(1, [remote(1), remote(2), remote(3)]), member(2, [remote(1, "ZK1.example.net"), remote(2), remote(3)])),
  },
  {
    name: "a setting written differently with the same value",
    files: cluster(member(1, NAMED, ["tickTime=2000"], UNTIMED), member(2, NAMED, ["tickTime=+2000"], UNTIMED)),
  },
  {
    name: "linting the majority's file alone",
    lint: [conf(1)],
    files: cluster(member(1, LOCAL), member(2, [local(1), local(2, 2999), local(3)]), member(3, LOCAL)),
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a boolean before 3.7: yes is false, whatever the case of true",
    version: "3.6",
    files: three([["sslQuorum=yes"], ["sslQuorum=true"], ["sslQuorum=TRUE"]], NAMED),
    errors: [
      {
        messageId: "sslQuorumDiffers",
        file: conf(1),
        line: 6,
        column: 11,
        endLine: 6,
        endColumn: 14,
        message:
          'sslQuorum "yes" here, but "true" in zoo2.cfg, zoo3.cfg; a server that speaks TLS to its peers cannot talk to one that does not; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "one config gives a member another port",
    files: cluster(member(1, LOCAL), member(2, [local(1), local(2, 2999), local(3)]), member(3, LOCAL)),
    errors: [
      {
        messageId: "memberDiffers",
        file: conf(2),
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 29,
        message:
          'server.2 "localhost:2999:3999" differs from server.2 "localhost:2889:3889" in zoo1.cfg, zoo3.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "two configs that disagree, neither a majority",
    files: cluster(member(1, LOCAL), member(2, [local(1), local(2, 2999), local(3)])),
    errors: [
      {
        messageId: "memberDiffers",
        file: conf(1),
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 29,
        message:
          'server.2 "localhost:2889:3889" differs from server.2 "localhost:2999:3999" in zoo2.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
      {
        messageId: "memberDiffers",
        file: conf(2),
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 29,
        message:
          'server.2 "localhost:2999:3999" differs from server.2 "localhost:2889:3889" in zoo1.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "a member that is an observer in one config",
    files: cluster(member(1, LOCAL), member(2, [local(1), local(2), local(3, undefined, ":observer")]), member(3, LOCAL)),
    errors: [
      {
        messageId: "memberDiffers",
        file: conf(2),
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 38,
        message:
          'server.3 "localhost:2890:3890:observer" differs from server.3 "localhost:2890:3890" in zoo1.cfg, zoo3.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.3 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "members some configs lack",
    files: cluster(member(1, LOCAL), member(2, LOCAL), member(3, LOCAL), member(4, [...LOCAL, local(4), local(5)]), member(5, [...LOCAL, local(4), local(5)])),
    errors: [
      {
        messageId: "membersMissing",
        file: conf(1),
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          "server.4, server.5 of zoo4.cfg, zoo5.cfg are missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
      },
      {
        messageId: "membersMissing",
        file: conf(2),
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          "server.4, server.5 of zoo4.cfg, zoo5.cfg are missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
      },
      {
        messageId: "membersMissing",
        file: conf(3),
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          "server.4, server.5 of zoo4.cfg, zoo5.cfg are missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
      },
    ],
  },
  {
    name: "one address under two ids",
    files: cluster(member(1, [remote(1), remote(2), remote(3)]), member(2, [remote(4, "zk1.example.net"), remote(2), remote(3)])),
    errors: [
      {
        messageId: "memberMissing",
        file: conf(1),
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          "server.4 of zoo2.cfg is missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
      },
      {
        messageId: "memberMissing",
        file: conf(2),
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 9,
        message:
          "server.1 of zoo1.cfg is missing here; a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines",
      },
    ],
  },
  {
    name: "a named host's member moved to other ports",
    files: cluster(
      member(1, [remote(1), remote(2), remote(3)]),
      member(2, [remote(1), "server.2=zk2.example.net:2889:3889", remote(3)]),
      member(3, [remote(1), remote(2), remote(3)]),
    ),
    errors: [
      {
        messageId: "memberDiffers",
        file: conf(2),
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 35,
        message:
          'server.2 "zk2.example.net:2889:3889" differs from server.2 "zk2.example.net:2888:3888" in zoo1.cfg, zoo3.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "timing settings that differ",
    files: three([["tickTime=2000"], [], ["initLimit=20"]], LOCAL, ["syncLimit=5", "initLimit=10"]),
    errors: [
      {
        messageId: "timingDiffersUnsetThere",
        file: conf(1),
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 14,
        message:
          'tickTime "2000" here, but not set (3000) in zoo2.cfg, zoo3.cfg; the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads; use one value in every config of the ensemble',
      },
      {
        messageId: "timingDiffers",
        file: conf(3),
        line: 5,
        column: 11,
        endLine: 5,
        endColumn: 13,
        message:
          'initLimit "20" here, but "10" in zoo1.cfg, zoo2.cfg; the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "a quorum speaking TLS in part",
    files: three([["sslQuorum=true"], ["sslQuorum=true"], []]),
    errors: [
      {
        messageId: "sslQuorumDiffersUnsetHere",
        file: conf(3),
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          'sslQuorum is not set (false) here, but "true" in zoo1.cfg, zoo2.cfg; a server that speaks TLS to its peers cannot talk to one that does not; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "election algorithms that differ in 3.5",
    version: "3.5",
    files: three([["electionAlg=0"], [], []]),
    errors: [
      {
        messageId: "electionAlgDiffersUnsetThere",
        file: conf(1),
        line: 6,
        column: 13,
        endLine: 6,
        endColumn: 14,
        message:
          'electionAlg "0" here, but not set (3) in zoo2.cfg, zoo3.cfg; servers running different election algorithms cannot elect a leader together; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "SASL, port unification and reconfig that differ",
    files: three([
      [
        "quorum.auth.enableSasl=true",
        "quorum.auth.learnerRequireSasl=true",
        "quorum.auth.serverRequireSasl=true",
        "portUnification=true",
        "reconfigEnabled=true",
      ],
      [],
      [],
    ]),
    errors: [
      {
        messageId: "saslDiffersUnsetThere",
        file: conf(1),
        line: 6,
        column: 24,
        endLine: 6,
        endColumn: 28,
        message:
          'quorum.auth.enableSasl "true" here, but not set (false) in zoo2.cfg, zoo3.cfg; a server that requires SASL rejects peers that do not use it; use one value in every config of the ensemble',
      },
      {
        messageId: "saslDiffersUnsetThere",
        file: conf(1),
        line: 7,
        column: 32,
        endLine: 7,
        endColumn: 36,
        message:
          'quorum.auth.learnerRequireSasl "true" here, but not set (false) in zoo2.cfg, zoo3.cfg; a server that requires SASL rejects peers that do not use it; use one value in every config of the ensemble',
      },
      {
        messageId: "saslDiffersUnsetThere",
        file: conf(1),
        line: 8,
        column: 31,
        endLine: 8,
        endColumn: 35,
        message:
          'quorum.auth.serverRequireSasl "true" here, but not set (false) in zoo2.cfg, zoo3.cfg; a server that requires SASL rejects peers that do not use it; use one value in every config of the ensemble',
      },
      {
        messageId: "portUnificationDiffersUnsetThere",
        file: conf(1),
        line: 9,
        column: 17,
        endLine: 9,
        endColumn: 21,
        message:
          'portUnification "true" here, but not set (false) in zoo2.cfg, zoo3.cfg; only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS; use one value in every config of the ensemble',
      },
      {
        messageId: "reconfigDiffersUnsetThere",
        file: conf(1),
        line: 10,
        column: 17,
        endLine: 10,
        endColumn: 21,
        message:
          'reconfigEnabled "true" here, but not set (false) in zoo2.cfg, zoo3.cfg; only some servers accept reconfig and rewrite their config files; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "linting the odd one alone still compares it with its siblings",
    lint: [conf(2)],
    files: cluster(member(1, LOCAL), member(2, [local(1), local(2, 2999), local(3)]), member(3, LOCAL)),
    errors: [
      {
        messageId: "memberDiffers",
        file: conf(2),
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 29,
        message:
          'server.2 "localhost:2999:3999" differs from server.2 "localhost:2889:3889" in zoo1.cfg, zoo3.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "a dynamic file that disagrees: reported at dynamicConfigFile",
    files: {
      ...cluster(member(1, LOCAL), member(2, LOCAL), member(3, [], ["dynamicConfigFile=/opt/zookeeper/conf/zoo3.cfg.dynamic.100000000"])),
      "/opt/zookeeper/conf/zoo3.cfg.dynamic.100000000": lines(local(1, 2888, ";2181"), local(2, 2999, ";2182"), local(3, 2890, ";2183")),
    },
    errors: [
      {
        messageId: "memberDiffersInDynamicFile",
        file: conf(3),
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 65,
        message:
          'server.2 "localhost:2999:3999;2182" (line 2 of zoo3.cfg.dynamic.100000000) differs from server.2 "localhost:2889:3889" in zoo1.cfg, zoo2.cfg; servers that disagree on a member\'s address or role cannot all reach it or count its vote; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "server.2's client port in its own config differs from the others'",
    files: hosts(["2181", "2181", "2181"], ["2181", "2182", "2181"], ["2181", "2181", "2181"]),
    errors: [
      {
        messageId: "clientPartDiffersFromOwn",
        file: ZK(1),
        line: 6,
        column: 36,
        endLine: 6,
        endColumn: 40,
        message:
          'server.2 "zk2.example.net:2888:3888;2181" gives the client address "2181", but "2182" in zoo-zk2.cfg, server.2\'s own config; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for server.2 depending on which server they ask; make server.2 the same in every config of the ensemble',
      },
      {
        messageId: "clientPartDiffersFromOwn",
        file: ZK(3),
        line: 6,
        column: 36,
        endLine: 6,
        endColumn: 40,
        message:
          'server.2 "zk2.example.net:2888:3888;2181" gives the client address "2181", but "2182" in zoo-zk2.cfg, server.2\'s own config; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for server.2 depending on which server they ask; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "one config's client port for server.2 differs, and no config is known to be server.2's",
    files: Object.fromEntries(
      Object.entries(hosts(["2181", "2181", "2181"], ["2181", "2181", "2181"], ["2181", "zk2.example.net:2182", "2181"])).filter(([p]) => !p.endsWith("myid")),
    ),
    errors: [
      {
        messageId: "clientPartDiffers",
        file: ZK(3),
        line: 6,
        column: 36,
        endLine: 6,
        endColumn: 56,
        message:
          'server.2 "zk2.example.net:2888:3888;zk2.example.net:2182" gives the client address "zk2.example.net:2182", but "2181" in zoo-zk1.cfg, zoo-zk2.cfg; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for server.2 depending on which server they ask; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "settings left unset in the one config that differs",
    version: "3.5",
    files: three(
      [
        ["tickTime=2000", "electionAlg=0", "sslQuorum=true", "portUnification=true", "quorum.auth.enableSasl=true", "reconfigEnabled=true"],
        ["tickTime=2000", "electionAlg=0", "sslQuorum=true", "portUnification=true", "quorum.auth.enableSasl=true", "reconfigEnabled=true"],
        [],
      ],
      LOCAL,
      UNTIMED,
    ),
    errors: [
      {
        messageId: "electionAlgDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'electionAlg is not set (3) here, but "0" in zoo1.cfg, zoo2.cfg; servers running different election algorithms cannot elect a leader together; use one value in every config of the ensemble',
      },
      {
        messageId: "portUnificationDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'portUnification is not set (false) here, but "true" in zoo1.cfg, zoo2.cfg; only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS; use one value in every config of the ensemble',
      },
      {
        messageId: "saslDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'quorum.auth.enableSasl is not set (false) here, but "true" in zoo1.cfg, zoo2.cfg; a server that requires SASL rejects peers that do not use it; use one value in every config of the ensemble',
      },
      {
        messageId: "reconfigDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'reconfigEnabled is not set (false) here, but "true" in zoo1.cfg, zoo2.cfg; only some servers accept reconfig and rewrite their config files; use one value in every config of the ensemble',
      },
      {
        messageId: "sslQuorumDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'sslQuorum is not set (false) here, but "true" in zoo1.cfg, zoo2.cfg; a server that speaks TLS to its peers cannot talk to one that does not; use one value in every config of the ensemble',
      },
      {
        messageId: "timingDiffersUnsetHere",
        file: conf(3),
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'tickTime is not set (3000) here, but "2000" in zoo1.cfg, zoo2.cfg; the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "settings written in every config, and one set only in the config that differs",
    version: "3.5",
    files: three([
      ["electionAlg=3", "portUnification=true", "quorum.auth.enableSasl=true", "reconfigEnabled=true"],
      ["electionAlg=3", "portUnification=true", "quorum.auth.enableSasl=true", "reconfigEnabled=true"],
      ["electionAlg=0", "portUnification=false", "quorum.auth.enableSasl=false", "reconfigEnabled=false", "sslQuorum=true"],
    ]),
    errors: [
      {
        messageId: "electionAlgDiffers",
        file: conf(3),
        line: 6,
        column: 13,
        endLine: 6,
        endColumn: 14,
        message:
          'electionAlg "0" here, but "3" in zoo1.cfg, zoo2.cfg; servers running different election algorithms cannot elect a leader together; use one value in every config of the ensemble',
      },
      {
        messageId: "portUnificationDiffers",
        file: conf(3),
        line: 7,
        column: 17,
        endLine: 7,
        endColumn: 22,
        message:
          'portUnification "false" here, but "true" in zoo1.cfg, zoo2.cfg; only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS; use one value in every config of the ensemble',
      },
      {
        messageId: "saslDiffers",
        file: conf(3),
        line: 8,
        column: 24,
        endLine: 8,
        endColumn: 29,
        message:
          'quorum.auth.enableSasl "false" here, but "true" in zoo1.cfg, zoo2.cfg; a server that requires SASL rejects peers that do not use it; use one value in every config of the ensemble',
      },
      {
        messageId: "reconfigDiffers",
        file: conf(3),
        line: 9,
        column: 17,
        endLine: 9,
        endColumn: 22,
        message:
          'reconfigEnabled "false" here, but "true" in zoo1.cfg, zoo2.cfg; only some servers accept reconfig and rewrite their config files; use one value in every config of the ensemble',
      },
      {
        messageId: "sslQuorumDiffersUnsetThere",
        file: conf(3),
        line: 10,
        column: 11,
        endLine: 10,
        endColumn: 15,
        message:
          'sslQuorum "true" here, but not set (false) in zoo1.cfg, zoo2.cfg; a server that speaks TLS to its peers cannot talk to one that does not; use one value in every config of the ensemble',
      },
    ],
  },
  {
    name: "server.2's client port in its own config differs from the one in another config's dynamic file",
    files: toDynamic(hosts(["2181", "2181", "2181"], ["2181", "2182", "2181"], ["2181", "2182", "2181"]), 1),
    errors: [
      {
        messageId: "clientPartDiffersFromOwnInDynamicFile",
        file: ZK(1),
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 63,
        message:
          'server.2 "zk2.example.net:2888:3888;2181" (line 2 of zoo-zk1.cfg.dynamic.100000000) gives the client address "2181", but "2182" in zoo-zk2.cfg, server.2\'s own config; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for server.2 depending on which server they ask; make server.2 the same in every config of the ensemble',
      },
    ],
  },
  {
    name: "one dynamic file's client port for server.2 differs, and no config is known to be server.2's",
    files: Object.fromEntries(
      Object.entries(toDynamic(hosts(["2181", "2181", "2181"], ["2181", "2181", "2181"], ["2181", "2182", "2181"]), 3)).filter(([p]) => !p.endsWith("myid")),
    ),
    errors: [
      {
        messageId: "clientPartDiffersInDynamicFile",
        file: ZK(3),
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 63,
        message:
          'server.2 "zk2.example.net:2888:3888;2182" (line 2 of zoo-zk3.cfg.dynamic.100000000) gives the client address "2182", but "2181" in zoo-zk1.cfg, zoo-zk2.cfg; each server answers getConfig (the /zookeeper/config node that Curator\'s EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for server.2 depending on which server they ask; make server.2 the same in every config of the ensemble',
      },
    ],
  },
];

runRuleTests(rule, { valid, invalid });

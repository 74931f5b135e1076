import rule from "../../rules/dynamic-config.js";
import { runRuleTests, type InvalidCase, type ValidCase } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const DYN = "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000";
const NEXT = "/etc/zookeeper/conf/zoo.cfg.dynamic.next";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper"];
const line = (i: number, tail = ";2181"): string => `server.${i}=zk${i}.example.net:2888:3888${tail}`;
const MEMBERS = lines(line(1), line(2), line(3));

/** A static config naming `dynamic` (default: the one dynamic file) and the files given. */
function split(body: string[], files: Record<string, string> = { [DYN]: MEMBERS }, dynamic = DYN): Record<string, string> {
  return { [CFG]: lines(...HEAD, ...body, `dynamicConfigFile=${dynamic}`), "/var/lib/zookeeper/myid": "1\n", ...files };
}
const DIRS = ["/var/lib/zookeeper"];

const valid: ValidCase[] = [
  { name: "static and dynamic files kept apart", files: split([]), dirs: DIRS },
  {
    name: "a dynamic file without a version in its name",
    files: split([], { "/etc/zookeeper/conf/zoo.cfg.dynamic": MEMBERS }, "/etc/zookeeper/conf/zoo.cfg.dynamic"),
    dirs: DIRS,
  },
  { name: "groups and weights in the dynamic file", files: split([], { [DYN]: lines(line(1), line(2), line(3), "group.1=1:2:3", "weight.1=1") }), dirs: DIRS },
  { name: "peerType and clientPort stay in the static file", files: split(["clientPort=2181", "peerType=participant"]), dirs: DIRS },
  { name: "reconfigEnabled with a dynamic file", files: split(["reconfigEnabled=true"]), dirs: DIRS },
  { name: "reconfigEnabled on a standalone server", files: { [CFG]: lines(...HEAD, "clientPort=2181", "reconfigEnabled=true") } },
  {
    name: "3.4 has no dynamic files: its zoo.cfg holds the servers",
    version: "3.4",
    files: { [CFG]: lines(...HEAD, "clientPort=2181", "dynamicConfigFile=/x", line(1, ""), line(2, ""), line(3, "")), "/var/lib/zookeeper/myid": "1\n" },
    dirs: DIRS,
  },
  {
    name: "a .dynamic.next without dynamicConfigFile is never read",
    files: { [CFG]: lines(...HEAD, "clientPort=2181", line(1, ""), line(2, ""), line(3, "")), [NEXT]: "server.1=x\n", "/var/lib/zookeeper/myid": "1\n" },
    dirs: DIRS,
  },
  {
    name: "a suffix without digits is a name, not a version",
    files: split([], { "/etc/zookeeper/conf/servers.dyn": MEMBERS }, "/etc/zookeeper/conf/servers.dyn"),
    dirs: DIRS,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "server, group and weight lines beside dynamicConfigFile",
    files: split([line(1), "group.1=1:2:3", "weight.1=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "staticHasDynamicKey",
        file: CFG,
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'server.1 "zk1.example.net:2888:3888;2181" is in the static config, which names a dynamic file; ZooKeeper exits with "parameter: server.1 must be in a separate dynamic config file"; move the line to /etc/zookeeper/conf/zoo.cfg.dynamic.100000000',
      },
      {
        messageId: "staticHasDynamicKey",
        file: CFG,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 8,
        message:
          'group.1 "1:2:3" is in the static config, which names a dynamic file; ZooKeeper exits with "parameter: group.1 must be in a separate dynamic config file"; move the line to /etc/zookeeper/conf/zoo.cfg.dynamic.100000000',
      },
      {
        messageId: "staticHasDynamicKey",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 9,
        message:
          'weight.1 "1" is in the static config, which names a dynamic file; ZooKeeper exits with "parameter: weight.1 must be in a separate dynamic config file"; move the line to /etc/zookeeper/conf/zoo.cfg.dynamic.100000000',
      },
    ],
  },
  {
    name: "a version line in the dynamic file",
    files: split([], { [DYN]: lines(line(1), line(2), line(3), "version=100000000") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "versionInside",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'version "100000000" (line 4 of zoo.cfg.dynamic.100000000) is inside the dynamic file; ZooKeeper exits with "dynamic file shouldn\'t have version inside"; remove the line: the version comes from the file name\'s suffix',
      },
    ],
  },
  {
    name: "a dynamic file without any server line is reported once, none of its lines quoted",
    files: split([], {
      [DYN]: lines("# a key", "-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", "-----END OPENSSH PRIVATE KEY-----"),
    }),
    dirs: DIRS,
    errors: [
      {
        messageId: "notDynamic",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          "zoo.cfg.dynamic.100000000, the dynamic file, has no server, group or weight line, only 3 other line(s), the first on line 2: it is not a dynamic file, and ZooKeeper exits at startup on its first line; name the file holding the server lines",
      },
    ],
  },
  {
    name: "static keys in the dynamic file",
    files: split([], { [DYN]: lines("clientPort=2181", line(1), line(2), line(3), "dataDir=/var/lib/zookeeper") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "staticKeyInside",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'clientPort "2181" (line 1 of zoo.cfg.dynamic.100000000) is not a server, group or weight line; ZooKeeper exits with "Unrecognised parameter: clientPort"; move it to the static config',
      },
      {
        messageId: "staticKeyInside",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'dataDir "/var/lib/zookeeper" (line 5 of zoo.cfg.dynamic.100000000) is not a server, group or weight line; ZooKeeper exits with "Unrecognised parameter: dataDir"; move it to the static config',
      },
    ],
  },
  {
    name: "a hexadecimal version written with 0x",
    files: split([], { "/etc/zookeeper/conf/zoo.cfg.dynamic.0x100000000": MEMBERS }, "/etc/zookeeper/conf/zoo.cfg.dynamic.0x100000000"),
    dirs: DIRS,
    errors: [
      {
        messageId: "suffixNotHex",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 66,
        message:
          'dynamicConfigFile "/etc/zookeeper/conf/zoo.cfg.dynamic.0x100000000" ends in ".0x100000000", which ZooKeeper does not read as a hexadecimal version, so the configuration gets version 0; end the name in a hexadecimal version such as ".100000000", or in no version',
      },
    ],
  },
  {
    name: "reconfigEnabled with the servers in zoo.cfg",
    files: { [CFG]: lines(...HEAD, "clientPort=2181", "reconfigEnabled=TRUE", line(1, ""), line(2, ""), line(3, "")), "/var/lib/zookeeper/myid": "1\n" },
    dirs: DIRS,
    errors: [
      {
        messageId: "reconfigRewrites",
        file: CFG,
        line: 6,
        column: 17,
        endLine: 6,
        endColumn: 21,
        message:
          'reconfigEnabled "TRUE" with the server lines in this file: ZooKeeper copies it to zoo.cfg.bak at startup and, after the first election, rewrites it without its comments, its order and its server lines, which move to a new zoo.cfg.dynamic.<version>; move the server lines to a dynamic file named by dynamicConfigFile, or leave reconfigEnabled off',
      },
    ],
  },
  {
    name: "a .dynamic.next ZooKeeper cannot read",
    files: split([], { [DYN]: MEMBERS, [NEXT]: lines("version=200000000", line(1), "server.2=zk2.example.net:2888") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "nextMalformed",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'zoo.cfg.dynamic.next beside this config has a line ZooKeeper rejects (line 3); ZooKeeper reads that file at startup and exits with "zk2.example.net:2888 does not have the form server_config or server_config;client_config where server_config is the pipe separated list of host:port:port or host:port:port:type and client_config is port or host:port"; delete zoo.cfg.dynamic.next, the leftover of an unfinished reconfiguration',
      },
    ],
  },
  {
    name: "a .dynamic.next with a bad group",
    files: split([], { [DYN]: MEMBERS, [NEXT]: lines(line(1), "group.a=1") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "nextMalformed",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'zoo.cfg.dynamic.next beside this config has a line ZooKeeper rejects (line 2); ZooKeeper reads that file at startup and exits with "NumberFormatException: For input string: "a""; delete zoo.cfg.dynamic.next, the leftover of an unfinished reconfiguration',
      },
    ],
  },
  {
    name: "a newer .dynamic.next with reconfigEnabled",
    files: split(["reconfigEnabled=true"], { [DYN]: MEMBERS, [NEXT]: lines(line(1), line(4), line(5), "version=200000000") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "nextPending",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 64,
        message:
          "zoo.cfg.dynamic.next beside this config holds configuration version 200000000, newer than 100000000; with reconfigEnabled=true ZooKeeper takes it for a reconfiguration under way, and a leader also waits for a quorum of its servers (server.1, server.4, server.5); delete it unless such a reconfiguration is really under way",
      },
    ],
  },
  {
    name: "a .dynamic.next with reconfigEnabled off",
    files: split([], { [DYN]: MEMBERS, [NEXT]: lines(line(1), line(4), line(5), "version=200000000") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "nextLeftover",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          "zoo.cfg.dynamic.next beside this config is left from a reconfiguration; ZooKeeper ignores it (reconfigEnabled is off) and deletes it at startup; delete it, so that no one takes it for the configuration in use",
      },
    ],
  },
  {
    name: "an older .dynamic.next with reconfigEnabled",
    files: split(["reconfigEnabled=true"], { [DYN]: MEMBERS, [NEXT]: lines(line(1), "version=ff") }),
    dirs: DIRS,
    errors: [
      {
        messageId: "nextLeftoverOld",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 64,
        message:
          "zoo.cfg.dynamic.next beside this config is left from a reconfiguration; ZooKeeper ignores it (its version ff is not newer than 100000000) and deletes it at startup; delete it, so that no one takes it for the configuration in use",
      },
    ],
  },
];

runRuleTests(rule, { valid, invalid });

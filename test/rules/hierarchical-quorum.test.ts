import rule from "../../rules/hierarchical-quorum.js";
import { expectTwins, inDynamicFile, movable } from "../helpers/dynamic-case.js";
import { runRuleTests, type InvalidCase, type ValidCase } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181"];
const line = (i: number, tail = ""): string => `server.${i}=zk${i}.example.net:2888:3888${tail}`;
/** Servers 1..n, participants unless listed as observers. */
const servers = (n: number, observers: number[] = []): string[] =>
  Array.from({ length: n }, (_, i) => line(i + 1, observers.includes(i + 1) ? ":observer" : ""));

function debian(body: string[]): Record<string, string> {
  return { [CFG]: lines(...HEAD, ...body), "/var/lib/zookeeper/myid": "1\n" };
}
const DIRS = ["/var/lib/zookeeper"];

const valid: ValidCase[] = [
  { name: "no group or weight lines", files: debian(servers(3)), dirs: DIRS },
  {
    name: "three groups of three, weights of 1",
    files: debian([...servers(9), "group.1=1:2:3", "group.2=4:5:6", "group.3=7:8:9", ...Array.from({ length: 9 }, (_, i) => `weight.${i + 1}=1`)]),
    dirs: DIRS,
  },
  { name: "groups without weights: every participant weighs 1", files: debian([...servers(6), "group.1=1:2", "group.2=3:4", "group.3=5:6"]), dirs: DIRS },
  { name: "observers need no group", files: debian([...servers(4, [4]), "group.1=1:2:3"]), dirs: DIRS },
  { name: "a heavier server that holds its group's majority alone", files: debian([...servers(3), "group.1=1:2:3", "weight.1=3"]), dirs: DIRS },
  { name: "3.4 trims group values", version: "3.4", files: debian([...servers(3), "group.1=1:2:3 ", "weight.1=2 "]), dirs: DIRS },
  { name: "3.4 looks at groups only in quorum mode", version: "3.4", files: debian(["server.1=zk1.example.net:2888:3888", "group.1=2"]), dirs: DIRS },
  { name: "a key that merely contains group is not read as one", files: debian([...servers(3), "syncgroup=a"]), dirs: DIRS },
  {
    name: "group lines beside a dynamic file that is not there are dynamic-config's business",
    files: debian(["dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000", "group.1=1:2"]),
    dirs: DIRS,
  },
  {
    name: "groups in the dynamic file",
    files: {
      ...debian(["dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000"]),
      "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000": lines(...servers(3), "group.1=1:2:3"),
    },
    dirs: DIRS,
  },
];

const invalid: InvalidCase[] = [
  {
    name: "keys that start with group or weight but are not group.N or weight.N",
    files: debian([...servers(3), "groupName=prod", "weight=2", "group.1.a=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "keyNotNumbered",
        file: CFG,
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 10,
        message:
          'groupName starts with "group", so ZooKeeper reads it as a group.N line; "groupName" is not a number, and it exits with "NumberFormatException: For input string: "groupName""; rename the key if it is not about hierarchical quorums, or write group.N',
      },
      {
        messageId: "keyNotNumbered",
        file: CFG,
        line: 10,
        column: 1,
        endLine: 10,
        endColumn: 7,
        message:
          'weight starts with "weight", so ZooKeeper reads it as a weight.N line; "weight" is not a number, and it exits with "NumberFormatException: For input string: "weight""; rename the key if it is not about hierarchical quorums, or write weight.N',
      },
      {
        messageId: "keyNotNumbered",
        file: CFG,
        line: 11,
        column: 1,
        endLine: 11,
        endColumn: 10,
        message:
          'group.1.a starts with "group", so ZooKeeper reads it as a group.N line; "1.a" is not a number, and it exits with "NumberFormatException: For input string: "1.a""; rename the key if it is not about hierarchical quorums, or write group.N',
      },
    ],
  },
  {
    name: "values that are not numbers",
    files: debian([...servers(3), "group.1=1:2:3 ", "group.2=", "weight.1=2x", "weight.2=1 "]),
    dirs: DIRS,
    errors: [
      {
        messageId: "valueNotNumbers",
        file: CFG,
        line: 9,
        column: 13,
        endLine: 9,
        endColumn: 15,
        message:
          'group.1 "1:2:3 " is not a list of server ids separated by colons; ZooKeeper exits with "NumberFormatException: For input string: "3 ""; write a list of server ids separated by colons, with no blanks',
      },
      {
        messageId: "valueNotNumbers",
        file: CFG,
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 9,
        message:
          'group.2 "" is not a list of server ids separated by colons; ZooKeeper exits with "NumberFormatException: For input string: """; write a list of server ids separated by colons, with no blanks',
      },
      {
        messageId: "weightNotNumber",
        file: CFG,
        line: 11,
        column: 10,
        endLine: 11,
        endColumn: 12,
        message:
          'weight.1 "2x" is not a whole number; ZooKeeper exits with "NumberFormatException: For input string: "2x""; write a whole number, with no blanks',
      },
      {
        messageId: "weightNotNumber",
        file: CFG,
        line: 12,
        column: 10,
        endLine: 12,
        endColumn: 12,
        message:
          'weight.2 "1 " is not a whole number; ZooKeeper exits with "NumberFormatException: For input string: "1 ""; write a whole number, with no blanks',
      },
    ],
  },
  {
    name: "a participant in no group",
    files: debian([...servers(3), "group.1=1:2"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "notInGroup",
        file: CFG,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 9,
        message: 'server.3 is a participant in no group; ZooKeeper exits with "Server 3is not in a group"; add 3 to one group.N line',
      },
    ],
  },
  {
    name: "a participant in two groups",
    files: debian([...servers(3), "group.1=1:2", "group.2=2:3"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "inTwoGroups",
        file: CFG,
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 10,
        message: 'group.2 "2:3" lists server 2, which group.1 lists too; ZooKeeper exits with "Server 2is in multiple groups"; keep each server in one group',
      },
    ],
  },
  {
    name: "a server listed twice in one group",
    files: debian([...servers(3), "group.1=1:1:2:3"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "twiceInGroup",
        file: CFG,
        line: 9,
        column: 11,
        endLine: 9,
        endColumn: 12,
        message:
          'group.1 "1:1:2:3" lists server 1, which this line lists too; ZooKeeper exits with "Server 1is in multiple groups"; keep each server in one group',
      },
    ],
  },
  {
    name: "weights without groups",
    files: debian([...servers(3), "weight.2=2", "weight.3=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "weightWithoutGroups",
        file: CFG,
        line: 9,
        column: 10,
        endLine: 9,
        endColumn: 11,
        message:
          'weight.2 "2" is a weight without any group.N line, which still makes ZooKeeper use hierarchical quorums; it exits with "Server 1is not in a group"; add group.N lines for every participant, or remove the weights',
      },
      {
        messageId: "weightWithoutGroups",
        file: CFG,
        line: 10,
        column: 10,
        endLine: 10,
        endColumn: 11,
        message:
          'weight.3 "1" is a weight without any group.N line, which still makes ZooKeeper use hierarchical quorums; it exits with "Server 1is not in a group"; add group.N lines for every participant, or remove the weights',
      },
    ],
  },
  {
    name: "weights without groups in 3.4",
    version: "3.4",
    files: debian([...servers(3), "weight.1=2"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "weightIgnoredLegacy",
        file: CFG,
        line: 9,
        column: 10,
        endLine: 9,
        endColumn: 11,
        message:
          'weight.1 "2" is a weight without any group.N line; ZooKeeper 3.4 uses weights only with groups and ignores it; add group.N lines, or remove the weights',
      },
    ],
  },
  {
    name: "group counts that differ in 3.4",
    version: "3.4",
    files: debian([...servers(3), "group.1=1:2", "group.2=3:4"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "groupCountLegacy",
        file: CFG,
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: 12,
        message:
          'the group lines list 4 server(s), and the config has 3 participant(s); ZooKeeper 3.4 exits with "Every server must be in exactly one group"; list every participant in exactly one group, and nothing else',
      },
    ],
  },
  {
    name: "3.4 with equal counts still crashes on a server that does not exist",
    version: "3.4",
    files: debian([...servers(3), "group.1=1:2", "group.2=4"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "unknownMember",
        file: CFG,
        line: 10,
        column: 9,
        endLine: 10,
        endColumn: 10,
        message:
          'group.2 "4" lists 4, which has no server line and no weight; ZooKeeper crashes with a NullPointerException while adding up the group\'s weight and exits; remove 4 from the group, or add server.4',
      },
    ],
  },
  {
    name: "a group naming a server that does not exist",
    files: debian([...servers(3), "group.1=1:2", "group.2=3:4"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "unknownMember",
        file: CFG,
        line: 10,
        column: 11,
        endLine: 10,
        endColumn: 12,
        message:
          'group.2 "3:4" lists 4, which has no server line and no weight; ZooKeeper crashes with a NullPointerException while adding up the group\'s weight and exits; remove 4 from the group, or add server.4',
      },
    ],
  },
  {
    name: "an observer in a group without a weight",
    files: debian([...servers(4, [4]), "group.1=1:2:3:4"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "observerMember",
        file: CFG,
        line: 10,
        column: 15,
        endLine: 10,
        endColumn: 16,
        message:
          'group.1 "1:2:3:4" lists observer 4, which has no weight; ZooKeeper crashes with a NullPointerException while adding up the group\'s weight and exits; remove observers from the groups',
      },
    ],
  },
  {
    name: "a weighed observer and a weighed stranger in groups",
    files: debian([...servers(6, [6]), "group.1=1:2:3:6", "group.2=4:5:7", "weight.6=1", "weight.7=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "nonVoterWeighed",
        file: CFG,
        line: 12,
        column: 15,
        endLine: 12,
        endColumn: 16,
        message:
          'group.1 "1:2:3:6" lists observer 6: it never votes, but ZooKeeper counts its weight (1) in the group, so the group needs more votes than its voters\' majority; remove 6 from the group',
      },
      {
        messageId: "unknownWeighed",
        file: CFG,
        line: 13,
        column: 13,
        endLine: 13,
        endColumn: 14,
        message:
          'group.2 "4:5:7" lists 7, which has no server line: it never votes, but ZooKeeper counts its weight (1) in the group, so the group needs more votes than its voters\' majority; remove 7 from the group',
      },
    ],
  },
  {
    name: "weights nothing uses",
    files: debian([...servers(4, [4]), "group.1=1:2:3", "weight.4=1", "weight.9=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "unusedWeight",
        file: CFG,
        line: 11,
        column: 10,
        endLine: 11,
        endColumn: 11,
        message: 'weight.4 "1" weighs observer 4, which is in no group; ZooKeeper never uses this weight; remove the line, or fix the id',
      },
      {
        messageId: "unusedWeightUnknown",
        file: CFG,
        line: 12,
        column: 10,
        endLine: 12,
        endColumn: 11,
        message: 'weight.9 "1" weighs server 9 (no server line), which is in no group; ZooKeeper never uses this weight; remove the line, or fix the id',
      },
    ],
  },
  {
    name: "a participant of weight 0",
    files: debian([...servers(3), "group.1=1:2:3", "weight.3=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "zeroWeight",
        file: CFG,
        line: 10,
        column: 10,
        endLine: 10,
        endColumn: 11,
        message:
          'weight.3 "0" gives participant 3 no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer',
      },
    ],
  },
  {
    name: "a negative weight",
    files: debian([...servers(3), "group.1=1:2:3", "weight.3=-1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "negativeWeight",
        file: CFG,
        line: 10,
        column: 10,
        endLine: 10,
        endColumn: 12,
        message:
          'weight.3 "-1" is negative; ZooKeeper adds it up like any weight, so a vote of server 3 takes votes away from its group; use a positive weight',
      },
    ],
  },
  {
    name: "a group of weight 0",
    files: debian([...servers(4), "group.1=1:2:3", "group.2=4", "weight.4=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "zeroGroup",
        file: CFG,
        line: 11,
        column: 9,
        endLine: 11,
        endColumn: 10,
        message:
          'group.2 "4" has a total weight of 0; ZooKeeper leaves such a group out when it counts groups, so its servers never count toward a quorum; give its participants weights, or remove the group',
      },
      {
        messageId: "zeroWeight",
        file: CFG,
        line: 12,
        column: 10,
        endLine: 12,
        endColumn: 11,
        message:
          'weight.4 "0" gives participant 4 no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer',
      },
    ],
  },
  {
    name: "every group of weight 0",
    files: debian([...servers(2), "group.1=1:2", "weight.1=0", "weight.2=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "noCountedGroup",
        file: CFG,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 12,
        message:
          "every group has a total weight of 0, and ZooKeeper leaves such groups out when it counts groups, so no set of servers is ever a quorum; ZooKeeper starts, but never elects a leader; give the participants positive weights",
      },
      {
        messageId: "zeroWeight",
        file: CFG,
        line: 9,
        column: 10,
        endLine: 9,
        endColumn: 11,
        message:
          'weight.1 "0" gives participant 1 no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer',
      },
      {
        messageId: "zeroWeight",
        file: CFG,
        line: 10,
        column: 10,
        endLine: 10,
        endColumn: 11,
        message:
          'weight.2 "0" gives participant 2 no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer',
      },
    ],
  },
  {
    name: "a group of observers can never be a majority",
    files: debian([...servers(4, [4]), "group.1=1:2:3", "group.2=4", "weight.4=1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "noQuorum",
        file: CFG,
        line: 10,
        column: 1,
        endLine: 10,
        endColumn: 14,
        message:
          "only 1 of the 2 counted groups can reach a majority of their own weight with their participants' votes, and a quorum needs a majority in more than 1 of them; ZooKeeper starts, but never elects a leader; give each group participants holding more than half of its weight",
      },
      {
        messageId: "nonVoterWeighed",
        file: CFG,
        line: 11,
        column: 9,
        endLine: 11,
        endColumn: 10,
        message:
          'group.2 "4" lists observer 4: it never votes, but ZooKeeper counts its weight (1) in the group, so the group needs more votes than its voters\' majority; remove 4 from the group',
      },
    ],
  },
  {
    name: "two groups where one cannot reach its majority",
    files: debian([...servers(4), "group.1=1:2", "group.2=3:4", "weight.3=1", "weight.4=5", "server.4=zk4.example.net:2888:3888:observer"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "noQuorum",
        file: CFG,
        line: 10,
        column: 1,
        endLine: 10,
        endColumn: 12,
        message:
          "only 1 of the 2 counted groups can reach a majority of their own weight with their participants' votes, and a quorum needs a majority in more than 1 of them; ZooKeeper starts, but never elects a leader; give each group participants holding more than half of its weight",
      },
      {
        messageId: "nonVoterWeighed",
        file: CFG,
        line: 11,
        column: 11,
        endLine: 11,
        endColumn: 12,
        message:
          'group.2 "3:4" lists observer 4: it never votes, but ZooKeeper counts its weight (5) in the group, so the group needs more votes than its voters\' majority; remove 4 from the group',
      },
    ],
  },
  {
    name: "a dynamic file's group lines: reported at dynamicConfigFile",
    files: {
      ...debian(["dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000"]),
      "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000": lines(...servers(3), "group.1=1:2"),
    },
    dirs: DIRS,
    errors: [
      {
        messageId: "notInGroupInDynamicFile",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 64,
        message:
          'server.3 (line 3 of zoo.cfg.dynamic.100000000) is a participant in no group; ZooKeeper exits with "Server 3is not in a group"; add 3 to one group.N line',
      },
    ],
  },
];

/** The cases above with a message about a group, weight or server line, their lines moved into a dynamic file. */
const moved = invalid.filter((c) => movable(c, rule.meta.messages)).map((c) => inDynamicFile(c, rule.meta.messages));

runRuleTests(rule, { valid, invalid: [...invalid, ...moved] });
expectTwins(rule, moved, [
  "keyNotNumberedInDynamicFile",
  "valueNotNumbersInDynamicFile",
  "weightNotNumberInDynamicFile",
  "inTwoGroupsInDynamicFile",
  "twiceInGroupInDynamicFile",
  "notInGroupInDynamicFile",
  "weightWithoutGroupsInDynamicFile",
  "unknownMemberInDynamicFile",
  "observerMemberInDynamicFile",
  "nonVoterWeighedInDynamicFile",
  "unknownWeighedInDynamicFile",
  "zeroWeightInDynamicFile",
  "negativeWeightInDynamicFile",
  "zeroGroupInDynamicFile",
  "unusedWeightInDynamicFile",
  "unusedWeightUnknownInDynamicFile",
]);

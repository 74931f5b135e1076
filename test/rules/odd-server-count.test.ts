import rule from "../../rules/odd-server-count.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181"];

/** /etc/zookeeper/conf/zoo.cfg (Debian's layout) with these server lines after the usual head. */
function debian(...servers: string[]): Record<string, string> {
  return { "/etc/zookeeper/conf/zoo.cfg": lines(...HEAD, ...servers), "/var/lib/zookeeper/myid": "1\n" };
}

const voter = (i: number): string => `server.${i}=zk${i}.example.net:2888:3888`;
const observer = (i: number): string => `server.${i}=zk${i}.example.net:2888:3888:observer`;
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const TWO = "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members";

runRuleTests(rule, {
  valid: [
    { name: "three voters", files: debian(voter(1), voter(2), voter(3)) },
    { name: "three voters and two observers", files: debian(voter(1), voter(2), voter(3), observer(4), observer(5)) },
    { name: "five voters", files: debian(voter(1), voter(2), voter(3), voter(4), voter(5)) },
    { name: "one participant: standalone, the line is ignored", files: debian(voter(1)) },
    { name: "no server lines: standalone", files: debian() },
    { name: "a quorum of one (standaloneEnabled=false)", files: debian("standaloneEnabled=false", voter(1)) },
    {
      name: "three voters split into hierarchical groups",
      files: debian(voter(1), voter(2), voter(3), "group.1=1:2", "group.2=3", "weight.1=1", "weight.2=1", "weight.3=1"),
    },
    {
      name: "observer role in another case and with a trailing blank still makes an observer",
      files: debian(voter(1), voter(2), voter(3), "server.4=zk4.example.net:2888:3888:Observer "),
    },
  ],
  invalid: [
    {
      name: "two voters",
      files: debian(voter(1), voter(2)),
      errors: [{ messageId: "two", file: CFG, line: 6, column: 1, endLine: 6, endColumn: 9, message: TWO }],
    },
    {
      name: "four voters",
      files: debian(voter(1), voter(2), voter(3), voter(4)),
      errors: [
        {
          messageId: "even",
          file: CFG,
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          message: "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
        },
      ],
    },
    {
      name: "two participants and one observer: observers do not vote",
      files: debian(voter(1), voter(2), observer(3)),
      errors: [{ messageId: "two", file: CFG, line: 6, column: 1, endLine: 6, endColumn: 9, message: TWO }],
    },
    {
      name: "six voters and two observers",
      files: debian(voter(1), voter(2), voter(3), voter(4), voter(5), voter(6), observer(7), observer(8)),
      errors: [
        {
          messageId: "even",
          file: CFG,
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          message: "6 voting members tolerate 2 failure(s), no more than 5 would; use 5 or 7",
        },
      ],
    },
    {
      name: "points at the first participant when an observer comes first",
      files: debian(observer(1), "server.2=zk2.example.net:2888:3888:participant", voter(3)),
      errors: [
        {
          messageId: "two",
          file: CFG,
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          message: "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members",
        },
      ],
    },
    {
      name: "two voters with standaloneEnabled=false",
      files: debian("standaloneEnabled=false", voter(1), voter(2)),
      errors: [
        {
          messageId: "two",
          file: CFG,
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          message: "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members",
        },
      ],
    },
    {
      name: "two voters in ZooKeeper 3.4",
      version: "3.4",
      files: debian(voter(1), voter(2)),
      errors: [
        {
          messageId: "two",
          file: CFG,
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          message: "2 voting members tolerate no failure, and losing either stops the ensemble: 2 is less reliable than 1; use 3 voting members",
        },
      ],
    },
    {
      name: "four servers on localhost: every config of the pseudo-cluster is reported",
      files: Object.fromEntries(
        [1, 2, 3, 4].flatMap((i) => [
          [
            `/conf/zoo${i}.cfg`,
            lines(
              "tickTime=2000",
              "initLimit=10",
              "syncLimit=5",
              `dataDir=/tmp/zookeeper/zk${i}`,
              `clientPort=218${i}`,
              ...[1, 2, 3, 4].map((s) => `server.${s}=localhost:288${s}:388${s}`),
            ),
          ],
          [`/tmp/zookeeper/zk${i}/myid`, `${i}\n`],
        ]),
      ),
      errors: [1, 2, 3, 4].map((i) => ({
        messageId: "even",
        file: `/conf/zoo${i}.cfg`,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message: "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
      })),
    },
    {
      name: "four voters in the dynamic file: reported at dynamicConfigFile",
      files: {
        [CFG]: lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/var/lib/zookeeper",
          "dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000",
        ),
        "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000": lines(...[1, 2, 3, 4].map((i) => `${voter(i)};2181`)),
        "/var/lib/zookeeper/myid": "1\n",
      },
      errors: [
        {
          messageId: "even",
          file: CFG,
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 64,
          message: "4 voting members tolerate 1 failure(s), no more than 3 would; use 3 or 5",
        },
      ],
    },
  ],
});

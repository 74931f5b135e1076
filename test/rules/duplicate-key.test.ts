import rule from "../../rules/duplicate-key.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });
const cfg = (...l: string[]): Record<string, string> => ({ [CFG]: lines(...l) });

runRuleTests(rule, {
  valid: [
    { name: "every key once", files: cfg("tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181") },
    { name: "keys differing only in case are different keys", files: cfg("initLimit=10", "initlimit=10") },
    { name: "server lines with different ids", files: cfg("server.1=a:2888:3888", "server.2=b:2888:3888", "server.10=c:2888:3888") },
    { name: "a commented-out earlier value", files: cfg("#dataDir=/tmp/zookeeper", "dataDir=/var/lib/zookeeper") },
    { name: "server.x is not a number, so not the same as any other", files: cfg("server.x=a:2888:3888", "server.y=b:2888:3888") },
    { name: "numbered keys spelled as ZooKeeper files them", files: cfg("server.1=a:2888:3888", "server.10=b:2888:3888", "group.0=1:10", "weight.-1=1") },
  ],
  invalid: [
    {
      name: "dataDir set twice, the second one wins",
      files: cfg("dataDir=/tmp/zookeeper", "clientPort=2181", "dataDir=/opt/zookeeper/data"),
      errors: [
        {
          messageId: "overridden",
          ...at(1, 1, 8),
          message:
            'dataDir "/tmp/zookeeper" is set again on line 3; ZooKeeper silently keeps only the last value, "/opt/zookeeper/data", and ignores this one; remove this line, or the other one if this is the value you meant',
          suggestions: [{ desc: "Remove line 1 (dataDir=/tmp/zookeeper)", output: lines("clientPort=2181", "dataDir=/opt/zookeeper/data") }],
        },
      ],
    },
    {
      name: "three clientPort lines: both earlier ones named after the last",
      files: cfg("clientPort=2181", "clientPort=2182", "tickTime=2000", "clientPort=2183"),
      errors: [
        {
          messageId: "overridden",
          ...at(1, 1, 11),
          suggestions: [{ desc: "Remove line 1 (clientPort=2181)", output: lines("clientPort=2182", "tickTime=2000", "clientPort=2183") }],
          message:
            'clientPort "2181" is set again on line 4; ZooKeeper silently keeps only the last value, "2183", and ignores this one; remove this line, or the other one if this is the value you meant',
        },
        {
          messageId: "overridden",
          ...at(2, 1, 11),
          suggestions: [{ desc: "Remove line 2 (clientPort=2182)", output: lines("clientPort=2181", "tickTime=2000", "clientPort=2183") }],
          message:
            'clientPort "2182" is set again on line 4; ZooKeeper silently keeps only the last value, "2183", and ignores this one; remove this line, or the other one if this is the value you meant',
        },
      ],
    },
    {
      name: "the same line twice is removed by fix",
      files: cfg("tickTime=2000", "maxClientCnxns=60", "initLimit=10", "maxClientCnxns = 60 "),
      errors: [
        {
          messageId: "repeated",
          ...at(2, 1, 15),
          message: 'maxClientCnxns "60" is set again on line 4 to the same value; ZooKeeper keeps the last one, so this line does nothing; remove it',
        },
      ],
      output: { [CFG]: lines("tickTime=2000", "initLimit=10", "maxClientCnxns = 60 ") },
    },
    {
      name: "a repeated line spread over two lines by a continuation goes whole",
      files: { [CFG]: "autopurge.purgeInterval=\\\n  24\r\ntickTime=2000\r\nautopurge.purgeInterval=24\r\n" },
      errors: [
        {
          messageId: "repeated",
          ...at(1, 1, 24),
          message: 'autopurge.purgeInterval "24" is set again on line 4 to the same value; ZooKeeper keeps the last one, so this line does nothing; remove it',
        },
      ],
      output: { [CFG]: "tickTime=2000\r\nautopurge.purgeInterval=24\r\n" },
    },
    {
      name: "a server line given twice",
      files: cfg("server.1=a:2888:3888", "server.2=b:2888:3888", "server.2=c:2888:3888"),
      errors: [
        {
          messageId: "overridden",
          ...at(2, 1, 9),
          message:
            'server.2 "b:2888:3888" is set again on line 3; ZooKeeper silently keeps only the last value, "c:2888:3888", and ignores this one; remove this line, or the other one if this is the value you meant',
          suggestions: [{ desc: "Remove line 2 (server.2=b:2888:3888)", output: lines("server.1=a:2888:3888", "server.2=c:2888:3888") }],
        },
      ],
    },
    {
      name: "server.2 and server.02 name one server",
      files: cfg("server.1=a:2888:3888", "server.2=b:2888:3888", "server.02=c:2888:3888"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(2, 1, 9),
          message:
            '"server.2" here and "server.02" on line 3 both set server 2; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
          suggestions: [{ desc: "Remove line 2 (server.2=b:2888:3888)", output: lines("server.1=a:2888:3888", "server.02=c:2888:3888") }],
        },
      ],
    },
    {
      name: "weight.+1 and weight.1 name one server's weight",
      files: cfg("group.1=1:2:3", "weight.+1=2", "weight.1=3"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(2, 1, 10),
          suggestions: [{ desc: "Remove line 2 (weight.+1=2)", output: lines("group.1=1:2:3", "weight.1=3") }],
          message:
            '"weight.+1" here and "weight.1" on line 3 both set weight 1; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
        },
      ],
    },
    {
      name: "a key with an escaped blank that ZooKeeper trims away",
      files: cfg("\\ clientPort=2182", "clientPort=2181"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(1, 1, 13),
          message:
            '" clientPort" here and "clientPort" on line 2 both set clientPort; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
          suggestions: [{ desc: "Remove line 1 (clientPort=2182)", output: lines("clientPort=2181") }],
        },
      ],
    },
    {
      name: "server.+1 is server.1",
      files: cfg("server.+1=a:2888:3888", "server.1=b:2888:3888"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(1, 1, 10),
          suggestions: [{ desc: "Remove line 1 (server.+1=a:2888:3888)", output: lines("server.1=b:2888:3888") }],
          message:
            '"server.+1" here and "server.1" on line 2 both set server 1; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
        },
      ],
    },
    {
      name: "weight.-0 is weight.0",
      files: cfg("weight.0=1", "weight.-0=2"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(1, 1, 9),
          suggestions: [{ desc: "Remove line 1 (weight.0=1)", output: lines("weight.-0=2") }],
          message:
            '"weight.0" here and "weight.-0" on line 2 both set weight 0; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
        },
      ],
    },
    {
      name: "a key set twice with a blank that ZooKeeper trims",
      files: cfg("clientPort=2181", "clientPort\\ =2182"),
      errors: [
        {
          messageId: "hashOrder",
          ...at(1, 1, 11),
          suggestions: [{ desc: "Remove line 1 (clientPort=2181)", output: lines("clientPort\\ =2182") }],
          message:
            '"clientPort" here and "clientPort " on line 2 both set clientPort; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them',
        },
      ],
    },
  ],
});

// The rules skip their full checks when a cheap test shows there is nothing to report. These cases
// sit just past those tests: spellings the cheap test must send on to the full check.
import { describe } from "vitest";
import duplicateKey from "../../rules/duplicate-key.js";
import portCollision from "../../rules/port-collision.js";
import zkserverScriptCompat from "../../rules/zkserver-script-compat.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });
const cfg = (...l: string[]): Record<string, string> => ({ [CFG]: lines(...l) });

describe("duplicate-key past its shortcut", () => {
  runRuleTests(duplicateKey, {
    valid: [{ name: "numbered keys spelled as ZooKeeper files them", files: cfg("server.1=a:2888:3888", "server.10=b:2888:3888", "group.0=1:10", "weight.-1=1") }],
    invalid: [
      {
        name: "server.+1 is server.1",
        files: cfg("server.+1=a:2888:3888", "server.1=b:2888:3888"),
        errors: [{ messageId: "hashOrder", ...at(1, 1, 10), suggestions: [{ desc: "Remove line 1 (server.+1=a:2888:3888)", output: lines("server.1=b:2888:3888") }], message: '"server.+1" here and "server.1" on line 2 both set server 1; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them' }],
      },
      {
        name: "weight.-0 is weight.0",
        files: cfg("weight.0=1", "weight.-0=2"),
        errors: [{ messageId: "hashOrder", ...at(1, 1, 9), suggestions: [{ desc: "Remove line 1 (weight.0=1)", output: lines("weight.-0=2") }], message: '"weight.0" here and "weight.-0" on line 2 both set weight 0; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them' }],
      },
      {
        name: "a key set twice with a blank that ZooKeeper trims",
        files: cfg("clientPort=2181", "clientPort\\ =2182"),
        errors: [{ messageId: "hashOrder", ...at(1, 1, 11), suggestions: [{ desc: "Remove line 1 (clientPort=2181)", output: lines("clientPort\\ =2182") }], message: '"clientPort" here and "clientPort " on line 2 both set clientPort; ZooKeeper keeps one of the two values in the order of its hash table, not the last line; keep only one of them' }],
      },
    ],
  });
});

describe("zkserver-script-compat past its shortcut", () => {
  runRuleTests(zkserverScriptCompat, {
    valid: [
      { name: "the key's name in a comment and in a value", files: cfg("# dataDir below is on the data disk", "dataDir=/var/lib/zookeeper", "snapDir=/dataDir") },
      { name: "clientPort and clientPortAddress, each with =", files: cfg("dataDir=/var/lib/zookeeper", "clientPortAddress=10.0.0.1", "clientPort=2181") },
    ],
    invalid: [
      {
        name: "an indented line that grep takes for dataDir too",
        files: cfg("dataDir=/var/lib/zookeeper", "  dataDirBackup=/backup"),
        errors: [{ messageId: "extraLine", ...at(2, 1, 24), message: 'this line also matches grep "^[[:space:]]*dataDir", which zkServer.sh and zkServer-initialize.sh use to find dataDir (line 1), so they get a value of several lines; rename this key or remove the line' }],
      },
    ],
  });
});

describe("port-collision past its shortcut", () => {
  runRuleTests(portCollision, {
    valid: [
      {
        name: "one port number in different scopes",
        files: cfg("tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181", "server.1=zk1:2888:3888", "server.2=zk2:2181:3888", "server.3=zk3:2888:3888"),
      },
    ],
    invalid: [
      {
        name: "clientPort on the admin port of the same config",
        files: cfg("tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=8080"),
        errors: [
          { messageId: "selfCollisionSameFile", ...at(1, 1, 1), message: "Port 8080 (AdminServer default) is also used by clientPort of this same server; it cannot bind both and exits while starting; use a different port for one of them" },
          { messageId: "selfCollisionSameFile", ...at(3, 12, 16), message: "Port 8080 (clientPort) is also used by AdminServer default of this same server; it cannot bind both and exits while starting; use a different port for one of them" },
        ],
      },
    ],
  });
});

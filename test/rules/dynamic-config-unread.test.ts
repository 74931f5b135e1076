// A dynamic file zkcfg will not read: reported once, at dynamicConfigFile.
import rule from "../../rules/dynamic-config.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/etc/zookeeper/conf/zoo.cfg";

runRuleTests(rule, {
  valid: [
    {
      name: "a dynamicConfigFile that is a regular file of server lines is read",
      files: {
        [ZOO]: "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic\n",
        "/etc/zookeeper/conf/zoo.cfg.dynamic": "server.1=zk1.example.com:2888:3888;2181\nserver.2=zk2.example.com:2888:3888;2181\nserver.3=zk3.example.com:2888:3888;2181\n",
      },
    },
  ],
  invalid: [
    {
      name: "a dynamicConfigFile in /proc is not read",
      files: { [ZOO]: "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndynamicConfigFile=/proc/self/environ\n", "/proc/self/environ": "SECRET=1\n" },
      errors: [{ messageId: "notRead", file: ZOO, line: 5, column: 19, endLine: 5, endColumn: 37, message:
            "dynamicConfigFile \"/proc/self/environ\" (/proc/self/environ) is not read: it is in /proc, whose files hold a process's or the kernel's data, not a config; zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines" }],
    },
  ],
});

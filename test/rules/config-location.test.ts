import rule from "../../rules/config-location.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const HOSTS = "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";
// The given lines start at line 4.
const zk = (lines: string): string => `tickTime=2000\ninitLimit=10\nsyncLimit=5\n${lines}clientPort=2181\n${HOSTS}`;
const pseudo = (clientPort: number): string =>
  `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/usr/local/zookeeper/quorum-data/d${clientPort}\nclientPort=${clientPort}\n` +
  "server.1=localhost:3333:3334\nserver.2=localhost:4444:4445\nserver.3=localhost:5555:5556\n";
const dynamicStatic = (dynamicConfigFile: string): string =>
  `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nstandaloneEnabled=false\ndynamicConfigFile=${dynamicConfigFile}\n`;
const DYNAMIC =
  "server.1=zk1.example.com:2888:3888:participant;2181\nserver.2=zk2.example.com:2888:3888:participant;2181\nserver.3=zk3.example.com:2888:3888:participant;2181\n";

const ZOO = "/opt/zookeeper/conf/zoo.cfg";
const DYN = "/opt/zookeeper/conf/zoo.cfg.dynamic.100000000";

runRuleTests(rule, {
  valid: [
    {
      name: "Windows drive paths are absolute on the Windows server they are written for",
      files: { "/zk/conf/zoo.cfg": "tickTime=2000\ndataDir=C:/zookeeper/data\ndataLogDir=D:\\\\zk\\\\log\nclientPort=2181\n" },
    },
    {
      name: "Debian layout: conf dir, absolute dataDir and dataLogDir",
      files: { "/etc/zookeeper/conf/zoo.cfg": zk("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper/txlog\n") },
      dirs: ["/var/lib/zookeeper", "/var/log/zookeeper/txlog"],
    },
    {
      name: "pseudo-cluster kept in conf/",
      files: {
        "/usr/local/zookeeper/conf/zoo_2181.cfg": pseudo(2181),
        "/usr/local/zookeeper/conf/zoo_2182.cfg": pseudo(2182),
        "/usr/local/zookeeper/conf/zoo_2183.cfg": pseudo(2183),
      },
    },
    {
      name: "Kafka's zookeeper.properties outside conf/ is not a zkServer.sh config",
      lint: ["/opt/kafka/config/zookeeper.properties"],
      files: { "/opt/kafka/config/zookeeper.properties": "dataDir=/tmp/zookeeper\nclientPort=2181\nmaxClientCnxns=0\nadmin.enableServer=false\n" },
    },
    {
      name: "zkEnv.sh's other conf dir, <prefix>/etc/zookeeper (Homebrew)",
      files: {
        "/usr/local/etc/zookeeper/zoo.cfg": "tickTime=2000\ndataDir=/usr/local/var/run/zookeeper/data\nclientPort=2181\n",
        "/opt/homebrew/etc/zookeeper/zoo.cfg": "tickTime=2000\ndataDir=/opt/homebrew/var/run/zookeeper/data\nclientPort=2181\n",
      },
    },
    { name: "absolute dataDir with trailing blanks (ZooKeeper trims them)", files: { [ZOO]: zk("dataDir=/var/lib/zookeeper   \n") } },
    { name: "dynamic file exists", files: { [ZOO]: dynamicStatic(DYN), [DYN]: DYNAMIC }, dirs: ["/var/lib/zookeeper"] },
    {
      name: "config for another machine: dataDir and dynamic file both absent here",
      checkout: true,
      files: {
        "/etc/zookeeper/conf/zoo.cfg": dynamicStatic("/data/zookeeper-conf/zoo.cfg.dynamic.100000000").replace("/var/lib/zookeeper", "/data/zookeeper"),
      },
    },
    { name: "3.4 has no dynamic config: the key is ignored", version: "3.4", files: { [ZOO]: dynamicStatic(DYN) }, dirs: ["/var/lib/zookeeper"] },
    { name: "--syntax-only does not look for the dynamic file", syntaxOnly: true, files: { [ZOO]: dynamicStatic(DYN) } },
    {
      name: "Docker repository: zoo.cfg beside its Dockerfile, no ZooKeeper home to be in",
      files: { "/repo/zookeeper/zoo.cfg": zk("dataDir=/data\n"), "/repo/zookeeper/Dockerfile": "FROM zookeeper:3.8\nCOPY zoo.cfg /conf/zoo.cfg\n" },
    },
    {
      name: "provisioning repository: one config per server in a role's files/",
      files: {
        "/repo/roles/zookeeper/files/zoo1.cfg": zk("dataDir=/var/lib/zookeeper\n"),
        "/repo/roles/zookeeper/files/zoo2.cfg": zk("dataDir=/var/lib/zookeeper\n"),
        "/repo/roles/zookeeper/tasks/main.yml": "- copy: src=zoo{{ zk_id }}.cfg dest=/etc/zookeeper/conf/zoo.cfg\n",
      },
    },
    {
      name: "a conf/ directory two levels up is no evidence",
      files: { "/opt/zookeeper/deploy/k8s/zoo.cfg": zk("dataDir=/data\n") },
      dirs: ["/opt/zookeeper/conf"],
    },
    {
      name: "template placeholders in dataDir and dataLogDir become absolute paths when the file is rendered",
      files: { [ZOO]: zk("dataDir=${hbase.tmp.dir}/zookeeper\ndataLogDir={{ zk_log_dir }}\n") },
    },
    {
      name: "--syntax-only looks for no ZooKeeper home",
      syntaxOnly: true,
      files: { "/opt/zookeeper/zoo.cfg": zk("dataDir=/var/lib/zookeeper\n"), "/opt/zookeeper/bin/zkServer.sh": "#!/bin/sh\n" },
    },
  ],
  invalid: [
    {
      name: "pseudo-cluster configs outside conf/, started by bare name",
      files: {
        "/usr/local/zookeeper/zoo_2181.cfg": pseudo(2181),
        "/usr/local/zookeeper/zoo_2182.cfg": pseudo(2182),
        "/usr/local/zookeeper/zoo_2183.cfg": pseudo(2183),
      },
      dirs: ["/usr/local/zookeeper/conf"],
      errors: [
        {
          messageId: "outsideConfDir",
          file: "/usr/local/zookeeper/zoo_2181.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'usr/local/zookeeper/zoo_2181.cfg is not in the conf/ directory of the ZooKeeper home it sits in (/usr/local/zookeeper/conf): "zkServer.sh start zoo_2181.cfg" looks for it in /usr/local/zookeeper/conf and fails with "file is missing"; start it as "zkServer.sh start /usr/local/zookeeper/zoo_2181.cfg" or move it into /usr/local/zookeeper/conf',
        },
        {
          messageId: "outsideConfDir",
          file: "/usr/local/zookeeper/zoo_2182.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'usr/local/zookeeper/zoo_2182.cfg is not in the conf/ directory of the ZooKeeper home it sits in (/usr/local/zookeeper/conf): "zkServer.sh start zoo_2182.cfg" looks for it in /usr/local/zookeeper/conf and fails with "file is missing"; start it as "zkServer.sh start /usr/local/zookeeper/zoo_2182.cfg" or move it into /usr/local/zookeeper/conf',
        },
        {
          messageId: "outsideConfDir",
          file: "/usr/local/zookeeper/zoo_2183.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'usr/local/zookeeper/zoo_2183.cfg is not in the conf/ directory of the ZooKeeper home it sits in (/usr/local/zookeeper/conf): "zkServer.sh start zoo_2183.cfg" looks for it in /usr/local/zookeeper/conf and fails with "file is missing"; start it as "zkServer.sh start /usr/local/zookeeper/zoo_2183.cfg" or move it into /usr/local/zookeeper/conf',
        },
      ],
    },
    {
      name: "zoo.cfg in ZooKeeper's home, beside bin/zkServer.sh",
      files: { "/opt/zookeeper/zoo.cfg": zk("dataDir=/var/lib/zookeeper\n"), "/opt/zookeeper/bin/zkServer.sh": "#!/bin/sh\n" },
      errors: [
        {
          messageId: "outsideConfDir",
          file: "/opt/zookeeper/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'opt/zookeeper/zoo.cfg is not in the conf/ directory of the ZooKeeper home it sits in (/opt/zookeeper/bin/zkServer.sh): "zkServer.sh start zoo.cfg" looks for it in /opt/zookeeper/conf and fails with "file is missing"; start it as "zkServer.sh start /opt/zookeeper/zoo.cfg" or move it into /opt/zookeeper/conf',
        },
      ],
    },
    {
      name: "zoo.cfg kept in bin/, beside zkServer.sh",
      files: { "/opt/zookeeper/bin/zoo.cfg": zk("dataDir=/var/lib/zookeeper\n"), "/opt/zookeeper/bin/zkServer.sh": "#!/bin/sh\n" },
      errors: [
        {
          messageId: "outsideConfDir",
          file: "/opt/zookeeper/bin/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'opt/zookeeper/bin/zoo.cfg is not in the conf/ directory of the ZooKeeper home it sits in (/opt/zookeeper/bin/zkServer.sh): "zkServer.sh start zoo.cfg" looks for it in /opt/zookeeper/conf and fails with "file is missing"; start it as "zkServer.sh start /opt/zookeeper/bin/zoo.cfg" or move it into /opt/zookeeper/conf',
        },
      ],
    },
    {
      name: "zookeeper.cfg in a home directory without ZooKeeper: only the relative dataDir",
      files: { "/home/dev/zookeeper.cfg": "tickTime=2000\ndataDir=zk-data\nclientPort=2181\n" },
      errors: [
        {
          messageId: "relativeDir",
          file: "/home/dev/zookeeper.cfg",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 16,
          message: 'dataDir "zk-data" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "relative dataDir and dataLogDir",
      files: { [ZOO]: zk("dataDir=data\ndataLogDir=logs/txn\n") },
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message: 'dataDir "data" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 20,
          message: 'dataLogDir "logs/txn" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "./-prefixed dataDir: ZooKeeper does not warn, but it is still relative",
      files: { [ZOO]: zk("dataDir=./zkdata\n") },
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          message: 'dataDir "./zkdata" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "~ is not expanded by Java",
      files: { [ZOO]: zk("dataDir=~/zookeeper-data\n") },
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 25,
          message:
            'dataDir "~/zookeeper-data" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "Windows path whose backslashes Properties.load drops",
      files: { [ZOO]: zk("dataDir=C:\\zookeeper\\data\n") },
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 26,
          message:
            'dataDir "C:zookeeperdata" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "empty dataDir (a template variable left unset)",
      files: { "/etc/zookeeper/conf/zoo.cfg": zk("dataDir=\ndataLogDir=/var/lib/zookeeper/txlog\n") },
      errors: [
        {
          messageId: "emptyDir",
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 9,
          message: 'dataDir "" is empty: ZooKeeper crashes while checking it (StringIndexOutOfBoundsException) and exits; use an absolute path',
        },
      ],
    },
    {
      name: 'one-character dataLogDir "."',
      files: { "/etc/zookeeper/conf/zoo.cfg": zk("dataDir=/var/lib/zookeeper\ndataLogDir = .\n") },
      errors: [
        {
          messageId: "tooShortDir",
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 15,
          message:
            'dataLogDir "." is a one-character relative path: ZooKeeper crashes while checking it (StringIndexOutOfBoundsException) and exits; use an absolute path',
        },
      ],
    },
    {
      name: "one-character dataDir in 3.4 (no crash there, only relative)",
      version: "3.4",
      files: { [ZOO]: zk("dataDir=d\n") },
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 10,
          message: 'dataDir "d" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
    {
      name: "dynamic file missing",
      files: { [ZOO]: dynamicStatic(DYN), "/opt/zookeeper/conf/zoo.cfg.dynamic.200000000": DYNAMIC },
      dirs: ["/var/lib/zookeeper"],
      errors: [
        {
          messageId: "missingDynamicFile",
          file: ZOO,
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 64,
          message:
            'dynamicConfigFile "/opt/zookeeper/conf/zoo.cfg.dynamic.100000000" does not exist (/opt/zookeeper/conf/zoo.cfg.dynamic.100000000); ZooKeeper exits with "Error processing /opt/zookeeper/conf/zoo.cfg.dynamic.100000000" (FileNotFoundException); create it with the server.N lines or fix the path',
        },
      ],
    },
    {
      name: "dynamic file missing, config without dataDir",
      files: { [ZOO]: `standaloneEnabled=false\ndynamicConfigFile=${DYN}\n` },
      errors: [
        {
          messageId: "missingDynamicFile",
          file: ZOO,
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 64,
          message:
            'dynamicConfigFile "/opt/zookeeper/conf/zoo.cfg.dynamic.100000000" does not exist (/opt/zookeeper/conf/zoo.cfg.dynamic.100000000); ZooKeeper exits with "Error processing /opt/zookeeper/conf/zoo.cfg.dynamic.100000000" (FileNotFoundException); create it with the server.N lines or fix the path',
        },
      ],
    },
    {
      name: "relative dynamic file: opened from the working directory",
      files: { [ZOO]: dynamicStatic("conf/zoo.cfg.dynamic"), "/opt/zookeeper/conf/zoo.cfg.dynamic": DYNAMIC },
      dirs: ["/var/lib/zookeeper"],
      errors: [
        {
          messageId: "relativeDir",
          file: ZOO,
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 39,
          message:
            'dynamicConfigFile "conf/zoo.cfg.dynamic" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        },
      ],
    },
  ],
});

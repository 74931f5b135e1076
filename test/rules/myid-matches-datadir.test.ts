import { describe, expect, it } from "vitest";
import rule from "../../rules/myid-matches-datadir.js";
import { runRuleTests } from "../helpers/rule-tester.js";
import { lintTree } from "../helpers/workspace.js";

// Line 4 is always dataDir (value from column 9), line 5 clientPort.
const LOCAL = "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n";
const HOSTS = "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";

const cfg = (dataDir: string, clientPort: number, servers: string): string =>
  `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=${dataDir}\nclientPort=${clientPort}\n${servers}`;
const local = (dataDir: string, clientPort: number): string => cfg(dataDir, clientPort, LOCAL);
const hosts = (dataDir: string): string => cfg(dataDir, 2181, HOSTS);
const PORTED = "server.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n";
// 3.5+ style: no clientPort key, the client port comes from the server line.
const PORTED_HEAD = (dataDir: string): string => `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=${dataDir}\n${PORTED}`;
// server.2 written as 0.0.0.0, as a server writes its own line.
const WILD2 = "server.1=zk1.example.com:2888:3888\nserver.2=0.0.0.0:2888:3888\nserver.3=zk3.example.com:2888:3888\n";
const standalone = (dataDir: string): string => `tickTime=2000\ndataDir=${dataDir}\nclientPort=2181\n`;

const ZOO = "/etc/zookeeper/conf/zoo.cfg";
const VAR = "/var/lib/zookeeper";
const MYID = "/var/lib/zookeeper/myid";

runRuleTests(rule, {
  valid: [
    {
      name: "a missing dataDir whose parent exists is another machine's when no server line names this host",
      notes: [
        {
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/var/lib/zookeeper/data" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
      checkout: true,
      files: { [ZOO]: hosts("/var/lib/zookeeper/data") },
      dirs: [VAR],
    },
    {
      name: "a relative dataDir is not looked up",
      notes: [
        {
          file: "/opt/zk/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "data" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
      checkout: true,
      files: { "/opt/zk/conf/zoo.cfg": hosts("data") },
    },
    {
      name: "three servers on one host, each data dir with its own myid",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d3", 2183),
        "/var/lib/zookeeper/d1/myid": "1\n",
        "/var/lib/zookeeper/d2/myid": "2\n",
        "/var/lib/zookeeper/d3/myid": "3\n",
      },
    },
    {
      name: "three hosts: this host's data dir says 2 and holds data",
      files: { [ZOO]: hosts(VAR), [MYID]: "2\n", "/var/lib/zookeeper/version-2/snapshot.100000000": "" },
    },
    {
      name: "myid as Long.parseLong reads it: leading zero, plus sign, CRLF, extra lines, no newline",
      files: {
        "/srv/a/conf/zoo.cfg": hosts("/srv/a/data"),
        "/srv/a/data/myid": "01\r\n",
        "/srv/b/conf/zoo.cfg": hosts("/srv/b/data"),
        "/srv/b/data/myid": "+2",
        "/srv/c/conf/zoo.cfg": hosts("/srv/c/data"),
        "/srv/c/data/myid": "3\nwritten by ansible\n",
      },
    },
    { name: "standalone server without myid", files: { [ZOO]: standalone(VAR) }, dirs: [VAR] },
    { name: "standalone server with myid -1 (recorded as unset, no error)", files: { [ZOO]: standalone(VAR), [MYID]: "-1\n" } },
    { name: "standalone server whose myid is a directory: ZooKeeper skips it", files: { [ZOO]: standalone(VAR) }, dirs: [MYID] },
    {
      name: "one participant plus standaloneEnabled=true is standalone: no myid needed",
      files: { [ZOO]: `tickTime=2000\ndataDir=${VAR}\nserver.1=zk1.example.com:2888:3888;2181\n` },
      dirs: [VAR],
    },
    {
      name: "3.4 reads no myid in standalone mode",
      version: "3.4",
      files: { [ZOO]: standalone(VAR), [MYID]: "replace this text with the cluster-unique zookeeper's instance id (1-255)\n" },
    },
    {
      name: "dataDir on another machine: only a note",
      notes: [
        {
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/data/zookeeper" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
      checkout: true,
      files: { [ZOO]: hosts("/data/zookeeper") },
    },
    {
      name: "relative dataDir is config-location's business",
      notes: [
        {
          file: "/opt/zookeeper/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "data" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
      checkout: true,
      files: { "/opt/zookeeper/conf/zoo.cfg": hosts("data") },
    },
    { name: "--syntax-only reads no data dir", syntaxOnly: true, files: { [ZOO]: hosts(VAR) }, dirs: [VAR] },
    {
      name: "--root: the data dir is read under an image being built",
      root: "/build/rootfs",
      files: { "/build/rootfs/etc/zookeeper/conf/zoo.cfg": hosts(VAR), "/build/rootfs/var/lib/zookeeper/myid": "3\n" },
    },
    {
      name: "myid names a server line of the dynamic file",
      files: {
        "/opt/zookeeper/conf/zoo.cfg": `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=${VAR}\ndynamicConfigFile=/opt/zookeeper/conf/zoo.cfg.dynamic.100000000\n`,
        "/opt/zookeeper/conf/zoo.cfg.dynamic.100000000": "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\n",
        [MYID]: "3\n",
      },
    },
    {
      name: "myid names an observer line",
      files: { [ZOO]: hosts(VAR) + "server.4=zk4.example.com:2888:3888:observer\n", [MYID]: "4\n" },
    },
    {
      name: "configs of one ensemble on different hosts may share a dataDir path",
      notes: [
        {
          file: "/repo/zk1/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/var/lib/zookeeper" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
        {
          file: "/repo/zk2/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/var/lib/zookeeper" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
      checkout: true,
      files: {
        "/repo/zk1/zoo.cfg": cfg(VAR, 2181, "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\nserver.3=zk3:2888:3888;2183\n"),
        "/repo/zk2/zoo.cfg": cfg(VAR, 2182, "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2182\nserver.3=zk3:2888:3888;2183\n"),
      },
    },
  ],
  invalid: [
    {
      name: "one config of a one-host ensemble, alone in its folder: the other members may hold any id",
      files: { "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2", 2182) },
      dirs: ["/var/lib/zookeeper/d2"],
      errors: [
        {
          messageId: "missingMyidPartial",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message: `dataDir "/var/lib/zookeeper/d2" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (only 1 of the ensemble's 3 configs are here, and the others may hold any id): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2182.cfg`,
        },
      ],
    },
    {
      name: "three servers on one host, no myid anywhere: ids in file-name order",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d2181", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2182", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d2183", 2183),
      },
      dirs: ["/var/lib/zookeeper/d2181", "/var/lib/zookeeper/d2182", "/var/lib/zookeeper/d2183"],
      errors: [
        {
          messageId: "missingMyidFixable",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          message:
            'dataDir "/var/lib/zookeeper/d2181" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 1 to it (one host, no myid yet: ids follow file-name order)',
          creates: { path: "/var/lib/zookeeper/d2181/myid", text: "1\n" },
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          creates: { path: "/var/lib/zookeeper/d2182/myid", text: "2\n" },
          message:
            'dataDir "/var/lib/zookeeper/d2182" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zookeeper/conf/zoo_2183.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          creates: { path: "/var/lib/zookeeper/d2183/myid", text: "3\n" },
          message:
            'dataDir "/var/lib/zookeeper/d2183" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (one host, no myid yet: ids follow file-name order)',
        },
      ],
    },
    {
      name: "file-name order, not dataDir or port order, picks the ids",
      files: {
        "/opt/zk/conf/zoo-a.cfg": local("/opt/zk/data/c", 2183),
        "/opt/zk/conf/zoo-b.cfg": local("/opt/zk/data/a", 2181),
        "/opt/zk/conf/zoo-c.cfg": local("/opt/zk/data/b", 2182),
      },
      dirs: ["/opt/zk/data/a", "/opt/zk/data/b", "/opt/zk/data/c"],
      errors: [
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo-a.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 23,
          creates: { path: "/opt/zk/data/c/myid", text: "1\n" },
          message:
            'dataDir "/opt/zk/data/c" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 1 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo-b.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 23,
          creates: { path: "/opt/zk/data/a/myid", text: "2\n" },
          message:
            'dataDir "/opt/zk/data/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo-c.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 23,
          creates: { path: "/opt/zk/data/b/myid", text: "3\n" },
          message:
            'dataDir "/opt/zk/data/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (one host, no myid yet: ids follow file-name order)',
        },
      ],
    },
    {
      name: "one host, data dirs not created yet (their parent exists): fix creates them",
      files: {
        "/opt/zk/conf/zoo1.cfg": local("/opt/zk/data/zk1", 2181),
        "/opt/zk/conf/zoo2.cfg": local("/opt/zk/data/zk2", 2182),
        "/opt/zk/conf/zoo3.cfg": local("/opt/zk/data/zk3", 2183),
      },
      dirs: ["/opt/zk/data"],
      errors: [
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo1.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 25,
          creates: { path: "/opt/zk/data/zk1/myid", text: "1\n" },
          message:
            'dataDir "/opt/zk/data/zk1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 1 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 25,
          creates: { path: "/opt/zk/data/zk2/myid", text: "2\n" },
          message:
            'dataDir "/opt/zk/data/zk2" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo3.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 25,
          creates: { path: "/opt/zk/data/zk3/myid", text: "3\n" },
          message:
            'dataDir "/opt/zk/data/zk3" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (one host, no myid yet: ids follow file-name order)',
        },
      ],
    },
    {
      name: "only one config named: its unnamed siblings still fix the order",
      lint: ["/opt/zookeeper/conf/zoo_2182.cfg"],
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d2181", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2182", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d2183", 2183),
      },
      dirs: ["/var/lib/zookeeper/d2181", "/var/lib/zookeeper/d2182", "/var/lib/zookeeper/d2183"],
      errors: [
        {
          messageId: "missingMyidFixable",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          creates: { path: "/var/lib/zookeeper/d2182/myid", text: "2\n" },
          message:
            'dataDir "/var/lib/zookeeper/d2182" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (one host, no myid yet: ids follow file-name order)',
        },
      ],
    },
    {
      name: "three hosts, no myid: not fixable, the message says --myid",
      files: { [ZOO]: hosts(VAR) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyid",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (no server line carries its clientPort and the servers are on several hosts): run zkcfg fix --myid N etc/zookeeper/conf/zoo.cfg',
        },
      ],
    },
    {
      name: "--myid names the server for the one config linted",
      lint: [ZOO],
      myid: 2n,
      files: { [ZOO]: hosts(VAR) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidFixableOption",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message: 'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (given with --myid)',
          creates: { path: MYID, text: "2\n" },
        },
      ],
    },
    {
      name: "the one line written as 0.0.0.0 gives the id",
      files: { [ZOO]: cfg(VAR, 2181, WILD2) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidFixableWildcard",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (server.2 is written as 0.0.0.0, as a server writes its own line)',
          creates: { path: MYID, text: "2\n" },
        },
      ],
    },
    {
      name: "two configs here whose line 0.0.0.0 is server.2: neither gets that id",
      files: { [ZOO]: cfg("/var/lib/zookeeper/a", 2181, WILD2), "/etc/zookeeper/conf/zoo_new.cfg": cfg("/var/lib/zookeeper/b", 2181, WILD2) },
      dirs: ["/var/lib/zookeeper/a", "/var/lib/zookeeper/b"],
      errors: [
        {
          messageId: "missingMyidRivalWildcard",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 29,
          message:
            'dataDir "/var/lib/zookeeper/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.2 is written as 0.0.0.0, as a server writes its own line, but etc/zookeeper/conf/zoo_new.cfg is placed on server.2 too): run zkcfg fix --myid N etc/zookeeper/conf/zoo.cfg',
        },
        {
          messageId: "missingMyidRivalWildcard",
          file: "/etc/zookeeper/conf/zoo_new.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 29,
          message:
            'dataDir "/var/lib/zookeeper/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.2 is written as 0.0.0.0, as a server writes its own line, but etc/zookeeper/conf/zoo.cfg is placed on server.2 too): run zkcfg fix --myid N etc/zookeeper/conf/zoo_new.cfg',
        },
      ],
    },
    {
      name: "--myid names a line a sibling config is placed on: not written",
      lint: [ZOO],
      myid: 2n,
      files: { [ZOO]: hosts(VAR), "/etc/zookeeper/conf/zoo_new.cfg": cfg("/var/lib/zookeeper/b", 2181, WILD2) },
      dirs: [VAR, "/var/lib/zookeeper/b"],
      errors: [
        {
          messageId: "missingMyidRivalOption",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (given with --myid, but etc/zookeeper/conf/zoo_new.cfg is placed on server.2 too): run zkcfg fix --myid N etc/zookeeper/conf/zoo.cfg',
        },
      ],
    },
    {
      name: "--myid naming no server line is refused",
      lint: [ZOO],
      myid: 7n,
      files: { [ZOO]: hosts(VAR) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidOptionNoLine",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (--myid 7 names no server line of this config): run zkcfg fix --myid N etc/zookeeper/conf/zoo.cfg',
        },
      ],
    },
    {
      name: "--myid is not used when several configs are linted",
      myid: 2n,
      files: { "/srv/a/conf/zoo.cfg": hosts("/srv/a/data"), "/srv/b/conf/zoo.cfg": hosts("/srv/b/data") },
      dirs: ["/srv/a/data", "/srv/b/data"],
      errors: [
        {
          messageId: "missingMyid",
          file: "/srv/a/conf/zoo.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 20,
          message:
            'dataDir "/srv/a/data" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (no server line carries its clientPort and the servers are on several hosts): run zkcfg fix --myid N srv/a/conf/zoo.cfg',
        },
        {
          messageId: "missingMyid",
          file: "/srv/b/conf/zoo.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 20,
          message:
            'dataDir "/srv/b/data" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (no server line carries its clientPort and the servers are on several hosts): run zkcfg fix --myid N srv/b/conf/zoo.cfg',
        },
      ],
    },
    {
      name: "this host's full name is on one server line",
      hostname: "zk2.example.com",
      files: { [ZOO]: hosts(VAR) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidFixableHostName",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (server.2 names this host)',
          creates: { path: MYID, text: "2\n" },
        },
      ],
    },
    {
      name: "another machine's config with the same dataDir path does not keep this one's id from being written",
      checkout: true,
      hostname: "zk2.example.com",
      files: { [ZOO]: hosts(VAR), "/srv/other/conf/zoo.cfg": cfg(VAR, 2181, HOSTS.replace(/zk(\d)\.example\.com/g, "a$1.example.net")) },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidFixableHostName",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (server.2 names this host)',
          creates: { path: MYID, text: "2\n" },
        },
      ],
      notes: [
        {
          file: "/srv/other/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/var/lib/zookeeper" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
        },
      ],
    },
    {
      name: "two configs of one ensemble here whose server line names this host: neither gets that id",
      hostname: "zk2.example.com",
      files: { "/etc/zookeeper/conf/zoo.cfg": hosts("/var/lib/zookeeper/a"), "/etc/zookeeper/conf/zoo_new.cfg": hosts("/var/lib/zookeeper/b") },
      dirs: ["/var/lib/zookeeper/a", "/var/lib/zookeeper/b"],
      errors: [
        {
          messageId: "missingMyidRivalHostName",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 29,
          message:
            'dataDir "/var/lib/zookeeper/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.2 names this host, but etc/zookeeper/conf/zoo_new.cfg is placed on server.2 too): run zkcfg fix --myid N etc/zookeeper/conf/zoo.cfg',
        },
        {
          messageId: "missingMyidRivalHostName",
          file: "/etc/zookeeper/conf/zoo_new.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 29,
          message:
            'dataDir "/var/lib/zookeeper/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.2 names this host, but etc/zookeeper/conf/zoo.cfg is placed on server.2 too): run zkcfg fix --myid N etc/zookeeper/conf/zoo_new.cfg',
        },
      ],
    },
    {
      name: "an id another server's myid already holds is not written, even when a server line carries the clientPort",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": cfg("/var/lib/zookeeper/d1", 2181, PORTED),
        "/opt/zookeeper/conf/zoo_2182.cfg": cfg("/var/lib/zookeeper/d2", 2182, PORTED),
        "/opt/zookeeper/conf/zoo_2183.cfg": cfg("/var/lib/zookeeper/d3", 2183, PORTED),
        "/var/lib/zookeeper/d2/myid": "2\n",
        "/var/lib/zookeeper/d3/myid": "1\n",
      },
      dirs: ["/var/lib/zookeeper/d1"],
      errors: [
        {
          messageId: "missingMyidHeld",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (/var/lib/zookeeper/d3/myid already says 1): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2181.cfg',
        },
      ],
    },
    {
      name: "this host's short name is on one server line (case-insensitive)",
      hostname: "ZK3.prod.example.com",
      files: { [ZOO]: cfg(VAR, 2181, "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n") },
      dirs: [VAR],
      errors: [
        {
          messageId: "missingMyidFixableHostName",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          creates: { path: MYID, text: "3\n" },
          message:
            'dataDir "/var/lib/zookeeper" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (server.3 names this host)',
        },
      ],
    },
    {
      name: "3.5+ server line carrying this config's clientPort gives the id",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": cfg(
          "/var/lib/zookeeper/node1",
          2181,
          "server.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n",
        ),
        "/opt/zookeeper/conf/zoo_2182.cfg": cfg(
          "/var/lib/zookeeper/node2",
          2182,
          "server.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n",
        ),
        "/opt/zookeeper/conf/zoo_2183.cfg": cfg(
          "/var/lib/zookeeper/node3",
          2183,
          "server.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n",
        ),
        "/var/lib/zookeeper/node1/myid": "1\n",
        "/var/lib/zookeeper/node1/version-2/snapshot.0": "",
        "/var/lib/zookeeper/node3/myid": "3\n",
        "/var/lib/zookeeper/node3/version-2/snapshot.0": "",
      },
      dirs: ["/var/lib/zookeeper/node2"],
      errors: [
        {
          messageId: "missingMyidFixableClientPort",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          message:
            'dataDir "/var/lib/zookeeper/node2" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (server.2 carries clientPort 2182)',
          creates: { path: "/var/lib/zookeeper/node2/myid", text: "2\n" },
        },
      ],
    },
    {
      name: "a clientPort claims its line; the configs without clientPort take the other ids in file-name order",
      files: {
        "/opt/zk/conf/zoo1.cfg": cfg("/data/zk/a", 2182, PORTED),
        "/opt/zk/conf/zoo2.cfg": PORTED_HEAD("/data/zk/b"),
        "/opt/zk/conf/zoo3.cfg": PORTED_HEAD("/data/zk/c"),
      },
      dirs: ["/data/zk/a", "/data/zk/b", "/data/zk/c"],
      errors: [
        {
          messageId: "missingMyidFixableClientPort",
          file: "/opt/zk/conf/zoo1.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          creates: { path: "/data/zk/a/myid", text: "2\n" },
          message:
            'dataDir "/data/zk/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 2 to it (server.2 carries clientPort 2182)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          creates: { path: "/data/zk/b/myid", text: "1\n" },
          message:
            'dataDir "/data/zk/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 1 to it (one host, no myid yet: ids follow file-name order)',
        },
        {
          messageId: "missingMyidFixable",
          file: "/opt/zk/conf/zoo3.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          creates: { path: "/data/zk/c/myid", text: "3\n" },
          message:
            'dataDir "/data/zk/c" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (one host, no myid yet: ids follow file-name order)',
        },
      ],
    },
    {
      name: "two configs whose clientPort one line carries: neither id is certain",
      files: {
        "/opt/zk/conf/zoo1.cfg": cfg("/data/zk/a", 2181, PORTED),
        "/opt/zk/conf/zoo2.cfg": cfg("/data/zk/b", 2181, PORTED),
        "/opt/zk/conf/zoo3.cfg": cfg("/data/zk/c", 2183, PORTED),
      },
      dirs: ["/data/zk/a", "/data/zk/b", "/data/zk/c"],
      errors: [
        {
          messageId: "missingMyidRivalClientPort",
          file: "/opt/zk/conf/zoo1.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          message:
            'dataDir "/data/zk/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.1 carries clientPort 2181, but opt/zk/conf/zoo2.cfg is placed on server.1 too): run zkcfg fix --myid N opt/zk/conf/zoo1.cfg',
        },
        {
          messageId: "missingMyidRivalClientPort",
          file: "/opt/zk/conf/zoo2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          message:
            'dataDir "/data/zk/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (server.1 carries clientPort 2181, but opt/zk/conf/zoo1.cfg is placed on server.1 too): run zkcfg fix --myid N opt/zk/conf/zoo2.cfg',
        },
        {
          messageId: "missingMyidFixableClientPort",
          file: "/opt/zk/conf/zoo3.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          creates: { path: "/data/zk/c/myid", text: "3\n" },
          message:
            'dataDir "/data/zk/c" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg fix writes 3 to it (server.3 carries clientPort 2183)',
        },
      ],
    },
    {
      name: "a clientPort that no line carries, while the lines carry client ports: no id fits for sure",
      files: {
        "/opt/zk/conf/zoo1.cfg": cfg("/data/zk/a", 2185, PORTED),
        "/opt/zk/conf/zoo2.cfg": PORTED_HEAD("/data/zk/b"),
      },
      dirs: ["/data/zk/a", "/data/zk/b"],
      errors: [
        {
          messageId: "missingMyidPartial",
          file: "/opt/zk/conf/zoo1.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          message:
            'dataDir "/data/zk/a" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (only 2 of the ensemble\'s 3 configs are here, and the others may hold any id): run zkcfg fix --myid N opt/zk/conf/zoo1.cfg',
        },
        {
          messageId: "missingMyidPartial",
          file: "/opt/zk/conf/zoo2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 19,
          message:
            'dataDir "/data/zk/b" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (only 2 of the ensemble\'s 3 configs are here, and the others may hold any id): run zkcfg fix --myid N opt/zk/conf/zoo2.cfg',
        },
      ],
    },
    {
      name: "data (version-2/) of unknown identity and no myid: never fixed, even when the host name matches",
      hostname: "zk1.example.com",
      files: { [ZOO]: hosts(VAR), "/var/lib/zookeeper/version-2/acceptedEpoch": "1", "/var/lib/zookeeper/version-2/currentEpoch": "1" },
      errors: [
        {
          messageId: "missingMyidWithData",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" has no myid file but holds data (version-2/) of unknown identity; ZooKeeper exits with "myid file is missing"; write the id of the server that wrote this data to /var/lib/zookeeper/myid',
        },
      ],
    },
    {
      name: "one data dir holding data stops the file-name-order assignment for all",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d2181", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2182", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d2183", 2183),
        "/var/lib/zookeeper/d2181/version-2/snapshot.0": "",
      },
      dirs: ["/var/lib/zookeeper/d2182", "/var/lib/zookeeper/d2183"],
      errors: [
        {
          messageId: "missingMyidWithData",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          message:
            'dataDir "/var/lib/zookeeper/d2181" has no myid file but holds data (version-2/) of unknown identity; ZooKeeper exits with "myid file is missing"; write the id of the server that wrote this data to /var/lib/zookeeper/d2181/myid',
        },
        {
          messageId: "missingMyidNotEveryDirNew",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          message: `dataDir "/var/lib/zookeeper/d2182" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (no server line carries its clientPort, and not every config of this host has its own new, empty dataDir): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2182.cfg`,
        },
        {
          messageId: "missingMyidNotEveryDirNew",
          file: "/opt/zookeeper/conf/zoo_2183.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 33,
          message:
            'dataDir "/var/lib/zookeeper/d2183" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (no server line carries its clientPort, and not every config of this host has its own new, empty dataDir): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2183.cfg',
        },
      ],
    },
    {
      name: "myid with a trailing space",
      files: { [ZOO]: hosts(VAR), [MYID]: "2 \n" },
      errors: [
        {
          messageId: "myidWithTrailingBlank",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid does not hold a plain number (trailing blank); ZooKeeper exits with "serverid 2  is not a number"; write only the id, digits and a newline',
        },
      ],
    },
    {
      name: "myid saved with a UTF-8 byte order mark",
      files: { [ZOO]: hosts(VAR), [MYID]: "\xEF\xBB\xBF1\r\n" },
      errors: [
        {
          messageId: "myidWithByteOrderMark",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid does not hold a plain number (it starts with a byte order mark); ZooKeeper exits with "serverid \uFEFF1 is not a number"; write only the id, digits and a newline',
        },
      ],
    },
    {
      name: "empty myid",
      files: { [ZOO]: hosts(VAR), [MYID]: "" },
      errors: [
        {
          messageId: "emptyMyid",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid does not hold a plain number (it is empty); ZooKeeper exits with "serverid null is not a number"; write only the id, digits and a newline',
        },
      ],
    },
    {
      name: "myid whose first line is blank",
      files: { [ZOO]: hosts(VAR), [MYID]: "\n1\n" },
      errors: [
        {
          messageId: "unparsableMyid",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid does not hold a plain number; ZooKeeper exits with "serverid  is not a number"; write only the id, digits and a newline',
        },
      ],
    },
    {
      name: "Debian's placeholder myid stops even a standalone server",
      files: { [ZOO]: standalone(VAR), [MYID]: "replace this text with the cluster-unique zookeeper's instance id (1-255)\n" },
      errors: [
        {
          messageId: "unparsableMyid",
          file: ZOO,
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid does not hold a plain number; ZooKeeper exits with "serverid replace this text wi… is not a number"; write only the id, digits and a newline',
        },
      ],
    },
    {
      name: "myid -1 in a quorum",
      files: { [ZOO]: hosts(VAR), [MYID]: "-1\n" },
      errors: [
        {
          messageId: "unsetMyid",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message: '/var/lib/zookeeper/myid says -1, which ZooKeeper reads as "no id": it exits with "myid file is missing"; write this server\'s id (1, 2, 3)',
        },
      ],
    },
    {
      name: "myid not in the server list",
      files: { [ZOO]: hosts(VAR), [MYID]: "4\n" },
      errors: [
        {
          messageId: "notInPeerList",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            '/var/lib/zookeeper/myid says 4, but no server.4 line is in this config; ZooKeeper exits with "My id 4 not in the peer list"; write one of 1, 2, 3 or add server.4',
        },
      ],
    },
    {
      name: "myid is a directory in a quorum",
      files: { [ZOO]: hosts(VAR) },
      dirs: [MYID],
      errors: [
        {
          messageId: "myidNotAFile",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            "/var/lib/zookeeper/myid is not a regular file; ZooKeeper cannot read the server id from it; replace it with a file holding this server's id",
        },
      ],
    },
    {
      name: "the same myid in two data dirs of one ensemble",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d2", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d3", 2183),
        "/var/lib/zookeeper/d1/myid": "1\n",
        "/var/lib/zookeeper/d2/myid": "1\n",
        "/var/lib/zookeeper/d3/myid": "3\n",
      },
      errors: [
        {
          messageId: "duplicateMyidOneHost",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "/var/lib/zookeeper/d1/myid says 1, as /var/lib/zookeeper/d2/myid of opt/zookeeper/conf/zoo_2182.cfg on this host does; both run as server.1 and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id",
        },
        {
          messageId: "duplicateMyidOneHost",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "/var/lib/zookeeper/d2/myid says 1, as /var/lib/zookeeper/d1/myid of opt/zookeeper/conf/zoo_2181.cfg on this host does; both run as server.1 and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id",
        },
      ],
    },
    {
      name: "two configs of one host share a dataDir (and so its myid)",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d1", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d3", 2183),
        "/var/lib/zookeeper/d1/myid": "1\n",
        "/var/lib/zookeeper/d3/myid": "3\n",
      },
      errors: [
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2182.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2181.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
    {
      name: "a shared dataDir spelled once with a trailing slash",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d1/", 2182),
        "/opt/zookeeper/conf/zoo_2183.cfg": local("/var/lib/zookeeper/d3", 2183),
        "/var/lib/zookeeper/d1/myid": "1\n",
        "/var/lib/zookeeper/d3/myid": "3\n",
      },
      errors: [
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2182.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 31,
          message:
            "dataDir \"/var/lib/zookeeper/d1/\" is also the dataDir of opt/zookeeper/conf/zoo_2181.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
    {
      name: "a shared dataDir without myid is not assigned ids",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d1", 2182),
      },
      dirs: ["/var/lib/zookeeper/d1"],
      errors: [
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2182.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2181.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2182.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2181.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2182.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2181.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
    {
      name: "a shared dataDir without myid, once spelled with a trailing slash, is not assigned ids",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": local("/var/lib/zookeeper/d1", 2181),
        "/opt/zookeeper/conf/zoo_2182.cfg": local("/var/lib/zookeeper/d1/", 2182),
      },
      dirs: ["/var/lib/zookeeper/d1"],
      errors: [
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2182.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2181.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2182.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 31,
          message:
            'dataDir "/var/lib/zookeeper/d1/" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2181.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2182.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 31,
          message:
            "dataDir \"/var/lib/zookeeper/d1/\" is also the dataDir of opt/zookeeper/conf/zoo_2181.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
    {
      name: "a shared dataDir without myid is not given an id, even when server lines carry each clientPort",
      files: {
        "/opt/zookeeper/conf/zoo_2181.cfg": cfg("/var/lib/zookeeper/d1", 2181, PORTED),
        "/opt/zookeeper/conf/zoo_2182.cfg": cfg("/var/lib/zookeeper/d1", 2182, PORTED),
      },
      dirs: ["/var/lib/zookeeper/d1"],
      errors: [
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2182.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2181.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2181.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2182.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "missingMyidSharedDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            'dataDir "/var/lib/zookeeper/d1" has no myid file; ZooKeeper exits with "myid file is missing"; zkcfg cannot tell which of 1, 2, 3 this server is (opt/zookeeper/conf/zoo_2181.cfg has this dataDir too): run zkcfg fix --myid N opt/zookeeper/conf/zoo_2182.cfg',
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zookeeper/conf/zoo_2182.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 30,
          message:
            "dataDir \"/var/lib/zookeeper/d1\" is also the dataDir of opt/zookeeper/conf/zoo_2181.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
    {
      name: "dataDir missing entirely",
      files: { [ZOO]: `tickTime=2000\ninitLimit=10\nsyncLimit=5\nclientPort=2181\n${HOSTS}` },
      errors: [
        {
          messageId: "notSet",
          file: ZOO,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: 'dataDir is not set; ZooKeeper exits with "dataDir is not set"; add dataDir with an absolute path',
        },
      ],
    },
    {
      name: "dataDir names a file",
      files: { [ZOO]: hosts(VAR), [VAR]: "" },
      errors: [
        {
          messageId: "dataDirNotDirectory",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            'dataDir "/var/lib/zookeeper" cannot be a directory: /var/lib/zookeeper is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataDir elsewhere',
        },
      ],
    },
    {
      name: "dataDir below a file, on any machine",
      files: { [ZOO]: hosts("/srv/zk/data"), "/srv/zk": "not a directory" },
      errors: [
        {
          messageId: "dataDirNotDirectory",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 21,
          message:
            'dataDir "/srv/zk/data" cannot be a directory: /srv/zk is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataDir elsewhere',
        },
      ],
    },
    {
      name: "a relative dataDir is checked from the assumed working directory, with a note",
      notes: [
        {
          file: "/opt/zk/conf/zoo.cfg",
          line: 4,
          column: 9,
          message: 'dataDir "data" is relative: zkcfg checked /opt/zk/data, assuming the server starts in /opt/zk, where zkServer.sh is usually run from',
        },
        {
          file: "/opt/zk/conf/zoo_2.cfg",
          line: 4,
          column: 9,
          message: 'dataDir "data2" is relative: zkcfg checked /opt/zk/data2, assuming the server starts in /opt/zk, where zkServer.sh is usually run from',
        },
      ],
      files: {
        "/opt/zk/conf/zoo.cfg": local("data", 2181),
        "/opt/zk/data/myid": "1\n",
        "/opt/zk/conf/zoo_2.cfg": local("data2", 2182),
        "/opt/zk/data2/myid": "1\n",
      },
      errors: [
        {
          messageId: "duplicateMyidOneHost",
          file: "/opt/zk/conf/zoo.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            "/opt/zk/data/myid says 1, as /opt/zk/data2/myid of opt/zk/conf/zoo_2.cfg on this host does; both run as server.1 and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id",
        },
        {
          messageId: "duplicateMyidOneHost",
          file: "/opt/zk/conf/zoo_2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          message:
            "/opt/zk/data2/myid says 1, as /opt/zk/data/myid of opt/zk/conf/zoo.cfg on this host does; both run as server.1 and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id",
        },
      ],
    },
  ],
});

describe("myid-matches-datadir notes", () => {
  it("says when the dataDir is not on this machine", () => {
    const { results } = lintTree({ files: { [ZOO]: hosts("/data/zookeeper") }, rules: [rule] });
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(results.flatMap((r) => r.notes)).toEqual([
      {
        ruleId: "myid-matches-datadir",
        line: 4,
        column: 9,
        message:
          'dataDir "/data/zookeeper" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
      },
    ]);
  });
});

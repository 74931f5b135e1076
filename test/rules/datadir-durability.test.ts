import rule from "../../rules/datadir-durability.js";
import { LinkedFileSystem } from "../helpers/linked-fs.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/etc/zookeeper/conf/zoo.cfg";
const SERVERS = "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";
// The given lines start at line 4.
const quorum = (lines: string): Record<string, string> => ({ [ZOO]: `tickTime=2000\ninitLimit=10\nsyncLimit=5\n${lines}clientPort=2181\n${SERVERS}` });
const standalone = (lines: string): Record<string, string> => ({ [ZOO]: `tickTime=2000\nclientPort=2181\nadmin.enableServer=false\n${lines}` });
const DURABLE = "dataDir=/var/lib/zookeeper\ndataLogDir=/srv/zookeeper-txnlog\nautopurge.purgeInterval=24\n";
const LINKED = { ...standalone("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/txnlog\n"), "/var/lib/zookeeper/myid": "1\n" };

const at = (line: number, column: number, endColumn: number) => ({ file: ZOO, line, column, endLine: line, endColumn });

runRuleTests(rule, {
  valid: [
    { name: "quorum with its own log disk and hourly purging", files: quorum(DURABLE) },
    { name: "standalone server without dataLogDir or purging", files: standalone("dataDir=/var/lib/zookeeper\n") },
    {
      name: "pseudo-cluster on one host without dataLogDir or purging",
      files: {
        [ZOO]:
          "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper/1\nclientPort=2181\nserver.1=localhost:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=localhost:2890:3890\n",
      },
    },
    { name: "paths that only start like /tmp", files: quorum("dataDir=/tmpdata/zk\ndataLogDir=/var/tmpfs/zk\nautopurge.purgeInterval=1\n") },
    { name: "relative paths are config-location's", files: standalone("dataDir=tmp/zookeeper\ndataLogDir=var/tmp/log\n") },
    {
      name: "log directory inside dataDir is another directory",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper/txlog\nautopurge.purgeInterval=12\n"),
    },
    { name: "snapRetainCount of 3 or more", files: standalone("dataDir=/var/lib/zookeeper\nautopurge.snapRetainCount=3\n") },
    { name: "forceSync other than exactly no keeps syncing", files: standalone("dataDir=/var/lib/zookeeper\nforceSync=No\n") },
    { name: "Windows paths", files: quorum("dataDir=C:/zookeeper/data\ndataLogDir=D:/zookeeper/log\nautopurge.purgeInterval=24\n") },
    { name: "standalone dataLogDir spelled as dataDir with a slash", files: standalone("dataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper/\n") },
    {
      name: "a purge interval that is no number is value-type's",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/txn\nautopurge.purgeInterval=daily\n"),
    },
  ],
  invalid: [
    {
      name: "Kafka's zookeeper.properties keeps data in /tmp",
      lint: ["/opt/kafka/config/zookeeper.properties"],
      files: { "/opt/kafka/config/zookeeper.properties": "dataDir=/tmp/zookeeper\nclientPort=2181\nmaxClientCnxns=0\n" },
      errors: [
        {
          messageId: "tmpDataDir",
          file: "/opt/kafka/config/zookeeper.properties",
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 23,
          message:
            'dataDir "/tmp/zookeeper" is under /tmp, which most systems empty at boot and clean of files left untouched for days; ZooKeeper then starts again with an empty database; move dataDir to a persistent directory such as /var/lib/zookeeper',
        },
      ],
    },
    {
      name: "zoo_sample.cfg's dataDir in an ensemble",
      files: quorum("dataDir=/tmp/zookeeper\ndataLogDir=/srv/txn\nautopurge.purgeInterval=24\n"),
      errors: [
        {
          messageId: "tmpDataDirQuorum",
          ...at(4, 9, 23),
          message:
            'dataDir "/tmp/zookeeper" is under /tmp, which most systems empty at boot and clean of files left untouched for days; the server then loses its data and its myid, and ZooKeeper refuses to start with "myid file is missing"; move dataDir, with its myid, to a persistent directory such as /var/lib/zookeeper',
        },
      ],
    },
    {
      name: "dataDir under /var/tmp",
      files: standalone("dataDir=/var/tmp/zookeeper\n"),
      errors: [
        {
          messageId: "varTmpDataDir",
          ...at(4, 9, 27),
          message:
            'dataDir "/var/tmp/zookeeper" is under /var/tmp, which tmp cleaners (systemd-tmpfiles, tmpreaper) clean of files left untouched for weeks; ZooKeeper then starts again with an empty database; move dataDir to a persistent directory such as /var/lib/zookeeper',
        },
      ],
    },
    {
      name: "/tmp itself, with a trailing slash",
      files: standalone("dataDir=/tmp/\n"),
      errors: [
        {
          messageId: "tmpDataDir",
          ...at(4, 9, 14),
          message:
            'dataDir "/tmp/" is under /tmp, which most systems empty at boot and clean of files left untouched for days; ZooKeeper then starts again with an empty database; move dataDir to a persistent directory such as /var/lib/zookeeper',
        },
      ],
    },
    {
      name: "a path that leads into /tmp through ..",
      files: standalone("dataDir=/var/lib/../../tmp/zk\n"),
      errors: [
        {
          messageId: "tmpDataDir",
          ...at(4, 9, 30),
          message:
            'dataDir "/var/lib/../../tmp/zk" is under /tmp, which most systems empty at boot and clean of files left untouched for days; ZooKeeper then starts again with an empty database; move dataDir to a persistent directory such as /var/lib/zookeeper',
        },
      ],
    },
    {
      name: "transaction log under /tmp",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/tmp/zookeeper-log\nautopurge.purgeInterval=24\n"),
      errors: [
        {
          messageId: "tmpDataLogDir",
          ...at(5, 12, 30),
          message:
            'dataLogDir "/tmp/zookeeper-log" is under /tmp, which most systems empty at boot and clean of files left untouched for days; the server then loses the writes logged since its last snapshot; move dataLogDir to a persistent directory',
        },
      ],
    },
    {
      name: "an ensemble's dataDir and transaction log under /var/tmp",
      files: quorum("dataDir=/var/tmp/zookeeper\ndataLogDir=/var/tmp/zookeeper-log\nautopurge.purgeInterval=24\n"),
      errors: [
        {
          messageId: "varTmpDataDirQuorum",
          ...at(4, 9, 27),
          message:
            'dataDir "/var/tmp/zookeeper" is under /var/tmp, which tmp cleaners (systemd-tmpfiles, tmpreaper) clean of files left untouched for weeks; the server then loses its data and its myid, and ZooKeeper refuses to start with "myid file is missing"; move dataDir, with its myid, to a persistent directory such as /var/lib/zookeeper',
        },
        {
          messageId: "varTmpDataLogDir",
          ...at(5, 12, 34),
          message:
            'dataLogDir "/var/tmp/zookeeper-log" is under /var/tmp, which tmp cleaners (systemd-tmpfiles, tmpreaper) clean of files left untouched for weeks; the server then loses the writes logged since its last snapshot; move dataLogDir to a persistent directory',
        },
      ],
    },
    {
      name: "ensemble without dataLogDir",
      files: quorum("dataDir=/var/lib/zookeeper\nautopurge.purgeInterval=24\n"),
      errors: [
        {
          messageId: "noDataLogDir",
          ...at(4, 9, 27),
          message:
            'dataLogDir is not set, so the transaction log goes to dataDir "/var/lib/zookeeper" with the snapshots; ZooKeeper syncs this log to disk before it acknowledges a write, and snapshots written to the same disk delay that until followers fall behind and sessions expire; set dataLogDir to a directory on a dedicated disk',
        },
      ],
    },
    {
      name: "ensemble whose dataLogDir is dataDir",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/var/lib//zookeeper/\nautopurge.purgeInterval=24\n"),
      errors: [
        {
          messageId: "sameLogDir",
          ...at(5, 12, 32),
          message:
            'dataLogDir "/var/lib//zookeeper/" is dataDir "/var/lib/zookeeper" itself, so the transaction log goes there with the snapshots; ZooKeeper syncs this log to disk before it acknowledges a write, and snapshots written to the same disk delay that until followers fall behind and sessions expire; set dataLogDir to a directory on a dedicated disk',
        },
      ],
    },
    {
      name: "dataLogDir naming dataDir through a dot",
      files: standalone("dataDir=/var/lib/zookeeper\ndataLogDir=/var/lib/zookeeper/.\n"),
      errors: [
        {
          messageId: "spelledDifferently",
          ...at(5, 12, 32),
          message:
            'dataLogDir "/var/lib/zookeeper/." names the same directory as dataDir "/var/lib/zookeeper" in other words; ZooKeeper compares the two as text, takes them for two directories, and from the second start on exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; write dataLogDir exactly as dataDir, or remove it',
        },
      ],
    },
    {
      name: "relative dataDir and dataLogDir that are one directory",
      files: standalone("dataDir=./data\ndataLogDir=data/../data\n"),
      errors: [
        {
          messageId: "spelledDifferently",
          ...at(5, 12, 24),
          message:
            'dataLogDir "data/../data" names the same directory as dataDir "./data" in other words; ZooKeeper compares the two as text, takes them for two directories, and from the second start on exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; write dataLogDir exactly as dataDir, or remove it',
        },
      ],
    },
    {
      name: "dataLogDir a link to dataDir: one directory as the machine resolves it",
      files: LINKED,
      fs: new LinkedFileSystem(LINKED, { "/srv/txnlog": "/var/lib/zookeeper" }),
      errors: [
        {
          messageId: "spelledDifferently",
          ...at(5, 12, 23),
          message:
            'dataLogDir "/srv/txnlog" names the same directory as dataDir "/var/lib/zookeeper" in other words; ZooKeeper compares the two as text, takes them for two directories, and from the second start on exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; write dataLogDir exactly as dataDir, or remove it',
        },
      ],
    },
    {
      name: "ensemble without autopurge",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/txn\n"),
      errors: [
        {
          messageId: "autopurgeUnset",
          ...at(1, 1, 1),
          message:
            "autopurge.purgeInterval is not set, so ZooKeeper never deletes old snapshots and transaction logs; they pile up until the disk is full and writes fail; set autopurge.purgeInterval=24 (hours), or purge with zkCleanup.sh from cron",
        },
      ],
    },
    {
      name: "ensemble with purging turned off",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/txn\nautopurge.purgeInterval=0\n"),
      errors: [
        {
          messageId: "autopurgeOff",
          ...at(6, 25, 26),
          message:
            'autopurge.purgeInterval "0" turns purging off ("Purge task is not scheduled."); old snapshots and transaction logs pile up until the disk is full and writes fail; set autopurge.purgeInterval=24 (hours), or purge with zkCleanup.sh from cron',
        },
      ],
    },
    {
      name: "negative purge interval",
      files: quorum("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/txn\nautopurge.purgeInterval=-1\n"),
      errors: [
        {
          messageId: "autopurgeOff",
          ...at(6, 25, 27),
          message:
            'autopurge.purgeInterval "-1" turns purging off ("Purge task is not scheduled."); old snapshots and transaction logs pile up until the disk is full and writes fail; set autopurge.purgeInterval=24 (hours), or purge with zkCleanup.sh from cron',
        },
      ],
    },
    {
      name: "snapRetainCount below 3",
      files: standalone("dataDir=/var/lib/zookeeper\nautopurge.snapRetainCount=1\n"),
      errors: [
        {
          messageId: "retainTooLow",
          ...at(5, 27, 28),
          message:
            'autopurge.snapRetainCount "1" is below 3; ZooKeeper ignores it ("Invalid autopurge.snapRetainCount: 1. Defaulting to 3") and keeps 3 snapshots; write autopurge.snapRetainCount=3',
        },
      ],
      output: { [ZOO]: "tickTime=2000\nclientPort=2181\nadmin.enableServer=false\ndataDir=/var/lib/zookeeper\nautopurge.snapRetainCount=3\n" },
    },
    {
      name: "snapRetainCount written with a sign, as Integer.parseInt reads it",
      files: standalone("dataDir=/var/lib/zookeeper\nautopurge.snapRetainCount = +02 \n"),
      errors: [
        {
          messageId: "retainTooLow",
          ...at(5, 29, 33),
          message:
            'autopurge.snapRetainCount "+02" is below 3; ZooKeeper ignores it ("Invalid autopurge.snapRetainCount: 2. Defaulting to 3") and keeps 3 snapshots; write autopurge.snapRetainCount=3',
        },
      ],
      output: { [ZOO]: "tickTime=2000\nclientPort=2181\nadmin.enableServer=false\ndataDir=/var/lib/zookeeper\nautopurge.snapRetainCount = 3\n" },
    },
    {
      name: "forceSync=no",
      files: standalone("dataDir=/var/lib/zookeeper\nforceSync= no\n"),
      errors: [
        {
          messageId: "forceSyncOff",
          ...at(5, 12, 14),
          message:
            'forceSync "no" makes ZooKeeper acknowledge writes before its transaction log reaches the disk; a power failure or kernel crash then loses acknowledged writes, and a quorum that loses power together loses committed data; remove forceSync=no',
        },
      ],
    },
    {
      name: "an ensemble copied from zoo_sample.cfg",
      files: quorum("dataDir=/tmp/zookeeper\nforceSync=no\nautopurge.snapRetainCount=2\n"),
      errors: [
        {
          messageId: "autopurgeUnset",
          ...at(1, 1, 1),
          message:
            "autopurge.purgeInterval is not set, so ZooKeeper never deletes old snapshots and transaction logs; they pile up until the disk is full and writes fail; set autopurge.purgeInterval=24 (hours), or purge with zkCleanup.sh from cron",
        },
        {
          messageId: "tmpDataDirQuorum",
          ...at(4, 9, 23),
          message:
            'dataDir "/tmp/zookeeper" is under /tmp, which most systems empty at boot and clean of files left untouched for days; the server then loses its data and its myid, and ZooKeeper refuses to start with "myid file is missing"; move dataDir, with its myid, to a persistent directory such as /var/lib/zookeeper',
        },
        {
          messageId: "noDataLogDir",
          ...at(4, 9, 23),
          message:
            'dataLogDir is not set, so the transaction log goes to dataDir "/tmp/zookeeper" with the snapshots; ZooKeeper syncs this log to disk before it acknowledges a write, and snapshots written to the same disk delay that until followers fall behind and sessions expire; set dataLogDir to a directory on a dedicated disk',
        },
        {
          messageId: "forceSyncOff",
          ...at(5, 11, 13),
          message:
            'forceSync "no" makes ZooKeeper acknowledge writes before its transaction log reaches the disk; a power failure or kernel crash then loses acknowledged writes, and a quorum that loses power together loses committed data; remove forceSync=no',
        },
        {
          messageId: "retainTooLow",
          ...at(6, 27, 28),
          message:
            'autopurge.snapRetainCount "2" is below 3; ZooKeeper ignores it ("Invalid autopurge.snapRetainCount: 2. Defaulting to 3") and keeps 3 snapshots; write autopurge.snapRetainCount=3',
        },
      ],
      output: quorum("dataDir=/tmp/zookeeper\nforceSync=no\nautopurge.snapRetainCount=3\n"),
    },
    {
      name: "a file where dataLogDir's parent directory should be",
      files: { ...standalone("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/zk/log\n"), "/srv/zk": "not a directory\n" },
      dirs: ["/var/lib/zookeeper"],
      errors: [
        {
          messageId: "logDirNotCreatable",
          ...at(5, 12, 23),
          message:
            'dataLogDir "/srv/zk/log" cannot be a directory: /srv/zk is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataLogDir elsewhere',
        },
      ],
    },
    {
      name: "datadir.autocreate=false and no version-2/ yet",
      files: standalone("dataDir=/var/lib/zookeeper\ndatadir.autocreate=false\n"),
      dirs: ["/var/lib/zookeeper"],
      errors: [
        {
          messageId: "autocreateOff",
          ...at(4, 9, 27),
          message:
            'dataDir "/var/lib/zookeeper" has no version-2/ directory and datadir.autocreate is "false", so ZooKeeper exits with "Missing data directory /var/lib/zookeeper/version-2, automatic data directory creation is disabled"; create /var/lib/zookeeper/version-2 (zkServer-initialize.sh does) or remove datadir.autocreate',
        },
      ],
    },
    {
      name: "dataDir and dataLogDir swapped after the server ran",
      files: {
        ...standalone("dataDir=/var/lib/zookeeper\ndataLogDir=/srv/zk-txnlog\n"),
        "/var/lib/zookeeper/version-2/log.100000001": "",
        "/srv/zk-txnlog/version-2/snapshot.100000000": "",
      },
      errors: [
        {
          messageId: "logsInDataDir",
          ...at(4, 9, 27),
          message:
            'dataDir "/var/lib/zookeeper" holds transaction log files while dataLogDir is elsewhere; ZooKeeper exits with "Snapshot directory has log files. Check if dataLogDir and dataDir configuration is correct."; move them to dataLogDir\'s version-2/ or fix the paths',
        },
        {
          messageId: "snapshotsInLogDir",
          ...at(5, 12, 26),
          message:
            'dataLogDir "/srv/zk-txnlog" holds snapshot files while dataDir is elsewhere; ZooKeeper exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; move them to dataDir\'s version-2/ or fix the paths',
        },
      ],
    },
  ],
});

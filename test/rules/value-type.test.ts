import { describe, expect, it } from "vitest";
import rule from "../../rules/value-type.js";
import { rangeMessage } from "../../rules/value-type/numbers.js";
import { keySpec } from "../../src/model/keys.js";
import catalog from "../../schemas/zoo-cfg-keys.json" with { type: "json" };
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const HEAD = ["tickTime=2000", "dataDir=/var/lib/zookeeper"];
const QUORUM = [
  "initLimit=10",
  "syncLimit=5",
  "server.1=zk1.example.net:2888:3888",
  "server.2=zk2.example.net:2888:3888",
  "server.3=zk3.example.net:2888:3888",
];
const PROMETHEUS = "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";

/** tickTime and dataDir on lines 1-2, then the given lines from line 3. */
const text = (...extra: string[]): string => lines(...HEAD, ...extra);
const cfg = (...extra: string[]): Record<string, string> => ({ [CFG]: text(...extra) });
const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });

runRuleTests(rule, {
  valid: [
    {
      name: "well-formed values of every kind",
      files: cfg(
        "clientPort=2181",
        "clientPortAddress=127.0.0.1",
        "maxClientCnxns=0",
        "autopurge.snapRetainCount=3",
        "autopurge.purgeInterval=+24",
        "standaloneEnabled=TRUE",
        "reconfigEnabled= false",
        "jvm.pause.warn-threshold.ms=10000",
        "peerType=Observer",
        "electionAlg=3",
        "version=100000000",
        "admin.serverPort=0x1F90",
        "admin.enableServer=false",
        "forceSync=yes",
        "skipACL=no",
        "snapCount=100000",
        "snapshotSizeFactor=0.5",
        "snapshot.compression.method=GZ",
        "snapshot.trust.empty=true",
        "datadir.autocreate=no",
        "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
        "secureClientPort=2281",
        "ssl.keyStore.location=/etc/zookeeper/keystore.jks",
      ),
    },
    { name: "values meaning the default need not be exact", files: cfg("admin.enableServer=True", "forceSync=true", "skipACL=false") },
    {
      name: "init-sync-limits owns the timing keys",
      files: { [CFG]: lines("tickTime=2000ms", "dataDir=/var/lib/zookeeper", "initLimit=10 # ticks", "maxSessionTimeout=1e5") },
    },
    { name: "a standalone server never reads quorum properties", files: cfg("cnxTimeout=abc", "leaderServes=maybe", "electionPortBindRetry=x") },
    { name: "the default metrics provider reads no options", files: cfg("metricsProvider.httpPort=abc") },
    {
      name: "Prometheus options under the Prometheus provider",
      files: cfg(PROMETHEUS, "metricsProvider.httpPort=7001", "metricsProvider.exportJvmInfo=false"),
    },
    {
      name: "every class ZooKeeper ships for its class keys, blanks around them trimmed",
      files: cfg(
        "serverCnxnFactory= org.apache.zookeeper.server.NIOServerCnxnFactory ",
        "watchManagerName=org.apache.zookeeper.server.watch.WatchManager",
        "metricsProvider.className=org.apache.zookeeper.metrics.impl.NullMetricsProvider",
      ),
    },
    { name: "the Prometheus provider counts as shipped, as in ZooKeeper's release tarball", files: cfg(PROMETHEUS) },
    {
      name: "class keys whose classes ZooKeeper only logs about are not checked",
      files: cfg("audit.impl.class=org.example.AuditLogger", "ssl.context.supplier.class=org.example.Supplier"),
    },
    {
      name: "a provider class in a version without metrics providers is unknown-key's",
      version: "3.5",
      files: cfg("metricsProvider.className=org.example.NoSuchProvider"),
    },
    {
      name: "with a dynamic file the static version key is not read",
      files: {
        ...cfg("dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic", "version=xyz"),
        "/etc/zookeeper/conf/zoo.cfg.dynamic": "server.1=zk1:2888:3888;2181\n",
      },
    },
    { name: "a key the version does not read is unknown-key's", version: "3.5", files: cfg("clientPortListenBacklog=abc") },
    { name: "only the value that wins is checked", files: cfg("clientPort=abc", "clientPort=2181") },
    { name: "escapes that mean what they say", files: cfg("dataLogDir=C:\\\\zookeeper\\\\logs", "ssl.keyStore.location=/etc/zoo\\ keeper/ks.jks") },
    { name: "a continuation inside a list", files: cfg("4lw.commands.whitelist=srvr, \\", "    ruok, mntr") },
    { name: "3.4 accepted every electionAlg value up to 3", version: "3.4", files: cfg("electionAlg=3") },
  ],
  invalid: [
    {
      name: "a comment after a port number",
      files: cfg("clientPort=2181 # client port"),
      errors: [
        {
          messageId: "notNumberComment",
          ...at(3, 12, 30),
          message:
            'clientPort "2181 # client port" has a comment after the number, but # starts a comment only at the beginning of a line; ZooKeeper refuses to start (NumberFormatException: For input string: "2181 # client port"); move "# client port" to a line of its own',
          suggestions: [{ desc: 'Remove "# client port" from the value', output: text("clientPort=2181") }],
        },
      ],
    },
    {
      name: "integers Integer.parseInt refuses",
      files: cfg("maxClientCnxns=1e3", "clientPort=0x881", "autopurge.purgeInterval=2,000", "observerMasterPort=", "jvm.pause.info-threshold.ms=1s"),
      errors: [
        {
          messageId: "notNumber",
          ...at(3, 16, 19),
          message:
            'maxClientCnxns "1e3" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: "1e3"); write a plain decimal number',
        },
        {
          messageId: "notNumber",
          ...at(4, 12, 17),
          message:
            'clientPort "0x881" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: "0x881"); write a plain decimal number',
        },
        {
          messageId: "notNumber",
          ...at(5, 25, 30),
          message:
            'autopurge.purgeInterval "2,000" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: "2,000"); write a plain decimal number',
        },
        {
          messageId: "notNumber",
          ...at(6, 20, 20),
          message:
            'observerMasterPort "" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: ""); write a plain decimal number',
        },
        {
          messageId: "notNumber",
          ...at(7, 29, 31),
          message:
            'jvm.pause.info-threshold.ms "1s" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: "1s"); write a plain decimal number',
        },
      ],
    },
    {
      name: "a config version that is not hexadecimal",
      files: cfg("version=0x100000000"),
      errors: [
        {
          messageId: "notHexNumber",
          ...at(3, 9, 20),
          message:
            'version "0x100000000" is not a hexadecimal number; ZooKeeper refuses to start (NumberFormatException: For input string: "0x100000000" under radix 16); write hexadecimal digits only, such as 100000000',
        },
      ],
    },
    {
      name: "decimals Double.parseDouble and Float.parseFloat refuse stop the server",
      files: cfg("connection_throttle_drop_increase=two percent", "pathStats.sampleRate="),
      errors: [
        {
          messageId: "notDecimalNumber",
          ...at(3, 35, 46),
          message:
            'connection_throttle_drop_increase "two percent" is not a number; ZooKeeper refuses to start (NumberFormatException: For input string: "two percent"); write a decimal number such as 0.5',
        },
        {
          messageId: "notDecimalNumber",
          ...at(4, 22, 22),
          message:
            'pathStats.sampleRate "" is not a number; ZooKeeper refuses to start (NumberFormatException: empty String); write a decimal number such as 0.5',
        },
      ],
    },
    {
      name: "cnxTimeout stops a quorum member",
      files: cfg(...QUORUM, "cnxTimeout=5s"),
      errors: [
        {
          messageId: "notNumber",
          ...at(8, 12, 14),
          message:
            'cnxTimeout "5s" is not a whole number; ZooKeeper refuses to start (NumberFormatException: For input string: "5s"); write a plain decimal number',
        },
      ],
    },
    {
      name: "pass-through integers Integer.getInteger cannot read fall back silently",
      files: cfg("admin.serverPort=9090x", "snapSizeLimitInKb=4 GB"),
      errors: [
        {
          messageId: "numberIgnored",
          ...at(3, 18, 23),
          message:
            'admin.serverPort "9090x" is not a number Integer.getInteger can read; ZooKeeper silently uses the default 8080 instead; write a plain decimal number',
        },
        {
          messageId: "numberIgnored",
          ...at(4, 19, 23),
          message:
            'snapSizeLimitInKb "4 GB" is not a number Long.getLong can read; ZooKeeper silently uses the default 4194304 instead; write a plain decimal number',
        },
      ],
    },
    {
      name: "pass-through numbers ZooKeeper logs and replaces",
      files: cfg("preAllocSize=64M", "commitLogCount=many", "snapshotSizeFactor=1/3"),
      errors: [
        {
          messageId: "numberLogged",
          ...at(3, 14, 17),
          message:
            'preAllocSize "64M" is not a whole number; ZooKeeper logs "64M is not a valid value for preAllocSize" and uses the default 65536 instead; write a plain decimal number',
        },
        {
          messageId: "numberLogged",
          ...at(4, 16, 20),
          message:
            'commitLogCount "many" is not a whole number; ZooKeeper logs "Error parsing zookeeper.commitLogCount - use default value 500" and uses the default 500 instead; write a plain decimal number',
        },
        {
          messageId: "decimalNumberLogged",
          ...at(5, 20, 23),
          message:
            'snapshotSizeFactor "1/3" is not a number; ZooKeeper logs "Error parsing zookeeper.snapshotSizeFactor, using default value 0.33" and uses the default 0.33 instead; write a decimal number such as 0.5',
        },
      ],
    },
    {
      name: "keys whose default ZooKeeper works out (from the cores) fall back to it",
      files: cfg("nio.numWorkerThreads=8 threads", "commitProcessor.numWorkerThreads=09"),
      errors: [
        {
          messageId: "numberIgnoredBuiltIn",
          ...at(3, 22, 31),
          message:
            'nio.numWorkerThreads "8 threads" is not a number Integer.getInteger can read; ZooKeeper silently uses its built-in default instead; write a plain decimal number',
        },
        {
          messageId: "octalInvalidBuiltIn",
          ...at(4, 34, 36),
          message:
            'commitProcessor.numWorkerThreads "09" starts with 0, so Integer.getInteger reads it as an octal number, which cannot hold the digits 8 and 9; ZooKeeper silently uses its built-in default instead; write commitProcessor.numWorkerThreads=9',
          suggestions: [
            { desc: "Write commitProcessor.numWorkerThreads=9", output: text("nio.numWorkerThreads=8 threads", "commitProcessor.numWorkerThreads=9") },
          ],
        },
      ],
    },
    {
      name: "a leading zero makes Integer.getInteger read octal",
      files: cfg("admin.serverPort=010", "globalOutstandingLimit=08"),
      errors: [
        {
          messageId: "octal",
          ...at(3, 18, 21),
          message: 'admin.serverPort "010" starts with 0, so Integer.getInteger reads it as an octal number and ZooKeeper uses 8; write admin.serverPort=10',
          suggestions: [{ desc: "Write admin.serverPort=10", output: text("admin.serverPort=10", "globalOutstandingLimit=08") }],
        },
        {
          messageId: "octalInvalid",
          ...at(4, 24, 26),
          message:
            'globalOutstandingLimit "08" starts with 0, so Integer.getInteger reads it as an octal number, which cannot hold the digits 8 and 9; ZooKeeper silently uses the default 1000 instead; write globalOutstandingLimit=8',
          suggestions: [{ desc: "Write globalOutstandingLimit=8", output: text("admin.serverPort=010", "globalOutstandingLimit=8") }],
        },
      ],
    },
    {
      name: "ports and sizes ZooKeeper refuses",
      files: cfg("clientPort=70000", "secureClientPort=-1", "intBufferStartingSizeBytes=16"),
      errors: [
        {
          messageId: "portAboveRange",
          ...at(3, 12, 17),
          message: "clientPort 70000 is above 65535; ZooKeeper refuses to start (port out of range:70000); use a port from 1 to 65535",
        },
        {
          messageId: "portBelowRange",
          ...at(4, 18, 20),
          message: "secureClientPort -1 is below 0; ZooKeeper refuses to start (port out of range:-1); use a port from 1 to 65535",
        },
        {
          messageId: "belowMinimum",
          ...at(5, 28, 30),
          message:
            "intBufferStartingSizeBytes 16 is below 32; ZooKeeper refuses to start (Buffer starting size (16) must be greater than or equal to 32.); use at least 32",
        },
      ],
    },
    {
      name: "a negative admin port and a snapshot size factor above 1",
      files: cfg("admin.serverPort=-5", "snapshotSizeFactor=1.5"),
      errors: [
        {
          messageId: "portBelowRangeIgnored",
          ...at(3, 18, 20),
          message: "admin.serverPort -5 is below 0; ZooKeeper starts, but the AdminServer cannot open it and does not start; use a port from 1 to 65535",
        },
        { messageId: "aboveMaximumIgnored", ...at(4, 20, 23), message: "snapshotSizeFactor 1.5 is above 1; ZooKeeper uses 0.33 instead; use at most 1" },
      ],
    },
    {
      name: "values ZooKeeper replaces or cannot use",
      files: cfg("snapCount=1", "autopurge.snapRetainCount=1", "admin.serverPort=80800"),
      errors: [
        {
          messageId: "belowMinimumIgnored",
          ...at(3, 11, 12),
          message: 'snapCount 1 is below 2; ZooKeeper logs "SnapCount should be 2 or more. Now, snapCount is reset to 2" and uses 2; use at least 2',
        },
        {
          messageId: "belowMinimumIgnored",
          ...at(4, 27, 28),
          message:
            'autopurge.snapRetainCount 1 is below 3; ZooKeeper logs "Invalid autopurge.snapRetainCount: 1. Defaulting to 3" and keeps 3 snapshots; use at least 3',
        },
        {
          messageId: "portAboveRangeIgnored",
          ...at(5, 18, 23),
          message: "admin.serverPort 80800 is above 65535; ZooKeeper starts, but the AdminServer cannot open it and does not start; use a port from 1 to 65535",
        },
      ],
    },
    {
      name: "electionAlg other than 3",
      files: cfg("electionAlg=1"),
      errors: [
        {
          messageId: "notAllowed",
          ...at(3, 13, 14),
          message:
            "electionAlg 1 is not supported; ZooKeeper 3.9 refuses to start (Invalid electionAlg value. Only 3 is supported.); write electionAlg=3 or remove the line",
        },
      ],
    },
    {
      name: "electionAlg 0 in 3.5",
      version: "3.5",
      files: cfg("electionAlg=0"),
      errors: [
        {
          messageId: "deprecatedValue",
          ...at(3, 13, 14),
          message:
            'electionAlg 0 still works in ZooKeeper 3.5, but 3.6 and later refuse it ("Invalid electionAlg value. Only 3 is supported."); write electionAlg=3',
        },
      ],
    },
    {
      name: "strict booleans from 3.7",
      files: cfg("standaloneEnabled=yes", "quorumListenOnAllIPs=", "sslQuorum=enabled please"),
      errors: [
        {
          messageId: "strictBooleanMeant",
          ...at(3, 19, 22),
          message:
            "standaloneEnabled \"yes\" is neither true nor false; ZooKeeper 3.9 refuses to start (Invalid option yes for standaloneEnabled. Choose 'true' or 'false.'); write standaloneEnabled=true",
          suggestions: [{ desc: "Write standaloneEnabled=true", output: text("standaloneEnabled=true", "quorumListenOnAllIPs=", "sslQuorum=enabled please") }],
        },
        {
          messageId: "strictBoolean",
          ...at(4, 22, 22),
          message:
            "quorumListenOnAllIPs \"\" is neither true nor false; ZooKeeper 3.9 refuses to start (Invalid option  for quorumListenOnAllIPs. Choose 'true' or 'false.'); write quorumListenOnAllIPs=true or quorumListenOnAllIPs=false",
        },
        {
          messageId: "strictBoolean",
          ...at(5, 11, 25),
          message:
            "sslQuorum \"enabled please\" is neither true nor false; ZooKeeper 3.9 refuses to start (Invalid option enabled please for sslQuorum. Choose 'true' or 'false.'); write sslQuorum=true or sslQuorum=false",
        },
      ],
    },
    {
      name: "the same booleans before 3.7 silently mean false",
      version: "3.6",
      files: cfg("standaloneEnabled=no", "localSessionsEnabled=yes"),
      errors: [
        {
          messageId: "lenientBooleanMeant",
          ...at(4, 22, 25),
          message:
            'localSessionsEnabled "yes" is not "true", so ZooKeeper 3.6 reads it as false (Boolean.parseBoolean accepts only "true", in any case); write localSessionsEnabled=true',
          suggestions: [{ desc: "Write localSessionsEnabled=true", output: text("standaloneEnabled=no", "localSessionsEnabled=true") }],
        },
      ],
    },
    {
      name: "pass-through booleans read with Boolean.getBoolean",
      files: cfg("snapshot.trust.empty=1", "audit.enable=sure"),
      errors: [
        {
          messageId: "lenientBooleanMeant",
          ...at(3, 22, 23),
          suggestions: [{ desc: "Write snapshot.trust.empty=true", output: text("snapshot.trust.empty=true", "audit.enable=sure") }],
          message:
            'snapshot.trust.empty "1" is not "true", so ZooKeeper 3.9 reads it as false (Boolean.getBoolean accepts only "true", in any case); write snapshot.trust.empty=true',
        },
        {
          messageId: "lenientBoolean",
          ...at(4, 14, 18),
          message:
            'audit.enable "sure" is not "true", so ZooKeeper 3.9 reads it as false (Boolean.getBoolean accepts only "true", in any case); write audit.enable=true or audit.enable=false',
        },
      ],
    },
    {
      name: "switches ZooKeeper compares with one exact text",
      files: cfg(...QUORUM, "admin.enableServer=False", "forceSync=false", "skipACL=true", "leaderServes=off"),
      errors: [
        {
          messageId: "exactBoolean",
          ...at(8, 20, 25),
          message:
            'admin.enableServer "False" is not exactly "false", the only text ZooKeeper compares it with, so ZooKeeper keeps the AdminServer on; write admin.enableServer=false',
          suggestions: [
            {
              desc: "Write admin.enableServer=false",
              output: text(...QUORUM, "admin.enableServer=false", "forceSync=false", "skipACL=true", "leaderServes=off"),
            },
          ],
        },
        {
          messageId: "exactBoolean",
          ...at(9, 11, 16),
          message:
            'forceSync "false" is not exactly "no", the only text ZooKeeper compares it with, so ZooKeeper keeps syncing the transaction log to disk; write forceSync=no',
          suggestions: [
            { desc: "Write forceSync=no", output: text(...QUORUM, "admin.enableServer=False", "forceSync=no", "skipACL=true", "leaderServes=off") },
          ],
        },
        {
          messageId: "exactBoolean",
          ...at(10, 9, 13),
          suggestions: [
            { desc: "Write skipACL=yes", output: text(...QUORUM, "admin.enableServer=False", "forceSync=false", "skipACL=yes", "leaderServes=off") },
          ],
          message: 'skipACL "true" is not exactly "yes", the only text ZooKeeper compares it with, so ZooKeeper keeps checking ACLs; write skipACL=yes',
        },
        {
          messageId: "exactBoolean",
          ...at(11, 14, 17),
          suggestions: [
            { desc: "Write leaderServes=no", output: text(...QUORUM, "admin.enableServer=False", "forceSync=false", "skipACL=true", "leaderServes=no") },
          ],
          message:
            'leaderServes "off" is not exactly "no", the only text ZooKeeper compares it with, so ZooKeeper keeps the leader serving clients; write leaderServes=no',
        },
      ],
    },
    {
      name: "a switch set to a word that means nothing",
      files: cfg("admin.enableServer=disabled please"),
      errors: [
        {
          messageId: "exactBoolean",
          ...at(3, 20, 35),
          message:
            'admin.enableServer "disabled please" is not exactly "false", the only text ZooKeeper compares it with, so ZooKeeper keeps the AdminServer on; write admin.enableServer=false',
        },
      ],
    },
    {
      name: "peerType and snapshot compression outside their values",
      files: cfg("peerType=leader", "snapshot.compression.method=zip"),
      errors: [
        {
          messageId: "enumRefused",
          ...at(3, 10, 16),
          message:
            'peerType "leader" is not one of "observer" or "participant"; ZooKeeper refuses to start (Unrecognised peertype: leader); write one of "observer" or "participant"',
        },
        {
          messageId: "enumIgnored",
          ...at(4, 29, 32),
          message:
            'snapshot.compression.method "zip" is not one of "gz", "snappy" or nothing; ZooKeeper silently writes snapshots uncompressed; write one of "gz", "snappy" or nothing',
        },
      ],
    },
    {
      name: "short class names, which fix completes",
      files: cfg("serverCnxnFactory=NettyServerCnxnFactory", "watchManagerName=WatchManagerOptimized"),
      errors: [
        {
          messageId: "shortClassName",
          ...at(3, 19, 41),
          message:
            'serverCnxnFactory "NettyServerCnxnFactory" is not a fully qualified class name; ZooKeeper refuses to start (java.io.IOException: Couldn\'t instantiate NettyServerCnxnFactory); write serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
        },
        {
          messageId: "shortClassName",
          ...at(4, 18, 39),
          message:
            'watchManagerName "WatchManagerOptimized" is not a fully qualified class name; ZooKeeper refuses to start (java.io.IOException: Couldn\'t instantiate WatchManagerOptimized); write watchManagerName=org.apache.zookeeper.server.watch.WatchManagerOptimized',
        },
      ],
      output: {
        [CFG]: text(
          "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
          "watchManagerName=org.apache.zookeeper.server.watch.WatchManagerOptimized",
        ),
      },
    },
    {
      name: "classes ZooKeeper does not ship, which load only from a jar the user adds",
      files: cfg(
        "serverCnxnFactory=org.example.NoSuchFactory",
        "metricsProvider.className=org.example.NoSuchProvider",
        "watchManagerName=org.apache.zookeeper.server.watch.WatchManagerFast",
      ),
      errors: [
        {
          messageId: "notShipped",
          ...at(3, 19, 44),
          message:
            'serverCnxnFactory "org.example.NoSuchFactory" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start (java.io.IOException: Couldn\'t instantiate org.example.NoSuchFactory); add that jar to the class path, or remove the line to use org.apache.zookeeper.server.NIOServerCnxnFactory',
        },
        {
          messageId: "notShipped",
          ...at(4, 27, 53),
          message:
            'metricsProvider.className "org.example.NoSuchProvider" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start (metrics provider class was not found); add that jar to the class path, or remove the line to use org.apache.zookeeper.metrics.impl.DefaultMetricsProvider',
        },
        {
          messageId: "notShipped",
          ...at(5, 18, 68),
          message:
            'watchManagerName "org.apache.zookeeper.server.watch.WatchManagerFast" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start (java.io.IOException: Couldn\'t instantiate org.apache.zookeeper.server.watch.WatchManagerFast); add that jar to the class path, or remove the line to use org.apache.zookeeper.server.watch.WatchManager',
        },
      ],
    },
    {
      name: "an empty class name is no class either",
      version: "3.4",
      files: cfg("serverCnxnFactory="),
      errors: [
        {
          messageId: "notShipped",
          ...at(3, 19, 19),
          message:
            'serverCnxnFactory "" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start (java.io.IOException: Couldn\'t instantiate ); add that jar to the class path, or remove the line to use org.apache.zookeeper.server.NIOServerCnxnFactory',
        },
      ],
    },
    {
      name: "comments and blanks in names ZooKeeper resolves while starting",
      files: cfg("clientPort=2181", "clientPortAddress=127.0.0.1 # local only", "metricsProvider.className=com.example.Metrics Provider"),
      errors: [
        {
          messageId: "commentRefused",
          ...at(4, 19, 41),
          message:
            'clientPortAddress "127.0.0.1 # local only" ends in the comment "# local only", but # starts a comment only at the beginning of a line; ZooKeeper refuses to start (java.net.UnknownHostException: 127.0.0.1 # local only: Name or service not known); move the comment to a line of its own',
          suggestions: [
            {
              desc: 'Remove "# local only" from the value',
              output: text("clientPort=2181", "clientPortAddress=127.0.0.1", "metricsProvider.className=com.example.Metrics Provider"),
            },
          ],
        },
        {
          messageId: "blankInClassName",
          ...at(5, 27, 55),
          message:
            'metricsProvider.className "com.example.Metrics Provider" contains a blank, which no class name has; ZooKeeper refuses to start (metrics provider class was not found); remove the blank',
        },
      ],
    },
    {
      name: "a blank in a host name ZooKeeper resolves while starting",
      files: cfg("clientPortAddress=zk 1.example.net"),
      errors: [
        {
          messageId: "blankRefused",
          ...at(3, 19, 35),
          message:
            'clientPortAddress "zk 1.example.net" contains a blank, which no host name has; ZooKeeper refuses to start (java.net.UnknownHostException: zk 1.example.net: Name or service not known); remove the blank',
        },
      ],
    },
    {
      name: "a comment after a path becomes part of it",
      files: cfg("dataLogDir=/var/log/zookeeper   # transaction log"),
      errors: [
        {
          messageId: "commentInValue",
          ...at(3, 12, 50),
          message:
            'dataLogDir "/var/log/zookeeper   # transaction log" ends in the comment "# transaction log", but # starts a comment only at the beginning of a line; ZooKeeper uses the whole text, comment included; move the comment to a line of its own',
          suggestions: [{ desc: 'Remove "# transaction log" from the value', output: text("dataLogDir=/var/log/zookeeper") }],
        },
      ],
    },
    {
      name: "an empty client address binds loopback",
      files: cfg("clientPort=2181", "clientPortAddress="),
      errors: [
        {
          messageId: "emptyAddress",
          ...at(4, 1, 18),
          message:
            "clientPortAddress is empty, so ZooKeeper binds clientPort to the loopback address only and no other host can connect; remove the line to listen on every address, or name the address",
        },
      ],
    },
    {
      name: "Windows paths written with backslashes",
      files: cfg("dataLogDir=C:\\zookeeper\\logs", "ssl.keyStore.location=D:\\certs\\tls\\keystore.jks  "),
      errors: [
        {
          messageId: "backslash",
          ...at(3, 12, 29),
          message:
            'dataLogDir is written "C:\\zookeeper\\logs", which ZooKeeper reads as "C:zookeeperlogs" because Properties treats a backslash as an escape; write forward slashes, "C:/zookeeper/logs"',
          suggestions: [
            {
              desc: "Write dataLogDir=C:/zookeeper/logs",
              output: text("dataLogDir=C:/zookeeper/logs", "ssl.keyStore.location=D:\\certs\\tls\\keystore.jks  "),
            },
          ],
        },
        {
          messageId: "backslash",
          ...at(4, 23, 50),
          message:
            'ssl.keyStore.location is written "D:\\certs\\tls\\keystore.jks", which ZooKeeper reads as "D:certs<TAB>lskeystore.jks" because Properties treats a backslash as an escape; write forward slashes, "D:/certs/tls/keystore.jks"',
          suggestions: [
            {
              desc: "Write ssl.keyStore.location=D:/certs/tls/keystore.jks",
              output: text("dataLogDir=C:\\zookeeper\\logs", "ssl.keyStore.location=D:/certs/tls/keystore.jks"),
            },
          ],
        },
      ],
    },
    {
      name: "a trailing backslash swallows the next entry and a comment",
      files: cfg("dataLogDir=/var/log/zookeeper\\", "clientPort=2181", "ssl.trustStore.location=/etc/zookeeper/truststore.jks\\", "# the keystore follows"),
      errors: [
        {
          messageId: "swallowedLine",
          ...at(3, 30, 31),
          message:
            'dataLogDir ends in a backslash, so ZooKeeper joins the next line, "clientPort=2181", to its value ("/var/log/zookeeperclientPort=2181") instead of reading it as an entry of its own; remove the trailing backslash',
          suggestions: [
            {
              desc: "Remove the backslash at the end of the dataLogDir line",
              output: text(
                "dataLogDir=/var/log/zookeeper",
                "clientPort=2181",
                "ssl.trustStore.location=/etc/zookeeper/truststore.jks\\",
                "# the keystore follows",
              ),
            },
          ],
        },
        {
          messageId: "swallowedComment",
          ...at(5, 54, 55),
          message:
            'ssl.trustStore.location ends in a backslash, so ZooKeeper joins the next line, "# the keystore follows", to its value ("/etc/zookeeper/truststore.jks# the keystore follows") instead of reading it as a comment; remove the trailing backslash',
          suggestions: [
            {
              desc: "Remove the backslash at the end of the ssl.trustStore.location line",
              output: text(
                "dataLogDir=/var/log/zookeeper\\",
                "clientPort=2181",
                "ssl.trustStore.location=/etc/zookeeper/truststore.jks",
                "# the keystore follows",
              ),
            },
          ],
        },
      ],
    },
  ],
});

describe("value-type's range messages", () => {
  it("have a message for each side of every range in the catalog, and a port for every range with two ends", () => {
    for (const name of Object.keys(catalog.keys)) {
      const spec = keySpec(name)!;
      if (spec.outOfRange === undefined) continue;
      if (spec.min !== undefined) expect(rangeMessage(spec, "below"), name).toBeDefined();
      if (spec.max !== undefined) expect(rangeMessage(spec, "above"), name).toBeDefined();
      if (spec.min !== undefined && spec.max !== undefined) expect(spec.type, name).toBe("port");
    }
  });
});

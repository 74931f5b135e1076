import rule from "../../rules/unknown-key.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const HEAD = ["tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=2181"];
const SERVERS = [
  "initLimit=10",
  "syncLimit=5",
  "server.1=zk1.example.net:2888:3888",
  "server.2=zk2.example.net:2888:3888",
  "server.3=zk3.example.net:2888:3888",
];
const PROMETHEUS = "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";

/** A standalone config: tickTime, dataDir and clientPort on lines 1-3, then the given lines from line 4. */
const cfg = (...extra: string[]): Record<string, string> => ({ [CFG]: lines(...HEAD, ...extra) });
const text = (...extra: string[]): string => lines(...HEAD, ...extra);
const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });

runRuleTests(rule, {
  valid: [
    {
      name: "zoo_sample.cfg's keys",
      files: cfg(
        "initLimit=10",
        "syncLimit=5",
        "maxClientCnxns=60",
        "autopurge.snapRetainCount=3",
        "autopurge.purgeInterval=1",
        "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider",
        "metricsProvider.httpPort=7000",
        "metricsProvider.exportJvmInfo=true",
      ),
    },
    {
      name: "a quorum with pass-through keys, TLS and SASL",
      files: cfg(
        ...SERVERS,
        "4lw.commands.whitelist=srvr, ruok, mntr",
        "admin.enableServer=false",
        "snapCount=50000",
        "secureClientPort=2281",
        "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory",
        "ssl.keyStore.location=/etc/zookeeper/keystore.jks",
        "ssl.quorum.trustStore.location=/etc/zookeeper/truststore.jks",
        "sslQuorum=true",
        "authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider",
        "quorum.auth.enableSasl=true",
        "kerberos.removeHostFromPrincipal=true",
        "connection_throttle_tokens=100",
        "leader.maxConcurrentSnapSyncs=5",
      ),
    },
    { name: "hierarchical quorum keys with numeric ids", files: cfg(...SERVERS, "group.1=1:2:3", "weight.1=1", "weight.+2=1", "weight.03=1") },
    {
      name: "only the text after the first dot is the id: groups.1 is group 1, weights.2 weight 2",
      files: cfg(...SERVERS, "groups.1=1:2:3", "weights.2=1", "groupName.3=1"),
    },
    { name: "standaloneEnabled in 3.5", version: "3.5", files: cfg("standaloneEnabled=false") },
    { name: "oraclePath in 3.8", version: "3.8", files: cfg("oraclePath=/var/lib/zookeeper/oracle") },
    {
      name: "a custom metrics provider reads options zkcfg cannot know",
      files: cfg("metricsProvider.className=com.example.StatsProvider", "metricsProvider.statsPort=8000"),
    },
    {
      name: "a group key beside a dynamic file is dynamic-config's to report",
      files: {
        ...cfg("dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic", "groupName=prod"),
        "/etc/zookeeper/conf/zoo.cfg.dynamic": "server.1=zk1:2888:3888;2181\n",
      },
    },
    { name: "blanks and other separators around keys", files: { [CFG]: "tickTime = 2000\n  dataDir : /var/lib/zookeeper\nclientPort 2181\n" } },
  ],
  invalid: [
    {
      name: "a key in the wrong case",
      files: cfg("initlimit=10"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(4, 1, 10),
          message:
            '"initlimit" is not a key ZooKeeper 3.9 knows; ZooKeeper silently turns it into the unused system property "zookeeper.initlimit"; did you mean "initLimit"?',
          suggestions: [{ desc: 'Rename "initlimit" to "initLimit"', output: text("initLimit=10") }],
        },
      ],
    },
    {
      name: "a typo with two near keys offers no rename",
      files: cfg(...SERVERS, "leaner.closeSocketAsync=true"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(9, 1, 24),
          message:
            '"leaner.closeSocketAsync" is not a key ZooKeeper 3.9 knows; ZooKeeper silently turns it into the unused system property "zookeeper.leaner.closeSocketAsync"; did you mean "leader.closeSocketAsync" or "learner.closeSocketAsync"?',
        },
      ],
    },
    {
      name: "a misspelled key whose right spelling is also set gets no rename",
      files: cfg("maxClientCnxns=60", "maxClientCnxn=100"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(5, 1, 14),
          message:
            '"maxClientCnxn" is not a key ZooKeeper 3.9 knows; ZooKeeper silently turns it into the unused system property "zookeeper.maxClientCnxn"; did you mean "maxClientCnxns"?',
        },
      ],
    },
    {
      name: "an upper-case server line",
      files: cfg(...SERVERS, "SERVER.4=zk4.example.net:2888:3888"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(9, 1, 9),
          suggestions: [{ desc: 'Rename "SERVER.4" to "server.4"', output: text(...SERVERS, "server.4=zk4.example.net:2888:3888") }],
          message:
            '"SERVER.4" is not a key ZooKeeper 3.9 knows; ZooKeeper silently turns it into the unused system property "zookeeper.SERVER.4"; did you mean "server.4"?',
        },
      ],
    },
    {
      name: "a key nothing resembles",
      files: cfg("zabServer.1=localhost:2000"),
      errors: [
        {
          messageId: "unknown",
          ...at(4, 1, 12),
          message:
            '"zabServer.1" is not a key ZooKeeper 3.9 knows; ZooKeeper silently turns it into the unused system property "zookeeper.zabServer.1"; check the spelling in the ZooKeeper Administrator\'s Guide or remove it',
        },
      ],
    },
    {
      name: "a key of later versions",
      version: "3.4",
      files: cfg("standaloneEnabled=false"),
      errors: [
        {
          messageId: "otherVersion",
          ...at(4, 1, 18),
          message:
            '"standaloneEnabled" is read by ZooKeeper 3.5 and later, not by 3.4; ZooKeeper 3.4 silently turns it into the unused system property "zookeeper.standaloneEnabled"; remove it, or lint for the version you run with --zk-version',
        },
      ],
    },
    {
      name: "metrics provider options in 3.5",
      version: "3.5",
      files: cfg("metricsProvider.httpPort=7000"),
      errors: [
        {
          messageId: "otherVersion",
          ...at(4, 1, 25),
          message:
            '"metricsProvider.httpPort" is read by ZooKeeper 3.6 and later, not by 3.5; ZooKeeper 3.5 silently turns it into the unused system property "zookeeper.metricsProvider.httpPort"; remove it, or lint for the version you run with --zk-version',
        },
      ],
    },
    {
      name: "the zookeeper. prefix written out, as Debian's NEWS suggests",
      files: cfg("zookeeper.snapshot.trust.empty=true"),
      errors: [
        {
          messageId: "prefixed",
          ...at(4, 1, 31),
          message:
            '"zookeeper.snapshot.trust.empty" sets the system property "zookeeper.zookeeper.snapshot.trust.empty", which nothing reads, because ZooKeeper puts the "zookeeper." prefix in front of every key itself; write "snapshot.trust.empty"',
          suggestions: [{ desc: 'Rename "zookeeper.snapshot.trust.empty" to "snapshot.trust.empty"', output: text("snapshot.trust.empty=true") }],
        },
      ],
    },
    {
      name: "jute.maxbuffer, which only a JVM flag sets",
      files: cfg("jute.maxbuffer=4194304"),
      errors: [
        {
          messageId: "jvmOnlyShared",
          ...at(4, 1, 15),
          message:
            '"jute.maxbuffer" does nothing in zoo.cfg: ZooKeeper reads it without the zookeeper. prefix, so zoo.cfg cannot set it, and every client needs the same limit; set it as a JVM flag instead, -Djute.maxbuffer=<bytes> (SERVER_JVMFLAGS in conf/java.env)',
        },
      ],
    },
    {
      name: "system properties that ZooKeeper or the JVM read without the prefix",
      files: cfg("readonlymode.enabled=true", "java.security.auth.login.config=/etc/zookeeper/jaas.conf"),
      errors: [
        {
          messageId: "jvmOnly",
          ...at(4, 1, 21),
          message:
            '"readonlymode.enabled" does nothing in zoo.cfg: ZooKeeper reads it without the zookeeper. prefix, so zoo.cfg cannot set it; set it as a JVM flag instead, -Dreadonlymode.enabled=true (SERVER_JVMFLAGS in conf/java.env)',
        },
        {
          messageId: "jvmOnlyJava",
          ...at(5, 1, 32),
          message:
            '"java.security.auth.login.config" does nothing in zoo.cfg: the JVM reads it without the zookeeper. prefix, so zoo.cfg cannot set it; set it as a JVM flag instead, -Djava.security.auth.login.config=<jaas.conf> (SERVER_JVMFLAGS in conf/java.env)',
        },
      ],
    },
    {
      name: "a common name for the AdminServer port",
      files: cfg("adminPort=9090"),
      errors: [
        {
          messageId: "aliasCommon",
          ...at(4, 1, 10),
          message:
            '"adminPort" does nothing in zoo.cfg: it is a common name for the AdminServer port, which ZooKeeper calls admin.serverPort; write "admin.serverPort"',
          suggestions: [{ desc: 'Rename "adminPort" to "admin.serverPort"', output: text("admin.serverPort=9090") }],
        },
      ],
    },
    {
      name: "the admin guide's name for the connection throttle",
      files: cfg("connectionMaxTokens=100"),
      errors: [
        {
          messageId: "alias",
          ...at(4, 1, 20),
          message:
            '"connectionMaxTokens" does nothing in zoo.cfg: it is the admin guide\'s name for it, but the server reads zookeeper.connection_throttle_tokens; write "connection_throttle_tokens"',
          suggestions: [{ desc: 'Rename "connectionMaxTokens" to "connection_throttle_tokens"', output: text("connection_throttle_tokens=100") }],
        },
      ],
    },
    {
      name: "keys that nothing reads",
      files: cfg("electionPort=3888", "jaasLoginRenew=3600000", "requireClientAuthScheme=sasl"),
      errors: [
        {
          messageId: "unusedElectionPort",
          ...at(4, 1, 13),
          message:
            '"electionPort" does nothing in zoo.cfg: the election port is the third field of each server.N line (host:quorumPort:electionPort), and no key sets it; remove it',
        },
        {
          messageId: "unusedLoginRenew",
          ...at(5, 1, 15),
          message:
            '"jaasLoginRenew" does nothing in zoo.cfg: no ZooKeeper version reads this name from old SASL setup guides (the Kerberos login renews its ticket on its own schedule); remove it',
        },
        {
          messageId: "unusedClientAuthScheme",
          ...at(6, 1, 24),
          message:
            '"requireClientAuthScheme" does nothing in zoo.cfg: no ZooKeeper version reads this name from old SASL setup guides (from 3.6 on, sessionRequireClientSASLAuth=true makes SASL mandatory); remove it',
        },
      ],
    },
    {
      name: "the server id and the log directory written as keys",
      files: cfg("myid=1", "logDir=/var/log/zookeeper"),
      errors: [
        {
          messageId: "unusedMyid",
          ...at(4, 1, 5),
          message: '"myid" does nothing in zoo.cfg: ZooKeeper reads the server id from the file myid in dataDir, and no key sets it; remove it',
        },
        {
          messageId: "unusedLogDir",
          ...at(5, 1, 7),
          message:
            '"logDir" does nothing in zoo.cfg: the server\'s log files go where the ZOO_LOG_DIR environment variable says (conf/zookeeper-env.sh), and no key sets it; remove it',
        },
      ],
    },
    {
      name: "a client setting in a server config",
      files: cfg("client.secure=true"),
      errors: [
        {
          messageId: "clientSetting",
          ...at(4, 1, 14),
          message:
            '"client.secure" does nothing in a server\'s zoo.cfg: it is a client setting (zookeeper.client.secure) that the server never reads; remove it, or set it where the clients are configured',
        },
      ],
    },
    {
      name: "Prometheus options without the Prometheus provider",
      files: cfg("metricsProvider.httpPort=7001", "metricsProvider.className=org.apache.zookeeper.metrics.impl.DefaultMetricsProvider"),
      errors: [
        {
          messageId: "providerOptionUnused",
          ...at(4, 1, 25),
          message:
            '"metricsProvider.httpPort" is an option for a metrics provider, but metricsProvider.className names the default provider, so ZooKeeper\'s default provider ignores it; set metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider or remove it',
        },
      ],
    },
    {
      name: "a Prometheus option with no provider set",
      files: cfg("metricsProvider.exportJvmInfo=false"),
      errors: [
        {
          messageId: "providerOptionUnset",
          ...at(4, 1, 30),
          message:
            '"metricsProvider.exportJvmInfo" is an option for a metrics provider, but metricsProvider.className is not set, so ZooKeeper\'s default provider ignores it; set metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider or remove it',
        },
      ],
    },
    {
      name: "Prometheus options it does not read",
      files: cfg(PROMETHEUS, "metricsProvider.httpport=7001", "metricsProvider.path=/metrics"),
      errors: [
        {
          messageId: "providerOptionSimilar",
          ...at(5, 1, 25),
          message:
            '"metricsProvider.httpport" is not an option the Prometheus metrics provider of ZooKeeper 3.9 reads; the provider silently ignores it; did you mean "metricsProvider.httpPort"?',
          suggestions: [
            {
              desc: 'Rename "metricsProvider.httpport" to "metricsProvider.httpPort"',
              output: text(PROMETHEUS, "metricsProvider.httpPort=7001", "metricsProvider.path=/metrics"),
            },
          ],
        },
        {
          messageId: "providerOptionUnknown",
          ...at(6, 1, 21),
          message:
            '"metricsProvider.path" is not an option the Prometheus metrics provider of ZooKeeper 3.9 reads; the provider silently ignores it; its options are metricsProvider.httpHost, metricsProvider.httpPort, metricsProvider.exportJvmInfo, metricsProvider.numWorkerThreads, metricsProvider.maxQueueSize, metricsProvider.workerShutdownTimeoutMs',
        },
      ],
    },
    {
      name: "a Prometheus option of a later version",
      version: "3.7",
      files: cfg(PROMETHEUS, "metricsProvider.httpHost=127.0.0.1"),
      errors: [
        {
          messageId: "otherVersion",
          ...at(5, 1, 25),
          message:
            '"metricsProvider.httpHost" is read by ZooKeeper 3.8 and later, not by 3.7; ZooKeeper 3.7 silently turns it into the unused system property "zookeeper.metricsProvider.httpHost"; remove it, or lint for the version you run with --zk-version',
        },
      ],
    },
    {
      name: "keys starting with group or weight that are not numbered",
      files: cfg("groupName=prod", "weight=2"),
      errors: [
        {
          messageId: "badFamilyKey",
          ...at(4, 1, 10),
          message:
            '"groupName" starts with "group", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "groupName"); rename it, or write group.<id> with a numeric id',
        },
        {
          messageId: "badFamilyKey",
          ...at(5, 1, 7),
          message:
            '"weight" starts with "weight", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "weight"); rename it, or write weight.<id> with a numeric id',
        },
      ],
    },
    {
      name: "a group id that is not a number, in 3.4 too",
      version: "3.4",
      files: cfg("group.east=1:2:3"),
      errors: [
        {
          messageId: "badFamilyKey",
          ...at(4, 1, 11),
          message:
            '"group.east" starts with "group", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "east"); rename it, or write group.<id> with a numeric id',
        },
      ],
    },
    {
      name: "a number glued to group without a dot, and a dotted key whose id is not a number",
      files: cfg("group1=1:2:3", "groups.1.a=1"),
      errors: [
        {
          messageId: "badFamilyKey",
          ...at(4, 1, 7),
          message:
            '"group1" starts with "group", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "group1"); rename it, or write group.<id> with a numeric id',
        },
        {
          messageId: "badFamilyKey",
          ...at(5, 1, 11),
          message:
            '"groups.1.a" starts with "group", so ZooKeeper takes it for a hierarchical-quorum key and refuses to start (NumberFormatException: For input string: "1.a"); rename it, or write group.<id> with a numeric id',
        },
      ],
    },
    {
      name: "a UTF-8 byte order mark before the first key",
      files: { [CFG]: "\u00ef\u00bb\u00bf" + text() },
      errors: [
        {
          messageId: "byteOrderMark",
          ...at(1, 1, 4),
          message:
            'The file starts with a UTF-8 byte order mark, which ZooKeeper reads as the characters "ï»¿" in front of the first key, so "tickTime" is not set; save the file without the byte order mark',
          suggestions: [{ desc: "Remove the byte order mark", output: text() }],
        },
      ],
    },
  ],
});

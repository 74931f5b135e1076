import rule from "../../rules/port-collision.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const SEED_SERVERS = ["server.1=localhost:3333:3334", "server.2=localhost:4444:4445", "server.3=localhost:5555:5556"];
const DATA = "/usr/local/zookeeper/quorum-data";

/** One config of the walk-through's pseudo-cluster: three servers on localhost, one per client port. */
function seed(port: number, extra: string[] = [], servers = SEED_SERVERS): string {
  return lines("tickTime=2000", "initLimit=10", "syncLimit=5", `dataDir=${DATA}/d${port}`, `clientPort=${port}`, ...extra, ...servers);
}

/** The pseudo-cluster as a tree: conf/zoo_218N.cfg with myid N in each data dir. */
function seedTree(extra: (port: number, i: number) => string[] = () => [], servers = SEED_SERVERS): Record<string, string> {
  const files: Record<string, string> = {};
  [2181, 2182, 2183].forEach((port, i) => {
    files[`/conf/zoo_${port}.cfg`] = seed(port, extra(port, i + 1), servers);
    files[`${DATA}/d${port}/myid`] = `${i + 1}\n`;
  });
  return files;
}

const PROD = ["server.1=zk1.prod.example.com:2888:3888", "server.2=zk2.prod.example.com:2888:3888", "server.3=zk3.prod.example.com:2888:3888"];
const PROMETHEUS = "metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";
const ADMIN_ADVICE = "give each server its own admin.serverPort, or set admin.enableServer=false";
const RUNS_ON = 'an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it';

runRuleTests(rule, {
  valid: [
    {
      name: "standalone configs in different directories are not compared",
      checkout: true,
      files: {
        "/hosts/a/conf/zoo.cfg": lines("tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=2181"),
        "/hosts/b/conf/zoo.cfg": lines("tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=2181"),
      },
    },
    { name: "each server has its own admin.serverPort", files: seedTree((_, i) => [`admin.serverPort=808${i}`]) },
    { name: "the AdminServer is turned off with exactly false", files: seedTree(() => ["admin.enableServer=false"]) },
    {
      name: "the same ports on three hosts do not clash",
      checkout: true,
      files: Object.fromEntries(
        [1, 2, 3].flatMap((i) => [
          [`/conf/zoo_zk${i}.cfg`, lines("tickTime=2000", "initLimit=10", "syncLimit=5", `dataDir=/srv/zookeeper/zk${i}/data`, "clientPort=2181", ...PROD)],
          [`/srv/zookeeper/zk${i}/data/myid`, `${i}\n`],
        ]),
      ),
    },
    {
      name: "three configs whose host is unknown are not compared with each other",
      checkout: true,
      files: Object.fromEntries(
        [1, 2, 3].map((i) => [
          `/conf/zoo_zk${i}.cfg`,
          lines("tickTime=2000", "initLimit=10", "syncLimit=5", `dataDir=/srv/zookeeper/zk${i}/data`, "clientPort=2181", ...PROD),
        ]),
      ),
    },
    {
      name: "a 3.5 client part equal to clientPort is the same socket (server found by its client port, no myid)",
      files: Object.fromEntries(
        [2181, 2182, 2183].map((port, i) => [
          `/conf/zoo_${port}.cfg`,
          seed(
            port,
            [`admin.serverPort=808${i + 1}`],
            ["server.1=localhost:3333:3334;2181", "server.2=localhost:4444:4445;2182", "server.3=localhost:5555:5556;2183"],
          ),
        ]),
      ),
    },
    {
      name: "clientPortAddress, admin.serverAddress and server lines on different loopback addresses",
      files: Object.fromEntries(
        [1, 2, 3].flatMap((i) => [
          [
            `/conf/zoo${i}.cfg`,
            lines(
              "tickTime=2000",
              "initLimit=10",
              "syncLimit=5",
              `dataDir=/var/lib/zookeeper/zk${i}`,
              `clientPortAddress=127.0.0.${i}`,
              "clientPort=2181",
              `admin.serverAddress=127.0.0.${i}`,
              "server.1=127.0.0.1:2888:3888",
              "server.2=127.0.0.2:2888:3888",
              "server.3=127.0.0.3:2888:3888",
            ),
          ],
          [`/var/lib/zookeeper/zk${i}/myid`, `${i}\n`],
        ]),
      ),
    },
    {
      name: "an ensemble being grown from three to five servers lists the same servers twice",
      files: Object.fromEntries(
        [1, 2, 3, 4, 5].flatMap((i) => {
          const servers = ["server.1=localhost:2888:3888", "server.2=localhost:2889:3889", "server.3=localhost:2890:3890"];
          if (i > 3) servers.push("server.4=localhost:2891:3891", "server.5=localhost:2892:3892");
          return [
            [
              `/conf/zoo${i}.cfg`,
              lines(
                "tickTime=2000",
                "initLimit=10",
                "syncLimit=5",
                `dataDir=/opt/zookeeper/data/zoo${i}`,
                `clientPort=218${i}`,
                `admin.serverPort=808${i}`,
                ...servers,
              ),
            ],
            [`/opt/zookeeper/data/zoo${i}/myid`, `${i}\n`],
          ];
        }),
      ),
    },
    { name: "ZooKeeper 3.4 has no AdminServer", version: "3.4", files: seedTree() },
    {
      name: "a standalone config's lone server line opens no quorum or election port",
      files: {
        ...seedTree((_, i) => [`admin.serverPort=808${i}`]),
        "/opt/hbase/conf/zoo.cfg": lines(
          "tickTime=2000",
          "dataDir=/var/lib/hbase-zk",
          "clientPort=2191",
          "admin.enableServer=false",
          "server.0=localhost:3333:3334",
        ),
      },
    },
    {
      name: "a standalone config with its own client port in its lone server line",
      files: {
        "/opt/app/conf/zoo.cfg": lines("tickTime=2000", "dataDir=/var/lib/app-zk", "clientPort=2181", "server.1=localhost:2888:3888;2181"),
        "/var/lib/app-zk/myid": "1\n",
      },
    },
    {
      name: "ZooKeeper 3.5 has no metrics provider, so no metrics port",
      version: "3.5",
      files: seedTree(() => ["admin.enableServer=false", PROMETHEUS]),
    },
    {
      name: "Prometheus on its own metricsProvider.httpPort per server",
      files: seedTree((_, i) => ["admin.enableServer=false", PROMETHEUS, `metricsProvider.httpPort=700${i}`]),
    },
    {
      name: "one port number in different scopes",
      files: {
        "/etc/zookeeper/conf/zoo.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/var/lib/zookeeper",
          "clientPort=2181",
          "server.1=zk1:2888:3888",
          "server.2=zk2:2181:3888",
          "server.3=zk3:2888:3888",
        ),
      },
    },
  ],
  invalid: [
    {
      name: "two standalone configs side by side share clientPort 2181",
      files: {
        "/etc/zookeeper/conf/zoo.cfg": lines("tickTime=2000", "dataDir=/var/lib/zookeeper/a", "clientPort=2181", "admin.enableServer=false"),
        "/etc/zookeeper/conf/zoo_test.cfg": lines("tickTime=2000", "dataDir=/var/lib/zookeeper/b", "clientPort=2181", "admin.enableServer=false"),
      },
      errors: [
        {
          messageId: "secondServerExitsSetting",
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by zoo_test.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/etc/zookeeper/conf/zoo_test.cfg",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by zoo.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
      ],
    },
    {
      name: "the walk-through's layout: three servers on the AdminServer's default 8080",
      files: seedTree(),
      errors: [
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2181.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `Port 8080 (AdminServer default) is also used by zoo_2182.cfg, zoo_2183.cfg on this host; ${RUNS_ON}; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2182.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'Port 8080 (AdminServer default) is also used by zoo_2181.cfg, zoo_2183.cfg on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2183.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'Port 8080 (AdminServer default) is also used by zoo_2181.cfg, zoo_2182.cfg on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
      ],
    },
    {
      name: "admin.enableServer=False leaves the AdminServer on",
      files: seedTree((port) => [port === 2181 ? "admin.enableServer=false" : "admin.enableServer=False"]),
      errors: [
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2182.cfg",
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 25,
          message: `Port 8080 (AdminServer default) is also used by zoo_2183.cfg on this host; ${RUNS_ON}; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2183.cfg",
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 25,
          message:
            'Port 8080 (AdminServer default) is also used by zoo_2182.cfg on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
      ],
    },
    {
      name: "an unparsable admin.serverPort silently means 8080",
      files: seedTree((_, i) => [i === 1 ? "admin.serverPort=9090x" : i === 2 ? "admin.enableServer=false" : "admin.serverPort=08080"]),
      errors: [
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2181.cfg",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          message: `Port 8080 (admin.serverPort) is also used by zoo_2183.cfg on this host; ${RUNS_ON}; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "adminInQuorum",
          file: "/conf/zoo_2183.cfg",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          message:
            'Port 8080 (admin.serverPort) is also used by zoo_2181.cfg on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
      ],
    },
    {
      name: "clientPort equal to the config's own quorum port",
      files: {
        "/conf/zoo.cfg": lines("tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/srv/zookeeper/zk1/data", "clientPort=2888", ...PROD),
        "/srv/zookeeper/zk1/data/myid": "1\n",
      },
      errors: [
        {
          messageId: "quorumCollisionSameFile",
          file: "/conf/zoo.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 2888 (clientPort) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; use a different port for one of them",
        },
        {
          messageId: "quorumCollisionSameFile",
          file: "/conf/zoo.cfg",
          line: 6,
          column: 31,
          endLine: 6,
          endColumn: 35,
          message:
            "Port 2888 (server.1 quorum port) is also used by clientPort on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; use a different port for one of them",
        },
      ],
    },
    {
      name: "clientPort equal to the config's own election port: the server cannot start at all",
      files: {
        "/conf/zoo.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/srv/zookeeper/zk1/data",
          "clientPort=3888",
          "admin.enableServer=false",
          ...PROD,
        ),
        "/srv/zookeeper/zk1/data/myid": "1\n",
      },
      errors: [
        {
          messageId: "selfCollisionSameFile",
          file: "/conf/zoo.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 3888 (clientPort) is also used by server.1 election port of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
        {
          messageId: "selfCollisionSameFile",
          file: "/conf/zoo.cfg",
          line: 7,
          column: 36,
          endLine: 7,
          endColumn: 40,
          message:
            "Port 3888 (server.1 election port) is also used by clientPort of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
      ],
    },
    {
      name: "two servers on one host share a quorum port",
      files: seedTree((_, i) => [`admin.serverPort=808${i}`], ["server.1=localhost:3333:3334", "server.2=localhost:3333:4445", "server.3=localhost:5555:5556"]),
      errors: ["/conf/zoo_2181.cfg", "/conf/zoo_2182.cfg", "/conf/zoo_2183.cfg"].flatMap((file) => [
        {
          messageId: "quorumCollisionLine",
          file,
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by server.2 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionLine",
          file,
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 24,
          message:
            "Port 3333 (server.2 quorum port) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.2 ports no other listener on localhost uses",
        },
      ]),
    },
    {
      name: "one server's election port is another's quorum port",
      files: seedTree(() => ["admin.enableServer=false"], ["server.1=localhost:3333:3334", "server.2=localhost:3334:4445", "server.3=localhost:5555:5556"]),
      errors: ["/conf/zoo_2181.cfg", "/conf/zoo_2182.cfg", "/conf/zoo_2183.cfg"].flatMap((file) => [
        {
          messageId: "quorumCollisionLine",
          file,
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.2 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionLine",
          file,
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 24,
          message:
            "Port 3334 (server.2 quorum port) is also used by server.1 election port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.2 ports no other listener on localhost uses",
        },
      ]),
    },
    {
      name: "the Prometheus metrics port defaults to 7000 on every server",
      files: seedTree((port, i) => [`admin.serverPort=808${i}`, PROMETHEUS, ...(port === 2183 ? ["metricsProvider.httpPort=7003"] : [])]),
      errors: [
        {
          messageId: "secondServerExitsSetting",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 92,
          message:
            "Port 7000 (Prometheus metrics default) is also used by zoo_2182.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own metricsProvider.httpPort",
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 92,
          message:
            "Port 7000 (Prometheus metrics default) is also used by zoo_2181.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own metricsProvider.httpPort",
        },
      ],
    },
    {
      name: "a secureClientPort that is another server's clientPort",
      files: seedTree((port) => ["admin.enableServer=false", `secureClientPort=${port === 2183 ? 2181 : port + 100}`]),
      errors: [
        {
          messageId: "secondServerExitsSetting",
          file: "/conf/zoo_2181.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by secureClientPort of zoo_2183.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 22,
          message:
            "Port 2181 (secureClientPort) is also used by clientPort of zoo_2181.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own secureClientPort",
        },
      ],
    },
    {
      name: "two standalone servers from one template on one host: the AdminServer clash stops the second",
      files: Object.fromEntries(
        ["app-a", "app-b"].flatMap((app, i) => [
          [`/opt/${app}/conf/zoo.cfg`, lines("tickTime=2000", `dataDir=/var/lib/${app}-zk`, `clientPort=218${i + 1}`, "server.1=localhost:2888:3888")],
          [`/var/lib/${app}-zk/myid`, "1\n"],
        ]),
      ),
      errors: [
        {
          messageId: "adminStandalone",
          file: "/opt/app-a/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `Port 8080 (AdminServer default) is also used by opt/app-b/conf/zoo.cfg on this host; whichever starts second cannot bind its AdminServer and exits while starting ("Unable to start AdminServer, exiting abnormally"): started after them, this server dies; started first, it stops theirs; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "adminStandalone",
          file: "/opt/app-b/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'Port 8080 (AdminServer default) is also used by opt/app-a/conf/zoo.cfg on this host; whichever starts second cannot bind its AdminServer and exits while starting ("Unable to start AdminServer, exiting abnormally"): started after them, this server dies; started first, it stops theirs; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
      ],
    },
    {
      name: "the AdminServer default clash, reported at 1:1, is disabled alone; the client port clash stays",
      files: Object.fromEntries(
        ["app-a", "app-b"].flatMap((app) => [
          [
            `/opt/${app}/conf/zoo.cfg`,
            lines(
              ...(app === "app-b" ? ["# zkcfg-disable port-collision/adminStandalone -- the AdminServer is off in production"] : []),
              "tickTime=2000",
              `dataDir=/var/lib/${app}-zk`,
              "clientPort=2181",
            ),
          ],
        ]),
      ),
      errors: [
        {
          messageId: "adminStandalone",
          file: "/opt/app-a/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `Port 8080 (AdminServer default) is also used by opt/app-b/conf/zoo.cfg on this host; whichever starts second cannot bind its AdminServer and exits while starting ("Unable to start AdminServer, exiting abnormally"): started after them, this server dies; started first, it stops theirs; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/opt/app-a/conf/zoo.cfg",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by opt/app-b/conf/zoo.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/opt/app-b/conf/zoo.cfg",
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by opt/app-a/conf/zoo.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
      ],
    },
    {
      name: "two ensembles on one machine, in different directories, both on 2181 and 8080",
      files: {
        "/opt/kafka-zk/conf/zoo.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/var/lib/kafka-zk",
          "clientPort=2181",
          "server.1=localhost:2888:3888",
          "server.2=localhost:2889:3889",
          "server.3=localhost:2890:3890",
        ),
        "/opt/hbase-zk/conf/zoo.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          "dataDir=/var/lib/hbase-zk",
          "clientPort=2181",
          "server.1=localhost:12888:13888",
          "server.2=localhost:12889:13889",
          "server.3=localhost:12890:13890",
        ),
      },
      errors: [
        {
          messageId: "adminInQuorum",
          file: "/opt/hbase-zk/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message: `Port 8080 (AdminServer default) is also used by opt/kafka-zk/conf/zoo.cfg on this host; ${RUNS_ON}; ${ADMIN_ADVICE}`,
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/opt/hbase-zk/conf/zoo.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by opt/kafka-zk/conf/zoo.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
        {
          messageId: "adminInQuorum",
          file: "/opt/kafka-zk/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            'Port 8080 (AdminServer default) is also used by opt/hbase-zk/conf/zoo.cfg on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; give each server its own admin.serverPort, or set admin.enableServer=false',
        },
        {
          messageId: "secondServerExitsSetting",
          file: "/opt/kafka-zk/conf/zoo.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by opt/hbase-zk/conf/zoo.cfg on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give each server its own clientPort",
        },
      ],
    },
    {
      name: "an ensemble server whose admin.serverPort is its own clientPort",
      files: seedTree((port) => [port === 2181 ? "admin.serverPort=2181" : "admin.enableServer=false"]),
      errors: [
        {
          messageId: "selfCollisionSameFile",
          file: "/conf/zoo_2181.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 2181 (clientPort) is also used by admin.serverPort of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
        {
          messageId: "adminInQuorumSameFile",
          file: "/conf/zoo_2181.cfg",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          message:
            'Port 2181 (admin.serverPort) is also used by clientPort on this host; an ensemble server that starts after it cannot bind its AdminServer ("Problem starting AdminServer") and runs on without it; use a different port for one of them',
        },
      ],
    },
    {
      name: "a secureClientPort that is another server's quorum port",
      files: seedTree((port) => ["admin.enableServer=false", ...(port === 2182 ? ["secureClientPort=3333"] : [])]),
      errors: [
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by secureClientPort of zoo_2182.cfg on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionSetting",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 22,
          message:
            "Port 3333 (secureClientPort) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give each server its own secureClientPort",
        },
        {
          messageId: "quorumCollisionSameFile",
          file: "/conf/zoo_2182.cfg",
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by secureClientPort on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; use a different port for one of them",
        },
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by secureClientPort of zoo_2182.cfg on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
      ],
    },
    {
      name: "an admin.serverPort that is another server's quorum port",
      files: seedTree((port) => [port === 2182 ? "admin.serverPort=3333" : "admin.enableServer=false"]),
      errors: [
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by admin.serverPort of zoo_2182.cfg on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionAdmin",
          file: "/conf/zoo_2182.cfg",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          message:
            "Port 3333 (admin.serverPort) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give each server its own admin.serverPort, or set admin.enableServer=false",
        },
        {
          messageId: "quorumCollisionSameFile",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by admin.serverPort on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; use a different port for one of them",
        },
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by admin.serverPort of zoo_2182.cfg on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
      ],
    },
    {
      name: "a server line's client port that is another server's quorum port",
      files: seedTree(
        () => ["admin.enableServer=false"],
        ["server.1=localhost:3333:3334", "server.2=localhost:4444:4445;3333", "server.3=localhost:5555:5556"],
      ),
      errors: [
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by server.2 client port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionLineClient",
          file: "/conf/zoo_2181.cfg",
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 34,
          message:
            "Port 3333 (server.2 client port) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.2 its own client port",
        },
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by server.2 client port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionLineClient",
          file: "/conf/zoo_2182.cfg",
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 34,
          message:
            "Port 3333 (server.2 client port) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.2 its own client port",
        },
        {
          messageId: "quorumCollisionLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          message:
            "Port 3333 (server.1 quorum port) is also used by server.2 client port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "quorumCollisionLineClient",
          file: "/conf/zoo_2183.cfg",
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 34,
          message:
            "Port 3333 (server.2 client port) is also used by server.1 quorum port on this host; a quorum port is opened only by the leader, which then cannot bind it, and election starts over; give server.2 its own client port",
        },
      ],
    },
    {
      name: "two servers of one host on one election port",
      files: seedTree(() => ["admin.enableServer=false"], ["server.1=localhost:3333:3334", "server.2=localhost:4444:3334", "server.3=localhost:5555:5556"]),
      errors: [
        {
          messageId: "secondServerExitsLine",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.2 election port on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/zoo_2181.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 3334 (server.2 election port) is also used by server.1 election port on this host; the server that starts second cannot bind it and exits; give server.2 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.2 election port on this host; the server that starts second cannot bind it and exits; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "secondServerExitsLine",
          file: "/conf/zoo_2182.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 3334 (server.2 election port) is also used by server.1 election port on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give server.2 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.2 election port on this host; the server that starts second cannot bind it and exits; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/zoo_2183.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 3334 (server.2 election port) is also used by server.1 election port on this host; the server that starts second cannot bind it and exits; give server.2 ports no other listener on localhost uses",
        },
      ],
    },
    {
      name: "two servers of one host on one client port, set on their server lines",
      files: Object.fromEntries(
        [1, 2].flatMap((i) => [
          [
            `/conf/zoo${i}.cfg`,
            lines(
              "tickTime=2000",
              "initLimit=10",
              "syncLimit=5",
              `dataDir=${DATA}/d${i}`,
              "admin.enableServer=false",
              "server.1=localhost:3333:3334;2181",
              "server.2=localhost:4444:4445;2181",
              "server.3=localhost:5555:5556;2183",
            ),
          ],
          [`${DATA}/d${i}/myid`, `${i}\n`],
        ]),
      ),
      errors: [
        {
          messageId: "secondServerExitsLineClient",
          file: "/conf/zoo1.cfg",
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 34,
          message:
            "Port 2181 (server.1 client port) is also used by server.2 client port on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give server.1 its own client port",
        },
        {
          messageId: "otherServersClashLineClient",
          file: "/conf/zoo1.cfg",
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message:
            "Port 2181 (server.2 client port) is also used by server.1 client port on this host; the server that starts second cannot bind it and exits; give server.2 its own client port",
        },
        {
          messageId: "otherServersClashLineClient",
          file: "/conf/zoo2.cfg",
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 34,
          message:
            "Port 2181 (server.1 client port) is also used by server.2 client port on this host; the server that starts second cannot bind it and exits; give server.1 its own client port",
        },
        {
          messageId: "secondServerExitsLineClient",
          file: "/conf/zoo2.cfg",
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message:
            "Port 2181 (server.2 client port) is also used by server.1 client port on this host; whichever starts second cannot bind it and exits while starting: started after them, this server dies; started first, it stops theirs; give server.2 its own client port",
        },
      ],
    },
    {
      name: "a secureClientPort equal to the server's own election port, whose line the other configs list too",
      files: seedTree((port) => ["admin.enableServer=false", ...(port === 2181 ? ["secureClientPort=3334"] : [])]),
      errors: [
        {
          messageId: "selfCollisionSetting",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 22,
          message:
            "Port 3334 (secureClientPort) is also used by server.1 election port of this same server; it cannot bind both and exits while starting; give each server its own secureClientPort",
        },
        {
          messageId: "selfCollisionSameFile",
          file: "/conf/zoo_2181.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by secureClientPort of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
        {
          messageId: "selfCollisionLine",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by secureClientPort of zoo_2181.cfg of this same server; it cannot bind both and exits while starting; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "selfCollisionLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by secureClientPort of zoo_2181.cfg of this same server; it cannot bind both and exits while starting; give server.1 ports no other listener on localhost uses",
        },
      ],
    },
    {
      name: "a server line whose client port is its own election port",
      files: seedTree(
        () => ["admin.enableServer=false"],
        ["server.1=localhost:3333:3334;3334", "server.2=localhost:4444:4445", "server.3=localhost:5555:5556"],
      ),
      errors: [
        {
          messageId: "selfCollisionLine",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.1 client port of this same server; it cannot bind both and exits while starting; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "selfCollisionLineClient",
          file: "/conf/zoo_2181.cfg",
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message:
            "Port 3334 (server.1 client port) is also used by server.1 election port of this same server; it cannot bind both and exits while starting; give server.1 its own client port",
        },
        {
          messageId: "selfCollisionLine",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.1 client port of this same server; it cannot bind both and exits while starting; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "selfCollisionLineClient",
          file: "/conf/zoo_2182.cfg",
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message:
            "Port 3334 (server.1 client port) is also used by server.1 election port of this same server; it cannot bind both and exits while starting; give server.1 its own client port",
        },
        {
          messageId: "selfCollisionLine",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 29,
          message:
            "Port 3334 (server.1 election port) is also used by server.1 client port of this same server; it cannot bind both and exits while starting; give server.1 ports no other listener on localhost uses",
        },
        {
          messageId: "selfCollisionLineClient",
          file: "/conf/zoo_2183.cfg",
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          message:
            "Port 3334 (server.1 client port) is also used by server.1 election port of this same server; it cannot bind both and exits while starting; give server.1 its own client port",
        },
      ],
    },
    {
      name: "two ensembles on one host whose unplaced servers share ports, and settings on them",
      files: {
        "/conf/a.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          `dataDir=${DATA}/a`,
          "clientPort=2181",
          "admin.enableServer=false",
          "server.1=localhost:3333:3334",
          "server.2=localhost:4444:4445;2190",
          "server.3=localhost:5555:5556",
        ),
        [`${DATA}/a/myid`]: "1\n",
        "/conf/b.cfg": lines(
          "tickTime=2000",
          "initLimit=10",
          "syncLimit=5",
          `dataDir=${DATA}/b`,
          "clientPort=5556",
          "admin.enableServer=false",
          "server.1=localhost:6666:6667",
          "server.2=localhost:7777:4445;2190",
          "server.3=localhost:8888:8889",
        ),
        [`${DATA}/b/myid`]: "1\n",
        "/conf/c.cfg": lines("tickTime=2000", "dataDir=/var/lib/c", "clientPort=2200", "admin.serverPort=8889"),
      },
      errors: [
        {
          messageId: "otherServersClashLine",
          file: "/conf/a.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 4445 (server.2 election port) is also used by server.2 election port on this host; the server that starts second cannot bind it and exits; give server.2 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLineClient",
          file: "/conf/a.cfg",
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 34,
          message:
            "Port 2190 (server.2 client port) is also used by server.2 client port on this host; the server that starts second cannot bind it and exits; give server.2 its own client port",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/a.cfg",
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 29,
          message:
            "Port 5556 (server.3 election port) is also used by clientPort of b.cfg on this host; the server that starts second cannot bind it and exits; give server.3 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashSetting",
          file: "/conf/b.cfg",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 16,
          message:
            "Port 5556 (clientPort) is also used by server.3 election port on this host; the server that starts second cannot bind it and exits; give each server its own clientPort",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/b.cfg",
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 29,
          message:
            "Port 4445 (server.2 election port) is also used by server.2 election port on this host; the server that starts second cannot bind it and exits; give server.2 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashLineClient",
          file: "/conf/b.cfg",
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 34,
          message:
            "Port 2190 (server.2 client port) is also used by server.2 client port on this host; the server that starts second cannot bind it and exits; give server.2 its own client port",
        },
        {
          messageId: "otherServersClashLine",
          file: "/conf/b.cfg",
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 29,
          message:
            "Port 8889 (server.3 election port) is also used by admin.serverPort of c.cfg on this host; the server that starts second cannot bind it and exits; give server.3 ports no other listener on localhost uses",
        },
        {
          messageId: "otherServersClashAdmin",
          file: "/conf/c.cfg",
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 22,
          message:
            "Port 8889 (admin.serverPort) is also used by server.3 election port on this host; the server that starts second cannot bind it and exits; give each server its own admin.serverPort, or set admin.enableServer=false",
        },
      ],
    },
    {
      name: "clientPort on the admin port of the same config",
      files: { "/etc/zookeeper/conf/zoo.cfg": lines("tickTime=2000", "dataDir=/var/lib/zookeeper", "clientPort=8080") },
      errors: [
        {
          messageId: "selfCollisionSameFile",
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          message:
            "Port 8080 (AdminServer default) is also used by clientPort of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
        {
          messageId: "selfCollisionSameFile",
          file: "/etc/zookeeper/conf/zoo.cfg",
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 16,
          message:
            "Port 8080 (clientPort) is also used by AdminServer default of this same server; it cannot bind both and exits while starting; use a different port for one of them",
        },
      ],
    },
  ],
});

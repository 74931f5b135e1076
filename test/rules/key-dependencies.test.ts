import rule from "../../rules/key-dependencies.js";
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
const NETTY = "serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory";
const NIO = "serverCnxnFactory=org.apache.zookeeper.server.NIOServerCnxnFactory";

/** tickTime and dataDir on lines 1-2, then the given lines from line 3. */
const cfg = (...extra: string[]): Record<string, string> => ({ [CFG]: lines(...HEAD, ...extra) });
/** A whole line of `length` characters on `line`. */
const line = (n: number, length: number) => ({ file: CFG, line: n, column: 1, endLine: n, endColumn: length + 1 });

runRuleTests(rule, {
  valid: [
    {
      name: "every SASL switch of a quorum on, in any case",
      files: cfg(...QUORUM, "quorum.auth.enableSasl=TRUE", "quorum.auth.learnerRequireSasl=true", "quorum.auth.serverRequireSasl=True"),
    },
    { name: "learners require SASL, servers do not", files: cfg(...QUORUM, "quorum.auth.enableSasl=true", "quorum.auth.learnerRequireSasl=true") },
    { name: "switches that are off need nothing", files: cfg("quorum.auth.serverRequireSasl=false", "quorum.auth.learnerRequireSasl=false") },
    { name: "before 3.7 a word other than true means false", version: "3.6", files: cfg("quorum.auth.serverRequireSasl=yes") },
    {
      name: "client address with its port",
      files: cfg("clientPort=2181", "clientPortAddress=127.0.0.1", "secureClientPort=2281", "secureClientPortAddress=127.0.0.1", NETTY),
    },
    { name: "3.9 reads clientPort=0 as a port to pick", version: "3.9", files: cfg("clientPort=0", "clientPortAddress=127.0.0.1") },
    { name: "an unreadable clientPort is value-type's", files: cfg("clientPort=2181x", "clientPortAddress=127.0.0.1") },
    { name: "3.4 needs clientPort whatever else is set", version: "3.4", files: cfg("clientPortAddress=127.0.0.1") },
    {
      name: "TLS on the Netty factory, with the default scheme and with a scheme of its own",
      files: {
        [CFG]: lines(...HEAD, "clientPort=2181", "secureClientPort=2281", NETTY),
        "/etc/zookeeper/conf/zoo_x509.cfg": lines(...HEAD, "secureClientPort=2281", NETTY, "ssl.authProvider= x509 "),
        "/etc/zookeeper/conf/zoo_custom.cfg": lines(
          ...HEAD,
          "secureClientPort=2281",
          NETTY,
          "ssl.authProvider=custom",
          "authProvider.custom=org.example.zk.CustomX509Provider",
        ),
      },
    },
    {
      name: "a factory class of another project is value-type's",
      files: cfg("secureClientPort=2281", "serverCnxnFactory=org.example.zk.TlsServerCnxnFactory"),
    },
    {
      name: "secureClientPort=0 means no secure port before 3.9",
      version: "3.8",
      files: cfg("clientPort=2181", "secureClientPort=0", "ssl.authProvider=custom"),
    },
    { name: "a scheme without a secure port is never looked up", files: cfg("clientPort=2181", "ssl.authProvider=custom") },
    { name: "3.4 has no secure port", version: "3.4", files: cfg("clientPort=2181", "secureClientPort=2281", "secureClientPortAddress=127.0.0.1") },
  ],
  invalid: [
    {
      name: "servers require SASL without SASL on",
      files: cfg(...QUORUM, "quorum.auth.serverRequireSasl=true"),
      errors: [
        {
          messageId: "saslFlag",
          ...line(8, 34),
          message:
            'quorum.auth.serverRequireSasl "true" needs quorum.auth.enableSasl=true and quorum.auth.learnerRequireSasl=true; ZooKeeper refuses to start ("quorum.auth.enableSasl is disabled, so cannot enable quorum.auth.serverRequireSasl"); set quorum.auth.enableSasl=true and quorum.auth.learnerRequireSasl=true, or remove the line',
        },
      ],
    },
    {
      name: "servers require SASL, learners do not",
      files: cfg(...QUORUM, "quorum.auth.enableSasl=true", "quorum.auth.serverRequireSasl=true", "quorum.auth.learnerRequireSasl=false"),
      errors: [
        {
          messageId: "saslFlag",
          ...line(9, 34),
          message:
            'quorum.auth.serverRequireSasl "true" needs quorum.auth.learnerRequireSasl=true; ZooKeeper refuses to start ("quorum.auth.learnerRequireSasl is disabled, so cannot enable quorum.auth.serverRequireSasl"); set quorum.auth.learnerRequireSasl=true, or remove the line',
        },
      ],
    },
    {
      name: "a standalone server refuses it too: the check is part of reading the file",
      files: cfg("clientPort=2181", "quorum.auth.learnerRequireSasl=TRUE"),
      errors: [
        {
          messageId: "saslFlag",
          ...line(4, 35),
          message:
            'quorum.auth.learnerRequireSasl "TRUE" needs quorum.auth.enableSasl=true; ZooKeeper refuses to start ("quorum.auth.enableSasl is disabled, so cannot enable quorum.auth.learnerRequireSasl"); set quorum.auth.enableSasl=true, or remove the line',
        },
      ],
    },
    {
      name: "both require switches on, SASL itself turned off by a later line",
      version: "3.4",
      files: cfg(
        ...QUORUM,
        "quorum.auth.enableSasl=true",
        "quorum.auth.learnerRequireSasl=true",
        "quorum.auth.serverRequireSasl=true",
        "quorum.auth.enableSasl=false",
      ),
      errors: [
        {
          messageId: "saslFlag",
          ...line(9, 35),
          message:
            'quorum.auth.learnerRequireSasl "true" needs quorum.auth.enableSasl=true; ZooKeeper refuses to start ("quorum.auth.enableSasl is disabled, so cannot enable quorum.auth.learnerRequireSasl"); set quorum.auth.enableSasl=true, or remove the line',
        },
        {
          messageId: "saslFlag",
          ...line(10, 34),
          message:
            'quorum.auth.serverRequireSasl "true" needs quorum.auth.enableSasl=true; ZooKeeper refuses to start ("quorum.auth.enableSasl is disabled, so cannot enable quorum.auth.serverRequireSasl"); set quorum.auth.enableSasl=true, or remove the line',
        },
      ],
    },
    {
      name: "clientPortAddress without clientPort, though the server lines name client ports",
      files: cfg(
        ...QUORUM.slice(0, 2),
        "server.1=zk1.example.net:2888:3888;2181",
        "server.2=zk2.example.net:2888:3888;2181",
        "server.3=zk3.example.net:2888:3888;2181",
        "clientPortAddress=0.0.0.0",
      ),
      errors: [
        {
          messageId: "addressWithoutPort",
          ...line(8, 25),
          message:
            'clientPortAddress "0.0.0.0" is set, but clientPort is not; ZooKeeper refuses to start ("clientPortAddress is set but clientPort is not set"); add clientPort, or remove the line',
        },
      ],
    },
    {
      name: "clientPort=0 is no client port before 3.9",
      version: "3.8",
      files: cfg("clientPort=0", "clientPortAddress = 127.0.0.1 "),
      errors: [
        {
          messageId: "addressWithPortZero",
          ...line(4, 30),
          message:
            'clientPortAddress "127.0.0.1" is set, but clientPort is 0, which ZooKeeper 3.8 reads as no port; it refuses to start ("clientPortAddress is set but clientPort is not set"); set clientPort to a port, or remove the line',
        },
      ],
    },
    {
      name: "secureClientPortAddress without secureClientPort",
      version: "3.5",
      files: cfg("clientPort=2181", "secureClientPortAddress=10.0.0.5"),
      errors: [
        {
          messageId: "addressWithoutPort",
          ...line(4, 32),
          message:
            'secureClientPortAddress "10.0.0.5" is set, but secureClientPort is not; ZooKeeper refuses to start ("secureClientPortAddress is set but secureClientPort is not set"); add secureClientPort, or remove the line',
        },
      ],
    },
    {
      name: "TLS with the default connection factory and a scheme nothing provides",
      files: cfg("clientPort=2181", "secureClientPort=2281", "ssl.authProvider=custom", "authProvider.1=org.example.zk.CustomX509Provider"),
      errors: [
        {
          messageId: "tlsWithoutNetty",
          ...line(4, 21),
          message:
            'secureClientPort 2281 is set, but serverCnxnFactory is not, and the default NIO connection factory has no TLS; ZooKeeper exits while starting with "SSL isn\'t supported in NIOServerCnxn"; add serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
        },
        {
          messageId: "sslSchemeWithoutProvider",
          ...line(5, 23),
          message:
            'ssl.authProvider "custom" names a scheme no authProvider.custom line provides; with secureClientPort set, ZooKeeper refuses to start ("No auth provider configured for the SSL authentication scheme \'custom\'."); add authProvider.custom=<provider class>, or remove the line to use x509',
        },
      ],
    },
    {
      name: "TLS on the NIO factory named explicitly, with an empty scheme",
      files: cfg("secureClientPort=2281", NIO, "ssl.authProvider="),
      errors: [
        {
          messageId: "tlsOnNio",
          ...line(4, NIO.length),
          message:
            'serverCnxnFactory "org.apache.zookeeper.server.NIOServerCnxnFactory" has no TLS, but secureClientPort 2281 is set; ZooKeeper exits while starting with "SSL isn\'t supported in NIOServerCnxn"; write serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
        },
        {
          messageId: "sslSchemeWithoutProvider",
          ...line(5, 17),
          message:
            'ssl.authProvider "" names a scheme no authProvider. line provides; with secureClientPort set, ZooKeeper refuses to start ("No auth provider configured for the SSL authentication scheme \'\'."); add authProvider.=<provider class>, or remove the line to use x509',
        },
      ],
    },
    {
      name: "3.9 opens a secure port for secureClientPort=0",
      version: "3.9",
      files: cfg("clientPort=2181", "secureClientPort=0"),
      errors: [
        {
          messageId: "tlsWithoutNetty",
          ...line(4, 18),
          message:
            'secureClientPort 0 is set, but serverCnxnFactory is not, and the default NIO connection factory has no TLS; ZooKeeper exits while starting with "SSL isn\'t supported in NIOServerCnxn"; add serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
        },
      ],
    },
  ],
});

import rule from "../../rules/init-sync-limits.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const SERVERS = ["server.1=zk1.example.net:2888:3888", "server.2=zk2.example.net:2888:3888", "server.3=zk3.example.net:2888:3888"];
const TAIL = ["dataDir=/var/lib/zookeeper", "clientPort=2181"];

/** A three-server quorum config (Debian's layout): the given head, then dataDir, clientPort and the servers. */
function quorum(...head: string[]): Record<string, string> {
  return { [CFG]: lines(...head, ...TAIL, ...SERVERS), "/var/lib/zookeeper/myid": "1\n" };
}

/** A standalone config: no server line. */
function standalone(...head: string[]): Record<string, string> {
  return { [CFG]: lines(...head, ...TAIL) };
}

const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });

runRuleTests(rule, {
  valid: [
    {
      name: "the walk-through's pseudo-cluster: tickTime=2000, initLimit=10, syncLimit=5",
      files: Object.fromEntries(
        [2181, 2182, 2183].map((port) => [
          `/conf/zoo_${port}.cfg`,
          lines(
            "tickTime=2000",
            "initLimit=10",
            "syncLimit=5",
            `dataDir=/usr/local/zookeeper/quorum-data/d${port}`,
            `clientPort=${port}`,
            "server.1=localhost:3333:3334",
            "server.2=localhost:4444:4445",
            "server.3=localhost:5555:5556",
          ),
        ]),
      ),
    },
    { name: "standalone needs no initLimit or syncLimit", files: standalone("tickTime=2000") },
    { name: "standalone without tickTime", files: standalone() },
    { name: "standalone ignores a zero or negative initLimit", files: standalone("tickTime=2000", "initLimit=0", "syncLimit=-1") },
    { name: "one server line is standalone: no limits needed", files: { [CFG]: lines("tickTime=2000", ...TAIL, SERVERS[0] as string) } },
    { name: "a WAN ensemble with longer limits", files: quorum("tickTime=3000", "initLimit=30", "syncLimit=10") },
    { name: "syncLimit equal to initLimit", files: quorum("tickTime=2000", "initLimit=5", "syncLimit=5") },
    { name: "the longest limits still taken for ticks (10 and 5 minutes)", files: quorum("tickTime=2000", "initLimit=300", "syncLimit=150") },
    { name: "blanks around the separator and the value", files: quorum("tickTime = 2000", "initLimit = 10 ", "syncLimit\t5") },
    {
      name: "session timeouts within bounds",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=6000", "maxSessionTimeout=60000"),
    },
    {
      name: "session timeouts set to -1 mean the defaults",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=-1", "maxSessionTimeout=-1"),
    },
    { name: "minSessionTimeout below 2 ticks is allowed", files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=1000") },
    {
      name: "minSessionTimeout equal to maxSessionTimeout",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=4000", "maxSessionTimeout=4000"),
    },
    { name: "maxSessionTimeout equal to the default minimum", files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "maxSessionTimeout=4000") },
    {
      name: "ZooKeeper 3.4 compares the session timeouts as written: maxSessionTimeout below 2 ticks alone passes",
      version: "3.4",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "maxSessionTimeout=3000"),
    },
  ],
  invalid: [
    {
      name: "a quorum without initLimit and syncLimit",
      files: quorum("tickTime=2000"),
      errors: [
        {
          messageId: "notSet",
          ...at(4, 1, 9),
          message:
            'initLimit is not set; ZooKeeper refuses to start a quorum with "initLimit is not set"; add initLimit=10 (initLimit counts ticks of tickTime)',
        },
        {
          messageId: "notSet",
          ...at(4, 1, 9),
          message:
            'syncLimit is not set; ZooKeeper refuses to start a quorum with "syncLimit is not set"; add syncLimit=5 (syncLimit counts ticks of tickTime)',
        },
      ],
    },
    {
      name: "a quorum without syncLimit",
      files: quorum("tickTime=2000", "initLimit=10"),
      errors: [
        {
          messageId: "notSet",
          ...at(5, 1, 9),
          message:
            'syncLimit is not set; ZooKeeper refuses to start a quorum with "syncLimit is not set"; add syncLimit=5 (syncLimit counts ticks of tickTime)',
        },
      ],
    },
    {
      name: "limits set to zero",
      files: quorum("tickTime=2000", "initLimit=0", "syncLimit=0"),
      errors: [
        {
          messageId: "notSet",
          ...at(2, 11, 12),
          message:
            'initLimit is not set; ZooKeeper refuses to start a quorum with "initLimit is not set"; add initLimit=10 (initLimit counts ticks of tickTime)',
        },
        {
          messageId: "notSet",
          ...at(3, 11, 12),
          message:
            'syncLimit is not set; ZooKeeper refuses to start a quorum with "syncLimit is not set"; add syncLimit=5 (syncLimit counts ticks of tickTime)',
        },
      ],
    },
    {
      name: "the last of two initLimit lines wins",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "# tuned", "initLimit=0"),
      errors: [
        {
          messageId: "notSet",
          ...at(5, 11, 12),
          message:
            'initLimit is not set; ZooKeeper refuses to start a quorum with "initLimit is not set"; add initLimit=10 (initLimit counts ticks of tickTime)',
        },
      ],
    },
    {
      name: "an inline comment and an exponent are not numbers",
      files: quorum("tickTime=2000", "initLimit=10 # ticks", "syncLimit=1e3"),
      errors: [
        {
          messageId: "notNumber",
          ...at(2, 11, 21),
          message:
            'initLimit "10 # ticks" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "10 # ticks"); write a plain decimal number',
        },
        {
          messageId: "notNumber",
          ...at(3, 11, 14),
          message: 'syncLimit "1e3" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "1e3"); write a plain decimal number',
        },
      ],
    },
    {
      name: "standalone still parses initLimit as a number",
      files: standalone("tickTime=2000", "initLimit=10 # unused in standalone mode"),
      errors: [
        {
          messageId: "notNumber",
          ...at(2, 11, 41),
          message:
            'initLimit "10 # unused in standalone mode" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "10 # unused in standalone mode"); write a plain decimal number',
        },
      ],
    },
    {
      name: "tickTime with a unit",
      files: quorum("tickTime=2000ms", "initLimit=10", "syncLimit=5"),
      errors: [
        {
          messageId: "notNumber",
          ...at(1, 10, 16),
          message:
            'tickTime "2000ms" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "2000ms"); write a plain decimal number',
        },
      ],
    },
    {
      name: "a session timeout with a unit",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=4s"),
      errors: [
        {
          messageId: "notNumber",
          ...at(4, 19, 21),
          message:
            'minSessionTimeout "4s" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "4s"); write a plain decimal number',
        },
      ],
    },
    {
      name: "negative limits",
      files: quorum("tickTime=2000", "initLimit=-1", "syncLimit=-1"),
      errors: [
        {
          messageId: "negative",
          ...at(2, 11, 13),
          message: "initLimit -1 is not positive; ZooKeeper accepts it, but then no follower can connect or stay in sync; use a positive number of ticks",
        },
        {
          messageId: "negative",
          ...at(3, 11, 13),
          message: "syncLimit -1 is not positive; ZooKeeper accepts it, but then no follower can connect or stay in sync; use a positive number of ticks",
        },
      ],
    },
    {
      name: "syncLimit longer than initLimit",
      files: quorum("tickTime=2000", "initLimit=5", "syncLimit=10"),
      errors: [
        {
          messageId: "syncOverInit",
          ...at(3, 11, 13),
          message:
            "syncLimit 10 (20 s) is longer than initLimit 5 (10 s): a follower gets less time to join than to answer once joined; raise initLimit or lower syncLimit",
        },
      ],
    },
    {
      name: "milliseconds written where ticks are meant",
      files: quorum("tickTime=2000", "initLimit=10000", "syncLimit=5000"),
      errors: [
        {
          messageId: "initTooLong",
          ...at(2, 11, 16),
          message:
            "initLimit 10000 × tickTime 2000 ms = 20000 s; a dead follower syncing with the leader is noticed only after that long; initLimit counts ticks, not milliseconds",
        },
        {
          messageId: "tooLong",
          ...at(3, 11, 15),
          message: "syncLimit 5000 × tickTime 2000 ms = 10000 s; a dead follower is noticed only after that long; syncLimit counts ticks, not milliseconds",
        },
      ],
    },
    {
      name: "limits just over 10 and 5 minutes",
      files: quorum("tickTime=2000", "initLimit=301", "syncLimit=151"),
      errors: [
        {
          messageId: "initTooLong",
          ...at(2, 11, 14),
          message:
            "initLimit 301 × tickTime 2000 ms = 602 s; a dead follower syncing with the leader is noticed only after that long; initLimit counts ticks, not milliseconds",
        },
        {
          messageId: "tooLong",
          ...at(3, 11, 14),
          message: "syncLimit 151 × tickTime 2000 ms = 302 s; a dead follower is noticed only after that long; syncLimit counts ticks, not milliseconds",
        },
      ],
    },
    {
      name: "initLimit × tickTime overflows an int",
      files: quorum("tickTime=2000", "initLimit=1200000", "syncLimit=5"),
      errors: [
        {
          messageId: "overflow",
          ...at(2, 11, 18),
          message:
            "initLimit 1200000 × tickTime 2000 ms = 2400000000 ms does not fit the 32-bit int ZooKeeper computes this timeout in, so it wraps to a meaningless value; initLimit counts ticks, not milliseconds",
        },
      ],
    },
    {
      name: "limits too short for a GC pause",
      files: quorum("tickTime=200", "initLimit=5", "syncLimit=2"),
      errors: [
        {
          messageId: "tooShort",
          ...at(2, 11, 12),
          message:
            "initLimit 5 × tickTime 200 ms = 1 s leaves no room for a GC pause or a slow network; followers will be dropped and re-sync; allow at least 2 s",
        },
        {
          messageId: "tooShort",
          ...at(3, 11, 12),
          message:
            "syncLimit 2 × tickTime 200 ms = 0.4 s leaves no room for a GC pause or a slow network; followers will be dropped and re-sync; allow at least 1 s",
        },
      ],
    },
    {
      name: "minSessionTimeout larger than maxSessionTimeout",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=60000", "maxSessionTimeout=40000"),
      errors: [
        {
          messageId: "sessionBounds",
          ...at(4, 19, 24),
          message:
            'minSessionTimeout 60000 ms is larger than maxSessionTimeout 40000 ms; ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "maxSessionTimeout below the default minimum of 2 ticks",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "maxSessionTimeout=3000"),
      errors: [
        {
          messageId: "sessionBoundsDefaultMin",
          ...at(4, 19, 23),
          message:
            'minSessionTimeout 4000 ms (2 × tickTime) is larger than maxSessionTimeout 3000 ms; ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "minSessionTimeout above the default maximum of 20 ticks, in standalone too",
      files: standalone("tickTime=2000", "minSessionTimeout=60000"),
      errors: [
        {
          messageId: "sessionBoundsDefaultMax",
          ...at(2, 19, 24),
          message:
            'minSessionTimeout 60000 ms is larger than maxSessionTimeout 40000 ms (20 × tickTime); ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "maxSessionTimeout below the default minimum of the default tickTime 3000",
      files: standalone("maxSessionTimeout=5000"),
      errors: [
        {
          messageId: "sessionBoundsDefaultMin",
          ...at(1, 19, 23),
          message:
            'minSessionTimeout 6000 ms (2 × tickTime) is larger than maxSessionTimeout 5000 ms; ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "ZooKeeper 3.4 compares minSessionTimeout alone with an unset maxSessionTimeout of -1",
      version: "3.4",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "minSessionTimeout=6000"),
      errors: [
        {
          messageId: "sessionBoundsUnsetMax",
          ...at(4, 19, 23),
          message:
            'minSessionTimeout 6000 ms is larger than maxSessionTimeout -1 ms (not set, which ZooKeeper 3.4 compares as -1); ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "ZooKeeper 3.4 compares an unset minSessionTimeout of -1 with a maxSessionTimeout below it",
      version: "3.4",
      files: quorum("tickTime=2000", "initLimit=10", "syncLimit=5", "maxSessionTimeout=-5"),
      errors: [
        {
          messageId: "sessionBoundsUnsetMin",
          ...at(4, 19, 21),
          message:
            'minSessionTimeout -1 ms (not set, which ZooKeeper 3.4 compares as -1) is larger than maxSessionTimeout -5 ms; ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
      ],
    },
    {
      name: "a quorum without tickTime",
      files: quorum("initLimit=10", "syncLimit=5"),
      errors: [
        {
          messageId: "tickMissing",
          ...at(1, 1, 1),
          message:
            "tickTime is not set, so ZooKeeper uses 3000 ms (not the 2000 of zoo_sample.cfg) and every limit counts in 3 s ticks; set tickTime explicitly",
        },
      ],
    },
    {
      name: "tickTime zero",
      files: quorum("tickTime=0", "initLimit=10", "syncLimit=5"),
      errors: [{ messageId: "tickZero", ...at(1, 10, 11), message: 'tickTime 0 is refused: ZooKeeper exits with "tickTime is not set"; use tickTime=2000' }],
    },
    {
      name: "negative tickTime: the session defaults turn min above max",
      files: quorum("tickTime=-2000", "initLimit=10", "syncLimit=5"),
      errors: [
        {
          messageId: "sessionBoundsDefaults",
          ...at(1, 10, 15),
          message:
            'minSessionTimeout -4000 ms (2 × tickTime) is larger than maxSessionTimeout -40000 ms (20 × tickTime); ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"',
        },
        {
          messageId: "tickNegative",
          ...at(1, 10, 15),
          message: "tickTime -2000 is not positive; every timeout derived from it is broken; use tickTime=2000",
        },
      ],
    },
  ],
});

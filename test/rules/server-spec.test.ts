import rule from "../../rules/server-spec.js";
import { expectTwins, inDynamicFile, movable } from "../helpers/dynamic-case.js";
import { runRuleTests, type InvalidCase, type ValidCase } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper", "clientPort=2181"];
const NO_PORT = HEAD.filter((l) => !l.startsWith("clientPort"));
const line = (i: number, tail = ""): string => `server.${i}=zk${i}.example.net:2888:3888${tail}`;
const three = [line(1), line(2), line(3)];
const WILD = (i: number): string => `server.${i}=0.0.0.0:2888:3888`;

/** Debian's layout: the config, and its myid when given. */
function debian(body: string[], myid?: string, head = HEAD): Record<string, string> {
  return { [CFG]: lines(...head, ...body), ...(myid === undefined ? {} : { "/var/lib/zookeeper/myid": myid }) };
}
const DIRS = ["/var/lib/zookeeper"];

const valid: ValidCase[] = [
  { name: "three servers", files: debian(three, "1\n"), dirs: DIRS },
  {
    name: "a host name with underscores, an empty host (this machine) and an IPv6 zone",
    files: debian(["server.1=zoo_1:2888:3888", "server.2=:2888:3888", "server.3=[fe80::3%eth0]:2888:3888"], "2\n"),
    dirs: DIRS,
  },
  { name: "client ports after ';' that match clientPort", files: debian([line(1, ";2181"), line(2, ";2181"), line(3, ";2181")], "1\n"), dirs: DIRS },
  { name: "no clientPort, every line carries one", files: debian([line(1, ";2182"), line(2, ";2182"), line(3, ";2182")], "1\n", NO_PORT), dirs: DIRS },
  {
    name: "a wildcard clientPort and a line with an address on the same port",
    files: debian([line(1, ";127.0.0.1:2181"), line(2), line(3)], "1\n"),
    dirs: DIRS,
  },
  {
    name: "clientPortAddress localhost and a line on 127.0.0.1",
    files: debian([line(1, ";127.0.0.1:2181"), line(2), line(3)], "1\n", [...HEAD, "clientPortAddress=localhost"]),
    dirs: DIRS,
  },
  {
    name: "clientPortAddress and a line naming hosts only DNS can compare",
    files: debian([line(1, ";zk1.example.net:2181"), line(2), line(3)], "1\n", [...HEAD, "clientPortAddress=zk1-client.example.net"]),
    dirs: DIRS,
  },
  {
    name: "clientPort=0 means no client port before 3.9",
    version: "3.8",
    files: debian([line(1, ";2182"), line(2), line(3)], "1\n", [...NO_PORT, "clientPort=0"]),
    dirs: DIRS,
  },
  {
    name: "IPv6 hosts in brackets",
    files: debian(["server.1=[::1]:2888:3888;[::1]:2181", "server.2=[fe80::2]:2888:3888", "server.3=[fe80::3]:2888:3888"], "1\n"),
    dirs: DIRS,
  },
  {
    name: "roles in any case, a blank after the role (3.6+ trims it)",
    files: debian([...three, "server.4=zk4.example.net:2888:3888:OBSERVER ", "server.5=zk5.example.net:2888:3888:Participant"], "1\n"),
    dirs: DIRS,
  },
  { name: "3.4 trims server lines", version: "3.4", files: debian([line(1, "  "), line(2, "\t"), line(3)], "1\n"), dirs: DIRS },
  { name: "a lone 3.4 server line without election port runs standalone", version: "3.4", files: debian(["server.1=zk1.example.net:2888"]), dirs: DIRS },
  { name: "the lone line of a standalone server may have any id", files: debian(["server.0=localhost:2888:3888"]), dirs: DIRS },
  {
    name: "standaloneEnabled=false runs one participant and an observer",
    files: debian([line(1), line(2, ":observer")], "1\n", [...HEAD, "standaloneEnabled=false"]),
    dirs: DIRS,
  },
  { name: "peerType matches this server's observer line", files: debian([...three, line(4, ":observer")], "4\n", [...HEAD, "peerType=observer"]), dirs: DIRS },
  { name: "the last of two identical keys is the one ZooKeeper reads", files: debian(["server.1=zk1.example.net:2888", ...three], "1\n"), dirs: DIRS },
  {
    name: "server lines beside a dynamic file that is not there are dynamic-config's business",
    files: debian(["server.1=zk1:2888"], "1\n", [...NO_PORT, "dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000"]),
    dirs: DIRS,
  },
  {
    name: "a dynamic file with client ports",
    files: {
      ...debian([], "1\n", [...NO_PORT, "dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000"]),
      "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000": lines(line(1, ";2181"), line(2, ";2181"), line(3, ";2181")),
    },
    dirs: DIRS,
  },
  {
    name: "no clientPort: this server's line (its myid) carries the client port",
    files: debian([line(1, ";2182"), line(2), line(3)], "1\n", NO_PORT),
    dirs: DIRS,
  },
  { name: "no clientPort: secureClientPort serves the clients", files: debian(three, "1\n", [...NO_PORT, "secureClientPort=2281"]), dirs: DIRS },
  {
    name: "no clientPort, one line with a client port, and which line is this server's cannot be told",
    files: debian([line(1, ";2182"), line(2), line(3)], undefined, NO_PORT),
  },
  { name: "3.9 binds clientPort=0 to a free port", files: debian(three, "1\n", [...NO_PORT, "clientPort=0"]), dirs: DIRS },
  { name: "3.4: each server's own line on 0.0.0.0, the container pattern", version: "3.4", files: debian([WILD(1), line(2), line(3)], "1\n"), dirs: DIRS },
  { name: "a standalone server's lone line on 0.0.0.0", files: debian([WILD(1)]), dirs: DIRS },
];

const invalid: InvalidCase[] = [
  {
    name: "hosts that cannot be hosts, one of them this server's",
    files: debian(["server.1:=zk1.example.net:2888:3888", "server.2=zk 2.example.net:2888:3888", line(3)], "2\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badHost",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 26,
        message:
          'server.1 "=zk1.example.net:2888:3888" names "=zk1.example.net", which cannot be a host name or address; no server can connect to server.1 ("UnknownHostException: =zk1.example.net"); write the host name or address of server.1',
      },
      {
        messageId: "badOwnHost",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 26,
        message:
          'server.2 "zk 2.example.net:2888:3888" is this server\'s line, and "zk 2.example.net" cannot be a host name or address; ZooKeeper cannot listen on it and exits with "As I\'m leaving the listener thread, I won\'t be able to participate in leader election any longer"; write this server\'s host name or address',
      },
    ],
  },
  {
    name: "this server's host cannot be one, but it listens on all addresses",
    files: debian(["quorumListenOnAllIPs=true", "server.1=zk_1=x.example.net:2888:3888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badHost",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 28,
        message:
          'server.1 "zk_1=x.example.net:2888:3888" names "zk_1=x.example.net", which cannot be a host name or address; no server can connect to server.1 ("UnknownHostException: zk_1=x.example.net"); write the host name or address of server.1',
      },
    ],
  },
  {
    name: "an id that is not a number",
    files: debian(["server.a=zk1.example.net:2888:3888", line(2), line(3)], "2\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badId",
        file: CFG,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          'server.a: "a" is not a number; ZooKeeper exits with "NumberFormatException: For input string: "a""; write the server id, a number from 1 to 255, after "server."',
      },
    ],
  },
  {
    name: "one port only",
    files: debian(["server.1=zk1.example.net:2888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badForm",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 30,
        message:
          'server.1 "zk1.example.net:2888" does not have the form ZooKeeper 3.9 reads; it exits with "zk1.example.net:2888 does not have the form server_config or server_config;client_config where server_config is the pipe separated list of host:port:port or host:port:port:type and client_config is port or host:port"; write host:quorumPort:electionPort, optionally :observer, then optionally ;clientPort or ;clientHost:clientPort',
      },
    ],
  },
  {
    name: "one port only in 3.5",
    version: "3.5",
    files: debian(["server.1=zk1.example.net:2888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badForm",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 30,
        message:
          'server.1 "zk1.example.net:2888" does not have the form ZooKeeper 3.5 reads; it exits with "zk1.example.net:2888 does not have the form server_config or server_config;client_config where server_config is host:port:port or host:port:port:type and client_config is port or host:port"; write host:quorumPort:electionPort, optionally :observer, then optionally ;clientPort or ;clientHost:clientPort',
      },
    ],
  },
  {
    name: "a bracket that does not close",
    files: debian(["server.1=[::1:2888:3888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badForm",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 24,
        message:
          "server.1 \"[::1:2888:3888\" does not have the form ZooKeeper 3.9 reads; it exits with \"[::1:2888:3888 starts with '[' but has no matching ']:'\"; write host:quorumPort:electionPort, optionally :observer, then optionally ;clientPort or ;clientHost:clientPort",
      },
    ],
  },
  {
    name: "ports that are no ports",
    files: debian(["server.1=zk1.example.net:28a8:3888", "server.2=zk2.example.net:2888:70000", line(3)], "3\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badPort",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 35,
        message:
          'server.1 "zk1.example.net:28a8:3888" has a port that is not a number from 0 to 65535; ZooKeeper exits with "Address unresolved: zk1.example.net:28a8"; fix the port',
      },
      {
        messageId: "badPort",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 36,
        message:
          'server.2 "zk2.example.net:2888:70000" has a port that is not a number from 0 to 65535; ZooKeeper exits with "port out of range:70000"; fix the port',
      },
    ],
  },
  {
    name: "a client port in the role's place",
    files: debian([line(1, ":2181"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badRole",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 40,
        message:
          'server.1 "zk1.example.net:2888:3888:2181" has a role ZooKeeper does not accept; it exits with "Unrecognised peertype: 2181"; the fourth field is participant or observer, the same on every address; a client port goes after ";"',
      },
    ],
  },
  {
    name: "a client port in the role's place, 3.4",
    version: "3.4",
    files: debian([line(1, ":2181"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badRole34",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 40,
        message:
          'server.1 "zk1.example.net:2888:3888:2181" has a role ZooKeeper does not accept; it exits with "Unrecognised peertype: zk1.example.net:2888:3888:2181"; the fourth field is participant or observer',
      },
    ],
  },
  {
    name: "quorum port equal to election port",
    files: debian(["server.1=zk1.example.net:2888:2888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "samePorts",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 35,
        message:
          'server.1 "zk1.example.net:2888:2888" uses one port as quorum and election port; ZooKeeper exits with "Client and election port must be different! Please update the configuration file on server.1"; give the election port a number of its own',
      },
    ],
  },
  {
    name: "blanks at the end of server lines",
    files: debian([line(1, "  "), line(2, "\t"), line(3, ";2181 ")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "trailingBlank",
        file: CFG,
        line: 6,
        column: 35,
        endLine: 6,
        endColumn: 37,
        message:
          'server.1 "zk1.example.net:2888:3888  " ends in blanks, and ZooKeeper 3.9 does not trim server lines; it exits with "Address unresolved: zk1.example.net:3888  "; remove the blanks at the end of the line',
      },
      {
        messageId: "trailingBlank",
        file: CFG,
        line: 7,
        column: 35,
        endLine: 7,
        endColumn: 36,
        message:
          'server.2 "zk2.example.net:2888:3888\t" ends in blanks, and ZooKeeper 3.9 does not trim server lines; it exits with "Address unresolved: zk2.example.net:3888\t"; remove the blanks at the end of the line',
      },
      {
        messageId: "trailingBlank",
        file: CFG,
        line: 8,
        column: 40,
        endLine: 8,
        endColumn: 41,
        message:
          'server.3 "zk3.example.net:2888:3888;2181 " ends in blanks, and ZooKeeper 3.9 does not trim server lines; it exits with "Address unresolved: null:2181 "; remove the blanks at the end of the line',
      },
    ],
  },
  {
    name: "a blank after the role in 3.5",
    version: "3.5",
    files: debian([...three, line(4, ":observer ")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "trailingBlank",
        file: CFG,
        line: 9,
        column: 44,
        endLine: 9,
        endColumn: 45,
        message:
          'server.4 "zk4.example.net:2888:3888:observer " ends in blanks, and ZooKeeper 3.5 does not trim server lines; it exits with "Unrecognised peertype: observer "; remove the blanks at the end of the line',
      },
    ],
  },
  {
    name: "a client port that is no number, 3.5 and 3.6 name the host",
    version: "3.6",
    files: debian([line(1, ";zk1.example.net:21x1"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badPort",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 56,
        message:
          'server.1 "zk1.example.net:2888:3888;zk1.example.net:21x1" has a port that is not a number from 0 to 65535; ZooKeeper exits with "Address unresolved: zk1.example.net:21x1"; fix the port',
      },
    ],
  },
  {
    name: "several addresses before 3.6",
    version: "3.5",
    files: debian([line(1, "|zk1b.example.net:2888:3888"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "pipeUnsupported",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 62,
        message:
          'server.1 "zk1.example.net:2888:3888|zk1b.example.net:2888:3888" lists several addresses with "|", which ZooKeeper 3.5 does not know (multi-address lines came with 3.6); it exits with "zk1.example.net:2888:3888|zk1b.example.net:2888:3888 does not have the form server_config or server_config;client_config where server_config is host:port:port or host:port:port:type and client_config is port or host:port"; keep one address',
      },
    ],
  },
  {
    name: "several addresses in 3.4",
    version: "3.4",
    files: debian([line(1, "|zk1b.example.net:2888:3888"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "pipeUnsupported",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 62,
        message:
          'server.1 "zk1.example.net:2888:3888|zk1b.example.net:2888:3888" lists several addresses with "|", which ZooKeeper 3.4 does not know (multi-address lines came with 3.6); it exits with "NumberFormatException: For input string: "3888|zk1b.example.net""; keep one address',
      },
    ],
  },
  {
    name: "a client part in 3.4",
    version: "3.4",
    files: debian([line(1, ";2181"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientPartUnsupported",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 40,
        message:
          'server.1 "zk1.example.net:2888:3888;2181" has a ";" client part, which ZooKeeper 3.4 does not know (it came with 3.5); it exits with "NumberFormatException: For input string: "3888;2181""; remove the part from ";" on and set clientPort instead',
      },
    ],
  },
  {
    name: "no election port in a 3.4 quorum",
    version: "3.4",
    files: debian(["server.1=zk1.example.net:2888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "noElectionPort",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 30,
        message:
          'server.1 "zk1.example.net:2888" has no election port; ZooKeeper 3.4 exits with "Missing election port for server: 1" when it runs a quorum; write host:quorumPort:electionPort',
      },
    ],
  },
  {
    name: "several addresses",
    files: debian([line(1, "|zk1b.example.net:2889:3889"), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "multiAddress",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 62,
        message:
          'server.1 "zk1.example.net:2888:3888|zk1b.example.net:2889:3889" lists 2 addresses; ZooKeeper exits with "Multiple address feature is disabled, but multiple addresses were specified for sid 1" unless every server\'s JVM runs with -Dzookeeper.multiAddress.enabled=true, which no zoo.cfg key can set; keep one address, or add that flag to the JVM options',
      },
    ],
  },
  {
    name: "fields past the fourth in 3.4",
    version: "3.4",
    files: debian([line(1, ":observer:x"), line(2), line(3), line(4)], "2\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "ignoredFields",
        file: CFG,
        line: 6,
        column: 44,
        endLine: 6,
        endColumn: 46,
        message:
          'server.1 "zk1.example.net:2888:3888:observer:x" has more than four fields; ZooKeeper 3.4 logs "zk1.example.net:2888:3888:observer:x does not have the form host:port or host:port:port  or host:port:port:type" and ignores ":x"; remove the extra fields',
      },
    ],
  },
  {
    name: "a char where the colon after ']' belongs",
    files: debian(["server.1=[fe80::1]2888:3888", "server.2=[fe80::2]:2888:3888;[fe80::2]-2181", line(3)], "3\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "skippedChar",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 20,
        message:
          'server.1 "[fe80::1]2888:3888" has "2" after "]" where a colon belongs; ZooKeeper skips that char unread and uses port 888; write "]:" before the port',
      },
      {
        messageId: "skippedChar",
        file: CFG,
        line: 7,
        column: 39,
        endLine: 7,
        endColumn: 40,
        message:
          'server.2 "[fe80::2]:2888:3888;[fe80::2]-2181" has "-" after "]" where a colon belongs; ZooKeeper skips that char unread and uses port 2181; write "]:" before the port',
      },
    ],
  },
  {
    name: "ids outside 1-255",
    files: debian(["server.0=zk0.example.net:2888:3888", "server.1000=zk1.example.net:2888:3888", "server.-5=zk5.example.net:2888:3888"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "idOutOfRange",
        file: CFG,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          "server.0: id 0 is outside 1-255; ZooKeeper accepts it, but session ids carry only the id's low 8 bits (0), and the admin guide asks for 1-255; use an id from 1 to 255",
      },
      {
        messageId: "idOutOfRange",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 12,
        message:
          "server.1000: id 1000 is outside 1-255; ZooKeeper accepts it, but session ids carry only the id's low 8 bits (232), and the admin guide asks for 1-255; use an id from 1 to 255",
      },
      {
        messageId: "idOutOfRange",
        file: CFG,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 10,
        message:
          "server.-5: id -5 is outside 1-255; ZooKeeper accepts it, but session ids carry only the id's low 8 bits (251), and the admin guide asks for 1-255; use an id from 1 to 255",
      },
    ],
  },
  {
    name: "ids whose low 8 bits clash",
    files: debian([line(1), "server.257=zk257.example.net:2888:3888", line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "idSessionClash",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 11,
        message:
          "server.257 and server.1 have ids with the same low 8 bits (1); ZooKeeper builds session ids from those bits, so the two servers can hand out the same session ids; give every server an id from 1 to 255",
      },
    ],
  },
  {
    name: "id -1",
    files: debian([line(1), line(2), "server.-1=zk9.example.net:2888:3888"], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "idUnset",
        file: CFG,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 10,
        message:
          'server.-1: id -1 is what ZooKeeper uses for "no id"; the server whose myid says -1 exits with "myid file is missing", so this server can never start; use an id from 1 to 255',
      },
    ],
  },
  {
    name: "two spellings of one id",
    files: debian([line(1), "server.02=zk2.example.net:2888:3888", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "duplicateId",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 10,
        message: "server.02 and server.2 both give server id 2; ZooKeeper keeps one of them, chosen by hash order rather than line order; keep one line per id",
      },
      {
        messageId: "duplicateId",
        file: CFG,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 9,
        message: "server.2 and server.02 both give server id 2; ZooKeeper keeps one of them, chosen by hash order rather than line order; keep one line per id",
      },
    ],
  },
  {
    name: "clientPort other than this server's line",
    files: debian([line(1, ";2182"), line(2, ";2182"), line(3, ";2182")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 16,
        message:
          'clientPort "2181" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;2182"; ZooKeeper exits with "client address for this server (id = 1) in static config file is 0.0.0.0/0.0.0.0:2181 is different from client address found in dynamic file: /0.0.0.0:2182"; make clientPort match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "clientPortAddress other than this server's line",
    files: debian([line(1, ";2181"), line(2), line(3)], "1\n", [...HEAD, "clientPortAddress=127.0.0.1"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 28,
        message:
          'clientPortAddress "127.0.0.1" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;2181"; ZooKeeper exits with "client address for this server (id = 1) in static config file is /127.0.0.1:2181 is different from client address found in dynamic file: /0.0.0.0:2181"; make clientPortAddress match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "clientPortAddress in IPv6 and a line on another address",
    files: debian([line(1, ";[::1]:2181"), line(2), line(3)], "1\n", [...HEAD, "clientPortAddress=::2"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 22,
        message:
          'clientPortAddress "::2" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;[::1]:2181"; ZooKeeper exits with "client address for this server (id = 1) in static config file is /[0:0:0:0:0:0:0:2]:2181 is different from client address found in dynamic file: /[0:0:0:0:0:0:0:1]:2181"; make clientPortAddress match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "clientPortAddress localhost and another port",
    files: debian([line(1, ";127.0.0.1:2182"), line(2), line(3)], "1\n", [...HEAD, "clientPortAddress=localhost"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 16,
        message:
          'clientPort "2181" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;127.0.0.1:2182"; ZooKeeper exits with "client address for this server (id = 1) in static config file is localhost/127.0.0.1:2181 is different from client address found in dynamic file: /127.0.0.1:2182"; make clientPort match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "3.9 reads clientPort=0 as a port",
    files: debian([line(1, ";2182"), line(2), line(3)], "1\n", [...NO_PORT, "clientPort=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 13,
        message:
          'clientPort "0" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;2182"; ZooKeeper exits with "client address for this server (id = 1) in static config file is 0.0.0.0/0.0.0.0:0 is different from client address found in dynamic file: /0.0.0.0:2182"; make clientPort match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "a standalone server whose myid names its line",
    files: debian([line(1, ";2182")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddress",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 16,
        message:
          'clientPort "2181" is not the client address of this server\'s line server.1 "zk1.example.net:2888:3888;2182"; ZooKeeper exits with "client address for this server (id = 1) in static config file is 0.0.0.0/0.0.0.0:2181 is different from client address found in dynamic file: /0.0.0.0:2182"; make clientPort match the server line, or remove it and let the line decide',
      },
    ],
  },
  {
    name: "clientPort on no line, whichever server this is",
    files: debian([line(1, ";2182"), line(2, ";2183"), line(3, ";2184")]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientAddressEveryLine",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 16,
        message:
          'clientPort "2181" is not the client address of any server line, and every line has one; whichever server this is, ZooKeeper exits with "client address for this server (id = N) in static config file is 0.0.0.0/0.0.0.0:2181 is different from client address found in dynamic file: …"; make clientPort match this server\'s line, or remove it',
      },
    ],
  },
  {
    name: "peerType observer on a participant",
    files: debian(three, "1\n", [...HEAD, "peerType=observer"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "peerTypeObserver",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 18,
        message:
          'peerType "observer" says this server is an observer, but its line server.1 makes it a participant; ZooKeeper logs "Peer type from servers list (PARTICIPANT) doesn\'t match peerType (OBSERVER). Defaulting to servers list." and runs it as a participant; make peerType and the server line agree',
      },
    ],
  },
  {
    name: "peerType participant on an observer",
    files: debian([...three, line(4, ":observer")], "4\n", [...HEAD, "peerType= Participant"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "peerTypeParticipant",
        file: CFG,
        line: 6,
        column: 11,
        endLine: 6,
        endColumn: 22,
        message:
          'peerType "Participant" says this server is a participant, but its line server.4 makes it an observer; ZooKeeper logs "Peer type from servers list (OBSERVER) doesn\'t match peerType (PARTICIPANT). Defaulting to servers list." and runs it as an observer; make peerType and the server line agree',
      },
    ],
  },
  {
    name: "observers only",
    files: debian([line(1, ":observer"), line(2, ":observer")]),
    dirs: DIRS,
    errors: [
      {
        messageId: "observersWithoutParticipants",
        file: CFG,
        line: 6,
        column: 1,
        endLine: 6,
        endColumn: 9,
        message:
          'server.1 is an observer, and no server line is a participant; ZooKeeper exits with "Observers w/o participants is an invalid configuration"; add participants, or remove the observers',
      },
    ],
  },
  {
    name: "one participant and an observer",
    files: debian([line(1), line(2, ":observer")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "observersWithoutQuorum",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 9,
        message:
          'server.2 is an observer beside a single participant, which makes ZooKeeper run standalone; it exits with "Observers w/o quorum is an invalid configuration"; add participants, or set standaloneEnabled=false to run a quorum of one',
      },
    ],
  },
  {
    name: "one participant and an observer in 3.4",
    version: "3.4",
    files: debian([line(1), line(2, ":observer")], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "observersWithoutQuorum34",
        file: CFG,
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 9,
        message:
          'server.2 is an observer beside a single participant, which makes ZooKeeper run standalone; it exits with "Observers w/o quorum is an invalid configuration"; add participants',
      },
    ],
  },
  {
    name: "standaloneEnabled=false without participants",
    files: debian([], undefined, [...HEAD, "standaloneEnabled=false"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "standaloneWithoutParticipants",
        file: CFG,
        line: 6,
        column: 19,
        endLine: 6,
        endColumn: 24,
        message:
          'standaloneEnabled "false" asks for a quorum, and no server line is a participant; ZooKeeper exits with "standaloneEnabled = false then number of participants should be >0"; add server lines, or remove standaloneEnabled=false',
      },
    ],
  },
  {
    name: "lines of the dynamic file: reported at dynamicConfigFile",
    files: {
      ...debian([], "1\n", [...NO_PORT, "dynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic.100000000"]),
      "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000": lines("# members", line(1, ";2181"), line(2, ":2181"), line(3, ";2181 ")),
    },
    dirs: DIRS,
    errors: [
      {
        messageId: "badRoleInDynamicFile",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'server.2 "zk2.example.net:2888:3888:2181" (line 3 of zoo.cfg.dynamic.100000000) has a role ZooKeeper does not accept; it exits with "Unrecognised peertype: 2181"; the fourth field is participant or observer, the same on every address; a client port goes after ";"',
      },
      {
        messageId: "trailingBlankInDynamicFile",
        file: CFG,
        line: 5,
        column: 19,
        endLine: 5,
        endColumn: 64,
        message:
          'server.3 "zk3.example.net:2888:3888;2181 " (line 4 of zoo.cfg.dynamic.100000000) ends in blanks, and ZooKeeper 3.9 does not trim server lines; it exits with "Address unresolved: null:2181 "; remove the blanks at the end of the line',
      },
    ],
  },
  {
    name: "a standalone server without any client port",
    files: debian([], undefined, NO_PORT),
    dirs: DIRS,
    errors: [
      {
        messageId: "noClientPort",
        file: CFG,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message:
          'neither clientPort nor secureClientPort is set; ZooKeeper 3.9 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181',
      },
    ],
  },
  {
    name: "no clientPort and no server line with a client port, whichever server this is",
    files: debian(three, undefined, NO_PORT),
    errors: [
      {
        messageId: "noClientPortOnLines",
        file: CFG,
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 9,
        message:
          'neither clientPort nor secureClientPort is set, and no server line has a ";" client port; ZooKeeper 3.9 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";<port>" to each server line',
      },
    ],
  },
  {
    name: "no clientPort, and this server's line lacks the client port the others have",
    files: debian([line(1), line(2, ";2181"), line(3, ";2181")], "1\n", NO_PORT),
    dirs: DIRS,
    errors: [
      {
        messageId: "noClientPortOnOwnLine",
        file: CFG,
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 35,
        message:
          'neither clientPort nor secureClientPort is set, and this server\'s line server.1 "zk1.example.net:2888:3888" has no ";" client port; ZooKeeper 3.9 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";2181" to server.1',
      },
    ],
  },
  {
    name: "clientPort=0 before 3.9, and no line with a client port",
    version: "3.8",
    files: debian(three, undefined, [...NO_PORT, "clientPort=0"]),
    errors: [
      {
        messageId: "zeroClientPortOnLines",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 13,
        message:
          'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9), and no server line has a ";" client port; ZooKeeper 3.8 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";<port>" to each server line',
      },
    ],
  },
  {
    name: "3.4 without clientPort",
    version: "3.4",
    files: debian(three, "1\n", NO_PORT),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientPortRequired",
        file: CFG,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: 'clientPort is not set; ZooKeeper 3.4 exits with "clientPort is not set"; set the port clients connect to, e.g. clientPort=2181',
      },
    ],
  },
  {
    name: "3.4 with clientPort=0",
    version: "3.4",
    files: debian(three, "1\n", [...NO_PORT, "clientPort=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "clientPortZero34",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 13,
        message: 'clientPort is 0; ZooKeeper 3.4 exits with "clientPort is not set"; set the port clients connect to, e.g. clientPort=2181',
      },
    ],
  },
  {
    name: "this server's own line on 0.0.0.0 (its myid)",
    files: debian([WILD(1), line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "wildcardOwn",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 17,
        message:
          "server.1 \"0.0.0.0:2888:3888\" is this server's own line, with the wildcard address 0.0.0.0: ZooKeeper listens on every address, but from 3.5 on it also hands this line out as the address of server.1: clients that learn the ensemble from getConfig (the /zookeeper/config node, Curator's EnsembleTracker) are told to connect to 0.0.0.0; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address",
      },
    ],
  },
  {
    name: "3.5: the lone 0.0.0.0 line taken for this server's own, and peers that follow it",
    version: "3.5",
    files: debian([line(1), WILD(2), line(3)]),
    errors: [
      {
        messageId: "wildcardOwnRejoin",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          "server.2 \"0.0.0.0:2888:3888\" is this server's own line, with the wildcard address 0.0.0.0: ZooKeeper listens on every address, but from 3.5 on it also hands this line out as the address of server.2: clients that learn the ensemble from getConfig (the /zookeeper/config node, Curator's EnsembleTracker) are told to connect to 0.0.0.0, and peers before 3.5.8 cannot reconnect to it after it restarts (they connect back to 0.0.0.0); write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address",
      },
    ],
  },
  {
    name: "this server's own line on 0.0.0.0 with reconfigEnabled=true",
    files: debian([WILD(1), line(2), line(3)], "1\n", [...HEAD, "reconfigEnabled=true"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "wildcardOwnReconfig",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          'server.1 "0.0.0.0:2888:3888" is this server\'s own line, with the wildcard address 0.0.0.0, and reconfigEnabled is true: when this server leads a reconfiguration, it commits its own line into the configuration that every server then writes to its dynamic file, and from then on the others connect to 0.0.0.0, which is themselves, never server.1; clients that read getConfig are told 0.0.0.0 too; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address',
      },
    ],
  },
  {
    name: "another server's line on 0.0.0.0",
    version: "3.4",
    files: debian([line(1), WILD(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "wildcardOther",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          "server.2 \"0.0.0.0:2888:3888\" gives server.2 the wildcard address 0.0.0.0 but is not this server's own line (server.1); this server connects to 0.0.0.0, which is itself, and never reaches server.2; write the name or address of server.2 (the wildcard belongs only on a server's own line, if anywhere)",
      },
    ],
  },
  {
    name: "another server's line on 0.0.0.0, in 3.9",
    files: debian([line(1), WILD(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "wildcardOther",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          "server.2 \"0.0.0.0:2888:3888\" gives server.2 the wildcard address 0.0.0.0 but is not this server's own line (server.1); this server connects to 0.0.0.0, which is itself, and never reaches server.2; write the name or address of server.2 (the wildcard belongs only on a server's own line, if anywhere)",
      },
    ],
  },
  {
    name: "two lines on 0.0.0.0, and which is this server's cannot be told",
    files: debian([WILD(1), WILD(2), line(3)]),
    errors: [
      {
        messageId: "wildcardOtherShared",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 17,
        message:
          "server.1 \"0.0.0.0:2888:3888\" gives server.1 the wildcard address 0.0.0.0, as server.2 also does, and only one line can be this server's own; this server connects to 0.0.0.0, which is itself, and never reaches server.1; write the name or address of server.1 (the wildcard belongs only on a server's own line, if anywhere)",
      },
      {
        messageId: "wildcardOtherShared",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          "server.2 \"0.0.0.0:2888:3888\" gives server.2 the wildcard address 0.0.0.0, as server.1 also does, and only one line can be this server's own; this server connects to 0.0.0.0, which is itself, and never reaches server.2; write the name or address of server.2 (the wildcard belongs only on a server's own line, if anywhere)",
      },
    ],
  },
  {
    name: "a line with the host only, 3.4",
    version: "3.4",
    files: debian(["server.1=zk1.example.net", line(2), line(3)], "1\n"),
    dirs: DIRS,
    errors: [
      {
        messageId: "badForm34",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 25,
        message:
          'server.1 "zk1.example.net" does not have the form ZooKeeper 3.4 reads; it exits with "zk1.example.net does not have the form host:port or host:port:port  or host:port:port:type"; write host:quorumPort:electionPort, optionally followed by :observer',
      },
    ],
  },
  {
    name: "three lines on 0.0.0.0, and which is this server's cannot be told",
    files: debian([WILD(1), WILD(2), WILD(3)]),
    errors: [
      {
        messageId: "wildcardOtherSharedMany",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 17,
        message:
          "server.1 \"0.0.0.0:2888:3888\" gives server.1 the wildcard address 0.0.0.0, as server.2, server.3 also do, and only one line can be this server's own; this server connects to 0.0.0.0, which is itself, and never reaches server.1; write the name or address of server.1 (the wildcard belongs only on a server's own line, if anywhere)",
      },
      {
        messageId: "wildcardOtherSharedMany",
        file: CFG,
        line: 7,
        column: 10,
        endLine: 7,
        endColumn: 17,
        message:
          "server.2 \"0.0.0.0:2888:3888\" gives server.2 the wildcard address 0.0.0.0, as server.1, server.3 also do, and only one line can be this server's own; this server connects to 0.0.0.0, which is itself, and never reaches server.2; write the name or address of server.2 (the wildcard belongs only on a server's own line, if anywhere)",
      },
      {
        messageId: "wildcardOtherSharedMany",
        file: CFG,
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 17,
        message:
          "server.3 \"0.0.0.0:2888:3888\" gives server.3 the wildcard address 0.0.0.0, as server.1, server.2 also do, and only one line can be this server's own; this server connects to 0.0.0.0, which is itself, and never reaches server.3; write the name or address of server.3 (the wildcard belongs only on a server's own line, if anywhere)",
      },
    ],
  },
  {
    name: "a standalone server with clientPort=0 before 3.9",
    version: "3.8",
    files: debian([], undefined, [...NO_PORT, "clientPort=0"]),
    errors: [
      {
        messageId: "zeroClientPort",
        file: CFG,
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 13,
        message:
          'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9); ZooKeeper 3.8 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181',
      },
    ],
  },
  {
    name: "clientPort=0 before 3.9, and this server's line lacks the client port the others have",
    version: "3.8",
    files: debian([line(1), line(2, ";2181"), line(3, ";2181")], "1\n", [...NO_PORT, "clientPort=0"]),
    dirs: DIRS,
    errors: [
      {
        messageId: "zeroClientPortOnOwnLine",
        file: CFG,
        line: 6,
        column: 10,
        endLine: 6,
        endColumn: 35,
        message:
          'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9), and this server\'s line server.1 "zk1.example.net:2888:3888" has no ";" client port; ZooKeeper 3.8 starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";2181" to server.1',
      },
    ],
  },
];

/** The cases above with a message about a server line, their lines moved into a dynamic file. */
const moved = invalid.filter((c) => movable(c, rule.meta.messages)).map((c) => inDynamicFile(c, rule.meta.messages));

runRuleTests(rule, { valid, invalid: [...invalid, ...moved] });
expectTwins(rule, moved, [
  "badIdInDynamicFile",
  "badFormInDynamicFile",
  "badPortInDynamicFile",
  "badRoleInDynamicFile",
  "samePortsInDynamicFile",
  "trailingBlankInDynamicFile",
  "pipeUnsupportedInDynamicFile",
  "multiAddressInDynamicFile",
  "badOwnHostInDynamicFile",
  "badHostInDynamicFile",
  "wildcardOwnInDynamicFile",
  "wildcardOwnRejoinInDynamicFile",
  "wildcardOwnReconfigInDynamicFile",
  "wildcardOtherInDynamicFile",
  "wildcardOtherSharedInDynamicFile",
  "wildcardOtherSharedManyInDynamicFile",
  "skippedCharInDynamicFile",
  "idOutOfRangeInDynamicFile",
  "idSessionClashInDynamicFile",
  "idUnsetInDynamicFile",
  "duplicateIdInDynamicFile",
  "clientAddressInDynamicFile",
  "noClientPortOnOwnLineInDynamicFile",
  "zeroClientPortOnOwnLineInDynamicFile",
  "peerTypeObserverInDynamicFile",
  "peerTypeParticipantInDynamicFile",
  "observersWithoutParticipantsInDynamicFile",
  "observersWithoutQuorumInDynamicFile",
]);

import rule from "../../rules/properties-syntax.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const lines = (...l: string[]): string => l.join("\n") + "\n";
const CFG = "/etc/zookeeper/conf/zoo.cfg";
const DYNAMIC = "/etc/zookeeper/conf/zoo.cfg.dynamic.100000000";
const HEAD = ["tickTime=2000", "initLimit=10", "syncLimit=5", "dataDir=/var/lib/zookeeper"];
const SERVERS = ["server.1=zk1.example.net:2888:3888;2181", "server.2=zk2.example.net:2888:3888;2181", "server.3=zk3.example.net:2888:3888;2181"];

/** tickTime, initLimit, syncLimit and dataDir on lines 1-4, then the given lines from line 5. */
const cfg = (...extra: string[]): Record<string, string> => ({ [CFG]: lines(...HEAD, ...extra) });
const at = (line: number, column: number, endColumn: number) => ({ file: CFG, line, column, endLine: line, endColumn });
/** zoo.cfg naming the dynamic file on line 5, whose value spans columns 19-64. */
const withDynamic = (files: Record<string, string>): Record<string, string> => ({ ...cfg(`dynamicConfigFile=${DYNAMIC}`), ...files });

runRuleTests(rule, {
  valid: [
    {
      name: "escapes Properties reads",
      files: cfg("dataDir=/var/lib/zoo\\u006Beeper", "4lw.commands.\\u0077hitelist=srvr", "dataLogDir=C:\\\\users\\\\zk\\\\log"),
    },
    { name: "a \\u in a comment is never decoded", files: cfg("# dataDir=C:\\users\\zookeeper", "! \\u00G1", "clientPort=2181") },
    {
      name: "a dynamic file and a .dynamic.next Properties can load",
      files: withDynamic({ [DYNAMIC]: lines(...SERVERS), [`${CFG}.dynamic.next`]: lines(...SERVERS, "version=200000000") }),
    },
    {
      name: "a .dynamic.next is not read without a dynamic file",
      files: { ...cfg(...SERVERS), [`${CFG}.dynamic.next`]: lines("server.1=zk1\\uexample.net:2888:3888") },
    },
  ],
  invalid: [
    {
      name: "a Windows path whose backslash comes before a u",
      files: cfg("dataDir=C:\\users\\zookeeper\\data", "clientPort=2181"),
      errors: [
        {
          messageId: "malformedInValue",
          ...at(5, 11, 17),
          message:
            'dataDir "C:\\users\\zookeeper\\data" contains "\\users", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
    {
      name: "a key with a cut-off escape",
      files: cfg("maxClientCnxns\\u3=60"),
      errors: [
        {
          messageId: "malformedInKey",
          ...at(5, 15, 18),
          message:
            'The key "maxClientCnxns\\u3" contains "\\u3", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
    {
      name: "every bad escape of a value, across a continuation",
      files: cfg("dataDir=/srv/\\u00G1/zk\\", "    /\\uZZZZ"),
      errors: [
        {
          messageId: "malformedInValue",
          ...at(5, 14, 20),
          message:
            'dataDir "/srv/\\u00G1/zk/\\uZZZZ" contains "\\u00G1", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
        {
          messageId: "malformedInValue",
          file: CFG,
          line: 6,
          column: 6,
          endLine: 6,
          endColumn: 12,
          message:
            'dataDir "/srv/\\u00G1/zk/\\uZZZZ" contains "\\uZZZZ", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
    {
      name: "the dynamic file, reported at the line that names it",
      files: withDynamic({ [DYNAMIC]: lines(SERVERS[0] as string, SERVERS[1] as string, "server.3=zk3\\uexample.net:2888:3888;2181") }),
      errors: [
        {
          messageId: "otherFileMalformedInValue",
          ...at(5, 19, 64),
          message:
            'server.3 "zk3\\uexample.net:288…" (line 3 of zoo.cfg.dynamic.100000000) contains "\\uexam", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
    {
      name: "a key of the dynamic file",
      files: withDynamic({ [DYNAMIC]: lines(SERVERS[0] as string, SERVERS[1] as string, "server.\\uZZ3=zk3.example.net:2888:3888;2181") }),
      errors: [
        {
          messageId: "otherFileMalformedInKey",
          ...at(5, 19, 64),
          message:
            'The key "server.\\uZZ3" (line 3 of zoo.cfg.dynamic.100000000) contains "\\uZZ3", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
    {
      name: "a .dynamic.next left beside the config",
      files: withDynamic({ [DYNAMIC]: lines(...SERVERS), [`${CFG}.dynamic.next`]: lines("version=2\\u00", ...SERVERS) }),
      errors: [
        {
          messageId: "otherFileMalformedInValue",
          ...at(5, 19, 64),
          message:
            'version "2\\u00" (line 1 of zoo.cfg.dynamic.next) contains "\\u00", which is not a \\uXXXX escape, so Properties cannot load the file; ZooKeeper refuses to start ("Malformed \\uxxxx encoding."); write \\u and four hexadecimal digits, or \\\\ for a backslash',
        },
      ],
    },
  ],
});

import rule from "../../rules/zkserver-script-compat.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/opt/zookeeper/conf/zoo.cfg";
const BOM = "\u00ef\u00bb\u00bf";
// The given lines start at line 2.
const zoo = (lines: string): Record<string, string> => ({ [ZOO]: `tickTime=2000\n${lines}` });
const at = (line: number, column: number, endColumn: number) => ({ file: ZOO, line, column, endLine: line, endColumn });
/** A range that ends where the next line starts: a line terminator. */
const next = (line: number, column: number) => ({ file: ZOO, line, column, endLine: line + 1, endColumn: 1 });

runRuleTests(rule, {
  valid: [
    {
      name: "every key the scripts read, written key=value",
      files: zoo("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper\nclientPort=2181\nclientPortAddress=0.0.0.0\nsecureClientPort=2281\n"),
    },
    {
      name: "blanks around = of the port keys: the shell drops them",
      files: zoo("dataDir=/var/lib/zookeeper\nclientPort = 2181\nclientPortAddress = 10.0.0.1\n"),
    },
    { name: "blanks after a port", files: zoo("dataDir=/var/lib/zookeeper\nclientPort=2181   \n") },
    { name: "indented keys", files: zoo("  dataDir=/var/lib/zookeeper\n\tclientPort=2181\n") },
    { name: "commented-out older dataDirs", files: zoo("# dataDir=/tmp/zookeeper\n!dataDir=/srv/zk\ndataDir=/var/lib/zookeeper\n") },
    { name: "a continued value of a key the scripts do not read", files: zoo("4lw.commands.whitelist=ruok,\\\n  stat\ndataDir=/var/lib/zookeeper\n") },
    { name: "keys the scripts do not read, written any way", files: zoo("initLimit : 10\nsyncLimit 5\ndataDir=/var/lib/zookeeper\n") },
    { name: "an empty dataDir is config-location's", files: zoo("dataDir=\n") },
    { name: "an ERB template's <%= is not part of the path", files: zoo("dataDir=<%= @data_dir %>\n") },
    {
      name: "a Windows server is started by zkServer.cmd, which leaves the file to Java",
      files: { [ZOO]: "tickTime=2000\r\ndataDir= D:/data/zk1/\r\nclientPort 2181\r\n" },
    },
    { name: "the key's name in a comment and in a value", files: zoo("# dataDir below is on the data disk\ndataDir=/var/lib/zookeeper\nsnapDir=/dataDir\n") },
    { name: "clientPort and clientPortAddress, each with =", files: zoo("dataDir=/var/lib/zookeeper\nclientPortAddress=10.0.0.1\nclientPort=2181\n") },
  ],
  invalid: [
    {
      name: "dataDir separated by a blank",
      files: zoo("dataDir /var/lib/zookeeper\n"),
      errors: [
        {
          messageId: "dirNoEquals",
          ...at(2, 1, 27),
          message:
            'dataDir is written "dataDir /var/lib/zookeeper", without "="; zkServer.sh and zkServer-initialize.sh, which read it with grep and sed \'s/.*=//\', take the whole line for the path and create a directory named "dataDir /var/lib/zookeeper", and zkCleanup.sh does not find it; write "dataDir=/var/lib/zookeeper"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\n"),
    },
    {
      name: "dataLogDir separated by a colon",
      files: zoo("dataDir=/var/lib/zookeeper\ndataLogDir:/var/log/zookeeper\n"),
      errors: [
        {
          messageId: "dirNoEquals",
          ...at(3, 1, 30),
          message:
            'dataLogDir is written "dataLogDir:/var/log/zookeeper", without "="; zkServer.sh and zkServer-initialize.sh, which read it with grep and sed \'s/.*=//\', take the whole line for the path and create a directory named "dataLogDir:/var/log/zookeeper", and zkCleanup.sh does not find it; write "dataLogDir=/var/log/zookeeper"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper\n"),
    },
    {
      name: "dataDir with blanks around =",
      files: zoo("dataDir = /var/lib/zookeeper\n"),
      errors: [
        {
          messageId: "dirBlankBeforeEquals",
          ...at(2, 1, 29),
          message:
            'dataDir is written "dataDir = /var/lib/zookeeper", with a blank before "="; zkCleanup.sh looks for "dataDir=" and does not find it; write "dataDir=/var/lib/zookeeper"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\n"),
    },
    {
      name: "dataLogDir with a blank after =",
      files: zoo("dataDir=/var/lib/zookeeper\ndataLogDir= /var/log/zookeeper\n"),
      errors: [
        {
          messageId: "dirBlankAfterEquals",
          ...at(3, 1, 31),
          message:
            'dataLogDir is written "dataLogDir= /var/log/zookeeper", with a blank after "="; zkCleanup.sh and zkServer-initialize.sh keep the blank and take " /var/log/zookeeper" for a relative path, a directory that does not exist; write "dataLogDir=/var/log/zookeeper"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper\n"),
    },
    {
      name: "blanks after dataLogDir",
      files: zoo("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper  \n"),
      errors: [
        {
          messageId: "trailingBlanks",
          ...at(3, 30, 32),
          message:
            'dataLogDir "/var/log/zookeeper" is followed by blanks; ZooKeeper trims them, but zkCleanup.sh and zkServer-initialize.sh keep them and look for a directory that does not exist ("Path \'/var/log/zookeeper  \' does not exist."); remove the trailing blanks',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\ndataLogDir=/var/log/zookeeper\n"),
    },
    {
      name: "another key starting with dataDir",
      files: zoo("dataDir=/var/lib/zookeeper\ndataDirOld=/var/lib/zookeeper-3.4\n"),
      errors: [
        {
          messageId: "extraLine",
          ...at(3, 1, 34),
          message:
            'this line also matches grep "^[[:space:]]*dataDir", which zkServer.sh and zkServer-initialize.sh use to find dataDir (line 2), so they get a value of several lines; rename this key or remove the line',
        },
      ],
    },
    {
      name: "clientPort twice",
      files: zoo("clientPort=2181\ndataDir=/var/lib/zookeeper\nclientPort=2182\n"),
      errors: [
        {
          messageId: "extraLine",
          ...at(2, 1, 16),
          message:
            'this line also matches grep "^[[:space:]]*clientPort[^[:alpha:]]", which zkServer.sh status use to find clientPort (line 4), so they get a value of several lines; rename this key or remove the line',
        },
      ],
    },
    {
      name: "clientPort separated by a blank",
      files: zoo("dataDir=/var/lib/zookeeper\nclientPort 2181\n"),
      errors: [
        {
          messageId: "portSeparator",
          ...at(3, 1, 16),
          message:
            'clientPort is written "clientPort 2181"; zkServer.sh status expects "clientPort=" and takes "clientPort 2181" from this line, so it reports "Error contacting service. It is probably not running." even when the server runs; write "clientPort=2181"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\nclientPort=2181\n"),
    },
    {
      name: "secureClientPort and its address with colons",
      files: zoo("dataDir=/var/lib/zookeeper\nsecureClientPort:2281\nsecureClientPortAddress : 10.0.0.1\n"),
      errors: [
        {
          messageId: "portSeparator",
          ...at(3, 1, 22),
          message:
            'secureClientPort is written "secureClientPort:2281"; zkServer.sh status expects "secureClientPort=" and takes "secureClientPort:2281" from this line, so it reports "Error contacting service. It is probably not running." even when the server runs; write "secureClientPort=2281"',
        },
        {
          messageId: "portSeparator",
          ...at(4, 1, 35),
          message:
            'secureClientPortAddress is written "secureClientPortAddress : 10.0.0.1"; zkServer.sh status expects "secureClientPortAddress=" and takes "secureClientPortAddress : 10.0.0.1" from this line, so it reports "Error contacting service. It is probably not running." even when the server runs; write "secureClientPortAddress=10.0.0.1"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\nsecureClientPort=2281\nsecureClientPortAddress=10.0.0.1\n"),
    },
    {
      name: "dataDir continued on the next line",
      files: zoo("dataDir=/var/lib/\\\n    zookeeper\n"),
      errors: [
        {
          messageId: "continued",
          file: ZOO,
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 14,
          message:
            'dataDir continues on the next line; ZooKeeper joins the lines, but zkServer.sh, zkCleanup.sh and zkServer-initialize.sh read only the first one and take "/var/lib/\\" for the value; write it on one line: "dataDir=/var/lib/zookeeper"',
        },
      ],
      output: zoo("dataDir=/var/lib/zookeeper\n"),
    },
    {
      name: "a continued value with an escape is reported, not rewritten",
      files: zoo("dataDir=/var/lib/zookeeper\nclientPort=21\\\n  8\\u0031\n"),
      errors: [
        {
          messageId: "continued",
          file: ZOO,
          line: 3,
          column: 1,
          endLine: 4,
          endColumn: 10,
          message:
            'clientPort continues on the next line; ZooKeeper joins the lines, but zkServer.sh status read only the first one and take "21\\" for the value; write it on one line: "clientPort=2181"',
        },
      ],
    },
    {
      name: "= inside the path",
      files: zoo("dataDir=/data/zk=1\n"),
      errors: [
        {
          messageId: "equalsInValue",
          ...at(2, 9, 19),
          message:
            'dataDir "/data/zk=1" contains "="; zkServer.sh, zkCleanup.sh and zkServer-initialize.sh keep only the text after the last "=" on the line ("1"); use a path without "="',
        },
      ],
    },
    {
      name: "Windows line endings",
      files: { [ZOO]: "tickTime=2000\r\ndataDir=/var/lib/zookeeper\r\nclientPort=2181\r\n" },
      errors: [
        {
          messageId: "carriageReturn",
          ...next(1, 14),
          message:
            "the file's lines end with CR LF (Windows line endings); ZooKeeper accepts that, but zkServer.sh and zkCleanup.sh read the file with grep and keep the CR at the end of each value, so zkServer.sh status and zkCleanup.sh fail; save the file with LF line endings",
        },
      ],
      output: { [ZOO]: "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n" },
    },
    {
      name: "classic Mac OS line endings",
      files: { [ZOO]: "tickTime=2000\rdataDir=/var/lib/zookeeper\r" },
      errors: [
        {
          messageId: "loneCarriageReturn",
          ...next(1, 14),
          message:
            "the file's lines end with a lone CR (classic Mac OS line endings); ZooKeeper accepts that, but zkServer.sh and zkCleanup.sh read the file with grep and keep the CR at the end of each value, so zkServer.sh status and zkCleanup.sh fail; save the file with LF line endings",
        },
      ],
      output: { [ZOO]: "tickTime=2000\ndataDir=/var/lib/zookeeper\n" },
    },
    {
      name: "byte order mark before a comment",
      files: { [ZOO]: `${BOM}# ZooKeeper\ndataDir=/var/lib/zookeeper\n` },
      errors: [
        {
          messageId: "bom",
          ...at(1, 1, 4),
          message:
            "the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1 and the scripts with grep, and neither expects the three bytes EF BB BF; save the file without the byte order mark",
        },
      ],
      output: { [ZOO]: "# ZooKeeper\ndataDir=/var/lib/zookeeper\n" },
    },
    {
      name: "byte order mark before tickTime",
      files: { [ZOO]: `${BOM}tickTime=2000\ndataDir=/var/lib/zookeeper\n` },
      errors: [
        {
          messageId: "bomKey",
          ...at(1, 1, 4),
          message: `the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1, so the first key is not "tickTime" but "${BOM}tickTime", an unknown key whose setting it ignores; save the file without the byte order mark`,
        },
      ],
      output: { [ZOO]: "tickTime=2000\ndataDir=/var/lib/zookeeper\n" },
    },
    {
      name: "byte order mark before dataDir",
      files: { [ZOO]: `${BOM}dataDir=/var/lib/zookeeper\nclientPort=2181\n` },
      errors: [
        {
          messageId: "bomDataDir",
          ...at(1, 1, 4),
          message: `the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1, so the first key is "${BOM}dataDir", not dataDir, and it exits with "dataDir is not set"; save the file without the byte order mark`,
        },
      ],
      output: { [ZOO]: "dataDir=/var/lib/zookeeper\nclientPort=2181\n" },
    },
    {
      name: "a Windows server's config still gets the byte order mark removed",
      files: { [ZOO]: `${BOM}# ZooKeeper\r\ndataDir=D:/zookeeper/data\r\n` },
      errors: [
        {
          messageId: "bom",
          ...at(1, 1, 4),
          message:
            "the file starts with a UTF-8 byte order mark; ZooKeeper reads the file as ISO-8859-1 and the scripts with grep, and neither expects the three bytes EF BB BF; save the file without the byte order mark",
        },
      ],
      output: { [ZOO]: "# ZooKeeper\r\ndataDir=D:/zookeeper/data\r\n" },
    },
    {
      name: "Windows line endings, a blank separator and trailing blanks, fixed together",
      files: { [ZOO]: "dataDir /var/lib/zookeeper  \r\nclientPort 2181\r\n" },
      errors: [
        {
          messageId: "dirNoEquals",
          ...at(1, 1, 29),
          message:
            'dataDir is written "dataDir /var/lib/zookeeper  ", without "="; zkServer.sh and zkServer-initialize.sh, which read it with grep and sed \'s/.*=//\', take the whole line for the path and create a directory named "dataDir /var/lib/zookeeper", and zkCleanup.sh does not find it; write "dataDir=/var/lib/zookeeper"',
        },
        {
          messageId: "trailingBlanks",
          ...at(1, 27, 29),
          message:
            'dataDir "/var/lib/zookeeper" is followed by blanks; ZooKeeper trims them, but zkCleanup.sh and zkServer-initialize.sh keep them and look for a directory that does not exist ("Path \'/var/lib/zookeeper  \' does not exist."); remove the trailing blanks',
        },
        {
          messageId: "carriageReturn",
          ...next(1, 29),
          message:
            "the file's lines end with CR LF (Windows line endings); ZooKeeper accepts that, but zkServer.sh and zkCleanup.sh read the file with grep and keep the CR at the end of each value, so zkServer.sh status and zkCleanup.sh fail; save the file with LF line endings",
        },
        {
          messageId: "portSeparator",
          ...at(2, 1, 16),
          message:
            'clientPort is written "clientPort 2181"; zkServer.sh status expects "clientPort=" and takes "clientPort 2181" from this line, so it reports "Error contacting service. It is probably not running." even when the server runs; write "clientPort=2181"',
        },
      ],
      output: { [ZOO]: "dataDir=/var/lib/zookeeper\nclientPort=2181\n" },
    },
    {
      name: "an indented line that grep takes for dataDir too",
      files: zoo("dataDir=/var/lib/zookeeper\n  dataDirBackup=/backup\n"),
      errors: [
        {
          messageId: "extraLine",
          ...at(3, 1, 24),
          message:
            'this line also matches grep "^[[:space:]]*dataDir", which zkServer.sh and zkServer-initialize.sh use to find dataDir (line 2), so they get a value of several lines; rename this key or remove the line',
        },
      ],
    },
  ],
});

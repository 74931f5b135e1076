import rule from "../../rules/file-encoding.js";
import { runRuleTests } from "../helpers/rule-tester.js";

/** Files are given one char per byte: this spells a text's UTF-8 bytes that way. */
const utf8 = (s: string): string => Buffer.from(s, "utf8").toString("latin1");

const CFG = "/etc/zookeeper/conf/zoo.cfg";
const HEAD = "tickTime=2000\nclientPort=2181\n";
const BOM = "\u00ef\u00bb\u00bf";

runRuleTests(rule, {
  valid: [
    { name: "ASCII only", files: { [CFG]: `${HEAD}dataDir=/var/lib/zookeeper\n` } },
    { name: "other characters written as \\u escapes", files: { [CFG]: `${HEAD}dataDir=/data/caf\\u00e9\n` } },
    { name: "UTF-8 and Latin-1 in comments, which ZooKeeper skips", files: { [CFG]: `# ${utf8("Café – prod")}\n! caf\u00e9\n${HEAD}` } },
    { name: "a byte order mark alone (unknown-key and zkserver-script-compat report it)", files: { [CFG]: `${BOM}${HEAD}` } },
  ],
  invalid: [
    {
      name: "a UTF-8 path: ZooKeeper uses another directory",
      files: { [CFG]: `${HEAD}dataDir=${utf8("/var/lib/zookeeper/café")}\n` },
      errors: [
        {
          messageId: "utf8",
          file: CFG,
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 33,
          message: 'The value of dataDir holds "é" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "\u00c3\u00a9" instead; write it as \\u00E9',
        },
      ],
    },
    {
      name: "a Latin-1 byte, which is not UTF-8",
      files: { [CFG]: `${HEAD}dataDir=/data/caf\u00e9\n` },
      errors: [
        {
          messageId: "notUtf8",
          file: CFG,
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 19,
          message:
            'The value of dataDir holds 0xE9, which is not UTF-8 text; ZooKeeper reads the file as ISO-8859-1 and sees "\u00e9", but editors that expect UTF-8 show something else; write it as \\u00E9',
        },
      ],
    },
    {
      name: "a UTF-8 character in a key",
      files: { [CFG]: `${HEAD}${utf8("tickTimé")}=2000\n` },
      errors: [
        {
          messageId: "utf8InKey",
          file: CFG,
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 10,
          message: 'The key holds "é" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "\u00c3\u00a9" instead; write it as \\u00E9',
        },
      ],
    },
    {
      name: "two runs in one value, one report each",
      files: { [CFG]: `${HEAD}4lw.commands.whitelist=${utf8("srvr,ruok\u00a0,mntr\u00a0")}\n` },
      errors: [
        {
          messageId: "utf8",
          file: CFG,
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 35,
          message: 'The value of 4lw.commands.whitelist holds " " as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "Â " instead; write it as \\u00A0',
        },
        {
          messageId: "utf8",
          file: CFG,
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 42,
          message: 'The value of 4lw.commands.whitelist holds " " as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "Â " instead; write it as \\u00A0',
        },
      ],
    },
    {
      name: "a long run is shown in part (its 12 bytes are 6 characters)",
      files: { [CFG]: `${HEAD}dataDir=/${utf8("данные-зукипер")}\n` },
      errors: [
        {
          messageId: "utf8",
          file: CFG,
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 22,
          message:
            'The value of dataDir holds "данные" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "\u00d0\u00b4\u00d0\u00b0\u00d0\u00bd\u00d0\u00bd…" instead; write it as \\u0434\\u0430\\u043D\\u043D\\u044B\\u0435',
        },
        {
          messageId: "utf8",
          file: CFG,
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 37,
          message:
            'The value of dataDir holds "зукипер" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "\u00d0\u00b7\u00d1\u0083\u00d0\u00ba\u00d0\u00b8…" instead; write it as \\u0437\\u0443\\u043A\\u0438\\u043F\\u0435\\u0440',
        },
      ],
    },
    {
      name: "a Latin-1 byte in a key",
      files: { [CFG]: `${HEAD}caf\u00e9=1\n` },
      errors: [
        {
          messageId: "notUtf8InKey",
          file: CFG,
          line: 3,
          column: 4,
          endLine: 3,
          endColumn: 5,
          message:
            'The key holds 0xE9, which is not UTF-8 text; ZooKeeper reads the file as ISO-8859-1 and sees "\u00e9", but editors that expect UTF-8 show something else; write it as \\u00E9',
        },
      ],
    },
    {
      name: "a mixed run that is not valid UTF-8 counts as bytes, shortened",
      files: { [CFG]: `${HEAD}dataDir=/d${utf8("é")}\u00ff\u00fe\u00fd\u00fc\u00fb\u00fa\u00f9\n` },
      errors: [
        {
          messageId: "notUtf8",
          file: CFG,
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 20,
          message:
            'The value of dataDir holds 0xC3 0xA9 0xFF 0xFE 0xFD 0xFC 0xFB 0xFA …, which is not UTF-8 text; ZooKeeper reads the file as ISO-8859-1 and sees "\u00c3\u00a9\u00ff\u00fe\u00fd\u00fc\u00fb\u00fa…", but editors that expect UTF-8 show something else; write it as \\u00C3\\u00A9\\u00FF\\u00FE\\u00FD\\u00FC\\u00FB\\u00FA…',
        },
      ],
    },
    {
      name: "on the continuation line of a value",
      files: { [CFG]: `${HEAD}dataDir=/data/\\\n    ${utf8("zoé")}\n` },
      errors: [
        {
          messageId: "utf8",
          file: CFG,
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 9,
          message: 'The value of dataDir holds "é" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "Ã©" instead; write it as \\u00E9',
        },
      ],
    },
    {
      name: "after a byte order mark, the rest of the first key",
      files: { [CFG]: `${BOM}${utf8("ü")}tickTime=2000\n` },
      errors: [
        {
          messageId: "utf8InKey",
          file: CFG,
          line: 1,
          column: 4,
          endLine: 1,
          endColumn: 6,
          message: 'The key holds "ü" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "Ã¼" instead; write it as \\u00FC',
        },
      ],
    },
  ],
});

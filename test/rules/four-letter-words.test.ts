import rule from "../../rules/four-letter-words.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/etc/zookeeper/conf/zoo.cfg";
const BASE = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n";
// The whitelist is line 4; its value starts at column 24 when written "4lw.commands.whitelist=".
const zoo = (line: string): Record<string, string> => ({ [ZOO]: `${BASE}${line}\n` });
const at = (column: number, endColumn: number, line = 4) => ({ file: ZOO, line, column, endLine: line, endColumn });

runRuleTests(rule, {
  valid: [
    { name: "no whitelist: ZooKeeper's default", files: zoo("maxClientCnxns=60") },
    { name: "comma-separated known names", files: zoo("4lw.commands.whitelist=srvr, ruok, mntr") },
    {
      name: "every command of 3.9",
      files: zoo("4lw.commands.whitelist=conf,cons,crst,dirs,dump,envi,gtmk,hash,isro,mntr,ruok,srst,srvr,stat,stmk,wchc,wchp,wchs"),
    },
    { name: "* alone", files: zoo("4lw.commands.whitelist=*") },
    { name: "* with blanks and an empty item", files: zoo("4lw.commands.whitelist=  * ,") },
    { name: "empty items between names are skipped", files: zoo("4lw.commands.whitelist=stat,,ruok, ,conf,") },
    { name: "dirs is a 3.5 command", version: "3.5", files: zoo("4lw.commands.whitelist=dirs, ruok") },
    { name: "blanks around the separator", files: zoo("4lw.commands.whitelist = ruok , stat") },
    {
      name: "Kafka's zookeeper.properties",
      lint: ["/opt/kafka/config/zookeeper.properties"],
      files: { "/opt/kafka/config/zookeeper.properties": "dataDir=/var/lib/zookeeper\nclientPort=2181\n4lw.commands.whitelist=*\n" },
    },
  ],
  invalid: [
    {
      name: "empty value",
      files: zoo("4lw.commands.whitelist="),
      errors: [
        {
          messageId: "empty",
          ...at(1, 24),
          message:
            '4lw.commands.whitelist is empty; ZooKeeper then answers only srvr (which it always enables), so a health check sending ruok, stat or mntr gets "ruok is not executed because it is not in the whitelist."; list the commands your checks need, e.g. "srvr, ruok, mntr"',
        },
      ],
    },
    {
      name: "blanks only",
      files: zoo("4lw.commands.whitelist =   "),
      errors: [
        {
          messageId: "empty",
          ...at(1, 28),
          message:
            '4lw.commands.whitelist is empty; ZooKeeper then answers only srvr (which it always enables), so a health check sending ruok, stat or mntr gets "ruok is not executed because it is not in the whitelist."; list the commands your checks need, e.g. "srvr, ruok, mntr"',
        },
      ],
    },
    {
      name: "space-separated names",
      files: zoo("4lw.commands.whitelist=ruok stat mntr"),
      errors: [
        {
          messageId: "listSeparator",
          ...at(24, 38),
          message:
            '4lw.commands.whitelist item "ruok stat mntr" holds several names; ZooKeeper splits the list at commas only, takes "ruok stat mntr" for one unknown command and enables none of them; write "ruok, stat, mntr"',
        },
      ],
      output: { [ZOO]: `${BASE}4lw.commands.whitelist=ruok, stat, mntr\n` },
    },
    {
      name: "semicolons and a comma",
      files: zoo("4lw.commands.whitelist=ruok;stat, mntr"),
      errors: [
        {
          messageId: "listSeparator",
          ...at(24, 33),
          message:
            '4lw.commands.whitelist item "ruok;stat" holds several names; ZooKeeper splits the list at commas only, takes "ruok;stat" for one unknown command and enables none of them; write "ruok, stat"',
        },
      ],
      output: { [ZOO]: `${BASE}4lw.commands.whitelist=ruok, stat, mntr\n` },
    },
    {
      name: "space-separated with a name ZooKeeper does not know: reported, not rewritten",
      files: zoo("4lw.commands.whitelist=ruok health"),
      errors: [
        {
          messageId: "listSeparator",
          ...at(24, 35),
          message:
            '4lw.commands.whitelist item "ruok health" holds several names; ZooKeeper splits the list at commas only, takes "ruok health" for one unknown command and enables none of them; write "ruok, health"',
        },
      ],
    },
    {
      name: "upper and mixed case",
      files: zoo("4lw.commands.whitelist=RUOK, Stat, srvr"),
      errors: [
        {
          messageId: "wrongCase",
          ...at(24, 28),
          message: '4lw.commands.whitelist names "RUOK"; ZooKeeper compares command names case-sensitively and ignores "RUOK"; write "ruok"',
        },
        {
          messageId: "wrongCase",
          ...at(30, 34),
          message: '4lw.commands.whitelist names "Stat"; ZooKeeper compares command names case-sensitively and ignores "Stat"; write "stat"',
        },
      ],
      output: { [ZOO]: `${BASE}4lw.commands.whitelist=ruok, stat, srvr\n` },
    },
    {
      name: "a misspelt name",
      files: zoo("4lw.commands.whitelist=srvr,ruk"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(29, 32),
          message: '4lw.commands.whitelist names "ruk", which is not a four-letter word of ZooKeeper 3.9; ZooKeeper ignores it silently; did you mean "ruok"?',
        },
      ],
    },
    {
      name: "a name nothing like a command",
      files: zoo("4lw.commands.whitelist=health"),
      errors: [
        {
          messageId: "unknown",
          ...at(24, 30),
          message:
            '4lw.commands.whitelist names "health", which is not a four-letter word of ZooKeeper 3.9; ZooKeeper ignores it silently; the commands are conf, cons, crst, dirs, dump, envi, gtmk, hash, isro, mntr, ruok, srst, srvr, stat, stmk, wchc, wchp, wchs',
        },
      ],
    },
    {
      name: "hash before 3.6",
      version: "3.5",
      files: zoo("4lw.commands.whitelist=ruok, hash"),
      errors: [
        {
          messageId: "unknown",
          ...at(30, 34),
          message:
            '4lw.commands.whitelist names "hash", which is not a four-letter word of ZooKeeper 3.5; ZooKeeper ignores it silently; the commands are conf, cons, crst, dirs, dump, envi, gtmk, isro, mntr, ruok, srst, srvr, stat, stmk, wchc, wchp, wchs',
        },
      ],
    },
    {
      name: "dirs in 3.4",
      version: "3.4",
      files: zoo("4lw.commands.whitelist=dirs"),
      errors: [
        {
          messageId: "unknown",
          ...at(24, 28),
          message:
            '4lw.commands.whitelist names "dirs", which is not a four-letter word of ZooKeeper 3.4; ZooKeeper ignores it silently; the commands are conf, cons, crst, dump, envi, gtmk, isro, mntr, ruok, srst, srvr, stat, stmk, wchc, wchp, wchs',
        },
      ],
    },
    {
      name: "a star glued to a name is not the wildcard",
      files: zoo("4lw.commands.whitelist=*ruok"),
      errors: [
        {
          messageId: "unknownSimilar",
          ...at(24, 29),
          message:
            '4lw.commands.whitelist names "*ruok", which is not a four-letter word of ZooKeeper 3.9; ZooKeeper ignores it silently; did you mean "ruok"?',
        },
      ],
    },
    {
      name: "names beside *",
      files: zoo("4lw.commands.whitelist=ruok, *"),
      errors: [
        {
          messageId: "starWithNames",
          ...at(24, 31),
          message:
            '4lw.commands.whitelist "ruok, *" lists names beside "*"; ZooKeeper enables every four-letter word as soon as one item is "*", so the names restrict nothing; write "*" alone, or only the names',
        },
      ],
    },
    {
      name: "* first, then names",
      files: zoo("4lw.commands.whitelist=*, mntr, ruok  "),
      errors: [
        {
          messageId: "starWithNames",
          ...at(24, 39),
          message:
            '4lw.commands.whitelist "*, mntr, ruok" lists names beside "*"; ZooKeeper enables every four-letter word as soon as one item is "*", so the names restrict nothing; write "*" alone, or only the names',
        },
      ],
    },
    {
      name: "a list continued on the next line",
      files: zoo("4lw.commands.whitelist=ruok,\\\n    STAT"),
      errors: [
        {
          messageId: "wrongCase",
          ...at(5, 9, 5),
          message: '4lw.commands.whitelist names "STAT"; ZooKeeper compares command names case-sensitively and ignores "STAT"; write "stat"',
        },
      ],
      output: { [ZOO]: `${BASE}4lw.commands.whitelist=ruok,\\\n    stat\n` },
    },
    {
      name: "each problem of one list",
      files: zoo("4lw.commands.whitelist=ruok stat,Mntr,  conff"),
      errors: [
        {
          messageId: "listSeparator",
          ...at(24, 33),
          message:
            '4lw.commands.whitelist item "ruok stat" holds several names; ZooKeeper splits the list at commas only, takes "ruok stat" for one unknown command and enables none of them; write "ruok, stat"',
        },
        {
          messageId: "wrongCase",
          ...at(34, 38),
          message: '4lw.commands.whitelist names "Mntr"; ZooKeeper compares command names case-sensitively and ignores "Mntr"; write "mntr"',
        },
        {
          messageId: "unknownSimilar",
          ...at(41, 46),
          message:
            '4lw.commands.whitelist names "conff", which is not a four-letter word of ZooKeeper 3.9; ZooKeeper ignores it silently; did you mean "conf"?',
        },
      ],
      output: { [ZOO]: `${BASE}4lw.commands.whitelist=ruok, stat,mntr,  conff\n` },
    },
  ],
});

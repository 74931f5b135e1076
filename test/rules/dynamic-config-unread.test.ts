// A dynamic file zkcfg will not read: reported once, at dynamicConfigFile.
import rule from "../../rules/dynamic-config.js";
import { NotAFileError, TooLargeError } from "../../src/io/fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { LinkedFileSystem } from "../helpers/linked-fs.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/etc/zookeeper/conf/zoo.cfg";
const DYNAMIC = "/etc/zookeeper/conf/zoo.cfg.dynamic";
const NEXT = "/etc/zookeeper/conf/zoo.cfg.dynamic.next";
const SERVERS = "server.1=zk1.example.com:2888:3888;2181\nserver.2=zk2.example.com:2888:3888;2181\nserver.3=zk3.example.com:2888:3888;2181\n";
const STATIC = `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndynamicConfigFile=${DYNAMIC}\n`;
/** dynamicConfigFile's value on line 5. */
const AT = { file: ZOO, line: 5, column: 19, endLine: 5, endColumn: 19 + DYNAMIC.length };

/** Links, and files that fail to read (by path, after links). */
class TrickyFileSystem extends LinkedFileSystem {
  constructor(
    files: Record<string, string>,
    links: Record<string, string>,
    private readonly failures: Record<string, Error> = {},
  ) {
    super(files, links);
  }

  override readFile(path: string, limit?: number): Uint8Array {
    const failure = this.failures[this.realpath(path)];
    if (failure) throw failure;
    return super.readFile(path, limit);
  }
}

/** A tree whose files at `failing` fail to read with `error`. */
function failing(files: Record<string, string>, failures: Record<string, Error>): { files: Record<string, string>; fs: MemoryFileSystem } {
  return { files, fs: new TrickyFileSystem(files, {}, failures) };
}

runRuleTests(rule, {
  valid: [
    {
      name: "a dynamicConfigFile that is a regular file of server lines is read",
      files: {
        [ZOO]: "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndynamicConfigFile=/etc/zookeeper/conf/zoo.cfg.dynamic\n",
        "/etc/zookeeper/conf/zoo.cfg.dynamic":
          "server.1=zk1.example.com:2888:3888;2181\nserver.2=zk2.example.com:2888:3888;2181\nserver.3=zk3.example.com:2888:3888;2181\n",
      },
    },
  ],
  invalid: [
    {
      name: "a dynamicConfigFile in /proc is not read",
      files: {
        [ZOO]: "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\ndynamicConfigFile=/proc/self/environ\n",
        "/proc/self/environ": "SECRET=1\n",
      },
      errors: [
        {
          messageId: "notReadPseudo",
          file: ZOO,
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 37,
          message:
            "dynamicConfigFile \"/proc/self/environ\" (/proc/self/environ) is not read: it is in /proc, whose files hold a process's or the kernel's data, not a config; zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines",
        },
      ],
    },
    {
      name: "a dynamic file that is a link out of the config's tree is not read",
      files: { [ZOO]: STATIC, "/root/servers": SERVERS },
      fs: new TrickyFileSystem({ [ZOO]: STATIC, "/root/servers": SERVERS }, { [DYNAMIC]: "/root/servers" }),
      errors: [
        {
          messageId: "notReadLinkOut",
          ...AT,
          message:
            'dynamicConfigFile "/etc/zookeeper/conf/zoo.cfg.dynamic" (/root/servers) is not read: it is a symbolic link leading out of /etc/zookeeper; zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines',
        },
      ],
    },
    {
      name: "a .dynamic.next that is a link out of the config's tree is not read",
      files: { [ZOO]: STATIC, [DYNAMIC]: SERVERS, "/root/next": SERVERS },
      fs: new TrickyFileSystem({ [ZOO]: STATIC, [DYNAMIC]: SERVERS, "/root/next": SERVERS }, { [NEXT]: "/root/next" }),
      errors: [
        {
          messageId: "nextNotReadLinkOut",
          ...AT,
          message:
            "/etc/zookeeper/conf/zoo.cfg.dynamic.next, beside this config, is not read: it is a symbolic link leading out of /etc/zookeeper; zkcfg checks none of its lines, and ZooKeeper would read it at startup; delete it unless a reconfiguration is really under way",
        },
      ],
    },
    {
      name: "a .dynamic.next that leads into /proc is not read",
      files: { [ZOO]: STATIC, [DYNAMIC]: SERVERS, "/proc/1/environ": "SECRET=1\n" },
      fs: new TrickyFileSystem({ [ZOO]: STATIC, [DYNAMIC]: SERVERS, "/proc/1/environ": "SECRET=1\n" }, { [NEXT]: "/proc/1/environ" }),
      errors: [
        {
          messageId: "nextNotReadPseudo",
          ...AT,
          message:
            "/etc/zookeeper/conf/zoo.cfg.dynamic.next, beside this config, is not read: it is in /proc, whose files hold a process's or the kernel's data, not a config; zkcfg checks none of its lines, and ZooKeeper would read it at startup; delete it unless a reconfiguration is really under way",
        },
      ],
    },
    {
      name: "a dynamic file larger than any config is not read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS }, { [DYNAMIC]: new TooLargeError(DYNAMIC, 9 * 1024 * 1024) }),
      errors: [
        {
          messageId: "notReadTooLarge",
          ...AT,
          message:
            'dynamicConfigFile "/etc/zookeeper/conf/zoo.cfg.dynamic" (/etc/zookeeper/conf/zoo.cfg.dynamic) is not read: it is larger than 8 MiB, far more than any config; zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines',
        },
      ],
    },
    {
      name: "a .dynamic.next larger than any config is not read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS, [NEXT]: SERVERS }, { [NEXT]: new TooLargeError(NEXT, 9 * 1024 * 1024) }),
      errors: [
        {
          messageId: "nextNotReadTooLarge",
          ...AT,
          message:
            "/etc/zookeeper/conf/zoo.cfg.dynamic.next, beside this config, is not read: it is larger than 8 MiB, far more than any config; zkcfg checks none of its lines, and ZooKeeper would read it at startup; delete it unless a reconfiguration is really under way",
        },
      ],
    },
    {
      name: "a dynamic file replaced by a named pipe after it was found is not read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS }, { [DYNAMIC]: new NotAFileError(DYNAMIC, "a named pipe (FIFO)") }),
      errors: [
        {
          messageId: "notReadNotFile",
          ...AT,
          message:
            'dynamicConfigFile "/etc/zookeeper/conf/zoo.cfg.dynamic" (/etc/zookeeper/conf/zoo.cfg.dynamic) is not read: it is a named pipe (FIFO); zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines',
        },
      ],
    },
    {
      name: "a .dynamic.next replaced by a directory after it was found is not read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS, [NEXT]: SERVERS }, { [NEXT]: new NotAFileError(NEXT, "a directory") }),
      errors: [
        {
          messageId: "nextNotReadNotFile",
          ...AT,
          message:
            "/etc/zookeeper/conf/zoo.cfg.dynamic.next, beside this config, is not read: it is a directory; zkcfg checks none of its lines, and ZooKeeper would read it at startup; delete it unless a reconfiguration is really under way",
        },
      ],
    },
    {
      name: "a dynamic file that cannot be read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS }, { [DYNAMIC]: Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }) }),
      errors: [
        {
          messageId: "notReadFailed",
          ...AT,
          message:
            'dynamicConfigFile "/etc/zookeeper/conf/zoo.cfg.dynamic" (/etc/zookeeper/conf/zoo.cfg.dynamic) is not read: reading it failed (EACCES); zkcfg checks none of its lines, and ZooKeeper would read it at startup; name a regular file holding the server lines',
        },
      ],
    },
    {
      name: "a .dynamic.next that cannot be read",
      ...failing({ [ZOO]: STATIC, [DYNAMIC]: SERVERS, [NEXT]: SERVERS }, { [NEXT]: Object.assign(new Error("EIO: i/o error"), { code: "EIO" }) }),
      errors: [
        {
          messageId: "nextNotReadFailed",
          ...AT,
          message:
            "/etc/zookeeper/conf/zoo.cfg.dynamic.next, beside this config, is not read: reading it failed (EIO); zkcfg checks none of its lines, and ZooKeeper would read it at startup; delete it unless a reconfiguration is really under way",
        },
      ],
    },
  ],
});

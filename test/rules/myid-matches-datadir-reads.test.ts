// The myid reads the in-memory tree cannot stage by itself (a myid the system refuses to read, a
// link leading out of the data directory), and the data directories zkcfg does not read.
import rule from "../../rules/myid-matches-datadir.js";
import { LinkedFileSystem } from "../helpers/linked-fs.js";
import { runRuleTests } from "../helpers/rule-tester.js";

const ZOO = "/etc/zookeeper/conf/zoo.cfg";
const MYID = "/var/lib/zookeeper/myid";
const FILES = {
  [ZOO]:
    "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nclientPort=2181\nserver.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n",
  [MYID]: "1\n",
};
const LOOPBACK =
  "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper/zk1\nclientPort=2181\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n";
const SHARED_BY_LINK = {
  "/opt/zk/conf/zoo1.cfg": LOOPBACK,
  "/opt/zk/conf/zoo2.cfg": LOOPBACK.replace("dataDir=/var/lib/zookeeper/zk1", "dataDir=/srv/zk").replace("clientPort=2181", "clientPort=2182"),
  "/var/lib/zookeeper/zk1/myid": "1\n",
};
const LINKED = { ...FILES, "/etc/zookeeper/conf/myid": "1\n" };

/** The tree, with the system refusing to read some paths and some paths being symbolic links. */
class StagedFileSystem extends LinkedFileSystem {
  constructor(
    files: Record<string, string>,
    private readonly refused: Record<string, string>,
    links: Record<string, string>,
  ) {
    super(files, links);
  }

  override readHead(path: string, limit: number): { bytes: Uint8Array; more: boolean } {
    const code = this.refused[path];
    if (code !== undefined) throw Object.assign(new Error(`${code}: ${path}`), { code });
    return super.readHead(path, limit);
  }
}

runRuleTests(rule, {
  valid: [
    {
      name: "a link to another myid is followed (Debian's layout)",
      files: LINKED,
      fs: new StagedFileSystem(LINKED, {}, { [MYID]: "/etc/zookeeper/conf/myid" }),
    },
    {
      name: "a checkout of a one-host ensemble: its data dirs are not read, with a note",
      checkout: true,
      files: { "/repo/conf/zoo.cfg": LOOPBACK },
      notes: [
        {
          file: "/repo/conf/zoo.cfg",
          line: 4,
          column: 9,
          message:
            'dataDir "/var/lib/zookeeper/zk1" is not checked here: every server line is on loopback, so these configs run on one machine, but nothing says it is this one, so its myid and data were not read; on that machine run zkcfg with --root /, or name it in the settings\' "hosts"',
        },
      ],
    },
  ],
  invalid: [
    {
      name: "a relative dataDir without a myid: fix does not guess where the server starts",
      files: { "/opt/zk/conf/zoo.cfg": FILES[ZOO]!.replace("dataDir=/var/lib/zookeeper", "dataDir=data") },
      dirs: ["/opt/zk/data"],
      errors: [
        {
          messageId: "missingMyidRelative",
          file: "/opt/zk/conf/zoo.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          message:
            'dataDir "data" is relative and has no myid at /opt/zk/data/myid; ZooKeeper exits with "myid file is missing"; zkcfg fix does not write it: ZooKeeper resolves a relative dataDir from the directory the server is started in, which zkcfg cannot know; make dataDir absolute, or write the id there yourself',
        },
      ],
      notes: [
        {
          file: "/opt/zk/conf/zoo.cfg",
          line: 4,
          column: 9,
          message: 'dataDir "data" is relative: zkcfg checked /opt/zk/data, assuming the server starts in /opt/zk, where zkServer.sh is usually run from',
        },
      ],
    },
    {
      name: "a myid the system refuses to read",
      files: FILES,
      fs: new StagedFileSystem(FILES, { [MYID]: "EACCES" }, {}),
      errors: [
        {
          messageId: "unreadableMyid",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message: "/var/lib/zookeeper/myid cannot be read (EACCES); ZooKeeper runs as a user who must read it; fix its permissions",
        },
      ],
    },
    {
      name: "a myid linking out of the data directory to a file not named myid",
      files: FILES,
      fs: new StagedFileSystem(FILES, {}, { [MYID]: "/etc/shadow" }),
      errors: [
        {
          messageId: "myidOutsideLink",
          file: ZOO,
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 27,
          message:
            "/var/lib/zookeeper/myid is a symbolic link leading out of its data directory to a file not named myid; zkcfg does not read what it leads to; make myid a regular file holding this server's id, or a link to another myid",
        },
      ],
    },
    {
      // The directories are compared as the machine resolves them, so a link is followed: both servers read one myid.
      name: "two configs of one host whose dataDirs lead to one directory through a link",
      files: SHARED_BY_LINK,
      fs: new StagedFileSystem(SHARED_BY_LINK, {}, { "/srv/zk": "/var/lib/zookeeper/zk1" }),
      errors: [
        {
          messageId: "sharedDataDir",
          file: "/opt/zk/conf/zoo1.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 31,
          message:
            "dataDir \"/var/lib/zookeeper/zk1\" is also the dataDir of opt/zk/conf/zoo2.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
        {
          messageId: "sharedDataDir",
          file: "/opt/zk/conf/zoo2.cfg",
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          message:
            "dataDir \"/srv/zk\" is also the dataDir of opt/zk/conf/zoo1.cfg on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own",
        },
      ],
    },
  ],
});

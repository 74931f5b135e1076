import { describe, expect, it } from "vitest";
import type { FileSystem } from "../../src/io/fs.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { buildConfigFile } from "../../src/model/config-file.js";

const QUORUM =
  "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nserver.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";

function load(fs: FileSystem, options: { hostname?: string; root?: string } = {}) {
  const view = { fs, syntaxOnly: false, hostname: options.hostname ?? "laptop", ...(options.root ? { root: options.root } : {}) };
  return buildConfigFile("/etc/zookeeper/conf/zoo.cfg", "zoo.cfg", Buffer.from(QUORUM), view, "3.8").facts.dataDir;
}

describe("dataDir facts", () => {
  it("a dataDir that is absent with its parent present belongs to another machine, unless this host is named", () => {
    const fs = new MemoryFileSystem({}, ["/var/lib"]);
    expect(load(fs)?.state).toBe("elsewhere");
    expect(load(fs, { hostname: "zk2.example.com" })?.state).toBe("creatable");
    expect(load(fs, { hostname: "ZK2" })?.state).toBe("creatable");
  });

  it("--root makes the tree under it the target", () => {
    const fs = new MemoryFileSystem({}, ["/img/var/lib"]);
    expect(load(fs, { root: "/img" })).toMatchObject({ state: "creatable", path: "/img/var/lib/zookeeper" });
  });

  it("--root is the target's /: '..' never leads above it, and a config inside the tree resolves relative paths there", () => {
    const fs = new MemoryFileSystem({ "/img/opt/zk/data/myid": "2\n" }, ["/img/etc"]);
    const view = { fs, syntaxOnly: false, hostname: "laptop", root: "/img" };
    const text = (dataDir: string): Buffer => Buffer.from(QUORUM.replace("/var/lib/zookeeper", dataDir));
    const at = (dataDir: string, config = "/etc/zookeeper/conf/zoo.cfg") => buildConfigFile(config, "zoo.cfg", text(dataDir), view, "3.8").facts.dataDir;
    expect(at("/../../../../etc")).toMatchObject({ state: "present", path: "/img/etc" });
    expect(at("../../../../../../opt/zk/data", "/img/opt/zk/conf/zoo.cfg")).toMatchObject({
      state: "present",
      path: "/img/opt/zk/data",
      relative: true,
      myid: { kind: "present" },
    });
  });

  it("under --root, nothing above the root is looked at: a file there blocks nothing", () => {
    const fs = new MemoryFileSystem({ "/srv": "a file, outside the root" });
    expect(load(fs, { root: "/srv/img" })).toMatchObject({ state: "creatable", path: "/srv/img/var/lib/zookeeper" });
  });

  it("a myid that cannot be read is a fact, not a crash", () => {
    const memory = new MemoryFileSystem({ "/var/lib/zookeeper/myid": "1\n" });
    const denied: FileSystem = {
      kind: (p) => memory.kind(p),
      list: (p) => memory.list(p),
      entries: (p) => memory.entries(p),
      readFile: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
      readHead: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    const fact = load(denied, { hostname: "zk1.example.com" });
    expect(fact).toMatchObject({ state: "present", myid: { kind: "unreadable", reason: "EACCES" } });
  });

  it("this machine's files are not even looked at for a config not proven to be for it", () => {
    const looked: string[] = [];
    const memory = new MemoryFileSystem({ "/var/lib/zookeeper/myid": "not a number\n" });
    const watched: FileSystem = {
      kind: (p) => (looked.push(p), memory.kind(p)),
      list: (p) => (looked.push(p), memory.list(p)),
      entries: (p) => (looked.push(p), memory.entries(p)),
      readFile: (p, max) => (looked.push(p), memory.readFile(p, max)),
      readHead: (p, max) => (looked.push(p), memory.readHead(p, max)),
    };
    expect(load(watched)).toMatchObject({ state: "elsewhere", configured: "/var/lib/zookeeper" });
    expect(looked).toEqual([]);
    expect(load(watched, { hostname: "zk3.example.com" })).toMatchObject({ state: "present", myid: { kind: "present" } });
  });
});

describe("relative paths", () => {
  it("are resolved from ZooKeeper's home: the parent of conf/, else the config's folder", async () => {
    const { workingDirectory } = await import("../../src/model/facts.js");
    expect(workingDirectory("/opt/zookeeper/conf/zoo.cfg")).toBe("/opt/zookeeper");
    expect(workingDirectory("/etc/zk/zoo.cfg")).toBe("/etc/zk");
  });

  it("a relative dataDir of a loopback ensemble is read there", () => {
    const fs = new MemoryFileSystem({ "/opt/zk/data/myid": "2\n" });
    const text = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=data\nserver.1=localhost:2888:3888\nserver.2=localhost:2889:3889\n";
    const view = { fs, syntaxOnly: false, hostname: "laptop" };
    const fact = buildConfigFile("/opt/zk/conf/zoo.cfg", "zoo.cfg", Buffer.from(text), view, "3.8").facts.dataDir;
    expect(fact).toMatchObject({ state: "present", path: "/opt/zk/data", relative: true, myid: { kind: "present" } });
  });
});

// The facts about data dirs and myids that rules share: this config's valid myid (valid-myid.ts),
// a myid's flaw (myid.ts), the directory a dataDir names (directory-key.ts), the configs of a host
// sharing one (shared-data-dir.ts), and the id to write into a missing myid (myid-choice.ts).
import { describe, expect, it } from "vitest";
import { directoryKey } from "../../src/model/directory-key.js";
import { myidFlaw } from "../../src/model/myid.js";
import { chooseMyid } from "../../src/model/myid-choice.js";
import { dataDirSharers } from "../../src/model/shared-data-dir.js";
import { myidHolders, validMyid } from "../../src/model/valid-myid.js";
import { LinkedFileSystem } from "../helpers/linked-fs.js";
import { fileAt, HEAD, modelOf } from "../helpers/model.js";

const LOCAL = "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\nserver.3=localhost:2890:3890\n";
const HOSTS = "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";
const cfg = (dataDir: string, servers = LOCAL, clientPort = 2181): string => `${HEAD}dataDir=${dataDir}\nclientPort=${clientPort}\n${servers}`;

describe("validMyid", () => {
  const at = (myid: string | undefined) => {
    const ws = modelOf({ files: { "/c/zoo.cfg": cfg("/d"), ...(myid === undefined ? {} : { "/d/myid": myid }) }, dirs: ["/d"] });
    return validMyid(ws.files[0]!);
  };

  it("gives the id ZooKeeper reads, and where the myid is", () => {
    expect(at("2\n")).toEqual({ id: 2n, path: "/d/myid" });
    expect(at("+02")).toEqual({ id: 2n, path: "/d/myid" });
  });

  it("gives none for a myid that is absent, -1, or not a number", () => {
    expect(at(undefined)).toBeUndefined();
    expect(at("-1\n")).toBeUndefined();
    expect(at("2 \n")).toBeUndefined();
  });

  it("gives none where the data dir is not read (another machine's config)", () => {
    const ws = modelOf({ checkout: true, files: { "/c/zoo.cfg": cfg("/d", HOSTS), "/d/myid": "2\n" } });
    expect(validMyid(ws.files[0]!)).toBeUndefined();
  });
});

describe("myidHolders", () => {
  it("lists the configs of an ensemble whose myid gives each id, in the ensemble's order, with the myid's path", () => {
    const files = {
      "/c/a.cfg": cfg("/d/a", LOCAL, 2181),
      "/c/b.cfg": cfg("/d/b", LOCAL, 2182),
      "/c/c.cfg": cfg("/d/c", LOCAL, 2183),
      "/d/a/myid": "2\n",
      "/d/b/myid": "x\n",
      "/d/c/myid": "2\n",
    };
    const ws = modelOf({ files });
    const holders = myidHolders(ws.ensembleOf(ws.files[0]!));
    expect([...holders].map(([id, list]) => [id, list.map((h) => [h.file.path, h.path])])).toEqual([
      [
        2n,
        [
          ["/c/a.cfg", "/d/a/myid"],
          ["/c/c.cfg", "/d/c/myid"],
        ],
      ],
    ]);
    expect(myidHolders(ws.ensembleOf(ws.files[2]!))).toBe(holders);
  });
});

describe("myidFlaw", () => {
  it("names what makes a first line that is no number look like one", () => {
    expect(myidFlaw(null)).toBe("empty");
    expect(myidFlaw("\uFEFF1")).toBe("byte-order-mark");
    expect(myidFlaw("1 ")).toBe("trailing-blank");
    expect(myidFlaw("one")).toBeUndefined();
  });
});

describe("directoryKey", () => {
  it("is where the machine resolves the path: spellings collapse, links are followed under the root", () => {
    const files = { "/c/a.cfg": cfg("/var/lib/zk/"), "/c/b.cfg": cfg("/var//lib/./zk"), "/c/c.cfg": cfg("/srv/zk"), "/var/lib/zk/myid": "1\n" };
    const ws = modelOf({ files, fs: new LinkedFileSystem(files, { "/srv/zk": "/var/lib/zk" }) });
    expect(ws.files.map((f) => directoryKey(f.facts.dataDir!))).toEqual(["/var/lib/zk", "/var/lib/zk", "/var/lib/zk"]);
  });

  it("is a relative path resolved from the assumed working directory, and an unread path as written, its spelling collapsed", () => {
    const ws = modelOf({ checkout: true, files: { "/opt/zk/conf/zoo.cfg": cfg("./data", LOCAL), "/c/zoo.cfg": cfg("/srv//zk/", HOSTS) } });
    expect(ws.files.map((f) => [f.facts.dataDir!.state, directoryKey(f.facts.dataDir!)])).toEqual([
      ["elsewhere", "/srv/zk"],
      ["creatable", "/opt/zk/data"],
    ]);
  });
});

describe("dataDirSharers", () => {
  it("groups the configs of one host by the directory their dataDir names", () => {
    const ws = modelOf({
      files: { "/c/zoo1.cfg": cfg("/d/1"), "/c/zoo2.cfg": cfg("/d/1/", LOCAL, 2182), "/c/zoo3.cfg": cfg("/d/3", LOCAL, 2183) },
      dirs: ["/d/1", "/d/3"],
    });
    const shared = dataDirSharers(ws);
    expect([...shared].map(([f, group]) => [f.path, group.map((g) => g.path)])).toEqual([
      ["/c/zoo1.cfg", ["/c/zoo1.cfg", "/c/zoo2.cfg"]],
      ["/c/zoo2.cfg", ["/c/zoo1.cfg", "/c/zoo2.cfg"]],
    ]);
    expect(dataDirSharers(ws)).toBe(shared);
  });

  it("leaves configs of different hosts apart, whatever their paths", () => {
    const ws = modelOf({ checkout: true, files: { "/a/zoo.cfg": cfg("/d", HOSTS), "/b/zoo.cfg": cfg("/d", HOSTS.replace(/zk/g, "other")) } });
    expect(new Set(ws.files.map((f) => ws.hostOf(f))).size).toBe(2);
    expect(dataDirSharers(ws).size).toBe(0);
  });
});

describe("chooseMyid", () => {
  const three = (dataDirs: string[], servers = LOCAL) => Object.fromEntries(dataDirs.map((d, i) => [`/c/zoo${i + 1}.cfg`, cfg(d, servers, 2181 + i)]));

  it("a one-host ensemble with new data dirs: ids in file-name order", () => {
    const ws = modelOf({ files: three(["/d/c", "/d/a", "/d/b"]), dirs: ["/d/a", "/d/b", "/d/c"] });
    expect(ws.files.map((f) => chooseMyid(ws, f))).toEqual([
      { kind: "file-order", id: 1n },
      { kind: "file-order", id: 2n },
      { kind: "file-order", id: 3n },
    ]);
  });

  it("one data dir already holding data stops the file-name order: nothing tells the line", () => {
    const ws = modelOf({ files: { ...three(["/d/a", "/d/b", "/d/c"]), "/d/c/version-2/snapshot.1": "" }, dirs: ["/d/a", "/d/b"] });
    expect(chooseMyid(ws, fileAt(ws, "/c/zoo1.cfg"))).toEqual({ kind: "not-every-dir-new" });
  });

  it("the line carrying the config's clientPort, unless another myid already says that id", () => {
    const ported = "server.1=127.0.0.1:2888:3888;2181\nserver.2=127.0.0.1:2889:3889;2182\nserver.3=127.0.0.1:2890:3890;2183\n";
    const ws = modelOf({ files: { ...three(["/d/a", "/d/b", "/d/c"], ported), "/d/c/myid": "2\n" }, dirs: ["/d/a", "/d/b"] });
    expect(chooseMyid(ws, fileAt(ws, "/c/zoo1.cfg"))).toMatchObject({ kind: "line", id: 1n, evidence: "client-port", server: { id: 1n } });
    expect(chooseMyid(ws, fileAt(ws, "/c/zoo2.cfg"))).toEqual({ kind: "held", id: 2n, holder: "/d/c/myid" });
  });

  it("a dataDir another config of the host shares: no id", () => {
    const ws = modelOf({ files: three(["/d/a", "/d/a", "/d/c"]), dirs: ["/d/a", "/d/c"] });
    expect(chooseMyid(ws, fileAt(ws, "/c/zoo2.cfg"))).toMatchObject({ kind: "shared-dir", sharer: { path: "/c/zoo1.cfg" } });
  });

  it("two configs on the line naming this host: each is the other's rival", () => {
    const ws = modelOf({
      checkout: true,
      hostname: "zk2.example.com",
      files: { "/c/a.cfg": cfg("/d/a", HOSTS), "/c/b.cfg": cfg("/d/b", HOSTS) },
      dirs: ["/d/a", "/d/b"],
    });
    expect(chooseMyid(ws, fileAt(ws, "/c/a.cfg"))).toMatchObject({ kind: "rival", evidence: "host-name", server: { id: 2n }, rival: { path: "/c/b.cfg" } });
  });

  it("servers on several hosts, only some configs of a one-host ensemble here, --myid naming no line", () => {
    const hosts = modelOf({ files: { "/c/zoo.cfg": cfg("/d", HOSTS) }, dirs: ["/d"] });
    expect(chooseMyid(hosts, hosts.files[0]!)).toEqual({ kind: "several-hosts" });
    expect(chooseMyid(hosts, hosts.files[0]!, 7n)).toEqual({ kind: "option-no-line", myid: 7n });
    const partial = modelOf({ files: { "/c/zoo.cfg": cfg("/d") }, dirs: ["/d"] });
    expect(chooseMyid(partial, partial.files[0]!)).toEqual({ kind: "partial", present: 1, total: 3 });
  });
});

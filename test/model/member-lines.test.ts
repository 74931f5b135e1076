// How the configs of one family write each member and each shared setting (member-lines.ts,
// shared-settings.ts), and which way of writing is the ensemble's (majority.ts).
import { describe, expect, it } from "vitest";
import type { ConfigFile } from "../../src/model/config-file.js";
import { minorities, namedOf } from "../../src/model/majority.js";
import { clientPart, disagreeing, disagreeingClientParts, memberLines } from "../../src/model/member-lines.js";
import { SHARED_SETTINGS, settingValues } from "../../src/model/shared-settings.js";
import { HEAD, modelOf } from "../helpers/model.js";

/** Configs /c/zoo<i>.cfg holding the lines given, in order. */
function configs(...texts: string[]): ConfigFile[] {
  return modelOf({ checkout: true, files: Object.fromEntries(texts.map((t, i) => [`/c/zoo${i + 1}.cfg`, `${HEAD}dataDir=/d\n${t}`])) }).files;
}
const paths = (files: readonly { file: ConfigFile }[]): string[] => files.map((x) => x.file.path);

describe("memberLines and disagreeing", () => {
  it("group each member's lines by the member they describe; the 0.0.0.0 line agrees with the named one on its ports", () => {
    const files = configs(
      "server.1=0.0.0.0:2888:3888\nserver.2=b:2888:3888\n",
      "server.1=a:2888:3888\nserver.2=b:2889:3889\n",
      "server.1=A:2888:3888\nserver.2=b:2888:3888\n",
    );
    const byId = memberLines(files);
    expect([...byId.get(1n)!.values()].map(paths)).toEqual([["/c/zoo1.cfg"], ["/c/zoo2.cfg", "/c/zoo3.cfg"]]);
    expect(disagreeing(byId.get(1n)!).map(paths)).toEqual([["/c/zoo2.cfg", "/c/zoo3.cfg"]]);
    expect(disagreeing(byId.get(2n)!).map(paths)).toEqual([["/c/zoo1.cfg", "/c/zoo3.cfg"], ["/c/zoo2.cfg"]]);
  });
});

describe("clientPart and disagreeingClientParts", () => {
  it("tell the client address as clients are told it: no host and 0.0.0.0 are any host", () => {
    const [file] = configs("server.1=a:2888:3888;2181\nserver.2=b:2888:3888;0.0.0.0:2182\nserver.3=c:2888:3888;ZK3:2183\nserver.4=d:2888:3888\n");
    expect(file!.config.servers.map((s) => clientPart(s)?.key)).toEqual(["*:2181", "*:2182", "zk3:2183", undefined]);
    expect(clientPart(file!.config.servers[2]!)?.written).toBe("ZK3:2183");
  });

  it("keep only members whose client parts disagree, a wildcard agreeing with a named host on its port", () => {
    const files = configs("server.1=a:2888:3888;2181\nserver.2=b:2888:3888;2181\n", "server.1=a:2888:3888;a:2181\nserver.2=b:2888:3888;2182\n");
    expect([...disagreeingClientParts(files)].map(([id, lists]) => [id, lists.map(paths)])).toEqual([[2n, [["/c/zoo1.cfg"], ["/c/zoo2.cfg"]]]]);
  });
});

describe("minorities", () => {
  const item = (file: string) => ({ file: { path: file } as ConfigFile });

  it("reports every group but the largest against the largest", () => {
    const [a, b, c] = [[item("a"), item("b")], [item("c")], [item("d")]];
    expect([...minorities([a!, b!, c!])].map((m) => [paths(m.group), m.other.file.path, m.files.first.map((f) => f.path), m.files.count])).toEqual([
      [["c"], "a", ["a", "b"], 2],
      [["d"], "a", ["a", "b"], 2],
    ]);
  });

  it("with a tie, every group against all the others, counted", () => {
    const out = [...minorities([[item("a")], [item("b")]])];
    expect(out.map((m) => [paths(m.group), m.other.file.path, m.files.first.map((f) => f.path), m.files.count])).toEqual([
      [["a"], "b", ["b"], 1],
      [["b"], "a", ["a"], 1],
    ]);
    expect([...minorities([[item("a")]])]).toEqual([]);
  });

  it("names the first three distinct files, and counts them all", () => {
    const files = ["a", "b", "c", "d"].map((p) => ({ path: p }) as ConfigFile);
    expect(namedOf([files, files.slice(0, 2)])).toEqual({ first: files.slice(0, 3), count: 4 });
  });
});

describe("settingValues", () => {
  const setting = (key: string) => SHARED_SETTINGS.find((s) => s.key === key)!;

  it("groups the files by the value ZooKeeper uses; an unset key counts as its default", () => {
    const texts = ["tickTime=+3000\n", "", "tickTime=2000\n"];
    const files = modelOf({
      checkout: true,
      files: Object.fromEntries(texts.map((t, i) => [`/c/zoo${i + 1}.cfg`, `initLimit=10\nsyncLimit=5\ndataDir=/d\n${t}`])),
    }).files;
    const groups = settingValues(files, setting("tickTime"));
    expect(groups.map((g) => g.map((v) => [v.file.path, v.value, v.written]))).toEqual([
      [
        ["/c/zoo1.cfg", "3000", "+3000"],
        ["/c/zoo2.cfg", "3000", undefined],
      ],
      [["/c/zoo3.cfg", "2000", "2000"]],
    ]);
  });

  it("gives nothing when the values agree as ZooKeeper reads them", () => {
    expect(settingValues(configs("sslQuorum=TRUE\n", "sslQuorum=true\n"), setting("sslQuorum"))).toEqual([]);
  });

  it("reads booleans before 3.7 as anything but true is false, from 3.7 on leaves unclear ones out", () => {
    const texts = ["sslQuorum=yes\n", "sslQuorum=false\n", "sslQuorum=true\n"];
    const at = (version: "3.6" | "3.8") => {
      const files = modelOf({
        checkout: true,
        version,
        files: Object.fromEntries(texts.map((t, i) => [`/c/zoo${i + 1}.cfg`, `${HEAD}dataDir=/d\n${t}`])),
      }).files;
      return settingValues(files, setting("sslQuorum")).map((g) => g.map((v) => v.value));
    };
    expect(at("3.6")).toEqual([["false", "false"], ["true"]]);
    expect(at("3.8")).toEqual([["false"], ["true"]]);
  });
});

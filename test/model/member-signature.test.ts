// One signature for a server line (src/model/member-signature.ts), and the family fact built on it.
import { describe, expect, it } from "vitest";
import { memberKey, memberSignature, sameServerLines, writtenAlike } from "../../src/model/member-signature.js";
import type { ServerSpec } from "../../src/model/server-spec.js";
import { HEAD, modelOf } from "../helpers/model.js";

/** The server lines of a config holding `lines`. */
function servers(...lines: string[]): ServerSpec[] {
  const ws = modelOf({ checkout: true, files: { "/c/zoo.cfg": `${HEAD}dataDir=/d\n${lines.join("\n")}\n` } });
  return ws.files[0]!.config.servers;
}

describe("memberSignature and memberKey", () => {
  it("name the member by machine, ports and role: every loopback name is one machine, host names ignore case", () => {
    const [a] = servers("server.1=localhost:2888:3888");
    const [b] = servers("server.1=127.0.0.1:2888:3888");
    const [c] = servers("server.1=ZK1.example.com:2888:3888:observer");
    expect(memberSignature(a!)).toBe(memberSignature(b!));
    expect(memberSignature(c!)).toBe("zk1.example.com:2888:3888:observer");
    expect(memberKey(c!)).toBe("server.1=zk1.example.com:2888:3888:observer");
  });

  it("with anyHost, compare ports and role only; every address of a multi-address line counts", () => {
    const [a] = servers("server.2=zk1:2888:3888|zk1b:2889:3889");
    expect(memberSignature(a!, true)).toBe("*:2888:3888|*:2889:3889:participant");
  });
});

describe("writtenAlike and sameServerLines", () => {
  it("lines written alike are the same; a host in other letters is written otherwise", () => {
    const [a] = servers("server.1=zk1.example.com:2888:3888");
    const [b] = servers("server.1=zk1.example.com:2888:3888");
    const [c] = servers("server.1=ZK1.example.com:2888:3888");
    expect(writtenAlike(a!, b!)).toBe(true);
    expect(writtenAlike(a!, c!)).toBe(false);
  });

  it("every list the same, or not: a missing line or another port is enough", () => {
    const three = servers("server.1=a:1:2", "server.2=b:1:2", "server.3=c:1:2");
    expect(sameServerLines([three, servers("server.1=a:1:2", "server.2=b:1:2", "server.3=c:1:2")])).toBe(true);
    expect(sameServerLines([three, servers("server.1=a:1:2", "server.2=b:1:2")])).toBe(false);
    expect(sameServerLines([three, servers("server.1=a:1:2", "server.2=b:1:3", "server.3=c:1:2")])).toBe(false);
    expect(sameServerLines([three])).toBe(true);
  });
});

describe("Family.sameServerLines", () => {
  const lines = "server.1=zk1.example.com:2888:3888\nserver.2=zk2.example.com:2888:3888\nserver.3=zk3.example.com:2888:3888\n";
  const member = (i: number, servers = lines): [string, string] => [`/c/zoo${i}.cfg`, `${HEAD}dataDir=/d${i}\nclientPort=2181\n${servers}`];

  it("is true for the usual ensemble and false when one config writes a line otherwise, though it names the same member", () => {
    const same = modelOf({ checkout: true, files: Object.fromEntries([member(1), member(2), member(3)]) });
    expect(same.families.map((f) => [f.files.length, f.sameServerLines])).toEqual([[3, true]]);
    const cased = modelOf({ checkout: true, files: Object.fromEntries([member(1), member(2, lines.replace("zk1.", "ZK1."))]) });
    expect(cased.families.map((f) => [f.files.length, f.sameServerLines])).toEqual([[2, false]]);
  });

  it("is asked once, then kept", () => {
    const ws = modelOf({ checkout: true, files: Object.fromEntries([member(1), member(2)]) });
    const family = ws.families[0]!;
    expect(family.sameServerLines).toBe(true);
    family.files.push(modelOf({ checkout: true, files: Object.fromEntries([member(3, "server.1=x:1:2\n")]) }).files[0]!);
    expect(family.sameServerLines).toBe(true);
  });
});

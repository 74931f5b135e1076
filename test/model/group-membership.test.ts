// Hierarchical quorums as ZooKeeper reads them: the group and weight lines (hierarchy.ts), who is
// in which group (readMembership) and whether the groups can ever form a quorum (countQuorum).
import { describe, expect, it } from "vitest";
import type { ZooConfig } from "../../src/model/config.js";
import { countQuorum, readMembership } from "../../src/model/group-membership.js";
import { HEAD, modelOf } from "../helpers/model.js";

const config = (lines: string): ZooConfig => modelOf({ checkout: true, files: { "/c/zoo.cfg": `${HEAD}dataDir=/d\n${lines}` } }).files[0]!.config;
const SERVERS = "server.1=a:2888:3888\nserver.2=b:2888:3888\nserver.3=c:2888:3888\nserver.4=d:2888:3888:observer\n";

describe("readHierarchy's errors", () => {
  it("tell a key that is not numbered from a value that is not a number", () => {
    const { hierarchy } = config(`${SERVERS}group.x=1:2\ngroup.1=1:two\nweight.1=\n`);
    expect(hierarchy.errors.map((e) => [e.entry.key, e.inKey, e.message])).toEqual([
      ["group.x", true, 'NumberFormatException: For input string: "x"'],
      ["group.1", false, 'NumberFormatException: For input string: "two"'],
      ["weight.1", false, 'NumberFormatException: For input string: ""'],
    ]);
  });
});

describe("readMembership", () => {
  it("puts each server in the group listing it first, and keeps every later listing, even within one line", () => {
    const c = config(`${SERVERS}group.1=1:1:2\ngroup.2=2:3\n`);
    const m = readMembership(c.hierarchy, c.servers);
    expect([...m.groupOf].map(([id, g]) => [id, g.entry.key])).toEqual([
      [1n, "group.1"],
      [2n, "group.1"],
      [3n, "group.2"],
    ]);
    expect(m.repeats.map((r) => [r.member.value, r.group.entry.key, r.first.entry.key])).toEqual([
      [1n, "group.1", "group.1"],
      [2n, "group.2", "group.1"],
    ]);
  });

  it("finds participants in no group, and group members that never vote, with their weights", () => {
    const c = config(`${SERVERS}group.1=1:2:4:9\nweight.9=2\nweight.1=1\nweight.1=3\n`);
    const m = readMembership(c.hierarchy, c.servers);
    expect(m.ungrouped.map((s) => s.id)).toEqual([3n]);
    expect(m.nonVoters.map((n) => [n.member.value, n.spec?.role, n.weight?.weight.value])).toEqual([
      [4n, "observer", undefined],
      [9n, undefined, 2n],
    ]);
    // Properties keeps the last of duplicate keys.
    expect(m.weightOf.get(1n)?.weight.value).toBe(3n);
  });
});

describe("countQuorum", () => {
  const count = (lines: string) => {
    const c = config(lines);
    return countQuorum(c.hierarchy, readMembership(c.hierarchy, c.servers), c.servers);
  };

  it("counts the groups whose weight is not 0, and those whose participants hold a majority of it", () => {
    const q = count(`${SERVERS}group.1=1:2\ngroup.2=3\ngroup.3=4\nweight.4=0\n`);
    expect({ zero: q.zero.map((g) => g.entry.key), counted: q.counted, able: q.able, half: q.half, none: q.none }).toEqual({
      zero: ["group.3"],
      counted: 2,
      able: 2,
      half: 1,
      none: false,
    });
  });

  it("a group whose weight lies with an observer cannot reach its majority", () => {
    const q = count(`${SERVERS}group.1=1\ngroup.2=2:4\nweight.4=5\ngroup.3=3\n`);
    expect([q.counted, q.able, q.half]).toEqual([3, 2, 1]);
  });

  it("every group weighing 0 leaves nothing to count", () => {
    const q = count(`${SERVERS}group.1=1:2:3\nweight.1=0\nweight.2=0\nweight.3=0\n`);
    expect(q.none).toBe(true);
  });
});

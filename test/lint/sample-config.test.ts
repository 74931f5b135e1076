import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { lintTree } from "../helpers/workspace.js";

// The sample of every release, as shipped in conf/ (comments left out), and a real config beside it.
const SAMPLE = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/tmp/zookeeper\nclientPort=2181\n";
const ZOO = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\nclientPort=2181\n";
const files = { "/opt/zookeeper/conf/zoo.cfg": ZOO, "/opt/zookeeper/conf/zoo_sample.cfg": SAMPLE };
const dirs = ["/var/lib/zookeeper"];

const findings = (lint?: string[]): string[] =>
  lintTree({ files, dirs, ...(lint ? { lint } : {}) }).results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}/${m.messageId}`),
  );

/** The configs a lint of `named` reads. */
function configsRead(named: string): string[] {
  const read = new Set<string>();
  const fs = new (class extends MemoryFileSystem {
    override readFile(path: string, limit?: number): Uint8Array {
      if (path.endsWith(".cfg")) read.add(path);
      return super.readFile(path, limit);
    }
  })(files, dirs);
  lintTree({ files, fs, lint: [named] });
  return [...read];
}

describe("zoo_sample.cfg beside the real config", () => {
  it("is not linted, nor a server of zoo.cfg's host, when both are named (conf/*.cfg)", () => {
    const { results } = lintTree({ files, dirs });
    expect(results.map((r) => r.filePath)).toEqual(["opt/zookeeper/conf/zoo.cfg"]);
    expect(findings()).toEqual([]);
  });

  it("is not read as a sibling when zoo.cfg is named alone", () => {
    expect(findings(["/opt/zookeeper/conf/zoo.cfg"])).toEqual([]);
    expect(configsRead("/opt/zookeeper/conf/zoo.cfg")).toEqual(["/opt/zookeeper/conf/zoo.cfg"]);
  });

  it("is linted as a standalone file when named alone, without its siblings", () => {
    expect(findings(["/opt/zookeeper/conf/zoo_sample.cfg"])).toEqual(["opt/zookeeper/conf/zoo_sample.cfg:4:9 datadir-durability/tmpDataDir"]);
    expect(configsRead("/opt/zookeeper/conf/zoo_sample.cfg")).toEqual(["/opt/zookeeper/conf/zoo_sample.cfg"]);
  });

  it("leaves the other configs of the folder checked against each other", () => {
    const both = { ...files, "/opt/zookeeper/conf/zoo_copy.cfg": ZOO };
    const ids = lintTree({ files: both, dirs }).results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}`));
    expect(ids).toContain("opt/zookeeper/conf/zoo.cfg:5:12 port-collision");
    expect(ids.some((i) => i.includes("zoo_sample"))).toBe(false);
  });
});

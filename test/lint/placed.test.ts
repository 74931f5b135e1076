import { describe, expect, it } from "vitest";
import { ZooConfig } from "../../src/model/config.js";
import { parseDocument } from "../../src/parse/document.js";
import { placeData, placed, withDynamicTwins } from "../../src/lint/placed.js";
import type { ConfigFile } from "../../src/model/config-file.js";
import type { Report } from "../../src/lint/rule.js";

const doc = (...lines: string[]) => parseDocument(lines.join("\n") + "\n");
const STATIC = doc("clientPort=2181", "server.1=zk1:2888:3888");
const DYNAMIC = doc("# members", "server.1=zk1:2888:3888", "server.2=zk2:2888:3888");

const messages = withDynamicTwins({
  lone: { text: '{{key}} "{{value}}"{{place}} is alone', impact: "startup" },
  count: { text: "{{count}} servers", impact: "runtime" },
} as const);

describe("ZooConfig.sourceOf", () => {
  it("is undefined for a line of the config itself", () => {
    const config = new ZooConfig(STATIC, "3.9");
    expect(config.sourceOf(config.servers[0]!.entry)).toBeUndefined();
  });

  it("gives the line in the dynamic file and the file's name", () => {
    const config = new ZooConfig(STATIC, "3.9", { document: DYNAMIC, name: "zoo.cfg.dynamic.100000000" });
    expect(config.sourceOf(config.server(2n)!.entry)).toEqual({ dynamicLine: 3, dynamicFile: "zoo.cfg.dynamic.100000000" });
  });
});

describe("withDynamicTwins", () => {
  it("takes the mark out, and gives each marked message a twin that names the line there", () => {
    expect(messages).toEqual({
      lone: { text: '{{key}} "{{value}}" is alone', impact: "startup" },
      loneInDynamicFile: { text: '{{key}} "{{value}}" (line {{dynamicLine}} of {{dynamicFile}}) is alone', impact: "startup" },
      count: { text: "{{count}} servers", impact: "runtime" },
    });
  });
});

describe("placed", () => {
  const report = (config: ZooConfig, messageId: keyof typeof messages): Report<keyof typeof messages> => ({
    messageId,
    data: { key: "server.1", ...placeData(config, config.server(1n)!.entry) },
    file: {} as ConfigFile,
    range: { start: 0, end: 0 },
  });

  it("keeps the id of a report about a line of the config itself", () => {
    const config = new ZooConfig(STATIC, "3.9");
    expect(placed(messages, report(config, "lone")).messageId).toBe("lone");
  });

  it("gives a report about a line of the dynamic file its twin's id", () => {
    const config = new ZooConfig(STATIC, "3.9", { document: DYNAMIC, name: "zoo.cfg.dynamic.100000000" });
    const r = placed(messages, report(config, "lone"));
    expect(r.messageId).toBe("loneInDynamicFile");
    expect(r.data).toEqual({ key: "server.1", dynamicLine: 2, dynamicFile: "zoo.cfg.dynamic.100000000" });
  });

  it("refuses a message about a line of the dynamic file that has no twin", () => {
    const config = new ZooConfig(STATIC, "3.9", { document: DYNAMIC, name: "zoo.cfg.dynamic.100000000" });
    expect(() => placed(messages, report(config, "count"))).toThrow("message count has no InDynamicFile twin");
  });
});

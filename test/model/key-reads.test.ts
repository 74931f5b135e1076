import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parse/document.js";
import { ZooConfig } from "../../src/model/config.js";
import { badValueImpact, readsKey } from "../../src/model/key-reads.js";
import { keySpec, type KeySpec } from "../../src/model/keys.js";

const config = (...lines: string[]): ZooConfig => new ZooConfig(parseDocument(lines.join("\n") + "\n"), "3.9");
const spec = (name: string): KeySpec => {
  const found = keySpec(name);
  if (!found) throw new Error(`no key ${name}`);
  return found;
};
const QUORUM = ["server.1=zk1:2888:3888", "server.2=zk2:2888:3888", "server.3=zk3:2888:3888"];

describe("readsKey", () => {
  it("a standalone server reads no quorum-only property; a quorum member does", () => {
    expect(readsKey(config("cnxTimeout=5s"), spec("cnxTimeout"))).toBe(false);
    expect(readsKey(config("cnxTimeout=5s", ...QUORUM), spec("cnxTimeout"))).toBe(true);
    // standaloneEnabled=false runs a quorum of one.
    expect(readsKey(config("cnxTimeout=5s", "standaloneEnabled=false", "server.1=zk1:2888:3888"), spec("cnxTimeout"))).toBe(true);
  });

  it("a provider's options are read only by that provider", () => {
    expect(readsKey(config("metricsProvider.httpPort=7000"), spec("metricsProvider.httpPort"))).toBe(false);
    const prometheus = config("metricsProvider.className=org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider", "metricsProvider.httpPort=7000");
    expect(readsKey(prometheus, spec("metricsProvider.httpPort"))).toBe(true);
  });

  it("zoo.cfg's version is read only while zoo.cfg holds the server list", () => {
    expect(readsKey(config("version=100000000", ...QUORUM), spec("version"))).toBe(true);
    expect(readsKey(config("version=100000000", "dynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic"), spec("version"))).toBe(false);
  });

  it("explicit keys are read in either mode", () => {
    expect(readsKey(config("clientPort=2181"), spec("clientPort"))).toBe(true);
  });
});

describe("badValueImpact", () => {
  it("a startup-quorum key stops only a quorum member", () => {
    expect(badValueImpact(config("cnxTimeout=5s"), spec("cnxTimeout"))).toBe("runtime");
    expect(badValueImpact(config("cnxTimeout=5s", ...QUORUM), spec("cnxTimeout"))).toBe("startup");
    expect(badValueImpact(config(), spec("clientPort"))).toBe("startup");
    expect(badValueImpact(config(), spec("admin.serverPort"))).toBe("runtime");
  });
});

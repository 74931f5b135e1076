import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { lintCompose } from "../../src/compose/lint.js";

// Each case is fixtures/compose/<valid|invalid>/<name>/docker-compose.yml, linted as the CLI lints it.
const DIR = join(import.meta.dirname, "..", "..", "fixtures", "compose");

function lint(kind: string, name: string, withMessage = true) {
  const path = join(DIR, kind, name, "docker-compose.yml");
  const [result] = lintCompose([{ path, name: "docker-compose.yml", bytes: readFileSync(path) }], nodeFileSystem, join(DIR, kind, name), "ci");
  return (result?.messages ?? []).map((m) => ({
    ruleId: m.ruleId,
    messageId: m.messageId,
    line: m.line,
    column: m.column,
    ...(withMessage ? { message: m.message } : {}),
  }));
}

const INVALID: Record<string, { ruleId: string; messageId: string; line: number; column: number }[]> = {
  "same-id": [
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 9, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 11, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 11, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 19, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 21, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 21, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 29, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 31, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 31, column: 7 },
  ],
  "docker-host-address": [
    { ruleId: "compose", messageId: "ownAddress", line: 11, column: 7 },
    { ruleId: "ensemble-consistency", messageId: "memberDiffers", line: 11, column: 7 },
  ],
  "own-line-any-address": [11, 21, 31].map((line) => ({ ruleId: "server-spec", messageId: "wildcardOwn", line, column: 7 })),
  "servers-without-client-port": [11, 21, 31].map((line) => ({ ruleId: "server-spec", messageId: "noClientPortOnLines", line, column: 7 })),
  "healthcheck-not-whitelisted": [{ ruleId: "compose", messageId: "healthcheck4lw", line: 7, column: 13 }],
  "published-port-clash": [{ ruleId: "compose", messageId: "hostPort", line: 17, column: 9 }],
  // At the long-syntax entry: its "- " item, whose map starts at target.
  "published-port-long-syntax": [{ ruleId: "compose", messageId: "hostPort", line: 17, column: 9 }],
  "published-port-ipv6": [{ ruleId: "compose", messageId: "hostPort", line: 17, column: 9 }],
  "published-port-range-exhausted": [{ ruleId: "compose", messageId: "hostPort", line: 27, column: 9 }],
  "published-port-range-overlap": [{ ruleId: "compose", messageId: "hostPort", line: 27, column: 9 }],
  "bitnami-variable": [
    { ruleId: "compose", messageId: "unknownVariable", line: 20, column: 7 },
    { ruleId: "compose", messageId: "unknownVariable", line: 21, column: 7 },
  ],
  "bitnami-any-address": [16, 28, 40].map((line, i) => ({ ruleId: "server-spec", messageId: "wildcardOwn", line, column: i === 1 ? 9 : 7 })),
  "bitnami-docker-host-address": [
    { ruleId: "compose", messageId: "ownAddress", line: 16, column: 7 },
    { ruleId: "ensemble-consistency", messageId: "memberDiffers", line: 16, column: 7 },
  ],
  "bitnami-healthcheck-not-whitelisted": [{ ruleId: "compose", messageId: "healthcheck4lw", line: 7, column: 13 }],
  "bitnami-mounted-config": [
    { ruleId: "compose", messageId: "myidElsewhere", line: 34, column: 9 },
    { ruleId: "compose", messageId: "noEffect", line: 40, column: 7 },
    { ruleId: "compose", messageId: "noEffect", line: 41, column: 7 },
    { ruleId: "compose", messageId: "noEffect", line: 42, column: 7 },
  ],
  "bitnami-refuses": [
    { ruleId: "compose", messageId: "imageRefuses", line: 4, column: 12 },
    { ruleId: "compose", messageId: "imageRefuses", line: 27, column: 9 },
    { ruleId: "compose", messageId: "imageRefuses", line: 27, column: 9 },
  ],
  "bitnami-same-id": [
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 4, column: 12 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 15, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 15, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 18, column: 12 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 26, column: 9 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 26, column: 9 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 29, column: 12 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 37, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 37, column: 7 },
  ],
  "bitnami-unknown-variable": [
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 12, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 16, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 19, column: 12 },
    { ruleId: "compose", messageId: "unknownVariable", line: 25, column: 9 },
    { ruleId: "compose", messageId: "unknownVariable", line: 26, column: 9 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 29, column: 9 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 41, column: 7 },
  ],
  "confluent-any-address": [
    { ruleId: "server-spec", messageId: "wildcardOwnRejoin", line: 13, column: 7 },
    { ruleId: "server-spec", messageId: "wildcardOwnRejoin", line: 25, column: 7 },
    { ruleId: "server-spec", messageId: "wildcardOwnRejoin", line: 37, column: 7 },
  ],
  "confluent-docker-host-address": [
    { ruleId: "compose", messageId: "ownAddress", line: 13, column: 7 },
    { ruleId: "ensemble-consistency", messageId: "memberDiffers", line: 13, column: 7 },
  ],
  "confluent-healthcheck-not-whitelisted": [{ ruleId: "compose", messageId: "healthcheck4lw", line: 7, column: 13 }],
  "confluent-mounted-config": [{ ruleId: "compose", messageId: "configOverwritten", line: 31, column: 9 }],
  "confluent-refuses": [
    { ruleId: "compose", messageId: "imageRefuses", line: 12, column: 7 },
    { ruleId: "compose", messageId: "imageRefuses", line: 27, column: 12 },
  ],
  "confluent-same-id": [
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 9, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 13, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 13, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 21, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 25, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 25, column: 7 },
    { ruleId: "myid-matches-datadir", messageId: "duplicateMyid", line: 33, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 37, column: 7 },
    { ruleId: "compose", messageId: "serverIdMismatch", line: 37, column: 7 },
  ],
  "confluent-unknown-variable": [
    { ruleId: "init-sync-limits", messageId: "tickMissing", line: 16, column: 12 },
    { ruleId: "compose", messageId: "unknownVariable", line: 21, column: 7 },
    { ruleId: "compose", messageId: "unknownVariable", line: 24, column: 7 },
    { ruleId: "ensemble-consistency", messageId: "timingDiffersUnsetHere", line: 26, column: 7 },
  ],
  "unknown-server-host": [
    { ruleId: "compose", messageId: "serverHost", line: 11, column: 7 },
    { ruleId: "compose", messageId: "serverHost", line: 21, column: 7 },
  ],
};

describe("compose checks", () => {
  it("has a case in the table for each invalid fixture", () => {
    expect(readdirSync(join(DIR, "invalid")).sort()).toEqual(Object.keys(INVALID).sort());
  });

  for (const name of readdirSync(join(DIR, "valid"))) {
    it(`finds nothing in valid/${name}`, () => expect(lint("valid", name, false)).toEqual([]));
  }

  for (const [name, expected] of Object.entries(INVALID)) {
    it(`reports invalid/${name} at the YAML that causes it`, () => {
      expect(lint("invalid", name, false)).toEqual(expected);
    });
  }

  it("names the fix in its messages", () => {
    expect(lint("invalid", "bitnami-variable").map((m) => m.message)).toEqual([
      "service zoo2: the zookeeper:3.9 image does not read ZOO_SERVER_ID, so it has no effect; ZOO_SERVER_ID is the bitnami/zookeeper image's spelling; this image reads ZOO_MY_ID",
      "service zoo2: the zookeeper:3.9 image does not read ZOO_TICKTIME, so it has no effect; did you mean ZOO_TICK_TIME?",
    ]);
    expect(lint("invalid", "healthcheck-not-whitelisted")[0]?.message).toContain('set ZOO_4LW_COMMANDS_WHITELIST: "srvr,ruok"');
    expect(lint("invalid", "published-port-clash")[0]?.message).toContain(
      'service zoo2 publishes port 2181 of the Docker host (tcp), which service zoo1 ("2181:2181") publishes already',
    );
    expect(lint("invalid", "published-port-range-exhausted")[0]?.message).toContain(
      'service zoo3 publishes one free port of 2181-2182 of the Docker host (tcp), and service zoo1 ("2181:2181"), service zoo2 ("2182:2181") take all 2 of them',
    );
    expect(lint("invalid", "published-port-range-overlap")[0]?.message).toContain(
      'service zoo3 publishes port 2183 of the Docker host (tcp), which service zoo1 ("2181-2183:2181-2183") publishes already',
    );
  });

  it("names each image's own spelling and way of whitelisting", () => {
    expect(
      lint("invalid", "bitnami-unknown-variable")
        .filter((m) => m.messageId === "unknownVariable")
        .map((m) => m.message),
    ).toEqual([
      "service zoo2: the bitnami/zookeeper:3.9 image does not read ZOO_MY_ID, so it has no effect; ZOO_MY_ID is the zookeeper image's spelling; this image reads ZOO_SERVER_ID",
      "service zoo2: the bitnami/zookeeper:3.9 image does not read ZOO_TICKTIME, so it has no effect; did you mean ZOO_TICK_TIME?",
    ]);
    expect(lint("invalid", "confluent-unknown-variable").find((m) => m.messageId === "unknownVariable")?.message).toBe(
      "service zookeeper-2: the confluentinc/cp-zookeeper:7.4.0 image does not read ZOO_MY_ID, so it has no effect; ZOO_MY_ID is the zookeeper image's spelling; this image reads ZOOKEEPER_SERVER_ID",
    );
    expect(lint("invalid", "bitnami-healthcheck-not-whitelisted")[0]?.message).toContain(
      'its whitelist is "srvr, mntr"; the check always fails: set ZOO_4LW_COMMANDS_WHITELIST: "srvr,mntr,ruok"',
    );
    expect(lint("invalid", "confluent-healthcheck-not-whitelisted")[0]?.message).toContain("add -Dzookeeper.4lw.commands.whitelist=srvr,ruok to KAFKA_OPTS");
  });

  it("reports what the entrypoint refuses at the variable, and lints nothing the refused container would have written", () => {
    expect(lint("invalid", "bitnami-refuses").map((m) => m.message)).toEqual([
      'service zoo1: the bitnami/zookeeper:3.9 entrypoint exits before ZooKeeper starts: client authentication is off (ZOO_ENABLE_AUTH) and ALLOW_EMPTY_PASSWORD is not yes; set ALLOW_EMPTY_PASSWORD: "yes" for a server without authentication',
      'service zoo2: the bitnami/zookeeper entrypoint exits before ZooKeeper starts: the ZOO_SERVERS item "2181" is not of the form host:port:port::id (zoo1:2888:3888::1), which every item takes once one has ::id; write each server as host:port:port::id (zoo1:2888:3888::1)',
      'service zoo2: the bitnami/zookeeper entrypoint exits before ZooKeeper starts: the ZOO_SERVERS item "server.1=zoo1:2888:3888" is not of the form host:port:port::id (zoo1:2888:3888::1), which every item takes once one has ::id; write each server as host:port:port::id (zoo1:2888:3888::1)',
    ]);
    expect(lint("invalid", "confluent-refuses")[1]?.message).toBe(
      "service zookeeper-3: the confluentinc/cp-zookeeper entrypoint exits before ZooKeeper starts: it requires ZOOKEEPER_CLIENT_PORT (or ZOOKEEPER_SECURE_CLIENT_PORT), which is not set; set ZOOKEEPER_CLIENT_PORT: 2181",
    );
  });

  it("says which variables a mounted Bitnami zoo.cfg voids, and that Confluent's entrypoint writes over a mounted file", () => {
    expect(lint("invalid", "bitnami-mounted-config")[0]?.message).toBe(
      "service zoo3 mounts its own zoo.cfg (./zoo3.cfg:/opt/bitnami/zookeeper/conf/zoo.cfg:ro) with dataDir=/var/lib/zookeeper, but the bitnami/zookeeper:3.9.3-debian-12-r5 entrypoint writes ZOO_SERVER_ID into /bitnami/zookeeper/data/myid; set dataDir=/bitnami/zookeeper/data in that zoo.cfg (the image writes myid there only)",
    );
    expect(lint("invalid", "confluent-mounted-config")[0]?.message).toBe(
      "service zookeeper-3 mounts its own zookeeper.properties (./zookeeper.properties:/etc/kafka/zookeeper.properties), which the confluentinc/cp-zookeeper:7.4.0 entrypoint renders over from its ZOOKEEPER_* variables at every start, so the mounted file has no effect; set its values as ZOOKEEPER_* variables instead",
    );
  });
});

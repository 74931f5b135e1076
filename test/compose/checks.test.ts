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
  return (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, line: m.line, column: m.column, ...(withMessage ? { message: m.message } : {}) }));
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
  "bitnami-variable": [
    { ruleId: "compose", messageId: "unknownVariable", line: 20, column: 7 },
    { ruleId: "compose", messageId: "unknownVariable", line: 21, column: 7 },
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
      "service zoo2: the zookeeper:3.9 image does not read ZOO_SERVER_ID, so it has no effect; ZOO_SERVER_ID is the Bitnami image's spelling; this image reads ZOO_MY_ID",
      "service zoo2: the zookeeper:3.9 image does not read ZOO_TICKTIME, so it has no effect; did you mean ZOO_TICK_TIME?",
    ]);
    expect(lint("invalid", "healthcheck-not-whitelisted")[0]?.message).toContain('set ZOO_4LW_COMMANDS_WHITELIST: "srvr,ruok"');
    expect(lint("invalid", "published-port-clash")[0]?.message).toContain('service zoo2 publishes port 2181 of the Docker host, which service zoo1 publishes already ("2181:2181")');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-compose-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EXAMPLE = "fixtures/examples/compose/official/docker-compose.yml";
const CLASH = "fixtures/compose/invalid/published-port-clash/docker-compose.yml";

describe("zkcfg lint on compose files", () => {
  it("finds nothing in the clean official example", () => {
    const run = zkcfg(["lint", "--no-config", EXAMPLE]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "", ""]);
  });

  it("reports at the YAML position in every format, and exits 1 on errors", () => {
    const run = zkcfg(["lint", "--no-config", "--format", "json", "fixtures/compose/invalid/published-port-clash/docker-compose.yml"]);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
    }[];
    // Named as given, as zoo.cfg files are: annotations need the path relative to the repository.
    expect(result?.filePath).toBe(CLASH);
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([["compose", 17, 9, 17, 18]]);
  });

  it.each([
    ["compact", `${CLASH}:17:9: error service zoo2 publishes port 2181`],
    ["stylish", "  17:9  error  service zoo2 publishes port 2181"],
    ["github", `::error file=${CLASH},line=17,col=9,endLine=17,endColumn=18,title=compose::service zoo2 publishes port 2181`],
  ])("reports the YAML position of the entry in the %s format", (format, expected) => {
    const run = zkcfg(["lint", "--no-config", "--format", format, CLASH]);
    expect(run.stdout).toContain(expected);
  });

  it("reports the YAML position of the entry in the sarif format", () => {
    const run = zkcfg(["lint", "--no-config", "--format", "sarif", CLASH]);
    const [result] = (
      JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }[] }[] }
    ).runs[0]!.results;
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: CLASH, uriBaseId: "%SRCROOT%" },
      region: { startLine: 17, startColumn: 9, endLine: 17, endColumn: 18 },
    });
  });

  it("takes variables from the .env beside the file, never from its own environment", () => {
    const dir = join(work, "env");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "compose.yaml"),
      "services:\n  zoo1:\n    image: zookeeper:${TAG}\n    environment:\n      ZOO_MY_ID: 1\n      ZOO_AUTOPURGE_PURGEINTERVAL: 24\n",
    );
    const run = zkcfg(["lint", "--no-config", "compose.yaml"], { cwd: dir, env: { TAG: "3.9" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("image of service zoo1 uses ${TAG}, which the project's .env does not set and which has no default");
    writeFileSync(join(dir, ".env"), "TAG=3.9\n");
    expect(zkcfg(["lint", "--no-config", "compose.yaml"], { cwd: dir }).code).toBe(0);
  });

  it("lints the services of an image the settings name as a family, and leaves other unknown images alone", () => {
    const dir = join(work, "mirror");
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(EXAMPLE, "utf8")
      .replace(/image: zookeeper:3\.9/g, "image: registry.example.com/zk:3.9")
      .replace("ZOO_MY_ID: 2", "ZOO_MY_ID: 1");
    writeFileSync(join(dir, "compose.yaml"), text);
    expect(zkcfg(["lint", "compose.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "" });
    writeFileSync(join(dir, ".zkcfgrc.json"), JSON.stringify({ compose: { images: { "registry.example.com/*": "official" } } }));
    const run = zkcfg(["lint", "--format", "compact", "compose.yaml"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("compose.yaml:19:7: error service zoo2: zoo2:/data/myid says 1, as zoo1:/data/myid");
  });

  it("does not fix compose files, and says so", () => {
    const run = zkcfg(["fix", "--no-config", EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`zkcfg: ${EXAMPLE}: zkcfg fix does not edit compose files; run zkcfg lint on it and change the YAML by hand\n`);
  });

  it("lints each directory's compose files as one project, and zoo.cfg files beside them", () => {
    const run = zkcfg([
      "lint",
      "--no-config",
      "--format",
      "compact",
      EXAMPLE,
      "fixtures/compose/invalid/published-port-clash/docker-compose.yml",
      "fixtures/examples/pseudo-cluster/conf/zoo_2181.cfg",
    ]);
    expect(run.code).toBe(1);
    const files = [
      ...new Set(
        run.stdout
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => l.split(":")[0]?.replace(/^.*fixtures\//, "")),
      ),
    ];
    // The two compose projects apart: the example stays clean, the clash is found once.
    expect(files.sort()).toEqual(["compose/invalid/published-port-clash/docker-compose.yml", "examples/pseudo-cluster/conf/zoo_2181.cfg"]);
    expect(run.stdout.match(/\[compose\]/g)).toHaveLength(1);
  });
});

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { REPO, zkcfg } from "./run-cli.js";
import pkg from "../../package.json" with { type: "json" };

const IDS = [...rules.map((r) => r.id), "unused-disable", "compose"];

describe("zkcfg rules", () => {
  const r = zkcfg(["rules"]);
  const lines = r.stdout.trimEnd().split("\n");

  it("prints a header and one row per rule, with its impacts, the severities of its messages and whether fix fixes it", () => {
    expect(r.code).toBe(0);
    expect(lines[0]).toMatch(/^rule +impact +severity +fixable +description$/);
    expect(lines.slice(1).map((l) => l.split(" ")[0])).toEqual(IDS);
    expect(lines).toContainEqual(expect.stringMatching(/^odd-server-count +resilience +warning +no +An ensemble should have an odd number of voting members$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^myid-matches-datadir +startup, runtime, maintenance +error, warning, note +yes +Each quorum server's dataDir/),
    );
    // Eleven warnings and one error: both shown, the error first.
    expect(lines).toContainEqual(expect.stringMatching(/^zkserver-script-compat +[a-z, ]+ +error, warning +yes +/));
    expect(lines).toContainEqual(expect.stringMatching(/^unused-disable +maintenance +warning +no +Disable comments name zkcfg rules/));
  });

  it("aligns its columns", () => {
    for (const column of ["impact", "severity", "fixable", "description"]) {
      const at = (lines[0] ?? "").indexOf(column);
      for (const line of lines) expect(line[at - 1], `${column} in "${line}"`).toBe(" ");
      for (const line of lines) expect(line[at], `${column} in "${line}"`).not.toBe(" ");
    }
  });

  it("--format json lists the same for programs, with each doc's URL", () => {
    const json = JSON.parse(zkcfg(["rules", "--format", "json"]).stdout) as { id: string }[];
    expect(json.map((rule) => rule.id)).toEqual(IDS);
    expect(json.find((rule) => rule.id === "odd-server-count")).toEqual({
      id: "odd-server-count",
      description: "An ensemble should have an odd number of voting members",
      impacts: ["resilience"],
      severities: ["warning"],
      fixable: false,
      docsUrl: "https://github.com/zkcfg/zkcfg/blob/main/rules/odd-server-count.md",
    });
  });

  it("links each rule to its doc in the repository named by package.json, at a file and section that exist", () => {
    const json = JSON.parse(zkcfg(["rules", "--format", "json"]).stdout) as { id: string; docsUrl: string }[];
    const repository = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    for (const { id, docsUrl } of json) {
      expect(docsUrl.startsWith(`${repository}/blob/main/`), docsUrl).toBe(true);
      const [path, anchor] = docsUrl.slice(`${repository}/blob/main/`.length).split("#");
      expect(existsSync(join(REPO, path!)), `${id}: ${docsUrl}`).toBe(true);
      if (anchor !== undefined)
        expect(
          readme.split("\n").map((l) => l.toLowerCase().replace(/^#+ /, "").replaceAll(" ", "-")),
          docsUrl,
        ).toContain(anchor);
    }
  });

  it("refuses the formats made for lint results", () => {
    const bad = zkcfg(["rules", "--format", "sarif"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("zkcfg: zkcfg rules prints a table, or JSON with --format json, not sarif\n");
  });
});

describe("zkcfg explain", () => {
  it.each(rules.map((rule) => rule.id))("prints rules/%s.md without the comment lines around its generated parts", (id) => {
    const r = zkcfg(["explain", id]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`# ${id}\n\n`)).toBe(true);
    const doc = readFileSync(join(REPO, "rules", `${id}.md`), "utf8");
    const shown = (text: string) => text.split("\n").filter((line) => line !== "" && !/^<!-- (begin|end) generated /.test(line));
    expect(doc).toContain("<!-- end generated head -->");
    expect(r.stdout).not.toMatch(/\n\n\n/);
    expect(r.stdout.split("\n").filter((line) => line !== "")).toEqual(shown(doc));
  });

  it("explains unused-disable with the README's section on disable comments", () => {
    const r = zkcfg(["explain", "unused-disable"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# unused-disable\n\nA comment in the config turns a rule off/);
    expect(r.stdout).toContain("`zkcfg-disable-next-line <rule>[, <rule>…]` applies to the next entry");
    expect(r.stdout).not.toContain("## Output formats");
  });

  it("explains compose with the README's section on Docker Compose files", () => {
    const r = zkcfg(["explain", "compose"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# compose\n\n`zkcfg lint docker-compose.yml`/);
    expect(r.stdout).toContain("fixtures/examples/compose/official/docker-compose.yml");
    expect(r.stdout).not.toContain("## Rules");
  });

  it("names the rules when the one asked for does not exist", () => {
    const r = zkcfg(["explain", "port-collisions"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`zkcfg: no rule "port-collisions"; the rules are ${IDS.join(", ")}\n`);
  });
});

// Every --format, end to end through the built CLI, against golden files in test/cli/golden/.
// ZKCFG_UPDATE=1 rewrites them from the current output (review the diff before committing).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log } from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES, type FormatName } from "../../src/format/index.js";
import { REPO, zkcfg } from "./run-cli.js";
import { expectFile } from "../helpers/expected-file.js";
import pkg from "../../package.json" with { type: "json" };

const GOLDEN = join(import.meta.dirname, "golden");
const EXTENSION: Record<FormatName, string> = { stylish: "txt", compact: "txt", json: "json", github: "txt", sarif: "json" };

const work = mkdtempSync(join(tmpdir(), "zkcfg-formats-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Output as the golden files hold it: the working directory (in messages and SARIF's %SRCROOT%)
 * as /CWD, zkcfg's version as <version>, and SARIF's copies of the rule docs as placeholders (the
 * docs are compared apart).
 */
function portable(text: string, cwd: string, format: FormatName): string {
  const out = text.replaceAll(pathToFileURL(cwd).href + "/", "file:///CWD/").replaceAll(cwd, "/CWD");
  if (format !== "sarif") return out;
  const log = JSON.parse(out) as Log;
  const driver = log.runs[0]!.tool.driver;
  expect([driver.version, driver.semanticVersion]).toEqual([pkg.version, pkg.version]);
  driver.version = driver.semanticVersion = "<version>";
  for (const rule of driver.rules ?? []) {
    if (rule.fullDescription) rule.fullDescription.text = `<"Why" of rules/${rule.id}.md>`;
    if (rule.help) rule.help = { text: `<"Why" of rules/${rule.id}.md>`, markdown: `<rules/${rule.id}.md>` };
  }
  return JSON.stringify(log, null, 2) + "\n";
}

function golden(name: string, actual: string): void {
  expectFile(join(GOLDEN, name), actual);
}

/** A small tree with an error, warnings, a note, a disable comment that disables nothing, and a path that needs escaping. */
const SMALL: Record<string, string> = {
  "conf/zoo.cfg": [
    "tickTime=2000",
    "initLimit=abc",
    "syncLimit=5",
    "dataDir=/nonexistent/zkcfg-formats",
    "clientPort=2181",
    "# zkcfg-disable-next-line port-collision",
    "server.1=a:2888:3888",
    "server.2=b:2888:3888",
    "",
  ].join("\n"),
  // "\n" in a value is an escaped line feed: the message quoting it spans two lines.
  "site,1:%/zoo.cfg": "tickTime=2000\ndataDir=zk\\ndata\nclientPort=2181\n",
  // Makes site,1:%/ a ZooKeeper home, so config-location names the path in its message.
  "site,1:%/bin/zkServer.sh": "#!/bin/sh\n",
};

function smallTree(): string {
  const dir = mkdtempSync(join(work, "small-"));
  for (const [path, text] of Object.entries(SMALL)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe.each(FORMAT_NAMES)("--format %s", (format) => {
  it("prints the pseudo-cluster example as in its golden file", () => {
    const r = zkcfg(["lint", "--format", format, "fixtures/examples/pseudo-cluster/conf/*.cfg"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    golden(`pseudo-cluster.${format}.${EXTENSION[format]}`, portable(r.stdout, REPO, format));
  });

  it("prints the small tree as in its golden file", () => {
    const dir = smallTree();
    const r = zkcfg(["lint", "--format", format, "conf/zoo.cfg", "site,1:%/zoo.cfg"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    golden(`small-tree.${format}.${EXTENSION[format]}`, portable(r.stdout, dir, format));
  });

  it("with --quiet prints the errors alone", () => {
    const dir = smallTree();
    const r = zkcfg(["lint", "--quiet", "--format", format, "conf/zoo.cfg", "site,1:%/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("is not a whole number");
    expect(r.stdout).not.toMatch(/tolerate no failure|disables nothing|is not checked here|is relative/);
  });
});

describe("stylish", () => {
  it("aligns the columns as ESLint does: line numbers right, the rest padded to the widest cell", () => {
    const text =
      "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\n" + "\n".repeat(4) + "server.1=a:2888:3888\nserver.2=b:2888:3888\n";
    const dir = join(work, "stylish");
    mkdirSync(join(dir, "conf"), { recursive: true });
    writeFileSync(join(dir, "conf/zoo.cfg"), text + "# zkcfg-disable-next-line odd-server-count\n");
    const out = zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir }).stdout.split("\n");
    const rows = out.filter((l) => /^ +\d+:\d+ /.test(l));
    for (const start of ["   4:9   note     dataDir", "  10:1   warning  2 voting members", '  12:27  warning  "zkcfg-disable-next-line']) {
      expect(
        rows.filter((l) => l.startsWith(start)),
        start,
      ).toHaveLength(1);
    }
    // Every row has its colon, its type and its rule id at the same column.
    const columns = (l: string): number[] => [l.indexOf(":"), l.search(/(error|warning|note) /), l.lastIndexOf("  ") + 2];
    expect(new Set(rows.map((l) => columns(l).join(","))).size).toBe(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });
});

describe("sarif", () => {
  // The SARIF 2.1.0 schema (draft-04 JSON Schema), as @microsoft/jest-sarif ships it.
  const require = createRequire(import.meta.url);
  const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
  const Ajv = require("ajv-draft-04") as typeof import("ajv").default;
  const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
  // The schema's language pattern has a stray "]" that only a non-unicode RegExp accepts.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it.each([
    ["the pseudo-cluster example", REPO, ["fixtures/examples/pseudo-cluster/conf/*.cfg"]],
    ["the small tree", "", ["conf/zoo.cfg", "site,1:%/zoo.cfg"]],
    ["a clean config", "clean", ["conf/zoo.cfg"]],
  ])("is valid SARIF 2.1.0 for %s", (_what, where, args) => {
    const cwd = where === REPO ? REPO : where === "" ? smallTree() : join(work, "clean");
    if (where === "clean") {
      mkdirSync(join(cwd, "conf"), { recursive: true });
      writeFileSync(join(cwd, "conf/zoo.cfg"), "tickTime=2000\ndataDir=/nonexistent/zkcfg-clean\nclientPort=2181\n");
    }
    const log = JSON.parse(zkcfg(["lint", "--format", "sarif", ...args], { cwd }).stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]?.originalUriBaseIds?.["%SRCROOT%"]?.uri).toBe(pathToFileURL(cwd).href + "/");
  });

  it("catches an invalid log (the validation can fail)", () => {
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it("ties each result to its rule, with the rule's doc, impacts, severities and link", () => {
    const log = JSON.parse(zkcfg(["lint", "--format", "sarif", "conf/zoo.cfg", "site,1:%/zoo.cfg"], { cwd: smallTree() }).stdout) as Log;
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...new Set(run.results!.map((r) => r.ruleId!))].sort());
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(["config-location", "init-sync-limits", "myid-matches-datadir", "odd-server-count", "unused-disable"]),
    );
    for (const result of run.results!) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    const odd = rules.find((r) => r.id === "odd-server-count")!;
    expect(odd.helpUri).toBe("https://github.com/zkcfg/zkcfg/blob/main/rules/odd-server-count.md");
    expect(odd.fullDescription?.text).toMatch(/^An ensemble elects a leader.*\n[^]*Observers \(`:observer`\) do not vote/);
    expect(odd.fullDescription?.text).not.toContain("## ");
    // The doc as zkcfg explain prints it (test/cli/explain.test.ts).
    expect(odd.help?.markdown).toBe(zkcfg(["explain", "odd-server-count"]).stdout);
    expect(odd.properties).toEqual({ impacts: ["resilience"], severities: ["warning"], fixable: false });
    // A rule's level is the most severe of its messages'; each result has its own.
    const sync = rules.find((r) => r.id === "init-sync-limits")!;
    expect([sync.defaultConfiguration?.level, sync.properties?.["severities"]]).toEqual(["error", ["error", "warning"]]);

    expect(rules.find((r) => r.id === "unused-disable")).toEqual({
      id: "unused-disable",
      shortDescription: { text: "Disable comments name zkcfg rules and each disables something" },
      fullDescription: { text: expect.stringMatching(/^A comment in the config turns a rule off[^]*is reported as `unused-disable`/) },
      help: { text: expect.stringMatching(/^A comment in the config/), markdown: expect.stringMatching(/^# unused-disable\n\nA comment in the config/) },
      helpUri: expect.stringMatching(/\/README\.md#disable-comments$/),
      defaultConfiguration: { level: "warning" },
      properties: { impacts: ["maintenance"], severities: ["warning"], fixable: false },
    });
    const levels = run.results!.map((r) => `${r.ruleId} ${r.level}`);
    expect(levels).toContain("myid-matches-datadir note");
    expect(levels).toContain("init-sync-limits error");
    expect(levels).toContain("odd-server-count warning");
    const escaped = run.results!.find((r) => r.ruleId === "config-location")!.locations![0]!.physicalLocation!.artifactLocation;
    expect(escaped).toEqual({ uri: "site%2C1%3A%25/zoo.cfg", uriBaseId: "%SRCROOT%" });
  });

  it("names a file outside the working directory by its file URL", () => {
    const dir = smallTree();
    const log = JSON.parse(zkcfg(["lint", "--format", "sarif", join(dir, "conf/zoo.cfg")], { cwd: join(dir, "site,1:%") }).stdout) as Log;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: pathToFileURL(join(dir, "conf/zoo.cfg")).href });
  });
});

describe("github", () => {
  it("escapes the message and the properties as workflow commands need", () => {
    const lines = zkcfg(["lint", "--format", "github", "site,1:%/zoo.cfg"], { cwd: smallTree() }).stdout.split("\n");
    expect(lines).toContain(
      '::warning file=site%2C1%3A%25/zoo.cfg,line=2,col=9,endLine=2,endColumn=17,title=config-location::dataDir "zk%0Adata" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
    );
  });
});

describe("json", () => {
  it("links every message and note to its rule's doc", () => {
    const results = JSON.parse(zkcfg(["lint", "--format", "json", "conf/zoo.cfg"], { cwd: smallTree() }).stdout) as {
      messages: { ruleId: string; docsUrl: string }[];
      notes: { ruleId: string; docsUrl: string }[];
    }[];
    const all = results.flatMap((r) => [...r.messages, ...r.notes]);
    expect(all.length).toBeGreaterThan(2);
    for (const m of all) {
      expect(m.docsUrl).toEqual(
        m.ruleId === "unused-disable" ? expect.stringMatching(/README\.md#disable-comments$/) : expect.stringMatching(new RegExp(`/rules/${m.ruleId}\\.md$`)),
      );
    }
  });
});

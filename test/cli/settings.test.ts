// Settings files end to end, through the built CLI: every form cosmiconfig searches, the upward
// search from each config's directory, precedence, invalid files, ignore, ensembles, --config,
// --no-config and --print-config.
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { DEFAULT_VERSION } from "../../src/model/version.js";
import { REPO, writeTree, zkcfg } from "./run-cli.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-settings-")));
// A package.json at the top ends every upward search here, whatever lies above the temp dir.
writeTree(work, { "package.json": '{ "name": "settings-tests", "private": true }\n' });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Two voting members: odd-server-count warns ("two") unless settings say otherwise. */
const TWO = "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\nserver.1=a:2888:3888\nserver.2=b:2888:3888\n";
const ODD_ERROR = { rules: { "odd-server-count": "error" } };

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string }[];
}

/** odd-server-count's severity on each linted file (undefined: not reported), from `zkcfg lint --format json`. */
function oddSeverity(cwd: string, args: string[]): Record<string, number | undefined> {
  const r = zkcfg(["lint", "--format", "json", ...args], { cwd });
  expect(r.stderr).toBe("");
  const results = JSON.parse(r.stdout) as JsonResult[];
  return Object.fromEntries(results.map((res) => [res.filePath, res.messages.find((m) => m.ruleId === "odd-server-count")?.severity]));
}

function example(name: string, settings: object): string {
  const dir = join(work, name);
  cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
  writeFileSync(join(dir, ".zkcfgrc.json"), JSON.stringify(settings));
  return dir;
}

describe("settings file forms", () => {
  it.each([
    [".zkcfgrc", "rules:\n  odd-server-count: error\n"],
    [".zkcfgrc.json", JSON.stringify(ODD_ERROR)],
    [".zkcfgrc.yaml", "# YAML, with comments\nrules:\n  odd-server-count: error\n"],
    [".zkcfgrc.yml", "rules: { odd-server-count: error }\n"],
    ["zkcfg.config.js", `module.exports = ${JSON.stringify(ODD_ERROR)};\n`],
    ["zkcfg.config.mjs", `export default ${JSON.stringify(ODD_ERROR)};\n`],
    ["zkcfg.config.cjs", `module.exports = ${JSON.stringify(ODD_ERROR)};\n`],
    ["package.json", JSON.stringify({ name: "zk-configs", private: true, zkcfg: ODD_ERROR })],
  ])("%s applies to the configs below it", (file, content) => {
    const dir = writeTree(join(work, "forms", file), { [file]: content, "conf/zoo.cfg": TWO });
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
    expect(JSON.parse(zkcfg(["--print-config", "conf/zoo.cfg"], { cwd: dir }).stdout)).toMatchObject({ settingsFile: file });
  });

  it("without a settings file, each message keeps its rule's severity", () => {
    const dir = writeTree(join(work, "none"), { "conf/zoo.cfg": TWO });
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 1 });
  });

  it("an empty settings file is skipped, and the search goes on upwards", () => {
    const dir = writeTree(join(work, "empty"), { ".zkcfgrc.json": JSON.stringify(ODD_ERROR), "conf/.zkcfgrc.yaml": "", "conf/zoo.cfg": TWO });
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
  });
});

describe("the search", () => {
  const dir = writeTree(join(work, "up"), { ".zkcfgrc.json": JSON.stringify(ODD_ERROR), "a/b/c/zoo.cfg": TWO });

  it("goes upwards from each config's directory, whatever the working directory", () => {
    expect(oddSeverity(dir, ["a/b/c/zoo.cfg"])).toEqual({ "a/b/c/zoo.cfg": 2 });
    expect(oddSeverity(join(dir, "a/b/c"), ["zoo.cfg"])).toEqual({ "zoo.cfg": 2 });
    expect(oddSeverity(join(work, "none"), ["../up/a/b/c/zoo.cfg"])).toEqual({ "../up/a/b/c/zoo.cfg": 2 });
  });

  it("stops at the directory of the nearest package.json: settings above a project do not apply in it", () => {
    const outer = writeTree(join(work, "outer"), {
      ".zkcfgrc.json": JSON.stringify(ODD_ERROR),
      "project/package.json": '{ "name": "inner" }\n',
      "project/conf/zoo.cfg": TWO,
      "plain/conf/zoo.cfg": TWO,
    });
    expect(oddSeverity(outer, ["project/conf/zoo.cfg", "plain/conf/zoo.cfg"])).toEqual({ "plain/conf/zoo.cfg": 2, "project/conf/zoo.cfg": 1 });
  });
});

describe("precedence", () => {
  it("the nearest settings file wins, whole: settings are not merged with those above", () => {
    const dir = writeTree(join(work, "nearest"), {
      ".zkcfgrc.json": JSON.stringify(ODD_ERROR),
      "conf/zoo.cfg": TWO,
      "quiet/.zkcfgrc.yaml": "rules:\n  odd-server-count: off\n",
      "quiet/conf/zoo.cfg": TWO,
      "versioned/.zkcfgrc.json": '{ "zkVersion": "3.8" }',
      "versioned/conf/zoo.cfg": TWO,
    });
    // One run, three settings: each file gets its own severities.
    expect(oddSeverity(dir, ["conf/zoo.cfg", "quiet/conf/zoo.cfg", "versioned/conf/zoo.cfg"])).toEqual({
      "conf/zoo.cfg": 2,
      "quiet/conf/zoo.cfg": undefined,
      "versioned/conf/zoo.cfg": 1,
    });
  });

  it("in one directory, a .zkcfgrc file wins over package.json", () => {
    const dir = writeTree(join(work, "both"), {
      "package.json": JSON.stringify({ name: "both", zkcfg: { rules: { "odd-server-count": "off" } } }),
      ".zkcfgrc.json": JSON.stringify(ODD_ERROR),
      "conf/zoo.cfg": TWO,
    });
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
  });

  it("command-line options win over settings: --zk-version over zkVersion, --root over root", () => {
    const dir = example("flags", { root: ".", zkVersion: "3.4" });
    // 3.4 has no AdminServer, so no clash on 8080.
    expect(zkcfg(["lint", "--format", "compact", "conf/zoo_2181.cfg"], { cwd: dir }).stdout).not.toContain("8080");
    expect(zkcfg(["lint", "--format", "compact", "--zk-version", "3.8", "conf/zoo_2181.cfg"], { cwd: dir }).stdout).toContain("Port 8080");
    mkdirSync(join(dir, "elsewhere"));
    // A loopback ensemble runs here: under --root its data dirs are read, and written, below "elsewhere".
    const rooted = zkcfg(["fix", "--dry-run", "--format", "compact", "--root", "elsewhere", "conf/zoo_2181.cfg"], { cwd: dir });
    expect(rooted.stdout).toContain("--- /dev/null\n+++ b/elsewhere/usr/local/zookeeper/quorum-data/d2181/myid\n");
  });

  it("--no-config reads no settings file", () => {
    expect(oddSeverity(join(work, "up"), ["--no-config", "a/b/c/zoo.cfg"])).toEqual({ "a/b/c/zoo.cfg": 1 });
  });
});

describe("invalid settings: exit 2, naming the file and the field", () => {
  it.each([
    [".zkcfgrc.json", '{ "rules": { "port-collision": "warning" } }', 'rules.port-collision must be "off", "warn" or "error"'],
    [
      ".zkcfgrc.json",
      '{ "rules": { "port-collision": ["warn", { "ports": [8080] }] } }',
      'rules.port-collision has options, but port-collision takes none; write "warn" alone',
    ],
    [".zkcfgrc.json", '{ "rules": { "port-collision": ["loud"] } }', 'rules.port-collision[0] must be "off", "warn" or "error"'],
    [".zkcfgrc.json", '{ "rules": { "port-collisions": "warn" } }', 'rules.port-collisions names no zkcfg rule; did you mean "port-collision"?'],
    [".zkcfgrc.json", '{ "rules": { "no-such-thing": "warn" } }', "rules.no-such-thing names no zkcfg rule; `zkcfg rules` lists them"],
    [".zkcfgrc.json", '{ "rules": "all" }', "rules must be an object"],
    [".zkcfgrc.json", '{ "zkVersion": 3.8 }', 'zkVersion must be "3.4", "3.5", "3.6", "3.7", "3.8" or "3.9"'],
    [".zkcfgrc.json", '{ "root": 1 }', "root must be a string"],
    [".zkcfgrc.json", '{ "rootDir": "." }', '"rootDir" is not a setting; the settings are root, zkVersion, rules, ignore, hosts, ensembles and compose'],
    [".zkcfgrc.json", '["root"]', "the settings must be an object"],
    [".zkcfgrc.json", '{ "ignore": "conf/old*.cfg" }', "ignore must be a list"],
    [".zkcfgrc.json", '{ "ignore": ["conf/old*.cfg", " "] }', "ignore[1] must not be blank"],
    [".zkcfgrc.json", '{ "ensembles": { "prod": [] } }', "ensembles.prod must not be empty"],
    [
      ".zkcfgrc.json",
      '{ "ensembles": { "a": ["conf/zoo.cfg"], "b": ["./conf/zoo.cfg"] } }',
      'ensembles.b lists "./conf/zoo.cfg", which ensembles.a lists too; a config belongs to one ensemble',
    ],
    ["conf/.zkcfgrc.yml", "rules:\n  odd-server-count: 2\n", 'rules.odd-server-count must be "off", "warn" or "error"'],
    ["package.json", JSON.stringify({ name: "x", zkcfg: { zkVersion: "4.0" } }), 'zkVersion must be "3.4", "3.5", "3.6", "3.7", "3.8" or "3.9"'],
    ["zkcfg.config.mjs", 'throw new Error("no settings today");\n', "cannot be read: no settings today"],
  ])("%s %s", (file, content, message) => {
    const dir = writeTree(mkdtempSync(join(work, "invalid-")), { [file]: content, "conf/zoo.cfg": TWO });
    const r = zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: "", stderr: `zkcfg: ${file}: ${message}\n` });
  });

  it.each([
    [".zkcfgrc.json", '{ "rules": { ', /^zkcfg: \.zkcfgrc\.json: cannot be read: not valid JSON: .*position \d+/],
    [".zkcfgrc.yaml", "rules: [off\n", /^zkcfg: \.zkcfgrc\.yaml: cannot be read: unexpected end of the stream within a flow collection \(2:1\)\n$/],
  ])("%s that does not parse", (file, content, message) => {
    const dir = writeTree(mkdtempSync(join(work, "unparsable-")), { [file]: content, "conf/zoo.cfg": TWO });
    const r = zkcfg(["lint", "conf/zoo.cfg"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("--print-config reports it the same way", () => {
    const dir = writeTree(join(work, "invalid-print"), { ".zkcfgrc.json": '{ "zkVersion": "2.0" }' });
    expect(zkcfg(["--print-config", "conf/zoo.cfg"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'zkcfg: .zkcfgrc.json: zkVersion must be "3.4", "3.5", "3.6", "3.7", "3.8" or "3.9"\n',
    });
  });
});

describe("ignore", () => {
  // zk_old.cfg names the same servers on the same ports: read beside zk1.cfg, it clashes with it.
  const QUORUM =
    "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/nonexistent/zk\nclientPort=2181\nserver.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n";
  const files = { "conf/zk1.cfg": QUORUM, "conf/zk_old.cfg": QUORUM, "templates/zoo.cfg": "initLimit=abc\n" };
  const ignoring = writeTree(join(work, "ignoring"), { ...files, ".zkcfgrc.json": '{ "ignore": ["conf/*_old.cfg", "templates"] }' });
  const plain = writeTree(join(work, "not-ignoring"), files);

  it("skips the configs a glob of the list matches when a glob of the command line finds them", () => {
    const r = zkcfg(["lint", "--format", "compact", "conf/*.cfg", "templates/*.cfg"], { cwd: ignoring });
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("zk_old.cfg");
    expect(r.stdout).not.toContain("templates/");
    expect(zkcfg(["lint", "--format", "compact", "conf/*.cfg", "templates/*.cfg"], { cwd: plain }).stdout).toContain("templates/zoo.cfg:1:11: error");
  });

  it("says so on stderr for a config named on the command line, and exits 0", () => {
    const r = zkcfg(["lint", "conf/zk_old.cfg", "templates/zoo.cfg"], { cwd: ignoring });
    expect(r).toEqual({
      code: 0,
      stdout: "",
      stderr:
        'zkcfg: conf/zk_old.cfg: ignored (it matches "conf/*_old.cfg" in the ignore list of .zkcfgrc.json), not linted\n' +
        'zkcfg: templates/zoo.cfg: ignored (it matches "templates" in the ignore list of .zkcfgrc.json), not linted\n',
    });
  });

  it("does not read an ignored config as a member of another config's ensemble", () => {
    const clash = "is also used by zk_old.cfg";
    expect(zkcfg(["lint", "--format", "compact", "conf/zk1.cfg"], { cwd: plain }).stdout).toContain(clash);
    expect(zkcfg(["lint", "--format", "compact", "conf/zk1.cfg"], { cwd: ignoring }).stdout).not.toContain(clash);
  });

  it("--print-config tells whether a config is ignored", () => {
    expect(JSON.parse(zkcfg(["--print-config", "conf/zk_old.cfg"], { cwd: ignoring }).stdout)).toMatchObject({ ignored: true });
    expect(JSON.parse(zkcfg(["--print-config", "conf/zk1.cfg"], { cwd: ignoring }).stdout)).toMatchObject({ ignored: false });
  });
});

describe("ensembles", () => {
  // One ensemble whose configs name the hosts differently: the server lists alone cannot tell.
  const servers = (domain: string): string => [1, 2, 3].map((id) => `server.${id}=zk${id}${domain}:2888:3888\n`).join("");
  const config = (name: string, domain: string): string =>
    `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/data/${name}\nclientPort=2181\n${servers(domain)}`;
  const files = {
    "conf/a.cfg": config("a", ""),
    "elsewhere/b.cfg": config("b", ".example.com"),
    "data/a/myid": "1\n",
    "data/b/myid": "1\n",
  };
  const duplicate = "says 1, as";

  it("groups the configs they list, so that cross-file checks see them together", () => {
    const named = writeTree(join(work, "ensembles"), {
      ...files,
      ".zkcfgrc.json": JSON.stringify({ root: ".", ensembles: { prod: ["conf/a.cfg", "elsewhere/b.cfg"] } }),
    });
    const r = zkcfg(["lint", "--format", "compact", "conf/a.cfg", "elsewhere/b.cfg"], { cwd: named });
    expect(r.stdout.split("\n").filter((l) => l.includes(duplicate))).toEqual([
      expect.stringMatching(/^conf\/a\.cfg:4:9: error \S+\/data\/a\/myid says 1, as \S+\/data\/b\/myid of elsewhere\/b\.cfg on this host does;/),
      expect.stringMatching(/^elsewhere\/b\.cfg:4:9: error \S+\/data\/b\/myid says 1, as \S+\/data\/a\/myid of conf\/a\.cfg on this host does;/),
    ]);
    // Linting one member reads the others the list names, wherever they are.
    expect(zkcfg(["lint", "--format", "compact", "conf/a.cfg"], { cwd: named }).stdout).toContain(`of elsewhere/b.cfg on this host does`);
    expect(JSON.parse(zkcfg(["--print-config", "elsewhere/b.cfg"], { cwd: named }).stdout)).toMatchObject({ ensemble: "prod" });
  });

  it("without them, those configs are two ensembles", () => {
    const unnamed = writeTree(join(work, "no-ensembles"), { ...files, ".zkcfgrc.json": '{ "root": "." }' });
    expect(zkcfg(["lint", "--format", "compact", "conf/a.cfg", "elsewhere/b.cfg"], { cwd: unnamed }).stdout).not.toContain(duplicate);
  });
});

describe("--config FILE", () => {
  const dir = writeTree(join(work, "explicit"), {
    "conf/.zkcfgrc.json": '{ "rules": { "odd-server-count": "off" } }',
    "conf/zoo.cfg": TWO,
    "ci/zkcfg.yaml": "root: ..\nrules:\n  odd-server-count: error\n",
  });

  it("uses that file alone, for every config: nearer settings files are not read", () => {
    expect(oddSeverity(dir, ["conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": undefined });
    expect(oddSeverity(dir, ["--config", "ci/zkcfg.yaml", "conf/zoo.cfg"])).toEqual({ "conf/zoo.cfg": 2 });
    expect(JSON.parse(zkcfg(["--config", "ci/zkcfg.yaml", "--print-config", "conf/zoo.cfg"], { cwd: dir }).stdout)).toMatchObject({
      settingsFile: "ci/zkcfg.yaml",
      root: ".",
    });
  });

  it("a missing file is an error; --config with --no-config is a usage error", () => {
    expect(zkcfg(["lint", "--config", "ci/nope.yaml", "conf/zoo.cfg"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "zkcfg: ci/nope.yaml: no such settings file\n",
    });
    expect(zkcfg(["lint", "--config", "ci", "conf/zoo.cfg"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "zkcfg: ci: is a directory, not a settings file\n",
    });
    expect(zkcfg(["lint", "--config", "ci/zkcfg.yaml", "--no-config", "conf/zoo.cfg"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "zkcfg: --config names the settings to use and --no-config says to use none; give one of them\n",
    });
  });
});

describe("--print-config FILE", () => {
  const ids = [...rules.map((r) => r.id), "unused-disable"];

  it("prints the settings that apply to FILE, defaults and command-line options included, and exits 0", () => {
    const dir = example("print", {
      root: ".",
      zkVersion: "3.8",
      rules: { "odd-server-count": "off", "port-collision": ["warn"] },
      ignore: ["conf/old/**"],
      ensembles: { local: ["conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"] },
    });
    const r = zkcfg(["--print-config", "conf/zoo_2181.cfg"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const expected = {
      file: "conf/zoo_2181.cfg",
      settingsFile: ".zkcfgrc.json",
      zkVersion: "3.8",
      root: ".",
      ignored: false,
      ensemble: "local",
      rules: Object.fromEntries(ids.map((id) => [id, id === "odd-server-count" ? "off" : id === "port-collision" ? "warn" : "default"])),
    };
    expect(JSON.parse(r.stdout)).toEqual(expected);
    const flagged = zkcfg(["lint", "--print-config", "conf/zoo_2181.cfg", "--zk-version", "3.5", "--root", "/srv/image"], { cwd: dir });
    expect(JSON.parse(flagged.stdout)).toEqual({ ...expected, zkVersion: "3.5", root: expect.stringMatching(/srv\/image$/) });
  });

  it("without settings: the defaults, and no settings file", () => {
    const r = zkcfg(["--print-config", "conf/zoo.cfg"], { cwd: join(work, "none") });
    expect(JSON.parse(r.stdout)).toEqual({
      file: "conf/zoo.cfg",
      settingsFile: null,
      zkVersion: DEFAULT_VERSION,
      root: null,
      ignored: false,
      ensemble: null,
      rules: Object.fromEntries(ids.map((id) => [id, "default"])),
    });
  });
});

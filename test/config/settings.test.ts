import { mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectTop, SEARCH_PLACES, SettingsError, SettingsSearch } from "../../src/config/discovery.js";
import { loadSettings, SettingsFinder, validateSettings } from "../../src/config/settings.js";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { KNOWN_VERSIONS } from "../../src/model/version.js";
import { FAMILY_IDS } from "../../src/compose/images/family.js";
import { REPO, writeTree } from "../cli/run-cli.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-settings-unit-")));
writeTree(work, { "package.json": '{ "name": "settings-unit", "private": true }\n' });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RULE_IDS = ["odd-server-count", "port-collision"];
const options = { cwd: work, ruleIds: RULE_IDS };

describe("schemas/zkcfgrc.schema.json", () => {
  const schema = JSON.parse(readFileSync(join(REPO, "schemas/zkcfgrc.schema.json"), "utf8")) as {
    properties: Record<string, { enum?: string[]; properties?: Record<string, { additionalProperties?: { enum?: string[] } }> }>;
  };
  it("knows the ZooKeeper versions zkcfg knows", () => {
    expect(schema.properties.zkVersion?.enum).toEqual([...KNOWN_VERSIONS]);
  });

  it("knows the compose image families zkcfg renders", () => {
    expect(schema.properties.compose?.properties?.["images"]?.additionalProperties?.enum).toEqual([...FAMILY_IDS]);
  });
});

describe("validateSettings", () => {
  const source = join(work, "project/.zkcfgrc.json");

  it("resolves root and ensemble members against the settings file's directory and keeps ignore globs as written", () => {
    const settings = validateSettings(
      {
        $schema: "../schemas/zkcfgrc.schema.json",
        root: "../image",
        zkVersion: "3.7",
        rules: { "odd-server-count": ["warn"], "port-collision": "off" },
        ignore: ["conf/*.tmpl.cfg"],
        ensembles: { prod: ["conf/zk1.cfg", "/etc/zookeeper/zoo.cfg"] },
      },
      source,
      options,
    );
    expect(settings).toEqual({
      source,
      root: join(work, "image"),
      zkVersion: "3.7",
      rules: { "odd-server-count": "warn", "port-collision": "off" },
      ignore: ["conf/*.tmpl.cfg"],
      ensembles: { prod: [join(work, "project/conf/zk1.cfg"), "/etc/zookeeper/zoo.cfg"] },
    });
  });

  it("names the file relative to the working directory, and the field", () => {
    expect(() => validateSettings({ rules: { "port-collision": "warning" } }, source, options)).toThrow(
      new SettingsError('project/.zkcfgrc.json: rules.port-collision must be "off", "warn" or "error"'),
    );
    expect(() => validateSettings({ ensembles: { "a/b": [1] } }, source, options)).toThrow(
      new SettingsError("project/.zkcfgrc.json: ensembles.a/b[0] must be a string"),
    );
  });

  it("keeps the image families named for compose files, and refuses a family zkcfg does not render", () => {
    expect(validateSettings({ compose: { images: { "registry.example.com/zk": "official", "mirror.example.com/*": "bitnami" } } }, source, options)).toEqual({
      source,
      composeImages: { "registry.example.com/zk": "official", "mirror.example.com/*": "bitnami" },
    });
    expect(() => validateSettings({ compose: { images: { "registry.example.com/zk": "apache" } } }, source, options)).toThrow(
      new SettingsError('project/.zkcfgrc.json: compose.images.registry.example.com/zk must be "official", "bitnami" or "confluent"'),
    );
    expect(() => validateSettings({ compose: { image: {} } }, source, options)).toThrow(
      new SettingsError('project/.zkcfgrc.json: "image" is not a setting; the settings are images'),
    );
  });
});

describe("SettingsSearch", () => {
  const search = (files: Record<string, string>, ceiling = "/"): SettingsSearch => new SettingsSearch(new MemoryFileSystem(files), ceiling);

  it("finds nothing when no place of the search holds settings, up to the top of the file system", () => {
    expect(search({ "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBeUndefined();
  });

  it.each(SEARCH_PLACES.filter((p) => p !== "package.json"))("finds a %s above", (place) => {
    expect(search({ [`/srv/${place}`]: "{}", "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBe(`/srv/${place}`);
  });

  it("passes over a file of blanks, and goes on upwards", () => {
    expect(search({ "/srv/.zkcfgrc.json": "{}", "/srv/conf/.zkcfgrc.yaml": " \n", "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBe("/srv/.zkcfgrc.json");
  });

  it("reads package.json: settings only with a zkcfg field (or when it does not parse); either way the search stops there", () => {
    const fs = (pkg: string): Record<string, string> => ({ "/.zkcfgrc.json": "{}", "/srv/package.json": pkg, "/srv/conf/zoo.cfg": "" });
    expect(search(fs('{ "name": "x" }')).fileFor("/srv/conf")).toBeUndefined();
    expect(search(fs('{ "zkcfg": {} }')).fileFor("/srv/conf")).toBe("/srv/package.json");
    expect(search(fs("{ broken")).fileFor("/srv/conf")).toBe("/srv/package.json");
    expect(search({ "/.zkcfgrc.json": "{}", "/srv/package.yaml": "name: x\n", "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBeUndefined();
  });

  it("stops at the top of a repository: a .git directory, or the .git file of a worktree", () => {
    expect(search({ "/.zkcfgrc.json": "{}", "/srv/.git/HEAD": "", "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBeUndefined();
    expect(search({ "/.zkcfgrc.json": "{}", "/srv/.git": "gitdir: /elsewhere\n", "/srv/conf/zoo.cfg": "" }).fileFor("/srv/conf")).toBeUndefined();
  });

  it("never goes above the ceiling, the working directory's project, for a directory inside it", () => {
    const files = { "/tmp/zkcfg.config.cjs": "module.exports = {};", "/tmp/zk/conf/zoo.cfg": "" };
    expect(search(files, "/tmp/zk").fileFor("/tmp/zk/conf")).toBeUndefined();
    expect(search(files, "/srv").fileFor("/tmp/zk/conf")).toBe("/tmp/zkcfg.config.cjs");
  });
});

describe("projectTop", () => {
  it("is the nearest directory holding .git or package.json, or the directory itself when there is none", () => {
    const fs = new MemoryFileSystem({
      "/srv/repo/.git/HEAD": "",
      "/srv/repo/a/b/zoo.cfg": "",
      "/srv/pkg/package.json": "{}",
      "/srv/pkg/c/zoo.cfg": "",
      "/tmp/zk/conf/zoo.cfg": "",
    });
    expect(projectTop(fs, "/srv/repo/a/b")).toBe("/srv/repo");
    expect(projectTop(fs, "/srv/pkg/c")).toBe("/srv/pkg");
    expect(projectTop(fs, "/tmp/zk/conf")).toBe("/tmp/zk/conf");
  });
});

describe("SettingsFinder", () => {
  const dir = writeTree(join(work, "finder"), {
    ".zkcfgrc.json": '{ "zkVersion": "3.6" }',
    "a/conf/zoo.cfg": "",
    "b/conf/zoo.cfg": "",
  });

  it("searches upwards, checks a settings file once, and answers each directory from its cache", async () => {
    const finder = new SettingsFinder(options);
    const a = await finder.forDirectory(join(dir, "a/conf"));
    expect(a).toEqual({ source: join(dir, ".zkcfgrc.json"), zkVersion: "3.6" });
    expect(await finder.forDirectory(join(dir, "b/conf"))).toBe(a);
    expect(finder.forDirectory(join(dir, "a/conf"))).toBe(finder.forDirectory(join(dir, "a/conf")));
  });

  it("with a config file, uses it for every directory", async () => {
    const finder = new SettingsFinder({ ...options, configFile: "finder/.zkcfgrc.json" });
    expect(await finder.forDirectory("/")).toEqual({ source: join(dir, ".zkcfgrc.json"), zkVersion: "3.6" });
  });
});

describe("loadSettings", () => {
  const dir = writeTree(join(work, "lookup"), {
    ".zkcfgrc.json": JSON.stringify({ ignore: ["conf/*.tmpl.cfg", "old", "**/scratch-*.cfg"], ensembles: { prod: ["../other/zk3.cfg"] } }),
    "conf/zk1.cfg": "",
    "conf/zk1.tmpl.cfg": "",
    "conf/deep/scratch-1.cfg": "",
    "old/zk0.cfg": "",
  });
  writeTree(join(work, "other"), { ".zkcfgrc.json": '{ "zkVersion": "3.5" }', "zk3.cfg": "" });

  it("answers for the configs it was given and for the members their ensembles name", async () => {
    const lookup = await loadSettings([join(dir, "conf/zk1.cfg")], options);
    expect(lookup.settingsFor(join(dir, "conf/zk2.cfg")).source).toBe(join(dir, ".zkcfgrc.json"));
    expect(lookup.settingsFor(join(work, "other/zk3.cfg")).zkVersion).toBe("3.5");
    expect(() => lookup.settingsFor(join(work, "unrelated/zoo.cfg"))).toThrow(/were not loaded/);
  });

  it("tells which glob ignores a config, relative to the settings file", async () => {
    const paths = ["conf/zk1.cfg", "conf/zk1.tmpl.cfg", "conf/deep/scratch-1.cfg", "old/zk0.cfg"].map((p) => join(dir, p));
    const lookup = await loadSettings(paths, options);
    expect(paths.map((p) => lookup.ignoredBy(p))).toEqual([undefined, "conf/*.tmpl.cfg", "**/scratch-*.cfg", "old"]);
  });
});

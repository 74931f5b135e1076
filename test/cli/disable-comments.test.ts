import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-disable-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the pseudo-cluster example, each config edited by `edit`. */
function example(name: string, edit: (text: string, file: string) => string): string {
  const dir = join(work, name);
  cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), dir, { recursive: true });
  for (const file of ["zoo_2181.cfg", "zoo_2182.cfg", "zoo_2183.cfg"]) {
    const path = join(dir, "conf", file);
    writeFileSync(path, edit(readFileSync(path, "utf8"), file));
  }
  return dir;
}

const lint = (dir: string) => zkcfg(["lint", "--format", "compact", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"], { cwd: dir });

describe("disable comments through the CLI", () => {
  it("zkcfg-disable-next-line drops the problem on the next entry only", () => {
    const dir = example("next-line", (text, file) =>
      file === "zoo_2181.cfg" ? text.replace("dataDir=", "# zkcfg-disable-next-line myid-matches-datadir -- written by provisioning\ndataDir=") : text,
    );
    const r = lint(dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.includes("myid-matches-datadir"))).toEqual([
      expect.stringMatching(/^conf\/zoo_2182\.cfg:4:9: error dataDir .* has no myid file/),
      expect.stringMatching(/^conf\/zoo_2183\.cfg:4:9: error dataDir .* has no myid file/),
    ]);
  });

  it("zkcfg-disable drops the rule's problems in the whole file", () => {
    const dir = example("file-wide", (text) => text + "! zkcfg-disable port-collision\n");
    const r = lint(dir);
    expect(r.stdout).not.toContain("port-collision");
    expect(r.stdout.match(/myid-matches-datadir/g)).toHaveLength(3);
  });

  it("warns about a rule zkcfg does not have, and suggests the likely one", () => {
    const dir = example("unknown", (text, file) => (file === "zoo_2182.cfg" ? "# zkcfg-disable port-collisions\n" + text : text));
    const r = lint(dir);
    expect(r.stdout).toContain(
      'conf/zoo_2182.cfg:1:17: warning "port-collisions" is not a zkcfg rule, so "zkcfg-disable" disables nothing for it; did you mean "port-collision"? [unused-disable]\n',
    );
    expect(r.stdout.match(/\[port-collision\]/g)).toHaveLength(3);
  });

  it("warns about a comment that disables nothing", () => {
    const dir = example(
      "unused",
      (text) =>
        text.replace("tickTime=2000\n", "tickTime=2000\n# zkcfg-disable-next-line init-sync-limits\n") +
        "# zkcfg-disable port-collision, myid-matches-datadir\n",
    );
    const r = lint(dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.includes("[unused-disable]"))).toEqual(
      ["zoo_2181.cfg", "zoo_2182.cfg", "zoo_2183.cfg"].map(
        (f) =>
          `conf/${f}:2:27: warning "zkcfg-disable-next-line init-sync-limits" disables nothing: init-sync-limits reports nothing on the next entry (line 3); remove init-sync-limits from the comment [unused-disable]`,
      ),
    );
  });
});

// The fix writer through the CLI, where it can go wrong on disk: links, files in the way,
// directories it may not write, runs side by side, --dry-run and --root.
//
// Unwritable directories: root writes everywhere permissions could stop it, so they are tested
// where the kernel refuses root too (/proc, which has no room for new directories) and, when the
// tests run as root, by running zkcfg as the unprivileged user nobody on root's directories.
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canRunAsNobody, NOBODY, REPO, startZkcfg, writeTree, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-fix-safety-"));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cases = 0;
const fresh = (): string => join(work, `case-${++cases}`);

/** Every entry under dir: a file's bytes, a link's target, or "dir", by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const rel = relative(dir, p);
      const stat = lstatSync(p);
      if (stat.isSymbolicLink()) out[rel] = `link ${readlinkSync(p)}`;
      else if (stat.isDirectory()) {
        out[rel] = `dir ${(stat.mode & 0o7777).toString(8)}`;
        walk(p);
      } else out[rel] = `file ${(stat.mode & 0o7777).toString(8)} ${readFileSync(p).toString("base64")}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * One config of a three-server ensemble whose server lines carry the client ports: its id is
 * certain. Loopback lines prove one host, not this one: the runs say --root / to make it this one.
 */
function ported(dataDir: string, clientPort: number): string {
  return [
    "tickTime=2000",
    "initLimit=10",
    "syncLimit=5",
    `dataDir=${dataDir}`,
    `clientPort=${clientPort}`,
    "admin.enableServer=false",
    "autopurge.purgeInterval=24",
    "server.1=127.0.0.1:2888:3888;2181",
    "server.2=127.0.0.1:2889:3889;2182",
    "server.3=127.0.0.1:2890:3890;2183",
    "",
  ].join("\n");
}

const HANG = 30_000;
const asNobody = canRunAsNobody();

describe("zkcfg fix refuses what it must not touch, says why, and leaves nothing behind", () => {
  it("a myid that is a symbolic link (here dangling) is not written through", () => {
    const d = fresh();
    writeTree(d, { "conf/zoo.cfg": ported(join(d, "data"), 2181) });
    mkdirSync(join(d, "data"));
    symlinkSync(join(d, "elsewhere/myid"), join(d, "data/myid"));
    const r = zkcfg(["fix", "--root", "/", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stderr).toBe(
      `zkcfg: did not write ${join(d, "data/myid")}: it is a symbolic link (to ${join(d, "elsewhere/myid")}); zkcfg never writes through a link\n`,
    );
    expect(r.code).toBe(2);
    expect(readdirSync(join(d, "data"))).toEqual(["myid"]);
    expect(existsSync(join(d, "elsewhere"))).toBe(false);
  });

  it("a myid linking out of its data dir to a file not named myid (here dangling) is named and neither read nor written", () => {
    const d = fresh();
    writeTree(d, { "conf/zoo.cfg": ported(join(d, "data"), 2181) });
    mkdirSync(join(d, "data"));
    symlinkSync(join(d, "elsewhere/secret"), join(d, "data/myid"));
    const r = zkcfg(["fix", "--format", "compact", "--root", "/", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stdout).toContain(`warning ${join(d, "data/myid")} is a symbolic link leading out of its data directory`);
    expect(r.stdout).not.toMatch(/^wrote /m);
    expect(r.stderr).toBe("");
    expect(readdirSync(join(d, "data"))).toEqual(["myid"]);
    expect(existsSync(join(d, "elsewhere"))).toBe(false);
  });

  it("a dataDir that is a file is reported, and nothing is written", () => {
    const d = fresh();
    writeTree(d, { "conf/zoo.cfg": ported(join(d, "data"), 2181), data: "not a directory\n" });
    const before = snapshot(d);
    const r = zkcfg(["fix", "--root", "/", "--format", "compact", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stdout).toContain(`dataDir "${join(d, "data")}" cannot be a directory: ${join(d, "data")} is a file`);
    expect(r.stdout).not.toMatch(/^wrote /m);
    expect(r.code).toBe(1);
    expect(snapshot(d)).toEqual(before);
  });

  it.skipIf(process.platform !== "linux")("a dataDir where the kernel allows no directory (/proc) fails at once, with the reason", () => {
    const d = writeTree(fresh(), { "conf/zoo.cfg": ported("/proc/zkcfg-fix-test", 2181) });
    const r = zkcfg(["fix", "--root", "/", "--create-data-dir", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stderr).toBe("zkcfg: did not write /proc/zkcfg-fix-test/myid: cannot create /proc/zkcfg-fix-test: ENOENT\n");
    expect(r.code).toBe(2);
  });

  it.skipIf(!asNobody)("directories the user may not write: permission denied, and no temp file or new directory left", () => {
    const d = fresh();
    writeTree(d, {
      "conf/zoo_2181.cfg": ported(join(d, "locked/d1"), 2181),
      "conf/zoo_2182.cfg": ported(join(d, "locked/d2"), 2182),
    });
    mkdirSync(join(d, "locked/d2"), { recursive: true });
    chmodSync(join(d, "conf"), 0o755);
    const before = snapshot(d);
    const r = zkcfg(["fix", "--root", "/", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg"], { cwd: d, ...NOBODY, timeout: HANG });
    expect(r.stderr.split("\n")).toEqual([
      `zkcfg: did not write ${join(d, "locked/d1/myid")}: cannot create ${join(d, "locked/d1")}: permission denied (EACCES)`,
      `zkcfg: did not write ${join(d, "locked/d2/myid")}: cannot write it: permission denied (EACCES)`,
      "",
    ]);
    expect(r.code).toBe(2);
    expect(snapshot(d)).toEqual(before);
  });
});

describe("what zkcfg fix writes and where", () => {
  it("loopback configs of a repository: no write outside it without --root, no chain of new directories without --create-data-dir", () => {
    const repo = fresh();
    const outside = join(work, `outside-${cases}`, "var/lib/zookeeper");
    writeTree(repo, {
      "conf/zoo_2181.cfg": ported(join(outside, "d1"), 2181),
      "conf/zoo_2182.cfg": ported(join(outside, "d2"), 2182),
      "conf/zoo_2183.cfg": ported(join(outside, "d3"), 2183),
    });
    const args = ["fix", "--format", "compact", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];
    // The pre-commit hook's run: loopback lines prove one host, not this one.
    const hook = zkcfg(args, { cwd: repo, timeout: HANG });
    expect(hook.stdout).not.toMatch(/^wrote /m);
    expect(hook.stdout).toContain("every server line is on loopback, so these configs run on one machine, but nothing says it is this one");
    expect(existsSync(join(work, `outside-${cases}`))).toBe(false);
    // Said to be this machine, the missing data dirs outside the repository still need --create-data-dir.
    const rooted = zkcfg(["fix", "--root", "/", ...args.slice(1)], { cwd: repo, timeout: HANG });
    expect(rooted.stdout).toContain(
      `not writing ${join(outside, "d1/myid")}: its dataDir ${join(outside, "d1")} does not exist and is outside the working directory; zkcfg fix creates it only with --create-data-dir`,
    );
    expect(rooted.code).toBe(1);
    expect(existsSync(join(work, `outside-${cases}`))).toBe(false);
    const asked = zkcfg(["fix", "--root", "/", "--create-data-dir", ...args.slice(1)], { cwd: repo, timeout: HANG });
    expect(asked.stdout).toContain(`wrote ${join(outside, "d1/myid")} ("1")`);
    expect(readFileSync(join(outside, "d3/myid"), "utf8")).toBe("3\n");
  });

  it("--dry-run and --check leave the tree exactly as it was, even where a dataDir would be created", () => {
    const d = writeTree(fresh(), {
      "conf/zoo_2181.cfg": ported("/srv/zk/d1", 2181),
      "conf/zoo_2182.cfg": ported("/srv/zk/d2", 2182),
      "image/srv/zk/d2/.keep": "",
    });
    const before = snapshot(d);
    const dry = zkcfg(["fix", "--dry-run", "--root", "image", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg"], { cwd: d, timeout: HANG });
    expect(dry.stdout.split("\n").filter((l) => l.startsWith("+"))).toEqual(["+++ b/image/srv/zk/d1/myid", "+1", "+++ b/image/srv/zk/d2/myid", "+2"]);
    expect(zkcfg(["fix", "--check", "--root", "image", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg"], { cwd: d, timeout: HANG }).code).toBe(1);
    expect(snapshot(d)).toEqual(before);
  });

  it("--root DIR writes under DIR, never at the absolute path itself", () => {
    const top = `/srv/zkcfg-root-test-${process.pid}`;
    const d = writeTree(fresh(), { "conf/zoo.cfg": ported(`${top}/data`, 2181) });
    mkdirSync(join(d, "image", top), { recursive: true });
    const r = zkcfg(["fix", "--root", "image", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stdout).toContain(`wrote ${join(d, "image", top, "data/myid")} ("1")`);
    expect(readFileSync(join(d, "image", top, "data/myid"), "utf8")).toBe("1\n");
    expect(readdirSync(join(d, "image", top, "data"))).toEqual(["myid"]);
    expect(existsSync(top)).toBe(false);
  });

  it(
    "two zkcfg fix runs at once on one ensemble end with the right myids, no failure and no temp file",
    async () => {
      for (let round = 0; round < 4; round++) {
        const d = fresh();
        cpSync(join(REPO, "fixtures/examples/pseudo-cluster"), d, { recursive: true });
        const args = ["fix", "--format", "compact", "conf/zoo_2181.cfg", "conf/zoo_2182.cfg", "conf/zoo_2183.cfg"];
        const runs = await Promise.all([startZkcfg(args, { cwd: d }).done, startZkcfg(args, { cwd: d }).done]);
        for (const r of runs) {
          expect(r.stderr).toBe("");
          // Nothing failed (exit 2). The AdminServer clash on 8080 is only a warning, but a run that
          // ends while the other is still writing may still see a myid missing (exit 1).
          expect([0, 1]).toContain(r.code);
        }
        for (const [i, port] of [2181, 2182, 2183].entries()) {
          const data = join(d, "usr/local/zookeeper/quorum-data", `d${port}`);
          expect(readdirSync(data).filter((n) => n !== ".gitkeep")).toEqual(["myid"]);
          expect(readFileSync(join(data, "myid"), "utf8")).toBe(`${i + 1}\n`);
        }
        expect(zkcfg(["fix", "--check", ...args.slice(3)], { cwd: d }).code).toBe(0);
      }
    },
    HANG * 4,
  );
});

describe("--root is the target machine's /: nothing outside it is read or written", () => {
  /** A tree with a root `image` and, beside it, directories that nothing under the root may reach. */
  function rooted(dataDir: string): string {
    const d = writeTree(fresh(), { "conf/zoo.cfg": ported(dataDir, 2181), "outside/.keep": "", "image/.keep": "" });
    return d;
  }
  const fix = (d: string, ...extra: string[]) => zkcfg(["fix", ...extra, "--root", "image", "conf/zoo.cfg"], { cwd: d, timeout: HANG });

  it("'..' cannot climb out of the root: /../../../../etc is the root's /etc", () => {
    const d = rooted("/../../../../etc");
    const dry = fix(d, "--dry-run");
    expect(dry.stdout.split("\n").filter((l) => l.startsWith("+"))).toEqual(["+++ b/image/etc/myid", "+1"]);
  });

  it("fix writes the myid of a climbing dataDir inside the root", () => {
    const d = rooted("/../outside/data");
    const r = fix(d);
    expect(r.stdout).toContain(`wrote ${join(d, "image/outside/data/myid")} ("1")`);
    expect(r.stderr).toBe("");
    expect(readdirSync(join(d, "outside"))).toEqual([".keep"]);
  });

  it("a directory link on the way (image/var -> a host directory) is followed inside the root", () => {
    const d = rooted("/var/lib/zookeeper");
    symlinkSync(join(d, "outside"), join(d, "image/var"));
    const r = fix(d);
    expect(r.stdout).toContain(`wrote ${join(d, "image", d, "outside/lib/zookeeper/myid")} ("1")`);
    expect(readdirSync(join(d, "outside"))).toEqual([".keep"]);
  });

  it("a dataDir that is itself a link to a host directory is read and written inside the root", () => {
    const d = rooted("/srv/zk/data");
    mkdirSync(join(d, "image/srv/zk"), { recursive: true });
    mkdirSync(join(d, "outside/private"), { mode: 0o700 });
    symlinkSync(join(d, "outside/private"), join(d, "image/srv/zk/data"));
    const r = fix(d);
    expect(r.stdout).toContain(`wrote ${join(d, "image", d, "outside/private/myid")} ("1")`);
    expect(readdirSync(join(d, "outside/private"))).toEqual([]);
  });
});

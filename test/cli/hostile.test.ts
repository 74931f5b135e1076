// Hostile and broken input through the built CLI. What cannot be a config gets one clear line on
// stderr and exit 2 while the other files are still linted (README, "Exit codes"); text that is
// merely odd is linted the way ZooKeeper reads it. Cases lint.test.ts already covers (a missing
// file, a directory, a binary file, a glob matching nothing, a dangling link) are not repeated.
//
// Permissions: root reads a file whatever its mode, so "permission denied" is tested on a file
// the kernel refuses to root as well (/proc/sys/vm/drop_caches, write-only) and, when the tests run
// as root, by running zkcfg as the unprivileged user nobody on a mode-000 file.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canRunAsNobody, NOBODY, startZkcfg, writeTree, zkcfg } from "./run-cli.js";

const work = mkdtempSync(join(tmpdir(), "zkcfg-hostile-"));
// Traversable by the unprivileged user of the permission test.
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CLEAN = "tickTime=2000\ndataDir=/srv/zkcfg-hostile/data\nclientPort=2181\nautopurge.purgeInterval=24\n";
/** A standalone config with one problem, to show that the other files are still linted. */
const BROKEN = `${CLEAN}initLimit=abc\n`;
const BROKEN_REPORT = 'conf/zoo.cfg:5:11: error initLimit "abc" is not a whole number';
/** Quorum settings without syncLimit, on hosts that are not this one. */
const QUORUM = `${CLEAN}initLimit=10\nserver.1=zk1.example:2888:3888\nserver.2=zk2.example:2888:3888\nserver.3=zk3.example:2888:3888\n`;
/** Long enough for a slow machine, short enough that a hang fails the test rather than the suite. */
const HANG = 30_000;

let cases = 0;
function dir(files: Record<string, string> = {}): string {
  return writeTree(join(work, `case-${++cases}`), { "conf/zoo.cfg": BROKEN, ...files });
}

const compact = (args: string[], cwd: string): ReturnType<typeof zkcfg> => zkcfg(["lint", "--format", "compact", ...args], { cwd, timeout: HANG });
const asNobody = canRunAsNobody();

describe("what cannot be a config: one clear line, exit 2, the rest still linted", () => {
  it("a FIFO with no writer is refused at once, not waited on", () => {
    const d = dir();
    execFileSync("mkfifo", [join(d, "pipe.cfg")]);
    const r = compact(["pipe.cfg", "conf/zoo.cfg"], d);
    expect(r.stderr).toBe("zkcfg: pipe.cfg: is a named pipe (FIFO), not a regular file; to lint generated text, pipe it to zkcfg lint --stdin\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it("a FIFO beside a config, where siblings and globs look, is passed over without waiting", () => {
    const d = dir();
    execFileSync("mkfifo", [join(d, "conf/waiting.cfg")]);
    for (const args of [["conf/zoo.cfg"], ["conf/*.cfg"]]) {
      const r = compact(args, d);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain(BROKEN_REPORT);
    }
  });

  it("a Unix socket and a character device are named for what they are", async () => {
    const d = dir();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(join(d, "socket.cfg"), resolve));
    try {
      const r = compact(["socket.cfg", "/dev/null", "conf/zoo.cfg"], d);
      expect(r.stderr.split("\n")).toEqual([
        "zkcfg: socket.cfg: is a socket, not a regular file; name the config file itself",
        expect.stringMatching(/^zkcfg: (\.\.\/)*dev\/null: is a character device, not a regular file; name the config file itself$/),
        "",
      ]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(BROKEN_REPORT);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a loop of symbolic links is named as one (ELOOP), not as a missing file", () => {
    const d = dir();
    symlinkSync("b.cfg", join(d, "a.cfg"));
    symlinkSync("a.cfg", join(d, "b.cfg"));
    const r = compact(["a.cfg", "conf/zoo.cfg"], d);
    expect(r.stderr).toBe("zkcfg: a.cfg: is a loop of symbolic links (ELOOP); point the link at the config file\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it("a directory that links to itself ends a ** glob, and each config is linted once, under its own name", () => {
    const d = dir();
    symlinkSync(".", join(d, "conf/again"));
    symlinkSync("zoo.cfg", join(d, "conf/current.cfg"));
    const r = compact(["**/*.cfg"], d);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.includes("initLimit"))).toEqual([expect.stringContaining(BROKEN_REPORT)]);
  });

  it.skipIf(!existsSync("/proc/sys/vm/drop_caches"))("a file even root may not read (/proc/sys/vm/drop_caches) is permission denied", () => {
    const d = dir();
    const r = compact(["/proc/sys/vm/drop_caches", "conf/zoo.cfg"], d);
    expect(r.stderr).toMatch(/^zkcfg: (\.\.\/)*proc\/sys\/vm\/drop_caches: cannot be read: permission denied\n$/);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it.skipIf(!asNobody)("a mode-000 file, for a user who is not root, is permission denied", () => {
    const d = dir({ "secret.cfg": CLEAN });
    chmodSync(join(d, "secret.cfg"), 0o000);
    const r = zkcfg(["lint", "--format", "compact", "secret.cfg", "conf/zoo.cfg"], { cwd: d, ...NOBODY, timeout: HANG });
    expect(r.stderr).toBe("zkcfg: secret.cfg: cannot be read: permission denied\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it("NUL bytes in otherwise plain text: where the first one is", () => {
    const d = dir({ "nul.cfg": "tickTime=2000\ndataDir=/var\u0000/lib/zk\n" });
    const r = compact(["nul.cfg", "conf/zoo.cfg"], d);
    expect(r.stderr).toBe("zkcfg: nul.cfg: is a binary file (a NUL byte at line 2, column 13), not a ZooKeeper config\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it("a 10 MiB file is over the limit", () => {
    const d = dir({ "big.cfg": `${"#".repeat(79)}\n`.repeat((10 * 1024 * 1024) / 80) });
    const r = compact(["big.cfg", "conf/zoo.cfg"], d);
    expect(r.stderr).toBe("zkcfg: big.cfg: is 10.0 MiB; a zoo.cfg is a few KiB, so this is not one (limit 8 MiB)\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(BROKEN_REPORT);
  });

  it("a 64 GiB (sparse) file is refused by its size, without being read", () => {
    const d = dir();
    writeFileSync(join(d, "sparse.cfg"), "");
    truncateSync(join(d, "sparse.cfg"), 64 * 1024 ** 3);
    const r = compact(["sparse.cfg", "conf/zoo.cfg"], d);
    expect(r.stderr).toBe("zkcfg: sparse.cfg: is 65536.0 MiB; a zoo.cfg is a few KiB, so this is not one (limit 8 MiB)\n");
    expect(r.code).toBe(2);
  });

  it("a reader that stops early (zkcfg lint … | head) does not crash it; the exit code stands", async () => {
    const d = dir();
    const run = startZkcfg(["lint", "conf/zoo.cfg"], { cwd: d });
    run.child.stdout?.destroy();
    const r = await run.done;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
  });
});

describe("odd text is linted as ZooKeeper reads it", () => {
  it("bytes that are not UTF-8: a warning naming them and what ZooKeeper sees (exit 0: warnings only)", () => {
    const d = writeTree(join(work, "latin1"), { "zoo.cfg": "" });
    writeFileSync(
      join(d, "zoo.cfg"),
      Buffer.concat([Buffer.from("tickTime=2000\ndataDir=/srv/donn"), Buffer.from([0xe9]), Buffer.from("es\nclientPort=2181\nautopurge.purgeInterval=24\n")]),
    );
    const r = compact(["zoo.cfg"], d);
    expect(r.stdout.split("\n").filter((l) => l.includes("[file-encoding]"))).toEqual([
      'zoo.cfg:2:18: warning The value of dataDir holds 0xE9, which is not UTF-8 text; ZooKeeper reads the file as ISO-8859-1 and sees "é", but editors that expect UTF-8 show something else; write it as \\u00E9 [file-encoding]',
    ]);
    expect(r.stdout).not.toContain(" error ");
    expect(r.code).toBe(0);
  });

  it("UTF-8 text: ZooKeeper sees other characters", () => {
    const d = writeTree(join(work, "utf8"), { "zoo.cfg": "tickTime=2000\ndataDir=/srv/données\nclientPort=2181\nautopurge.purgeInterval=24\n" });
    const r = compact(["zoo.cfg"], d);
    expect(r.stdout).toContain(
      'zoo.cfg:2:18: warning The value of dataDir holds "é" as UTF-8; ZooKeeper reads the file as ISO-8859-1 and sees "Ã©" instead; write it as \\u00E9 [file-encoding]',
    );
    expect(r.code).toBe(0);
  });

  it("a UTF-8 byte order mark glues itself to the first key, reported at 1:1", () => {
    const d = writeTree(join(work, "bom"), { "conf/zoo.cfg": `\uFEFF${CLEAN}` });
    const r = compact(["conf/zoo.cfg"], d);
    const first = r.stdout.split("\n").filter((l) => l.startsWith("conf/zoo.cfg:1:1: "));
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((l) => !l.includes("byte order mark"))).toEqual([]);
    expect(r.stderr).toBe("");
  });

  it.each([
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("%s line endings: lines and columns as ZooKeeper counts them, no CR in values", (_name, eol) => {
    const d = writeTree(join(work, `eol-${_name}`), { "conf/zoo.cfg": BROKEN.replaceAll("\n", eol) });
    const r = compact(["conf/zoo.cfg"], d);
    expect(r.stdout).toContain(`${BROKEN_REPORT}; ZooKeeper refuses it (NumberFormatException: For input string: "abc")`);
    expect(r.code).toBe(1);
  });

  it("a backslash at the very end of the file is dropped, as Properties.load drops it", () => {
    const d = writeTree(join(work, "dangling"), { "conf/zoo.cfg": `${QUORUM}syncLimit=20\\` });
    const r = compact(["conf/zoo.cfg"], d);
    expect(r.stdout).toContain("conf/zoo.cfg:9:11: warning syncLimit 20 (40 s) is longer than initLimit 10 (20 s): a follower");
    expect(r.stderr).toBe("");
  });

  // How the time grows with the server lines is test/scaling's job (a ratio, never seconds).
  it(
    "a config with 20,000 server lines is linted whole",
    () => {
      const servers = Array.from({ length: 20_000 }, (_, i) => `server.${i + 1}=zk${i + 1}.example.com:2888:3888\n`).join("");
      const d = writeTree(join(work, "large"), {
        "conf/zoo.cfg": `tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/srv/zkcfg-hostile/data\nclientPort=2181\n${servers}`,
      });
      const r = compact(["conf/zoo.cfg"], d);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("conf/zoo.cfg:6:1: warning 20000 voting members tolerate 9999 failure(s)");
      expect([0, 1]).toContain(r.code);
    },
    HANG * 2,
  );

  it("a link to the named config beside it is that config, not a second server sharing its dataDir", () => {
    const d = writeTree(join(work, "linked"), { "conf/zoo_prod.cfg": `${QUORUM}syncLimit=5\n` });
    symlinkSync("zoo_prod.cfg", join(d, "conf/zoo.cfg"));
    for (const name of ["conf/zoo.cfg", "conf/zoo_prod.cfg"]) {
      const r = compact([name], d);
      expect(r.stdout).not.toContain("is also the dataDir of");
      expect(r.code).toBe(0);
    }
  });
});

// These configs name other hosts: `--root /` says they are for this machine, so their files are read.
describe("myid files written by a stranger: nothing secret printed, nothing large read", () => {
  const SECRET = "CI_DEPLOY_TOKEN=glpat-zkcfg-test-secret-0123456789";
  /** A quorum config whose dataDir is `data` beside it, with `myid` made by `make`. */
  function withMyid(name: string, make: (data: string) => void): string {
    const d = writeTree(join(work, name), { "conf/zoo.cfg": `${QUORUM.replace("/srv/zkcfg-hostile/data", join(work, name, "data"))}syncLimit=5\n` });
    mkdirSync(join(d, "data"));
    make(join(d, "data"));
    return d;
  }
  const all = (r: { stdout: string; stderr: string }): string => r.stdout + r.stderr;

  it.skipIf(!existsSync("/proc/self/environ"))(
    "a myid linking out of its data dir (/proc/self/environ) is named, never read: no environment in annotations or SARIF",
    () => {
      const d = withMyid("environ", (data) => symlinkSync("/proc/self/environ", join(data, "myid")));
      for (const format of ["github", "sarif", "compact"]) {
        const r = zkcfg(["lint", "--format", format, "--root", "/", "conf/zoo.cfg"], { cwd: d, env: { CI_DEPLOY_TOKEN: SECRET.split("=")[1] }, timeout: HANG });
        expect(all(r)).not.toContain("zkcfg-test-secret");
        expect(all(r)).not.toContain("CI_DEPLOY_TOKEN");
        expect(r.stdout).toContain("is a symbolic link leading out of its data directory to a file not named myid; zkcfg does not read what it leads to");
      }
    },
  );

  it("a link to a private (0600) file is not read either, even by root", () => {
    const d = withMyid("private", (data) => {
      writeFileSync(join(work, "private-secret"), `${SECRET}\n`, { mode: 0o600 });
      symlinkSync(join(work, "private-secret"), join(data, "myid"));
    });
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(all(r)).not.toContain("zkcfg-test-secret");
    expect(r.stdout).toContain(`${join(d, "data/myid")} is a symbolic link leading out of its data directory`);
  });

  it("a link inside the data dir is followed, as ZooKeeper follows it", () => {
    const d = withMyid("inside-link", (data) => {
      writeFileSync(join(data, "myid.real"), "7\n");
      symlinkSync("myid.real", join(data, "myid"));
    });
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(r.stdout).toContain(`${join(d, "data/myid")} says 7, but no server.7 line is in this config`);
  });

  it("a link to another myid out of the data dir (Debian's /var/lib/zookeeper/myid -> /etc/zookeeper/conf/myid) is read", () => {
    const d = withMyid("debian-link", (data) => {
      writeTree(join(data, "..", "etc"), { myid: "5\n" });
      symlinkSync(join(data, "..", "etc", "myid"), join(data, "myid"));
    });
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(r.stdout).toContain(`${join(d, "data/myid")} says 5, but no server.5 line is in this config`);
  });

  it("a myid holding a secret is quoted by a short, escaped excerpt only", () => {
    const d = withMyid("quoted", (data) => writeFileSync(join(data, "myid"), `${SECRET}\u001b]0;title\u0007\n`));
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(r.stdout).toContain('ZooKeeper exits with "serverid CI_DEPLOY_TOKEN=glpa… is not a number"');
    expect(all(r)).not.toContain("zkcfg-test-secret");
  });

  it("a 20 MiB myid is read no further than an id can reach: a short message, not 20 MiB of JSON", () => {
    const d = withMyid("huge", (data) => writeFileSync(join(data, "myid"), "9".repeat(20 * 1024 * 1024)));
    const r = zkcfg(["lint", "--format", "json", "--root", "/", "conf/zoo.cfg"], { cwd: d, timeout: HANG });
    expect(r.stdout).toContain("serverid 99999999999999999999… is not a number");
    expect(r.stdout.length).toBeLessThan(8 * 1024);
  });
});

describe("dynamic files written by a stranger: named, not printed", () => {
  const SECRET = "CI_DEPLOY_TOKEN=glpat-zkcfg-test-secret-0123456789";
  /** A standalone config naming `dynamic` as its dynamic file, with `files` beside it. */
  function withDynamic(name: string, dynamic: string, files: Record<string, string> = {}): string {
    return writeTree(join(work, name), { "conf/zoo.cfg": `${CLEAN}dynamicConfigFile=${dynamic}\n`, ...files });
  }
  /** A file only root may read, as another user's private file is to the one running zkcfg. */
  function privateFile(name: string): string {
    const path = join(work, name);
    // Each line would be quoted if the file were read: a key, a value, a server id ZooKeeper cannot parse.
    writeFileSync(path, `clientPort=2181\nserver.zkcfg-test-secret=zk1.example:2888:3888\n${SECRET}\n`, { mode: 0o600 });
    return path;
  }
  /** The tree is the stranger's: nobody owns it when the tests can say so. */
  const strangers = (d: string): void => {
    if (asNobody) execFileSync("chown", ["-R", `${NOBODY.uid}:${NOBODY.gid}`, d]);
  };
  const all = (r: { stdout: string; stderr: string }): string => r.stdout + r.stderr;

  it.skipIf(!existsSync("/proc/self/environ"))(
    "/proc/self/environ as the dynamic file is named, never read: no environment in compact, github or SARIF",
    () => {
      const d = withDynamic("dyn-environ", "/proc/self/environ");
      for (const format of ["compact", "github", "sarif"]) {
        const r = zkcfg(["lint", "--format", format, "--root", "/", "conf/zoo.cfg"], { cwd: d, env: { CI_DEPLOY_TOKEN: SECRET.split("=")[1] }, timeout: HANG });
        expect(all(r)).not.toContain("zkcfg-test-secret");
        expect(r.stdout).toContain("is not read: it is in /proc, whose files hold a process's or the kernel's data, not a config");
      }
    },
  );

  it("a dynamic file linking to another user's private (0600) file is named, never read", () => {
    const secret = privateFile("dyn-private-secret");
    const d = withDynamic("dyn-private", join(work, "dyn-private/conf/zoo.cfg.dynamic"));
    symlinkSync(secret, join(d, "conf/zoo.cfg.dynamic"));
    strangers(d);
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(all(r)).not.toContain("zkcfg-test-secret");
    expect(r.stdout).toContain(`(${secret}) is not read: it is a symbolic link leading out of ${d}`);
  });

  it("a .dynamic.next linking to a private file is named, never read", () => {
    const secret = privateFile("next-private-secret");
    const d = withDynamic("next-private", join(work, "next-private/conf/zoo.cfg.dynamic"), { "conf/zoo.cfg.dynamic": "server.1=zk1.example:2888:3888\n" });
    symlinkSync(secret, join(d, "conf/zoo.cfg.dynamic.next"));
    strangers(d);
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(all(r)).not.toContain("zkcfg-test-secret");
    expect(r.stdout).toContain(`${join(d, "conf/zoo.cfg.dynamic.next")}, beside this config, is not read: it is a symbolic link leading out of ${d}`);
  });

  it("a regular file named as the dynamic file is checked, its lines quoted by short excerpts only", () => {
    const d = withDynamic("dyn-quoted", join(work, "dyn-quoted/conf/servers"), { "conf/servers": `server.1=zk1.example:2888:3888\n${SECRET}\n` });
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(r.stdout).toContain('CI_DEPLOY_TOKEN "glpat-zkcfg-test-sec…" (line 2 of servers) is not a server, group or weight line');
    expect(all(r)).not.toContain("zkcfg-test-secret");
  });

  it("a private file named directly as the dynamic file, with no server line, is reported once: none of its lines quoted", () => {
    const key = join(work, "dyn-key-secret");
    writeFileSync(key, "-----BEGIN OPENSSH PRIVATE KEY-----\nzkcfgTestSecretLineOne0123456789abcdef\nzkcfgTestSecretLineTwo0123456789abcdef\n", {
      mode: 0o600,
    });
    const d = withDynamic("dyn-key", key);
    strangers(d);
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(all(r)).not.toContain("zkcfgTestSecret");
    expect(all(r)).not.toContain("BEGIN");
    expect(r.stdout).toContain("dyn-key-secret, the dynamic file, has no server, group or weight line, only 3 other line(s), the first on line 1");
  });

  it("a dynamic file linked within the config's tree is read and checked as usual", () => {
    const d = withDynamic("dyn-inside-link", join(work, "dyn-inside-link/conf/zoo.cfg.dynamic"), {
      "conf/zoo.cfg.dynamic.100000000": "server.1=zk1.example:2888:3888\nclientPort=2181\n",
    });
    symlinkSync("zoo.cfg.dynamic.100000000", join(d, "conf/zoo.cfg.dynamic"));
    const r = compact(["--root", "/", "conf/zoo.cfg"], d);
    expect(r.stdout).toContain('clientPort "2181" (line 2 of zoo.cfg.dynamic.100000000) is not a server, group or weight line');
    expect(r.stdout).not.toContain("is not read");
  });
});

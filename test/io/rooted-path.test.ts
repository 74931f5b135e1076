import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/io/node-fs.js";
import { LinkLoopError, MAX_LINK_HOPS, resolveInRoot, within } from "../../src/io/rooted-path.js";

const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-rooted-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readlink = (p: string): string | undefined => nodeFileSystem.readlink?.(p);
/** A root R beside a directory `outside` that nothing under R may reach. */
const R = join(work, "root");
const OUTSIDE = join(work, "outside");
mkdirSync(join(R, "srv/zk"), { recursive: true });
mkdirSync(join(R, "a/b"), { recursive: true });
mkdirSync(OUTSIDE);
const inRoot = (path: string, from?: string): string => resolveInRoot(readlink, R, path, from);

describe("resolveInRoot: a path as the machine under the root sees it", () => {
  it("'..' never climbs above the root: /.. of the root is the root", () => {
    expect(inRoot("/../../../../etc")).toBe(join(R, "etc"));
    expect(inRoot("/a/../../..")).toBe(R);
    expect(inRoot("/srv/./zk//data/")).toBe(join(R, "srv/zk/data"));
  });

  it("an absolute link target starts again at the root, not at the host's /", () => {
    symlinkSync(OUTSIDE, join(R, "var"));
    expect(inRoot("/var/lib/zookeeper")).toBe(join(R, OUTSIDE, "lib/zookeeper"));
  });

  it("a dataDir that is itself a link is followed inside the root", () => {
    symlinkSync("/etc", join(R, "srv/zk/data"));
    expect(inRoot("/srv/zk/data/myid")).toBe(join(R, "etc/myid"));
  });

  it("a relative link target is taken from the link's directory, still clamped at the root", () => {
    symlinkSync("../../../../..", join(R, "a/b/up"));
    symlinkSync("../srv", join(R, "a/sibling"));
    expect(inRoot("/a/b/up/etc")).toBe(join(R, "etc"));
    expect(inRoot("/a/sibling/zk")).toBe(join(R, "srv/zk"));
    // '..' after a link goes up from where the link led, as the kernel does.
    expect(inRoot("/a/sibling/../b")).toBe(join(R, "b"));
  });

  it("a relative path starts at `from`, a start outside the root at the root", () => {
    expect(inRoot("data", join(R, "a/b"))).toBe(join(R, "a/b/data"));
    expect(inRoot("../../../x", join(R, "a/b"))).toBe(join(R, "x"));
    expect(inRoot("data", OUTSIDE)).toBe(join(R, "data"));
  });

  it("a loop of links, or more links than a lookup follows, is ELOOP at the link", () => {
    symlinkSync("loop-b", join(R, "loop-a"));
    symlinkSync("loop-a", join(R, "loop-b"));
    const e = (() => {
      try {
        inRoot("/loop-a/x");
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(LinkLoopError);
    expect((e as LinkLoopError).code).toBe("ELOOP");
    // A chain of exactly MAX_LINK_HOPS links still resolves.
    for (let i = 0; i < MAX_LINK_HOPS; i++) symlinkSync(i === MAX_LINK_HOPS - 1 ? "/srv" : `chain-${i + 1}`, join(R, `chain-${i}`));
    expect(inRoot("/chain-0/zk")).toBe(join(R, "srv/zk"));
  });

  it("with / as the root, it is the system's own lookup", () => {
    expect(resolveInRoot(readlink, "/", join(R, "a/sibling/zk"))).toBe(realpathSync(join(R, "a/sibling/zk")));
  });

  it("within: a host path as the root's machine names it", () => {
    expect(within(R, join(R, "srv"))).toBe("/srv");
    expect(within(R, R)).toBe("/");
    expect(within(R, `${R}x/srv`)).toBeUndefined();
    expect(within("/", "/srv")).toBe("/srv");
  });
});

describe("resolveInRoot on a stranger's path of any length", () => {
  it("looks up no path longer than PATH_MAX: the lookups cost no more for a path twice as long", () => {
    const path = (n: number): string => `/${"a/".repeat(n)}data`;
    /** The characters of every host path looked up while resolving a path of n segments. */
    const looked = (n: number): number => {
      let total = 0;
      expect(resolveInRoot((p) => void (total += p.length), R, path(n))).toBe(join(R, path(n)));
      return total;
    };
    expect(looked(100_000)).toBe(looked(200_000));
    let longest = 0;
    resolveInRoot((p) => void (longest = Math.max(longest, p.length)), R, path(10_000));
    expect(longest).toBeLessThanOrEqual(4096);
  });
});

import { posix } from "node:path";

/** As many links as Linux follows in one lookup before it answers ELOOP. */
export const MAX_LINK_HOPS = 40;

/** A path under a root that leads through more links than a lookup follows: a loop, as far as the target machine can tell. */
export class LinkLoopError extends Error {
  readonly code = "ELOOP";
  /** The host path of the link where zkcfg stopped. */
  readonly at: string;
  constructor(at: string) {
    super(`${at}: too many levels of symbolic links`);
    this.at = at;
  }
}

const segments = (path: string): string[] => path.split("/").filter((s) => s !== "" && s !== ".");

/** The host path of `inside` (a path as the target machine sees it) under `root`. */
const hostOf = (root: string, inside: readonly string[]): string => (inside.length === 0 ? root : posix.join(root, ...inside));

/**
 * Where `path` leads on the machine whose file system is the tree under `root`, as a host path
 * that never leaves `root`: the root is that machine's "/", so "/.." is the root itself and an
 * absolute link target starts again at the root; a relative link target is taken from the link's
 * own directory, still never above the root. A relative `path` starts at `from` (a host path under
 * the root), an absolute one at the root. Components that do not exist are kept as written. Throws LinkLoopError past MAX_LINK_HOPS links.
 *
 * `readlink` says what a host path's link points to, or undefined when it is not a link (or is not there).
 */
export function resolveInRoot(readlink: (hostPath: string) => string | undefined, root: string, path: string, from: string = root): string {
  const top = posix.resolve(root);
  // A start outside the root (a config beside the tree, not in it) counts as the root's "/".
  const inside = path.startsWith("/") ? [] : segments(within(top, posix.resolve(from)) ?? "/");
  const pending = segments(path).reverse();
  let hops = 0;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name === "..") {
      inside.pop();
      continue;
    }
    const host = hostOf(top, [...inside, name]);
    const target = readlink(host);
    if (target === undefined) {
      inside.push(name);
      continue;
    }
    if (++hops > MAX_LINK_HOPS) throw new LinkLoopError(host);
    if (target.startsWith("/")) inside.length = 0;
    pending.push(...segments(target).reverse());
  }
  return hostOf(top, inside);
}

/** `hostPath` as the machine under `root` names it ("/" for the root itself), or undefined when it is not under the root. */
export function within(root: string, hostPath: string): string | undefined {
  if (root === "/") return hostPath;
  if (hostPath === root) return "/";
  return hostPath.startsWith(`${root}/`) ? hostPath.slice(root.length) : undefined;
}

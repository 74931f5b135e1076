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

/** Linux's PATH_MAX: the system looks up no longer path (ENAMETOOLONG). */
const PATH_MAX = 4096;

const segments = (path: string): string[] => path.split("/").filter((s) => s !== "" && s !== ".");

/**
 * Where `path` leads on the machine whose file system is the tree under `root`, as a host path
 * that never leaves `root`: the root is that machine's "/", so "/.." is the root itself and an
 * absolute link target starts again at the root; a relative link target is taken from the link's
 * own directory, still never above the root. A relative `path` starts at `from` (a host path under
 * the root), an absolute one at the root. Components that do not exist are kept as written, as is
 * whatever lies past PATH_MAX, where no lookup can reach. Throws LinkLoopError past MAX_LINK_HOPS
 * links. The work is linear in the length of the path.
 *
 * `readlink` says what a host path's link points to, or undefined when it is not a link (or is not there).
 */
export function resolveInRoot(readlink: (hostPath: string) => string | undefined, root: string, path: string, from: string = root): string {
  const top = posix.resolve(root);
  const base = top === "/" ? "" : top;
  // The path inside the root, by name, and the host paths of its first directories, as far as
  // they stay within PATH_MAX: only those are looked up, so no step costs more than PATH_MAX.
  const names: string[] = [];
  const hosts: string[] = [];
  const candidate = (name: string): string | undefined => {
    if (hosts.length !== names.length) return undefined;
    const host = `${hosts.at(-1) ?? base}/${name}`;
    return host.length > PATH_MAX ? undefined : host;
  };
  const enter = (name: string, host: string | undefined): void => {
    names.push(name);
    if (host !== undefined) hosts.push(host);
  };
  // A start outside the root (a config beside the tree, not in it) counts as the root's "/".
  if (!path.startsWith("/")) for (const name of segments(within(top, posix.resolve(from)) ?? "/")) enter(name, candidate(name));
  const pending = segments(path).reverse();
  let hops = 0;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name === "..") {
      names.pop();
      if (hosts.length > names.length) hosts.pop();
      continue;
    }
    const host = candidate(name);
    const target = host === undefined ? undefined : readlink(host);
    if (target === undefined) {
      enter(name, host);
      continue;
    }
    if (++hops > MAX_LINK_HOPS) throw new LinkLoopError(host as string);
    if (target.startsWith("/")) {
      names.length = 0;
      hosts.length = 0;
    }
    pending.push(...segments(target).reverse());
  }
  return names.length === 0 ? top : `${base}/${names.join("/")}`;
}

/** `hostPath` as the machine under `root` names it ("/" for the root itself), or undefined when it is not under the root. */
export function within(root: string, hostPath: string): string | undefined {
  if (root === "/") return hostPath;
  if (hostPath === root) return "/";
  return hostPath.startsWith(`${root}/`) ? hostPath.slice(root.length) : undefined;
}

/** A dotted quad of decimal bytes with no leading zeros, as node:net and Java's literal parser take it. */
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export const isIPv4 = (text: string): boolean => IPV4.test(text);

/**
 * node:net's check, loaded on the first host with a colon: loading node:net costs a run more
 * start-up time than the rest of its linting, and most configs name hosts or IPv4 addresses.
 */
const isIPv6 = (text: string): boolean => text.includes(":") && process.getBuiltinModule("node:net").isIPv6(text);

/**
 * An address as Java's InetAddress sees it without a DNS lookup: the wildcard, a literal IP
 * (written as Java prints it), or a host name whose address only the target host knows.
 */
export type InetView = { kind: "any" } | { kind: "ip"; ip: string; name?: string } | { kind: "name"; name: string };

/** `::1` → `0:0:0:0:0:0:0:1`, Java's spelling of an IPv6 literal. */
function expandIPv6(text: string): string | undefined {
  const [head, tail, more] = text.split("::");
  if (more !== undefined) return undefined;
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16).toString(16)).join(":");
}

/** What InetAddress.getByName makes of a host, as far as it can be told here. */
export function viewAddress(host: string): InetView {
  const h = host.trim();
  // getByName("") and getByName("localhost") both give the loopback address.
  if (h === "" || h.toLowerCase() === "localhost") return { kind: "ip", ip: "127.0.0.1", name: h || "localhost" };
  if (isIPv4(h)) return h === "0.0.0.0" ? { kind: "any" } : { kind: "ip", ip: h };
  const bare = h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
  if (isIPv6(bare)) {
    const ip = expandIPv6(bare);
    if (ip === "0:0:0:0:0:0:0:0") return { kind: "any" };
    if (ip !== undefined) return { kind: "ip", ip };
  }
  return { kind: "name", name: h };
}

/**
 * InetSocketAddress.toString() as Java 17 prints it: `name/ip:port`, the name empty for a
 * literal; `host` undefined stands for `new InetSocketAddress(port)`, the wildcard. A name's
 * address is shown as "…": only DNS on the target host knows it.
 */
export function javaSocketAddress(host: string | undefined, port: number): string {
  if (host === undefined) return `0.0.0.0/0.0.0.0:${port}`;
  const view = viewAddress(host);
  if (view.kind === "name") return `${view.name}/…:${port}`;
  const ip = view.kind === "any" ? (isIPv4(host.trim()) ? "0.0.0.0" : "0:0:0:0:0:0:0:0") : view.ip;
  const shown = ip.includes(":") ? `[${ip}]` : ip;
  return `${view.kind === "ip" && view.name ? view.name : ""}/${shown}:${port}`;
}

/**
 * Whether a host could name a machine at all: an IP literal, or a name of letters, digits, ".",
 * "-" and "_" (Docker's service names have underscores). Empty means this machine to Java.
 */
export function isHostSyntax(host: string): boolean {
  // Every IPv4 literal passes the name pattern.
  return host === "" || /^[A-Za-z0-9._-]+$/.test(host) || isIPv6(host);
}

/** Keys that belong in the dynamic file once there is one: server, group and weight lines. */
export function isDynamicKey(key: string): boolean {
  return key.startsWith("server.") || key.startsWith("group") || key.startsWith("weight");
}

/** Long.parseLong(text, 16), as ZooKeeper reads configuration versions. */
export function parseHexLong(text: string): bigint | undefined {
  const m = /^([+-]?)([0-9a-fA-F]+)$/.exec(text);
  if (!m) return undefined;
  const n = BigInt(`0x${m[2]}`) * (m[1] === "-" ? -1n : 1n);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/**
 * The version ZooKeeper takes from a dynamic file's name: the text after the last "." of the
 * path, read as hexadecimal. Undefined when there is none; the configuration then has version 0.
 */
export function versionFromFileName(path: string): { suffix: string; version: bigint | undefined } {
  const dot = path.lastIndexOf(".");
  const suffix = dot < 0 ? "" : path.slice(dot + 1);
  return { suffix, version: parseHexLong(suffix) };
}

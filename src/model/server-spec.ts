import type { Entry, Range } from "../parse/document.js";
import { parseJavaInt, parseJavaLong } from "./java-number.js";
import { atLeast, type ZkVersion } from "./version.js";

export type Role = "participant" | "observer";

/** A piece of a server line's value, with where it stands in the file. */
export interface Part<T> {
  value: T;
  range: Range;
}

export interface ServerAddress {
  host: Part<string>;
  quorumPort: Part<number>;
  electionPort: Part<number>;
}

export interface ServerSpec {
  entry: Entry;
  /**
   * More than one `|`-separated address: 3.6+ accepts it only when the JVM runs with
   * -Dzookeeper.multiAddress.enabled=true, which no zoo.cfg key can set.
   */
  multiAddress: boolean;
  /** The id as ZooKeeper reads it from the key (Long.parseLong of what follows the first dot). */
  id: bigint;
  addresses: ServerAddress[];
  role: Role;
  clientHost?: Part<string>;
  clientPort?: Part<number>;
}

/** A server line ZooKeeper rejects, with ZooKeeper's own message. */
export interface ServerSpecError {
  entry: Entry;
  message: string;
  range: Range;
}

const WRONG_FORMAT =
  " does not have the form server_config or server_config;client_config where server_config is the pipe separated list of host:port:port or host:port:port:type and client_config is port or host:port";

interface Piece {
  text: string;
  start: number;
}

/** Java's String.split for a one-char separator: trailing empty pieces are dropped. */
function split(piece: Piece, sep: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (;;) {
    const at = piece.text.indexOf(sep, from);
    if (at < 0) break;
    out.push({ text: piece.text.slice(from, at), start: piece.start + from });
    from = at + 1;
  }
  out.push({ text: piece.text.slice(from), start: piece.start + from });
  while (out.length > 1 && out[out.length - 1]?.text === "") out.pop();
  return out;
}

class SpecError extends Error {}

/** ConfigUtils.getHostAndPort: `[v6]:p:p` keeps the literal, others split on ':'. */
function hostAndPort(piece: Piece): Piece[] {
  const s = piece.text;
  if (!s.startsWith("[")) return split(piece, ":");
  const close = s.indexOf("]");
  if (close < 0) throw new SpecError(`${s} starts with '[' but has no matching ']:'`);
  if (close + 2 === s.length) throw new SpecError(`${s} doesn't have a port after colon`);
  if (close + 2 > s.length) throw new SpecError(`${s} doesn't have a port after colon`);
  // ZooKeeper skips the char after ']' without checking that it is a colon.
  const rest = split({ text: s.slice(close + 2), start: piece.start + close + 2 }, ":");
  return [{ text: s.slice(1, close), start: piece.start + 1 }, ...rest];
}

function rangeOf(entry: Entry, p: Piece): Range {
  return { start: entry.valueOffset(p.start), end: entry.valueOffset(p.start + p.text.length) };
}

function port(entry: Entry, p: Piece, host: string): Part<number> {
  const n = parseJavaInt(p.text);
  if (n === undefined) throw new SpecError(`Address unresolved: ${host}:${p.text}`);
  if (n < 0 || n > 65535) throw new SpecError(`port out of range:${n}`);
  return { value: n, range: rangeOf(entry, p) };
}

function roleOf(text: string): Role {
  const t = text.toLowerCase().trim();
  if (t === "observer" || t === "participant") return t;
  throw new SpecError(`Unrecognised peertype: ${text}`);
}

/** Parses one `server.N` entry; the value is used untrimmed, as ZooKeeper's quorum verifier does. */
export function parseServerSpec(entry: Entry, version: ZkVersion): ServerSpec | ServerSpecError {
  const whole = { start: entry.keyRange.start, end: entry.valueRange.end };
  const idText = entry.key.slice(entry.key.indexOf(".") + 1);
  const id = parseJavaLong(idText);
  if (id === undefined) {
    return { entry, message: `NumberFormatException: For input string: "${idText}"`, range: entry.keyRange };
  }
  const value = entry.value;
  try {
    return atLeast(version, "3.5") ? parseModern(entry, id, value) : parseLegacy(entry, id, value);
  } catch (e) {
    if (e instanceof SpecError) return { entry, message: e.message, range: entry.value ? entry.valueRange : whole };
    throw e;
  }
}

function parseModern(entry: Entry, id: bigint, value: string): ServerSpec {
  const serverClient = split({ text: value, start: 0 }, ";");
  const serverList = serverClient[0] as Piece;
  const addressPieces = split(serverList, "|");
  let clientHost: Part<string> | undefined;
  let clientPort: Part<number> | undefined;
  if (serverClient.length === 2) {
    const clientPiece = serverClient[1] as Piece;
    const parts = hostAndPort(clientPiece);
    if (parts.length > 2) throw new SpecError(value + WRONG_FORMAT);
    const portPiece = parts[parts.length - 1] as Piece;
    const n = parseJavaInt(portPiece.text);
    // ZooKeeper builds this message before it has read the host, hence "null".
    if (n === undefined) throw new SpecError(`Address unresolved: null:${portPiece.text}`);
    if (n < 0 || n > 65535) throw new SpecError(`port out of range:${n}`);
    clientPort = { value: n, range: rangeOf(entry, portPiece) };
    if (parts.length === 2) {
      const h = parts[0] as Piece;
      clientHost = { value: h.text, range: rangeOf(entry, h) };
    }
  }
  const addresses: ServerAddress[] = [];
  let role: Role | undefined;
  for (const piece of addressPieces) {
    const parts = hostAndPort(piece);
    if (serverClient.length > 2 || parts.length < 3 || parts.length > 4) throw new SpecError(value + WRONG_FORMAT);
    const h = parts[0] as Piece;
    const quorumPort = port(entry, parts[1] as Piece, h.text);
    const electionPort = port(entry, parts[2] as Piece, h.text);
    if (quorumPort.value === electionPort.value) {
      throw new SpecError(
        `Client and election port must be different! Please update the configuration file on server.${id}`,
      );
    }
    if (parts.length === 4) {
      const next = roleOf((parts[3] as Piece).text);
      if (role !== undefined && next !== role) throw new SpecError(`Multiple addresses should have similar roles: ${role.toUpperCase()} vs ${next.toUpperCase()}`);
      role = next;
    }
    addresses.push({ host: { value: h.text, range: rangeOf(entry, h) }, quorumPort, electionPort });
  }
  const spec: ServerSpec = { entry, id, addresses, role: role ?? "participant", multiAddress: addresses.length > 1 };
  if (clientHost) spec.clientHost = clientHost;
  if (clientPort) spec.clientPort = clientPort;
  return spec;
}

/** 3.4: host:port[:port[:type]], no client part and no multi-address. */
function parseLegacy(entry: Entry, id: bigint, value: string): ServerSpec {
  const parts = hostAndPort({ text: value, start: 0 });
  if (parts.length < 2 || parts.length > 4) {
    throw new SpecError(`${value} does not have the form host:port or host:port:port  or host:port:port:type`);
  }
  const h = parts[0] as Piece;
  const quorumPort = port(entry, parts[1] as Piece, h.text);
  if (parts.length < 3) throw new SpecError(`Missing election port for server: ${id}`);
  const electionPort = port(entry, parts[2] as Piece, h.text);
  const role = parts.length === 4 ? roleOf((parts[3] as Piece).text) : "participant";
  return { entry, id, addresses: [{ host: { value: h.text, range: rangeOf(entry, h) }, quorumPort, electionPort }], role, multiAddress: false };
}

export function isServerSpecError(s: ServerSpec | ServerSpecError): s is ServerSpecError {
  return "message" in s;
}

import type { Entry, Range } from "../parse/document.js";
import { javaTrim, parseJavaInt, parseJavaLong } from "./java-number.js";
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
  /** Chars that 3.6+ skips where a colon belongs after `]`: `[::1]2888:3888` reads quorum port 888. */
  skipped: Part<string>[];
  /** 3.4: the fields after the fourth, which ZooKeeper logs as an error and then ignores. */
  ignored?: Range;
}

/** What is wrong with a rejected server line, for choosing the advice. */
export type ServerSpecErrorKind =
  /** The id after "server." is not a 64-bit decimal number. */
  | "id"
  /** Wrong number of fields or `;` parts, or brackets that do not close. */
  | "form"
  /** A port that is not a decimal number, or is outside 0-65535. */
  | "port"
  /** A fourth field that is neither participant nor observer, or addresses with different roles. */
  | "role"
  | "same-ports"
  /** The line parses once the blanks at its end are gone: ZooKeeper does not trim server lines. */
  | "trailing-blank"
  /** A `|` address list before 3.6, which has no multi-address lines. */
  | "pipe"
  /** 3.4: a `;` client part, which came with 3.5. */
  | "client-part"
  /** 3.4 `host:port` without an election port: fatal only when the config runs a quorum. */
  | "no-election-port";

/** A server line ZooKeeper rejects, with ZooKeeper's own message. */
export interface ServerSpecError {
  entry: Entry;
  kind: ServerSpecErrorKind;
  message: string;
  range: Range;
}

const WRONG_FORMAT =
  " does not have the form server_config or server_config;client_config where server_config is the pipe separated list of host:port:port or host:port:port:type and client_config is port or host:port";
const WRONG_FORMAT_35 =
  " does not have the form server_config or server_config;client_config where server_config is host:port:port or host:port:port:type and client_config is port or host:port";

export interface Piece {
  text: string;
  /** Index of the piece's first char in the entry's value. */
  start: number;
}

/** Java's String.split for a one-char separator: trailing empty pieces are dropped, possibly all of them. */
export function split(piece: Piece, sep: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (;;) {
    const at = piece.text.indexOf(sep, from);
    if (at < 0) break;
    out.push({ text: piece.text.slice(from, at), start: piece.start + from });
    from = at + 1;
  }
  if (out.length === 0) return [piece];
  out.push({ text: piece.text.slice(from), start: piece.start + from });
  while (out.length > 0 && out[out.length - 1]?.text === "") out.pop();
  return out;
}

class SpecError extends Error {
  constructor(
    readonly kind: ServerSpecErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** What Java throws when code indexes an array that split() left empty. */
const emptyArray = (index: number): SpecError => new SpecError("form", `ArrayIndexOutOfBoundsException: Index ${index} out of bounds for length 0`);

/** One line's parse: the version's rules, the entry for ranges, and the `]x` chars 3.6+ skips. */
interface Line {
  entry: Entry;
  version: ZkVersion;
  skipped: Part<string>[];
}

export function rangeOf(entry: Entry, p: Piece): Range {
  return { start: entry.valueOffset(p.start), end: entry.valueOffset(p.start + p.text.length) };
}

/**
 * Splits `host:port…`, where an IPv6 host is written in brackets. Before 3.6 the bracket must be
 * followed by a colon; 3.6+ skips the char after `]` unread, and keeps `[…]` alone as one field.
 */
function hostAndPort(line: Line, piece: Piece): Piece[] {
  const s = piece.text;
  if (!s.startsWith("[")) return split(piece, ":");
  const noClose = `${s} starts with '[' but has no matching ']:'`;
  if (!atLeast(line.version, "3.6")) {
    const close = s.indexOf("]:");
    if (close < 0) throw new SpecError("form", noClose);
    const rest = split({ text: s.slice(close + 2), start: piece.start + close + 2 }, ":");
    return [{ text: s.slice(1, close), start: piece.start + 1 }, ...rest];
  }
  const close = s.indexOf("]");
  if (close < 0) throw new SpecError("form", noClose);
  if (close + 2 === s.length) throw new SpecError("form", `${s} doesn't have a port after colon`);
  if (close + 2 > s.length) return [{ text: s.replace(/[[\]]/g, ""), start: piece.start }];
  const after = s.charAt(close + 1);
  if (after !== ":") line.skipped.push({ value: after, range: rangeOf(line.entry, { text: after, start: piece.start + close + 1 }) });
  const rest = split({ text: s.slice(close + 2), start: piece.start + close + 2 }, ":");
  return [{ text: s.slice(1, close), start: piece.start + 1 }, ...rest];
}

/** A quorum or election port; 3.4 reports a bad number as Java does, later versions name the address. */
function port(line: Line, p: Piece, host: string): Part<number> {
  const n = parseJavaInt(p.text);
  if (n === undefined) {
    throw new SpecError(
      "port",
      atLeast(line.version, "3.5") ? `Address unresolved: ${host}:${p.text}` : `NumberFormatException: For input string: "${p.text}"`,
    );
  }
  if (n < 0 || n > 65535) throw new SpecError("port", `port out of range:${n}`);
  return { value: n, range: rangeOf(line.entry, p) };
}

/** 3.6+ trims the role; 3.5 only lowercases it, so "observer " is unknown there. */
function roleOf(line: Line, text: string): Role {
  const t = (atLeast(line.version, "3.6") ? text.trim() : text).toLowerCase();
  if (t === "observer" || t === "participant") return t;
  throw new SpecError("role", `Unrecognised peertype: ${text}`);
}

/** Parses one `server.N` entry the way the given ZooKeeper version does. */
export function parseServerSpec(entry: Entry, version: ZkVersion): ServerSpec | ServerSpecError {
  const whole = { start: entry.keyRange.start, end: entry.valueRange.end };
  const idText = entry.key.slice(entry.key.indexOf(".") + 1);
  const id = parseJavaLong(idText);
  if (id === undefined) {
    return { entry, kind: "id", message: `NumberFormatException: For input string: "${idText}"`, range: entry.keyRange };
  }
  const fail = (e: unknown, range: Range): ServerSpecError => {
    if (!(e instanceof SpecError)) throw e;
    return { entry, kind: e.kind, message: e.message, range };
  };
  const valueRange = entry.value ? entry.valueRange : whole;
  if (!atLeast(version, "3.5")) {
    try {
      return parseLegacy(entry, id, version);
    } catch (e) {
      const error = fail(e, valueRange);
      // Later versions' syntax is what usually breaks a 3.4 line: say so rather than which field failed.
      if (entry.value.includes("|")) error.kind = "pipe";
      else if (entry.value.includes(";")) error.kind = "client-part";
      return error;
    }
  }
  // 3.5+ reads server lines untrimmed, so blanks at the end break the last field.
  const value = entry.value;
  try {
    return parseModern(entry, id, value, version);
  } catch (e) {
    let end = value.length;
    while (end > 0 && value.charCodeAt(end - 1) <= 32) end--;
    const trimmed = value.slice(0, end);
    if (e instanceof SpecError && trimmed.length < value.length) {
      try {
        parseModern(entry, id, trimmed, version);
        return { entry, kind: "trailing-blank", message: e.message, range: { start: entry.valueOffset(trimmed.length), end: entry.valueRange.end } };
      } catch {
        // Not only the blanks: report the error as it is.
      }
    }
    return fail(e, valueRange);
  }
}

function parseModern(entry: Entry, id: bigint, value: string, version: ZkVersion): ServerSpec {
  const line: Line = { entry, version, skipped: [] };
  const v36 = atLeast(version, "3.6");
  const wrongFormat = (): SpecError => new SpecError(!v36 && value.includes("|") ? "pipe" : "form", value + (v36 ? WRONG_FORMAT : WRONG_FORMAT_35));
  const serverClient = split({ text: value, start: 0 }, ";");
  const serverList = serverClient[0];
  if (!serverList) throw emptyArray(0);
  // 3.5 has no `|` lists: the whole part before `;` is one address, checked before the client part.
  const addressPieces = v36 ? split(serverList, "|") : [serverList];
  if (!v36) {
    const parts = hostAndPort(line, serverList);
    if (serverClient.length > 2 || parts.length < 3 || parts.length > 4) throw wrongFormat();
  }
  let clientHost: Part<string> | undefined;
  let clientPort: Part<number> | undefined;
  if (serverClient.length === 2) {
    const parts = hostAndPort(line, serverClient[1] as Piece);
    if (parts.length > 2) throw wrongFormat();
    const portPiece = parts[parts.length - 1];
    if (!portPiece) throw emptyArray(-1);
    const n = parseJavaInt(portPiece.text);
    if (n === undefined) {
      // 3.7+ builds this message from a field it has not set yet, hence "null".
      const host = atLeast(version, "3.7") ? "null" : parts.length === 2 ? (parts[0] as Piece).text : "0.0.0.0";
      throw new SpecError("port", `Address unresolved: ${host}:${portPiece.text}`);
    }
    if (n < 0 || n > 65535) throw new SpecError("port", `port out of range:${n}`);
    clientPort = { value: n, range: rangeOf(entry, portPiece) };
    if (parts.length === 2) {
      const h = parts[0] as Piece;
      clientHost = { value: h.text, range: rangeOf(entry, h) };
    }
  }
  const addresses: ServerAddress[] = [];
  let role: Role | undefined;
  for (const piece of addressPieces) {
    const parts = hostAndPort(line, piece);
    if (serverClient.length > 2 || parts.length < 3 || parts.length > 4) throw wrongFormat();
    const h = parts[0] as Piece;
    const quorumPort = port(line, parts[1] as Piece, h.text);
    const electionPort = port(line, parts[2] as Piece, h.text);
    if (quorumPort.value === electionPort.value) {
      throw new SpecError("same-ports", `Client and election port must be different! Please update the configuration file on server.${id}`);
    }
    if (parts.length === 4) {
      const next = roleOf(line, (parts[3] as Piece).text);
      // ZooKeeper names its default role here, not the role of the first address.
      if (role !== undefined && next !== role)
        throw new SpecError("role", `Multiple addresses should have similar roles: PARTICIPANT vs ${next.toUpperCase()}`);
      role = next;
    }
    addresses.push({ host: { value: h.text, range: rangeOf(entry, h) }, quorumPort, electionPort });
  }
  const spec: ServerSpec = { entry, id, addresses, role: role ?? "participant", multiAddress: addresses.length > 1, skipped: line.skipped };
  if (clientHost) spec.clientHost = clientHost;
  if (clientPort) spec.clientPort = clientPort;
  return spec;
}

/**
 * 3.4: host:port[:port[:type]] from the trimmed value; no client part and no `|`. A wrong field
 * count is only logged: one field then crashes, fields past the fourth are ignored.
 */
function parseLegacy(entry: Entry, id: bigint, version: ZkVersion): ServerSpec | ServerSpecError {
  const value = javaTrim(entry.value);
  const lead = entry.value.indexOf(value);
  const line: Line = { entry, version, skipped: [] };
  const parts = hostAndPort(line, { text: value, start: lead });
  if (parts.length < 2) throw new SpecError("form", `${value} does not have the form host:port or host:port:port  or host:port:port:type`);
  const number = (p: Piece): number => {
    const n = parseJavaInt(p.text);
    if (n === undefined) throw new SpecError("port", `NumberFormatException: For input string: "${p.text}"`);
    return n;
  };
  const [h, q, e, type, extra] = parts as [Piece, Piece, Piece | undefined, Piece | undefined, Piece | undefined];
  const quorum = number(q);
  const election = e ? number(e) : undefined;
  let role: Role = "participant";
  if (type) {
    const t = type.text.toLowerCase();
    if (t !== "observer" && t !== "participant") throw new SpecError("role", `Unrecognised peertype: ${value}`);
    role = t;
  }
  if (quorum < 0 || quorum > 65535) throw new SpecError("port", `port out of range:${quorum}`);
  if (election !== undefined && election > 65535) throw new SpecError("port", `port out of range:${election}`);
  // An election port of 0 or less leaves the server without an election address.
  if (!e || election === undefined || election <= 0) {
    return { entry, kind: "no-election-port", message: `Missing election port for server: ${id}`, range: entry.valueRange };
  }
  const spec: ServerSpec = {
    entry,
    id,
    addresses: [
      {
        host: { value: h.text, range: rangeOf(entry, h) },
        quorumPort: { value: quorum, range: rangeOf(entry, q) },
        electionPort: { value: election, range: rangeOf(entry, e) },
      },
    ],
    role,
    multiAddress: false,
    skipped: [],
  };
  if (extra) spec.ignored = { start: entry.valueOffset(extra.start - 1), end: entry.valueOffset(lead + value.length) };
  return spec;
}

/** A server line's value as ZooKeeper reads it, for messages: 3.4 trims it, later versions do not. */
export function lineValue(entry: Entry, version: ZkVersion): string {
  return atLeast(version, "3.5") ? entry.value : javaTrim(entry.value);
}

/** The port whose digits start at `offset` (right after a char ZooKeeper skipped), if one does. */
export function portAfter(spec: ServerSpec, offset: number): number | undefined {
  for (const a of spec.addresses) if (a.quorumPort.range.start === offset) return a.quorumPort.value;
  return spec.clientPort?.range.start === offset ? spec.clientPort.value : undefined;
}

export function isServerSpecError(s: ServerSpec | ServerSpecError): s is ServerSpecError {
  return "message" in s;
}

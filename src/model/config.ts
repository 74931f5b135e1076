import type { Document, Entry, Range } from "../parse/document.js";
import { readHierarchy, type Hierarchy } from "./hierarchy.js";
import { javaTrim, parseJavaInt } from "./java-number.js";
import { standaloneDisabled } from "./server-roles.js";
import { isServerSpecError, parseServerSpec, type ServerSpec, type ServerSpecError } from "./server-spec.js";
import { atLeast, type ZkVersion } from "./version.js";

/** An integer key's value as QuorumPeerConfig reads it (Integer.parseInt of the trimmed value). */
export type IntSetting = { kind: "absent" } | { kind: "valid"; value: number; entry: Entry } | { kind: "invalid"; text: string; entry: Entry };

/**
 * The typed view of one zoo.cfg: what ZooKeeper will see, each value with the entry it came from.
 * Server lines come from the dynamic file when one is configured and could be read.
 */
export class ZooConfig {
  readonly document: Document;
  readonly version: ZkVersion;
  /** Trimmed key → the entry that wins (the last one, as Properties.load keeps it). */
  private readonly byKey = new Map<string, Entry>();
  readonly servers: ServerSpec[];
  readonly serverErrors: ServerSpecError[] = [];
  /** The voting members: every server line but the observers. */
  readonly participants: ServerSpec[];
  /** Where the server lines were read from: this file, or the dynamic file. */
  readonly serverSource: Document;
  /** The dynamic file's name, for messages about its lines. */
  readonly dynamicName: string | undefined;
  /** Server lines that a later line with the same id replaced (`server.2` then `server.02`). */
  readonly shadowed: ServerSpec[] = [];
  /** The server lines by id, for the rules that look one up per line. */
  private readonly byId: ReadonlyMap<bigint, ServerSpec>;
  /** The group.N and weight.N lines of the server source. */
  readonly hierarchy: Hierarchy;
  /** How many distinct (trimmed) keys the file sets: fewer than its entries when some key is set twice. */
  readonly keyCount: number;

  constructor(document: Document, version: ZkVersion, dynamic?: { document: Document; name: string }) {
    this.document = document;
    this.version = version;
    for (const entry of document.entries) this.byKey.set(javaTrim(entry.key), entry);
    this.keyCount = this.byKey.size;
    this.serverSource = dynamic?.document ?? document;
    this.dynamicName = dynamic?.name;
    // Properties keeps only the last of lines with the same key; the others never reach ZooKeeper.
    const lines = new Map<string, Entry>();
    for (const entry of this.serverSource.entries) {
      if (!entry.key.startsWith("server.")) continue;
      lines.delete(entry.key);
      lines.set(entry.key, entry);
    }
    const byId = new Map<bigint, ServerSpec>();
    for (const entry of lines.values()) {
      const spec = parseServerSpec(entry, version);
      if (isServerSpecError(spec)) {
        this.serverErrors.push(spec);
        continue;
      }
      const earlier = byId.get(spec.id);
      if (earlier) this.shadowed.push(earlier);
      byId.set(spec.id, spec);
    }
    this.hierarchy = readHierarchy(this.serverSource.entries, version);
    this.servers = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byId = byId;
    // Computed once: rules ask for it per server line, and a server list can be long.
    this.participants = this.servers.filter((s) => s.role === "participant");
  }

  /** Whether every trimmed key is set once: then each entry is the one ZooKeeper reads. */
  get keysSetOnce(): boolean {
    return this.keyCount === this.document.entries.length;
  }

  /** Whether ZooKeeper reads `entry` (its key `key`, trimmed): Properties keeps only the last of duplicate keys. */
  reads(key: string, entry: Entry): boolean {
    return this.keysSetOnce || this.get(key) === entry;
  }

  get(key: string): Entry | undefined {
    return this.byKey.get(key);
  }

  /** The trimmed value ZooKeeper acts on, or undefined when the key is absent. */
  text(key: string): string | undefined {
    const e = this.byKey.get(key);
    return e ? javaTrim(e.value) : undefined;
  }

  int(key: string): IntSetting {
    const entry = this.byKey.get(key);
    if (!entry) return { kind: "absent" };
    const text = javaTrim(entry.value);
    const value = parseJavaInt(text);
    return value === undefined ? { kind: "invalid", text, entry } : { kind: "valid", value, entry };
  }

  /**
   * False when the config names a dynamic file that could not be read (missing, elsewhere,
   * unreadable): ZooKeeper takes the servers from there, so this file's own lines say nothing.
   */
  get serversKnown(): boolean {
    return this.serverSource !== this.document || !atLeast(this.version, "3.5") || this.get("dynamicConfigFile") === undefined;
  }

  /** Quorum mode iff two or more participants, or (3.5+) standaloneEnabled=false. */
  get isQuorum(): boolean {
    return this.participants.length >= 2 || standaloneDisabled(this);
  }

  /**
   * Where in this file to point for a server line: the line itself, or, when the servers come
   * from the dynamic file, the dynamicConfigFile entry that names it.
   */
  serverRange(spec: ServerSpec, part?: Range): Range {
    return this.sourceRange(spec.entry, part);
  }

  /** serverRange for any entry of the server source (a group or weight line, a bad server line). */
  sourceRange(entry: Entry, part?: Range): Range {
    if (this.serverSource !== this.document) {
      const dyn = this.get("dynamicConfigFile");
      if (dyn) return dyn.valueRange;
    }
    return part ?? { start: entry.keyRange.start, end: entry.valueRange.end };
  }

  /** The line of an entry of the server source, in the file it is in. */
  sourceLine(entry: Entry): number {
    return this.serverSource.source.positionAt(entry.keyRange.start).line;
  }

  /** Where an entry of the server source stands: undefined in this file, else its line in the dynamic file and that file's name. */
  sourceOf(entry: Entry): { dynamicLine: number; dynamicFile: string } | undefined {
    if (this.serverSource === this.document) return undefined;
    return { dynamicLine: this.sourceLine(entry), dynamicFile: this.dynamicName ?? "the dynamic file" };
  }

  /** Where to point for something the file lacks: its first server line, else its first line. */
  get anchor(): Range {
    const first = this.participants[0] ?? this.servers[0];
    return first ? this.serverRange(first, first.entry.keyRange) : { start: 0, end: 0 };
  }

  server(id: bigint): ServerSpec | undefined {
    return this.byId.get(id);
  }
}

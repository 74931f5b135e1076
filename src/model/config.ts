import type { Document, Entry, Range } from "../parse/document.js";
import { javaTrim, parseJavaInt } from "./java-number.js";
import { isServerSpecError, parseServerSpec, type ServerSpec, type ServerSpecError } from "./server-spec.js";
import { atLeast, type ZkVersion } from "./version.js";

/** An integer key's value as QuorumPeerConfig reads it (Integer.parseInt of the trimmed value). */
export type IntSetting =
  | { kind: "absent" }
  | { kind: "valid"; value: number; entry: Entry }
  | { kind: "invalid"; text: string; entry: Entry };

/**
 * The typed view of one zoo.cfg: what ZooKeeper will see, each value with the entry it came from.
 * Server lines come from the dynamic file when one is configured and could be read.
 */
export class ZooConfig {
  readonly document: Document;
  readonly version: ZkVersion;
  /** Trimmed key → the entry that wins (the last one, as Properties.load keeps it). */
  private readonly byKey = new Map<string, Entry>();
  readonly servers: ServerSpec[] = [];
  readonly serverErrors: ServerSpecError[] = [];
  /** Where the server lines were read from: this file, or the dynamic file. */
  readonly serverSource: Document;

  constructor(document: Document, version: ZkVersion, dynamic?: Document) {
    this.document = document;
    this.version = version;
    for (const entry of document.entries) this.byKey.set(javaTrim(entry.key), entry);
    this.serverSource = dynamic ?? document;
    const byId = new Map<bigint, ServerSpec>();
    for (const entry of this.serverSource.entries) {
      if (!entry.key.startsWith("server.")) continue;
      const spec = parseServerSpec(entry, version);
      if (isServerSpecError(spec)) this.serverErrors.push(spec);
      else byId.set(spec.id, spec);
    }
    this.servers.push(...[...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
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

  get participants(): ServerSpec[] {
    return this.servers.filter((s) => s.role === "participant");
  }

  /** Quorum mode iff two or more participants, or (3.5+) standaloneEnabled=false. */
  get isQuorum(): boolean {
    const voters = this.participants.length;
    if (voters >= 2) return true;
    return atLeast(this.version, "3.5") && this.text("standaloneEnabled")?.toLowerCase() === "false";
  }

  /**
   * Where in this file to point for a server line: the line itself, or, when the servers come
   * from the dynamic file, the dynamicConfigFile entry that names it.
   */
  serverRange(spec: ServerSpec, part?: Range): Range {
    if (this.serverSource !== this.document) {
      const dyn = this.get("dynamicConfigFile");
      if (dyn) return dyn.valueRange;
    }
    return part ?? { start: spec.entry.keyRange.start, end: spec.entry.valueRange.end };
  }

  /** Where to point for something the file lacks: its first server line, else its first line. */
  get anchor(): Range {
    const first = this.participants[0] ?? this.servers[0];
    return first ? this.serverRange(first, first.entry.keyRange) : { start: 0, end: 0 };
  }

  server(id: bigint): ServerSpec | undefined {
    return this.servers.find((s) => s.id === id);
  }
}

import { basename } from "node:path";
import { parseDocument, type Document } from "../parse/document.js";
import { decodeLatin1 } from "../parse/source.js";
import { NotAFileError, TooLargeError } from "../io/fs.js";
import { ZooConfig } from "./config.js";
import type { UnreadReason } from "./named-file.js";
import { readFacts, type Facts, type HostView } from "./facts.js";
import { atLeast, type ZkVersion } from "./version.js";

/** zoo.cfg files are a few kilobytes; anything this large is not one. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** One linted config with everything the rules may ask about it. */
export interface ConfigFile {
  /** Absolute path on this machine. */
  path: string;
  /** The path as the user named it (relative to the working directory), for messages. */
  name: string;
  document: Document;
  config: ZooConfig;
  facts: Facts;
  /** Read only to check the ensemble around a named file; nothing is reported on it. */
  context: boolean;
  /** Its root (--root, the settings' `root`): its machine's file system. */
  root?: string;
  /** The machine the settings' `hosts` name for it. */
  machine?: string;
  /** The `.dynamic.next` beside the config, read as ZooKeeper reads it: its server, group and weight lines. */
  nextDynamic?: { path: string; name: string; config: ZooConfig };
  /** Files this config names that are there but were not read (refused or failing), with why: their lines go unchecked. */
  unread: { path: string; role: "dynamic" | "next"; reason: UnreadReason }[];
}

/** A file the config names, read as a config is (capped at MAX_CONFIG_BYTES), or why it was not. */
function readDocument(view: HostView, path: string, refused: UnreadReason | undefined): Document | UnreadReason {
  if (refused) return refused;
  try {
    return parseDocument(decodeLatin1(view.fs.readFile(path, MAX_CONFIG_BYTES)));
  } catch (e) {
    if (e instanceof TooLargeError) return { kind: "tooLarge", limitMiB: MAX_CONFIG_BYTES / 1024 / 1024 };
    if (e instanceof NotAFileError) return { kind: "notFile", what: e.what };
    return { kind: "failed", error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

const isUnread = (read: Document | UnreadReason): read is UnreadReason => "kind" in read;

export function buildConfigFile(path: string, name: string, bytes: Uint8Array, view: HostView, version: ZkVersion, context = false): ConfigFile {
  const document = parseDocument(decodeLatin1(bytes));
  let config = new ZooConfig(document, version);
  let facts = readFacts(view, config, path);
  // 3.4 has no dynamic files: there dynamicConfigFile is just another system property.
  const placement = { ...(view.root !== undefined ? { root: view.root } : {}), ...(view.machine !== undefined ? { machine: view.machine } : {}) };
  if (!atLeast(version, "3.5")) return { path, name, document, config, facts, context, unread: [], ...placement };
  const unread: ConfigFile["unread"] = [];
  const dyn = facts.dynamicFile;
  const dynamic = dyn && dyn.exists === true ? readDocument(view, dyn.path, dyn.unread) : undefined;
  if (dyn && dynamic !== undefined) {
    if (isUnread(dynamic)) unread.push({ path: dyn.path, role: "dynamic", reason: dynamic });
    else {
      config = new ZooConfig(document, version, { document: dynamic, name: basename(dyn.path) });
      facts = readFacts(view, config, path);
    }
  }
  const file: ConfigFile = { path, name, document, config, facts, context, unread, ...placement };
  const next = dyn ? facts.nextDynamicFile : undefined;
  const nextDocument = next ? readDocument(view, next.path, next.unread) : undefined;
  if (next && nextDocument !== undefined) {
    if (isUnread(nextDocument)) unread.push({ path: next.path, role: "next", reason: nextDocument });
    else file.nextDynamic = { path: next.path, name: basename(next.path), config: new ZooConfig(nextDocument, version) };
  }
  return file;
}

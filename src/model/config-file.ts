import { parseDocument, type Document } from "../parse/document.js";
import { decodeLatin1 } from "../parse/source.js";
import { ZooConfig } from "./config.js";
import { readFacts, type Facts, type HostView } from "./facts.js";
import type { ZkVersion } from "./version.js";

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
}

export function buildConfigFile(
  path: string,
  name: string,
  bytes: Uint8Array,
  view: HostView,
  version: ZkVersion,
  context = false,
): ConfigFile {
  const document = parseDocument(decodeLatin1(bytes));
  let config = new ZooConfig(document, version);
  let facts = readFacts(view, config, path);
  const dyn = facts.dynamicFile;
  if (dyn && dyn.exists === true) {
    let dynamic: Document | undefined;
    try {
      dynamic = parseDocument(decodeLatin1(view.fs.readFile(dyn.path)));
    } catch {
      // An unreadable dynamic file leaves the servers unknown; the file's own checks say why.
    }
    if (dynamic) {
      config = new ZooConfig(document, version, dynamic);
      facts = readFacts(view, config, path);
    }
  }
  return { path, name, document, config, facts, context };
}

import type { Entry } from "../parse/document.js";
import type { ConfigFile } from "./config-file.js";
import { javaTrim, parseJavaLong } from "./java-number.js";
import { addTo } from "./multimap.js";

// Properties.load files each entry under its key as written; ZooKeeper then trims the key and reads
// the text after the dot of server., group. and weight. keys as a number. Two entries it files under
// one key set one setting twice.

/** Keys whose text after the first dot ZooKeeper reads as a number: server.2 and server.02 are one key. */
const NUMBERED = /^(server|group|weight)\.(.*)$/;

/** A numbered key spelled as ZooKeeper files it (server.2, not server.02): its identity is itself. */
const CANONICAL = /^(?:server|group|weight)\.(?:0|-?[1-9]\d{0,17})$/;

/** A cheap test for the prefixes NUMBERED looks for, so most keys skip the regular expression. */
const numbered = (key: string): boolean => key.startsWith("server.") || key.startsWith("group.") || key.startsWith("weight.");

/** What ZooKeeper finally files a trimmed key under (`id`), and how to name that setting (`what`). */
export function keyIdentity(key: string): { id: string; what: string } {
  const m = numbered(key) ? NUMBERED.exec(key) : null;
  const n = m ? parseJavaLong(m[2] as string) : undefined;
  if (m && n !== undefined) return { id: `${m[1]}.${n}`, what: `${m[1]} ${n}` };
  return { id: key, what: key };
}

/** keyIdentity(key).id, without building the pair for the keys that are not numbered. */
const idOf = (key: string): string => (numbered(key) ? keyIdentity(key).id : key);

/**
 * False only when no two entries can be filed under one key, the usual case: every trimmed key
 * differs, and every numbered one is spelled as it is filed. Grouping every entry of thousands of
 * clean configs by its identity would cost a map per config for nothing.
 */
function mayShareKeys(file: ConfigFile): boolean {
  if (!file.config.keysSetOnce) return true;
  for (const entry of file.document.entries) {
    const key = javaTrim(entry.key);
    if (numbered(key) && !CANONICAL.test(key)) return true;
  }
  return false;
}

type Repeats = readonly (readonly Entry[])[];
const NONE: Repeats = [];
const cache = new WeakMap<ConfigFile, Repeats>();

/** The entries ZooKeeper files under one key, in file order, for each key set more than once. */
export function repeatedKeys(file: ConfigFile): Repeats {
  let out = cache.get(file);
  if (out) return out;
  out = NONE;
  if (mayShareKeys(file)) {
    const groups = new Map<string, Entry[]>();
    for (const entry of file.document.entries) {
      const id = idOf(javaTrim(entry.key));
      addTo(groups, id, entry);
    }
    out = [...groups.values()].filter((entries) => entries.length > 1);
  }
  cache.set(file, out);
  return out;
}

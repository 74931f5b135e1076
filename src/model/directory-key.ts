import { posix } from "node:path";
import type { DirFact } from "./facts.js";

/** A "." or ".." segment, which normalizing resolves. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** One key for the spellings of one directory: "/a//b/", "/a/./b" and "/a/b". */
function lexicalKey(path: string): string {
  // Most paths are spelled plainly already: nothing to collapse, resolve or strip.
  if (path !== "" && !path.includes("//") && !path.endsWith("/") && !DOT_SEGMENT.test(path)) return path;
  const normal = posix.normalize(path);
  return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
}

/**
 * The directory a dataDir (or dataLogDir) names, as its machine resolves the path: where zkcfg
 * resolved it (a relative path from the assumed working directory, links followed under a root),
 * else as written with its spellings ("//", "/./", a trailing "/") collapsed. Two configs of one
 * host share a directory when their keys are equal.
 */
export function directoryKey(dir: DirFact): string {
  return lexicalKey("path" in dir ? dir.path : dir.configured);
}

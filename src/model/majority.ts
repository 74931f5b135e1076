import type { ConfigFile } from "./config-file.js";

/** How many files a message names: naming all would make the output quadratic. */
export const MAX_NAMED = 3;

/** Files a message names: the first few, and how many there are in all. */
export interface Named {
  first: ConfigFile[];
  count: number;
}

/** The first MAX_NAMED distinct files of the lists, and how many distinct files they hold. */
export function namedOf(lists: Iterable<readonly ConfigFile[]>): Named {
  const all = new Set<ConfigFile>();
  for (const list of lists) for (const f of list) all.add(f);
  return { first: [...all].slice(0, MAX_NAMED), count: all.size };
}

/**
 * Groups of files that describe one thing in different ways: each group to report, with the first
 * item of a group it differs from and the files of those groups. The group with the most files is
 * taken as the ensemble's; with a tie, every group is told, against all the others. Each file is in
 * one group at most, so the files of "all the others" are counted, not gathered, for each group.
 */
export function* minorities<T extends { file: ConfigFile }>(groups: T[][]): Generator<{ group: T[]; other: T; files: Named }> {
  if (groups.length < 2) return;
  const [largest, second] = [...groups].sort((a, b) => b.length - a.length);
  if (largest && second && largest.length > second.length) {
    const files = namedOf([largest.map((x) => x.file)]);
    for (const group of groups) if (group !== largest) yield { group, other: largest[0] as T, files };
    return;
  }
  const total = groups.reduce((n, g) => n + g.length, 0);
  // Enough files in order to name MAX_NAMED of them that are not in any one group.
  const head: { file: ConfigFile; group: T[] }[] = [];
  for (const group of groups) {
    for (const x of group.slice(0, MAX_NAMED)) head.push({ file: x.file, group });
    if (head.length >= 2 * MAX_NAMED) break;
  }
  for (const [i, group] of groups.entries()) {
    const first = head
      .filter((h) => h.group !== group)
      .slice(0, MAX_NAMED)
      .map((h) => h.file);
    yield { group, other: (groups[i === 0 ? 1 : 0] as T[])[0] as T, files: { first, count: total - group.length } };
  }
}

import { structuredPatch } from "diff";
import { printedLine } from "./escape.js";

/** A hunk's range as diff -u writes it: the count left out when it is 1, the line before when it is 0. */
const range = (start: number, lines: number): string => (lines === 1 ? `${start}` : `${lines === 0 ? start - 1 : start},${lines}`);

/**
 * `before` and `after` as a unified diff, with 3 lines of context, as `diff -u` and git print
 * it. Every line is escaped: a config's text (and name) is shown, never acted on by the terminal.
 * Empty when the texts are the same.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  if (before === after) return "";
  const { hunks } = structuredPatch(oldName, newName, before, after, undefined, undefined, { context: 3 });
  const lines = [`--- ${oldName}`, `+++ ${newName}`];
  for (const h of hunks) lines.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`, ...h.lines);
  return lines.map(printedLine).join("");
}

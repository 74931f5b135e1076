import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/lint/rule.js";
import { compareStrings } from "../../src/model/order.js";
import type { ExpectedError, InvalidCase } from "./rule-tester.js";

// A case with its server, group and weight lines in the config, turned into the same case with those lines in a
// dynamic file that the config names: ZooKeeper reads the same lines, so the rule reports the same problems, each
// message about a moved line under its twin's id (see src/lint/placed.ts), pointing at dynamicConfigFile and naming
// the line of the dynamic file.

/** The lines ZooKeeper reads from the dynamic file: server lines, and the keys it reads as group and weight lines. */
const MOVED = /^\s*(server\.|group|weight)/;
const SETTING = "dynamicConfigFile=";
const TWIN = "InDynamicFile";

/** The part of a twin's text before it names the line, as a pattern capturing the key it is about. */
function prefixPattern(twinText: string): RegExp {
  const prefix = twinText.slice(0, twinText.indexOf(" (line {{dynamicLine}}"));
  const parts = prefix.split(/(\{\{\w+\}\})/).map((part) => {
    if (part === "{{key}}") return "(?<key>[^\\s:]+)";
    if (/^\{\{\w+\}\}$/.test(part)) return ".*?";
    return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return new RegExp(`^${parts.join("")}`);
}

/** The configs of a case with server, group or weight lines. */
const configsOf = (c: InvalidCase): string[] => Object.keys(c.files).filter((path) => (c.files[path] ?? "").split("\n").some((l) => MOVED.test(l)));

/** The config of a case: the one file with server, group or weight lines. */
function configOf(c: InvalidCase): string {
  const configs = configsOf(c);
  if (configs.length !== 1) throw new Error(`${c.name}: ${configs.length} files with server lines`);
  return configs[0]!;
}

/** `c` with its server, group and weight lines moved into a dynamic file; `messages` is the rule's table. */
export function inDynamicFile(c: InvalidCase, messages: Record<string, { text: string }>): InvalidCase {
  if (c.version?.startsWith("3.4")) throw new Error(`${c.name}: ZooKeeper 3.4 reads no dynamic file`);
  const config = configOf(c);
  const dynamic = `${config}.dynamic.100000000`;
  const all = (c.files[config] ?? "").replace(/\n$/, "").split("\n");
  const moved = all.filter((l) => MOVED.test(l));
  const kept = all.filter((l) => !MOVED.test(l));
  const at = { line: kept.length + 1, column: SETTING.length + 1, endColumn: SETTING.length + 1 + dynamic.length };
  /** The new line of each line of the config that stays in it, by its old line. */
  const keptLines = new Map<number, number>();
  all.forEach((l, i) => MOVED.test(l) || keptLines.set(i + 1, keptLines.size + 1));
  const keptLine = (line: number): number => keptLines.get(line) ?? 0;
  /** The line of the dynamic file that sets `key`: the last one, the one ZooKeeper keeps. */
  const dynamicLine = (key: string): number => {
    const sets = (l: string): boolean => l.trimStart().startsWith(key) && /^[=:\s]/.test(l.trimStart().slice(key.length));
    return moved.reduce((found, l, i) => (sets(l) ? i + 1 : found), 0);
  };
  const move = (e: ExpectedError): ExpectedError => {
    if (e.file !== config) return e;
    const range = MOVED.test(all[e.line - 1]!)
      ? { line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn }
      : { line: keptLine(e.line), endLine: keptLine(e.endLine) };
    const twin = messages[e.messageId + TWIN];
    if (!twin) return { ...e, ...range };
    const found = prefixPattern(twin.text).exec(e.message);
    const key = found?.groups?.key;
    if (!found || !key) throw new Error(`${c.name}: no line named in "${e.message}"`);
    const where = ` (line ${dynamicLine(key)} of ${basename(dynamic)})`;
    const message = e.message.slice(0, found[0].length) + where + e.message.slice(found[0].length);
    return { ...e, ...range, messageId: e.messageId + TWIN, message };
  };
  // In a file's order, as the linter sorts them: messages that now share the range at dynamicConfigFile by their text.
  const files = [...new Set(c.errors.map((e) => e.file))];
  const order = (a: ExpectedError, b: ExpectedError): number =>
    files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column || compareStrings(a.message, b.message);
  const errors = c.errors.map(move).sort(order);
  return {
    ...c,
    name: `${c.name}, its lines in a dynamic file`,
    files: { ...c.files, [config]: [...kept, SETTING + dynamic, ""].join("\n"), [dynamic]: [...moved, ""].join("\n") },
    errors,
  };
}

/** Whether `inDynamicFile` can move `c`: ZooKeeper 3.5 or later, the server lines in one config, and some message about a line. */
export function movable(c: InvalidCase, messages: Record<string, { text: string }>): boolean {
  if (c.version?.startsWith("3.4") || c.output) return false;
  return configsOf(c).length === 1 && c.errors.some((e) => `${e.messageId}${TWIN}` in messages);
}

/** Asserts that `ids` are the rule's twins, and that the moved cases expect each of them. */
export function expectTwins(rule: Rule, moved: InvalidCase[], ids: string[]): void {
  describe(`${rule.id}: each message about a line of the dynamic file`, () => {
    it("is a twin of the rule", () => expect(Object.keys(rule.meta.messages).filter((id) => id.endsWith(TWIN))).toEqual(ids));
    it("has a moved case", () =>
      expect([...new Set(moved.flatMap((c) => c.errors.map((e) => e.messageId)).filter((id) => id.endsWith(TWIN)))].sort()).toEqual([...ids].sort()));
  });
}

// The rule tester itself: each strictness it promises fails a case that breaks it.
import { describe, expect, it } from "vitest";
import { defineRule, editFix, type Rule } from "../../src/lint/rule.js";
import { checkInvalid, checkValid, type InvalidCase } from "./rule-tester.js";

const CFG = "/conf/zoo.cfg";
const FILES = { [CFG]: "tickTime=2000\ndataDir=/data\n" };
const AT = { messageId: "x", file: CFG, line: 1, column: 1, endLine: 1, endColumn: 9 };

/** A rule reporting "x" on every config, with whatever else `extra` adds to the report. */
function reporting(text: string, extra: (path: string, source: string) => object = () => ({})): Rule {
  return defineRule({
    id: "synthetic",
    meta: { description: "test", fixable: true, messages: { x: { text, impact: "runtime", severity: "warn" } } },
    *check({ workspace }) {
      for (const file of workspace.files) yield { messageId: "x", file, range: { start: 0, end: 8 }, ...extra(file.path, file.document.source.text) };
    },
  });
}

describe("rule tester", () => {
  it("accepts a case that states every field", () => {
    expect(() => checkInvalid(reporting("plain"), { name: "ok", files: FILES, errors: [{ ...AT, message: "plain" }] })).not.toThrow();
  });

  it("fails a case whose message differs, rather than copying the actual one", () => {
    expect(() => checkInvalid(reporting("plain"), { name: "m", files: FILES, errors: [{ ...AT, message: "other" }] })).toThrow();
  });

  it("fails a case that does not expect the file a fix creates", () => {
    const rule = reporting("plain", () => ({ fix: { kind: "create", path: "/data/myid", text: "1\n" } }));
    const c: InvalidCase = { name: "c", files: FILES, errors: [{ ...AT, message: "plain" }] };
    expect(() => checkInvalid(rule, c)).toThrow(/to deeply equal/);
    // Stating the file gets the case past the comparison, to the re-lint (this rule never stops reporting).
    const stated = { ...c, errors: [{ ...AT, message: "plain", creates: { path: "/data/myid", text: "1\n" } }] };
    expect(() => checkInvalid(rule, stated)).toThrow("after zkcfg fix");
  });

  it("fails a message whose placeholder data is missing or not a value", () => {
    const c = (message: string): InvalidCase => ({ name: "d", files: FILES, errors: [{ ...AT, message }] });
    expect(() =>
      checkInvalid(
        reporting("got {{v}}", () => ({ data: { v: 3 } })),
        c("got 3"),
      ),
    ).not.toThrow();
    expect(() =>
      checkInvalid(
        reporting("got {{v}}", () => ({ data: { v: undefined } })),
        c("got undefined"),
      ),
    ).toThrow("data.v");
    expect(() =>
      checkInvalid(
        reporting("got {{v}}", () => ({ data: { v: NaN } })),
        c("got NaN"),
      ),
    ).toThrow("data.v");
  });

  it("fails a case that leaves out the rule's notes, valid or not", () => {
    const noting = defineRule({
      id: "synthetic",
      meta: { description: "test", fixable: false, messages: { n: { text: "a note", impact: "maintenance", severity: "info" } } },
      *check({ workspace }) {
        for (const file of workspace.files) yield { messageId: "n", file, range: { start: 0, end: 8 } };
      },
    });
    expect(() => checkValid(noting, { name: "v", files: FILES })).toThrow("notes");
    expect(() => checkValid(noting, { name: "v", files: FILES, notes: [{ file: CFG, line: 1, column: 1, message: "a note" }] })).not.toThrow();
  });

  it("fails a fix after which the rule still reports the problem it fixed", () => {
    // The fix appends a comment; the rule goes on reporting, only without a fix once the comment is there.
    const stubborn = reporting("plain", (path, source) =>
      source.endsWith("#\n") ? {} : { fix: editFix({ path } as never, { start: source.length, end: source.length }, "#\n") },
    );
    const c: InvalidCase = { name: "r", files: FILES, errors: [{ ...AT, message: "plain" }], output: { [CFG]: FILES[CFG] + "#\n" } };
    expect(() => checkInvalid(stubborn, c)).toThrow("after zkcfg fix");
  });

  it("fails fixes that never settle, and an edit that changes nothing", () => {
    const growing = reporting("plain", (path) => ({ fix: editFix({ path } as never, { start: 0, end: 0 }, "#") }));
    expect(() => checkInvalid(growing, { name: "g", files: FILES, errors: [{ ...AT, message: "plain" }], output: {} })).toThrow("fixes settle");
    const idle = reporting("plain", (path) => ({ fix: editFix({ path } as never, { start: 0, end: 8 }, "tickTime") }));
    expect(() => checkInvalid(idle, { name: "i", files: FILES, errors: [{ ...AT, message: "plain" }], output: {} })).toThrow("fixes settle");
  });
});

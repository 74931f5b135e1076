// The scanner against the token grammar written as chevrotain lexer patterns (first match wins, in
// the order below): the two must cut every input into the same tokens.
import { deepStrictEqual } from "node:assert/strict";
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Comment, Continuation, DanglingBackslash, Escape, LineTerminator, Text, tokenize, Whitespace } from "../../src/parse/tokens.js";
import { bytesText, configText, CORPUS, corpusTexts, SEED, syntaxText } from "../property/arbitraries.js";
import { RUNS, TIMEOUT } from "../property/runs.js";

/** `#` or `!` starts a comment only as the first non-blank token after a line break or the start. */
function matchComment(text: string, offset: number, tokens: IToken[]): [string] | null {
  const c = text[offset];
  if (c !== "#" && c !== "!") return null;
  const previous = tokens.filter((t) => t.tokenType.name !== "Whitespace").at(-1);
  if (previous && previous.tokenType.name !== "LineTerminator") return null;
  return [/[^\r\n]*/y.exec(text.slice(offset))?.[0] ?? ""];
}

const grammar: [TokenType, RegExp | { exec: typeof matchComment }][] = [
  [LineTerminator, /\r\n|\r|\n/],
  [Whitespace, /[ \t\f]+/],
  [Comment, { exec: matchComment }],
  [Continuation, /\\(?:\r\n|\r|\n)/],
  [Escape, /\\[^\r\n]/],
  [DanglingBackslash, /\\/],
  [Text, /[^\\\r\n]+/],
];
const reference = new Lexer(
  grammar.map(([type, pattern]) => createToken({ name: type.name, pattern, line_breaks: type === LineTerminator || type === Continuation })),
  { positionTracking: "onlyOffset" },
);

const cut = (tokens: IToken[]): [string, number, string][] => tokens.map((t) => [t.tokenType.name, t.startOffset, t.image]);

function sameTokens(text: string): void {
  const expected = reference.tokenize(text);
  deepStrictEqual(expected.errors, []);
  deepStrictEqual(cut(tokenize(text)), cut(expected.tokens));
}

describe("tokenize", () => {
  it.each([
    ["", []],
    [
      "a=b\n",
      [
        ["Text", 0, "a=b"],
        ["LineTerminator", 3, "\n"],
      ],
    ],
    [
      "  # c\r\n! d",
      [
        ["Whitespace", 0, "  "],
        ["Comment", 2, "# c"],
        ["LineTerminator", 5, "\r\n"],
        ["Comment", 7, "! d"],
      ],
    ],
    ["a = #b", [["Text", 0, "a = #b"]]],
    [
      " \\#k",
      [
        ["Whitespace", 0, " "],
        ["Escape", 1, "\\#"],
        ["Text", 3, "k"],
      ],
    ],
    [
      "k=a\\\r\n  #b",
      [
        ["Text", 0, "k=a"],
        ["Continuation", 3, "\\\r\n"],
        ["Whitespace", 6, "  "],
        ["Text", 8, "#b"],
      ],
    ],
    [
      "k\\\r\\",
      [
        ["Text", 0, "k"],
        ["Continuation", 1, "\\\r"],
        ["DanglingBackslash", 3, "\\"],
      ],
    ],
    [
      "\f\t x\\\\ y",
      [
        ["Whitespace", 0, "\f\t "],
        ["Text", 3, "x"],
        ["Escape", 4, "\\\\"],
        ["Whitespace", 6, " "],
        ["Text", 7, "y"],
      ],
    ],
  ])("cuts %j", (text, expected) => {
    expect(cut(tokenize(text))).toEqual(expected);
    sameTokens(text);
  });

  const property = (arb: fc.Arbitrary<string>, seed: number): void => fc.assert(fc.property(arb, sameTokens), { numRuns: RUNS.tokens, seed });
  it(`cuts ${RUNS.tokens} strings of the syntax's own characters as the patterns do`, () => property(syntaxText, SEED + 10), TIMEOUT);
  it(`cuts ${RUNS.tokens} random byte strings as the patterns do`, () => property(bytesText, SEED + 11), TIMEOUT);
  it(`cuts ${RUNS.tokens} generated configs as the patterns do`, () => property(configText(), SEED + 12), TIMEOUT);

  const corpus = corpusTexts();
  it.skipIf(corpus.length === 0)(`cuts the real-world corpus as the patterns do${corpus.length === 0 ? ` (no corpus at ${CORPUS})` : ""}`, () => {
    for (const { text } of corpus) sameTokens(text);
  });
});

// The parser is total and lossless: on any input it returns a document (never throws), and
// printing that document gives back the input, byte for byte.
import { ok, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument, printDocument, type Range } from "../../src/parse/document.js";
import { bytesText, configText, CORPUS, corpusTexts, mutated, SEED, syntaxText } from "./arbitraries.js";
import { MINIMUM_TOTAL, RUNS, TIMEOUT, TOTAL } from "./runs.js";

function inside(inner: Range, outer: Range, what: string): void {
  ok(
    outer.start <= inner.start && inner.start <= inner.end && inner.end <= outer.end,
    `${what} [${inner.start}, ${inner.end}) outside [${outer.start}, ${outer.end})`,
  );
}

function checkDocument(text: string): void {
  const doc = parseDocument(text);
  strictEqual(printDocument(doc), text);
  let at = 0;
  for (const line of doc.lines) {
    strictEqual(line.range.start, at, "lines tile the input");
    at = line.range.end;
  }
  strictEqual(at, text.length, "lines cover the input");
  const file = { start: 0, end: text.length };
  for (const e of doc.entries) {
    inside(e.range, file, "entry");
    inside(e.keyRange, e.range, "key");
    inside(e.valueRange, e.range, "value");
    ok(e.keyRange.end <= e.valueRange.start, "the key comes before the value");
    for (let i = 0; i <= e.value.length; i++) {
      const offset = e.valueOffset(i);
      ok(offset >= e.valueRange.start && offset <= e.valueRange.end, `value char ${i} maps outside the value`);
    }
  }
  for (const c of doc.comments) inside(c.range, file, "comment");
  for (const p of doc.problems) inside(p.range, file, "problem");
}

const property = (arb: fc.Arbitrary<string>, runs: number, seed: number): void => {
  fc.assert(fc.property(arb, checkDocument), { numRuns: runs, seed });
};

describe("parseDocument never throws and prints back its input", () => {
  it(`on ${RUNS.parseBytes} random byte strings`, () => property(bytesText, RUNS.parseBytes, SEED), TIMEOUT);
  it(`on ${RUNS.parseSyntax} strings of the properties syntax's own characters`, () => property(syntaxText, RUNS.parseSyntax, SEED + 1), TIMEOUT);
  it(`on ${RUNS.parseConfigs} generated configs`, () => property(configText(), RUNS.parseConfigs, SEED + 2), TIMEOUT);

  const corpus = corpusTexts();
  it.skipIf(corpus.length === 0)(
    `on the real-world corpus and ${RUNS.parseCorpus} mutations of it${corpus.length === 0 ? ` (no corpus at ${CORPUS})` : ""}`,
    () => {
      for (const { text } of corpus) checkDocument(text);
      const arb = fc.constantFrom(...corpus).chain(({ text }) => mutated(text));
      property(arb, RUNS.parseCorpus, SEED + 3);
    },
    TIMEOUT,
  );

  it(
    `tries at least ${MINIMUM_TOTAL} inputs in all (this run: ${TOTAL})`,
    () => {
      if (process.env["ZKCFG_PROPERTY_RUNS"] === undefined) expect(TOTAL).toBeGreaterThanOrEqual(MINIMUM_TOTAL);
    },
    TIMEOUT,
  );
});

import type { IToken } from "chevrotain";
import { parseLines } from "./parser.js";
import { SourceText } from "./source.js";
import { Continuation, DanglingBackslash, Escape, LineTerminator, Whitespace } from "./tokens.js";

/** Half-open [start, end) offsets into the source text. */
export interface Range {
  start: number;
  end: number;
}

/** A text decoded the way Properties.load decodes it, with the raw offset of every char. */
export interface DecodedText {
  text: string;
  /** offsets[i] is where char i starts in the source; offsets[text.length] is the end. */
  offsets: number[];
}

export interface Entry {
  /** The key exactly as Properties.load stores it (escapes decoded). */
  key: string;
  /** The value as Properties.load stores it: leading blanks dropped, trailing ones kept. */
  value: string;
  keyRange: Range;
  /** Where the value's chars lie; an empty value has an empty range after the separator. */
  valueRange: Range;
  /** From the first char of the key to the end of the logical line (terminator excluded). */
  range: Range;
  /** The separator as written (`=`, `:`, ` = `, …), empty when the key stands alone. */
  separator: string;
  /** True when the entry spans several physical lines through a trailing backslash. */
  continued: boolean;
  /** Maps an index in `value` to its offset in the source. */
  valueOffset(index: number): number;
}

export interface CommentLine {
  text: string;
  range: Range;
}

export interface Problem {
  message: string;
  range: Range;
}

export interface Document {
  source: SourceText;
  entries: Entry[];
  comments: CommentLine[];
  /** Things Properties.load itself would throw on (a malformed \uXXXX). */
  problems: Problem[];
  /** Every line the parser read, in order, as a span of the text: together they tile the input. */
  lines: LineSpan[];
}

export interface LineSpan {
  kind: "entry" | "comment" | "blank";
  range: Range;
}

const isBlank = (c: string): boolean => c === " " || c === "\t" || c === "\f";

/** A line's kind and offsets; its range is made when asked, for the same reason as ParsedEntry's. */
class Span implements LineSpan {
  constructor(
    readonly kind: LineSpan["kind"],
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * An entry keeps its offsets as numbers and makes its ranges when asked: a fleet run holds every
 * entry of thousands of files, and three range objects and a closure each would double that.
 */
class ParsedEntry implements Entry {
  constructor(
    readonly key: string,
    readonly value: string,
    readonly separator: string,
    readonly continued: boolean,
    private readonly start: number,
    private readonly keyEnd: number,
    private readonly valueStart: number,
    private readonly end: number,
    /** Where each char of the value lies, when escapes or continuations moved them; else each is where it reads. */
    private readonly valueOffsets?: number[],
  ) {}

  get keyRange(): Range {
    return { start: this.start, end: this.keyEnd };
  }

  get valueRange(): Range {
    return { start: this.valueStart, end: this.end };
  }

  get range(): Range {
    return { start: this.start, end: this.end };
  }

  valueOffset(index: number): number {
    const i = Math.min(index, this.value.length);
    return this.valueOffsets ? (this.valueOffsets[i] ?? this.end) : this.valueStart + i;
  }
}

function decode(raw: string, rawOffsets: number[], from: number, to: number, problems: Problem[]): DecodedText {
  let text = "";
  const offsets: number[] = [];
  let i = from;
  while (i < to) {
    const c = raw[i] as string;
    const at = rawOffsets[i] as number;
    if (c !== "\\" || i + 1 >= to) {
      text += c;
      offsets.push(at);
      i++;
      continue;
    }
    const next = raw[i + 1] as string;
    if (next === "u") {
      const hex = raw.slice(i + 2, i + 6);
      if (hex.length === 4 && /^[0-9a-fA-F]{4}$/.test(hex)) {
        text += String.fromCharCode(parseInt(hex, 16));
        offsets.push(at);
        i += 6;
      } else {
        problems.push({
          message: "Malformed \\uxxxx encoding.",
          range: { start: at, end: (rawOffsets[Math.min(i + 6, to) - 1] ?? at) + 1 },
        });
        // Java stops reading the file here; keep going so the rest can still be checked.
        i += 2;
      }
      continue;
    }
    text += next === "t" ? "\t" : next === "n" ? "\n" : next === "r" ? "\r" : next === "f" ? "\f" : next;
    offsets.push(at);
    i += 2;
  }
  offsets.push(to < raw.length ? (rawOffsets[to] as number) : (rawOffsets[raw.length] as number));
  return { text, offsets };
}

/** Where Properties.load splits a logical line: the key ends at the first unescaped '=', ':' or blank. */
function splitKeyValue(raw: string): { keyEnd: number; valueStart: number } {
  let keyEnd = 0;
  let valueStart = raw.length;
  let hasSeparator = false;
  let backslash = false;
  while (keyEnd < raw.length) {
    const c = raw[keyEnd] as string;
    if ((c === "=" || c === ":") && !backslash) {
      valueStart = keyEnd + 1;
      hasSeparator = true;
      break;
    }
    if (isBlank(c) && !backslash) {
      valueStart = keyEnd + 1;
      break;
    }
    backslash = c === "\\" ? !backslash : false;
    keyEnd++;
  }
  while (valueStart < raw.length) {
    const c = raw[valueStart] as string;
    if (!isBlank(c)) {
      if (!hasSeparator && (c === "=" || c === ":")) hasSeparator = true;
      else break;
    }
    valueStart++;
  }
  return { keyEnd, valueStart };
}

/** Most lines have no backslash at all: the raw text is the text Properties stores. */
function buildPlainEntry(text: string, tokens: IToken[]): Entry | undefined {
  let start = -1;
  let lineEnd = 0;
  for (const t of tokens) {
    if (t.tokenType === LineTerminator) break;
    if (start < 0 && t.tokenType !== Whitespace) start = t.startOffset;
    lineEnd = t.startOffset + t.image.length;
  }
  if (start < 0) return undefined;
  const raw = text.slice(start, lineEnd);
  const { keyEnd, valueStart } = splitKeyValue(raw);
  return new ParsedEntry(raw.slice(0, keyEnd), raw.slice(valueStart), raw.slice(keyEnd, valueStart), false, start, start + keyEnd, start + valueStart, lineEnd);
}

function buildEntry(text: string, tokens: IToken[], problems: Problem[]): Entry | undefined {
  if (!tokens.some((t) => t.tokenType === Escape || t.tokenType === Continuation || t.tokenType === DanglingBackslash)) {
    return buildPlainEntry(text, tokens);
  }
  // Join the physical lines into the logical line, dropping each continuation and the
  // blanks that start the following line, and remember where every char came from.
  let raw = "";
  const rawOffsets: number[] = [];
  let afterContinuation = false;
  let continued = false;
  let lineEnd = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LineTerminator) break;
    lineEnd = t.startOffset + t.image.length;
    if (type === Continuation) {
      afterContinuation = true;
      // A backslash line before the key joins nothing to the entry's own text.
      if (raw.length > 0) continued = true;
      continue;
    }
    if (type === DanglingBackslash) continue;
    if (type === Whitespace && (afterContinuation || raw.length === 0)) continue;
    afterContinuation = false;
    for (let k = 0; k < t.image.length; k++) {
      raw += t.image[k];
      rawOffsets.push(t.startOffset + k);
    }
  }
  if (raw.length === 0) return undefined;
  rawOffsets.push(lineEnd);

  const { keyEnd, valueStart } = splitKeyValue(raw);
  const key = decode(raw, rawOffsets, 0, keyEnd, problems);
  const value = decode(raw, rawOffsets, valueStart, raw.length, problems);
  const start = rawOffsets[0] as number;
  const keyEndOffset = keyEnd < raw.length ? (rawOffsets[keyEnd] as number) : lineEnd;
  const valueStartOffset = valueStart < raw.length ? (rawOffsets[valueStart] as number) : lineEnd;
  const separator = keyEnd < raw.length ? raw.slice(keyEnd, valueStart) : "";
  return new ParsedEntry(key.text, value.text, separator, continued, start, keyEndOffset, valueStartOffset, lineEnd, value.offsets);
}

export function parseDocument(text: string): Document {
  const source = new SourceText(text);
  const { lines, kinds } = parseLines(text);
  const entries: Entry[] = [];
  const comments: CommentLine[] = [];
  const problems: Problem[] = [];
  const spans: LineSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as IToken[];
    const first = line[0];
    const last = line[line.length - 1];
    // Only the spans are kept: the tokens of thousands of files would dominate memory.
    if (first && last) spans.push(new Span(kinds[i] ?? "blank", first.startOffset, last.startOffset + last.image.length));
    const kind = kinds[i];
    if (kind === "entry") {
      const entry = buildEntry(text, line, problems);
      if (entry) entries.push(entry);
    } else if (kind === "comment") {
      const c = line.find((t) => t.tokenType !== Whitespace && t.tokenType !== LineTerminator);
      if (c) comments.push({ text: c.image, range: { start: c.startOffset, end: c.startOffset + c.image.length } });
    }
  }
  return { source, entries, comments, problems, lines: spans };
}

/** The document's text, rebuilt from its line spans. */
export function printDocument(doc: Document): string {
  let out = "";
  for (const line of doc.lines) out += doc.source.text.slice(line.range.start, line.range.end);
  return out;
}

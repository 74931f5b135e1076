import { createToken, type IToken, type TokenType } from "chevrotain";

// Token names follow the java.util.Properties.load description. Together they tile any input,
// so lexing never fails and printing the tokens back gives the bytes that were read.
//
// The chevrotain parser (parser.ts) reads these tokens; `tokenize` below makes them. chevrotain's own
// Lexer would need, at every start of zkcfg, a 65,536-entry table and an analysis of each pattern's
// regular expression (about 3 ms of a 30 ms run); for seven tokens that are each decided by their
// first one or two chars, a direct scan is simpler and faster.

/** `\r\n`, `\r` or `\n`. */
export const LineTerminator = createToken({ name: "LineTerminator" });

/**
 * Categories for the parser: what may start an entry, and what may follow inside it. One category
 * check per token instead of choosing among five or six token types keeps the parser small.
 */
export const EntryStart = createToken({ name: "EntryStart" });
export const EntryPart = createToken({ name: "EntryPart" });

/** A run of blanks (space, tab, form feed) where a token starts. */
export const Whitespace = createToken({ name: "Whitespace", categories: [EntryPart] });

/**
 * `#` or `!` and the rest of its line, when it is the first non-blank char of a line that does not
 * continue another.
 */
export const Comment = createToken({ name: "Comment" });

/** A backslash and a line break: a line ending in an odd number of backslashes continues on the next. */
export const Continuation = createToken({ name: "Continuation", categories: [EntryStart, EntryPart] });

/** A backslash and the char it escapes; taking them in pairs keeps the backslash parity right. */
export const Escape = createToken({ name: "Escape", categories: [EntryStart, EntryPart] });

/** A lone backslash at the very end of the file: Properties.load drops it. */
export const DanglingBackslash = createToken({ name: "DanglingBackslash", categories: [EntryStart, EntryPart] });

/**
 * Everything else up to a backslash or the end of the line, separators and blanks included: where
 * the key ends is Properties.load's rule, applied to the line's text (document.ts). A run starting
 * with a blank is Whitespace. Long runs keep a fleet's token count, and with it the parsing,
 * small: `server.1=host:2888:3888` is one token.
 */
export const Text = createToken({ name: "Text", categories: [EntryStart, EntryPart] });

/** The token types the parser is given, categories last. */
export const tokenTypes: TokenType[] = [LineTerminator, Whitespace, Comment, Continuation, Escape, DanglingBackslash, Text, EntryStart, EntryPart];

const TAB = 9;
const LF = 10;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const HASH = 35;
const BACKSLASH = 92;

const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === FF;
const isBreak = (c: number): boolean => c === CR || c === LF;

/** The offset just past the line break at `at` (`\r\n` counts as one). */
const pastBreak = (text: string, at: number): number => (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1);

/** The offset of the first char at or after `at` that `stop` accepts, or the end of the text. */
function scanUntil(text: string, at: number, stop: (c: number) => boolean): number {
  let end = at;
  while (end < text.length && !stop(text.charCodeAt(end))) end++;
  return end;
}

const endsText = (c: number): boolean => c === BACKSLASH || isBreak(c);
const notBlank = (c: number): boolean => !isBlank(c);

/** The tokens of `text`, in order; their images joined give the text back. */
export function tokenize(text: string): IToken[] {
  const tokens: IToken[] = [];
  // True until the line has a token other than blanks: where `#` and `!` start a comment.
  let lineStart = true;
  let at = 0;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    let type: TokenType;
    let end: number;
    if (isBreak(c)) {
      type = LineTerminator;
      end = pastBreak(text, at);
    } else if (isBlank(c)) {
      type = Whitespace;
      end = scanUntil(text, at + 1, notBlank);
    } else if ((c === HASH || c === BANG) && lineStart) {
      type = Comment;
      end = scanUntil(text, at + 1, isBreak);
    } else if (c === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      if (isBreak(next)) [type, end] = [Continuation, pastBreak(text, at + 1)];
      else if (at + 1 < text.length) [type, end] = [Escape, at + 2];
      else [type, end] = [DanglingBackslash, at + 1];
    } else {
      type = Text;
      end = scanUntil(text, at + 1, endsText);
    }
    tokens.push({ image: text.slice(at, end), startOffset: at, tokenTypeIdx: type.tokenTypeIdx as number, tokenType: type });
    if (type !== Whitespace) lineStart = type === LineTerminator;
    at = end;
  }
  return tokens;
}

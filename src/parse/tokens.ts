import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";

// Token names follow the java.util.Properties.load description. Together they tile any input,
// so lexing never fails and printing the tokens back gives the bytes that were read.

export const LineTerminator = createToken({
  name: "LineTerminator",
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
});

/**
 * Categories for the parser: what may start an entry, and what may follow inside it. One category
 * check per token instead of choosing among five or six token types keeps the parser small.
 */
export const EntryStart = createToken({ name: "EntryStart", pattern: Lexer.NA });
export const EntryPart = createToken({ name: "EntryPart", pattern: Lexer.NA });

export const Whitespace = createToken({ name: "Whitespace", pattern: /[ \t\f]+/, categories: [EntryPart] });

const commentBody = /[^\r\n]*/y;

/** `#` or `!` is a comment only as the first non-blank char of a line that does not continue another. */
function matchComment(text: string, offset: number, tokens: IToken[]): [string] | null {
  const c = text.charCodeAt(offset);
  if (c !== 35 && c !== 33) return null;
  let i = tokens.length - 1;
  if (i >= 0 && tokens[i]?.tokenType === Whitespace) i--;
  const before = i >= 0 ? tokens[i] : undefined;
  if (before && before.tokenType !== LineTerminator) return null;
  commentBody.lastIndex = offset;
  const m = commentBody.exec(text);
  return [m ? m[0] : (text[offset] ?? "")];
}

export const Comment = createToken({
  name: "Comment",
  pattern: { exec: matchComment },
  start_chars_hint: ["#", "!"],
  line_breaks: false,
});

/** A line ending in an odd number of backslashes continues on the next line. */
export const Continuation = createToken({
  name: "Continuation",
  pattern: /\\(?:\r\n|\r|\n)/,
  line_breaks: true,
  categories: [EntryStart, EntryPart],
});

/** A backslash and the char it escapes; taking them in pairs keeps the backslash parity right. */
export const Escape = createToken({ name: "Escape", pattern: /\\[^\r\n]/, categories: [EntryStart, EntryPart] });

/** A lone backslash at the very end of the file: Properties.load drops it. */
export const DanglingBackslash = createToken({ name: "DanglingBackslash", pattern: /\\/, categories: [EntryStart, EntryPart] });

/**
 * Everything else up to a backslash or the end of the line, separators and blanks included: where
 * the key ends is Properties.load's rule, applied to the line's text (document.ts). Whitespace
 * comes first in the order, so a run starting with a blank is Whitespace. Long runs keep a fleet's
 * token count, and with it the lexing and parsing, small: `server.1=host:2888:3888` is one token.
 */
export const Text = createToken({ name: "Text", pattern: /[^\\\r\n]+/, categories: [EntryStart, EntryPart] });

export const allTokens: TokenType[] = [LineTerminator, Whitespace, Comment, Continuation, Escape, DanglingBackslash, Text];

// The token definitions are checked by the parser tests; skipping chevrotain's own validation of
// them at every start saves milliseconds on each run of a pre-commit hook.
export const propertiesLexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});

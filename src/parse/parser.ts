import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import {
  allTokens,
  Comment,
  Continuation,
  DanglingBackslash,
  Escape,
  LineTerminator,
  Separator,
  Text,
  Whitespace,
  propertiesLexer,
} from "./tokens.js";

export type LineKind = "entry" | "comment" | "blank";

/** Each line of the file as the tokens that make it up (a continued entry is one line), in order. */
export interface ParsedLines {
  lines: IToken[][];
  kinds: LineKind[];
}

/**
 * document := line*
 * line     := Comment LineTerminator? | LineTerminator | Whitespace (Comment LineTerminator? | LineTerminator | entry)? | entry
 * entry    := (Text | Escape | Separator | Continuation | DanglingBackslash) (… | Whitespace)* LineTerminator?
 * Every token sequence the lexer can produce is a document, so parsing never fails. The parser
 * builds the lines directly (no CST): zkcfg parses thousands of files per run.
 */
class PropertiesParser extends EmbeddedActionsParser {
  private lines: IToken[][] = [];
  private kinds: LineKind[] = [];
  /** The tokens of the line being read (rule arguments are not available while the grammar is recorded). */
  private current: IToken[] = [];

  constructor() {
    // The grammar is fixed and the parse tests exercise every alternative: no need to validate it at every start.
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  read(tokens: IToken[]): ParsedLines {
    this.lines = [];
    this.kinds = [];
    this.input = tokens;
    this.document();
    return { lines: this.lines, kinds: this.kinds };
  }

  private document = this.RULE("document", () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  private line = this.RULE("line", () => {
    const tokens: IToken[] = [];
    this.current = tokens;
    let kind: LineKind = "blank";
    this.OR([
      { ALT: () => (kind = this.SUBRULE(this.comment)) },
      { ALT: () => tokens.push(this.CONSUME(LineTerminator)) },
      {
        ALT: () => {
          tokens.push(this.CONSUME(Whitespace));
          this.OPTION(() =>
            this.OR2([
              { ALT: () => (kind = this.SUBRULE2(this.comment)) },
              { ALT: () => tokens.push(this.CONSUME2(LineTerminator)) },
              { ALT: () => (kind = this.SUBRULE2(this.entry)) },
            ]),
          );
        },
      },
      { ALT: () => (kind = this.SUBRULE(this.entry)) },
    ]);
    this.ACTION(() => {
      this.lines.push(tokens);
      this.kinds.push(kind);
    });
  });

  private comment = this.RULE("comment", (): LineKind => {
    this.current.push(this.CONSUME(Comment));
    this.OPTION(() => this.current.push(this.CONSUME(LineTerminator)));
    return "comment";
  });

  private entry = this.RULE("entry", (): LineKind => {
    const content = (type: TokenType, idx: number) => ({ ALT: () => this.current.push(this.consume(idx, type)) });
    this.OR(FIRST.map((type) => content(type, 1)));
    this.MANY(() => this.OR2(REST.map((type) => content(type, 2))));
    this.OPTION(() => this.current.push(this.CONSUME(LineTerminator)));
    return "entry";
  });
}

const FIRST: TokenType[] = [Text, Escape, Separator, Continuation, DanglingBackslash];
const REST: TokenType[] = [...FIRST, Whitespace];

let parser: PropertiesParser | undefined;

export function parseLines(text: string): ParsedLines {
  parser ??= new PropertiesParser();
  return parser.read(propertiesLexer.tokenize(text).tokens);
}

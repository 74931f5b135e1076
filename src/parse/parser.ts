import { EmbeddedActionsParser, type IToken } from "chevrotain";
import { Comment, EntryPart, EntryStart, LineTerminator, tokenize, tokenTypes, Whitespace } from "./tokens.js";

export type LineKind = "entry" | "comment" | "blank";

/** Each line of the file as the tokens that make it up (a continued entry is one line), in order. */
export interface ParsedLines {
  lines: IToken[][];
  kinds: LineKind[];
}

/**
 * document := line*
 * line     := Whitespace? (Comment LineTerminator? | LineTerminator | entry)?
 * entry    := EntryStart EntryPart* LineTerminator?
 *   EntryStart: Text | Escape | Continuation | DanglingBackslash; EntryPart: those or Whitespace
 * Every token sequence the scanner can produce is a document, so parsing never fails. The parser
 * builds the lines directly (no CST): zkcfg parses thousands of files per run.
 */
class PropertiesParser extends EmbeddedActionsParser {
  private lines: IToken[][] = [];
  private kinds: LineKind[] = [];
  /** The tokens of the line being read (rule arguments are not available while the grammar is recorded). */
  private current: IToken[] = [];

  constructor() {
    // The grammar is fixed and the parse tests exercise every alternative: no need to validate it at every start.
    super(tokenTypes, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
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
    this.OPTION(() => tokens.push(this.CONSUME(Whitespace)));
    // Never empty inside document's MANY: that only enters on a token a line can start with.
    this.OPTION2(() =>
      this.OR([
        { ALT: () => (kind = this.SUBRULE(this.comment)) },
        { ALT: () => tokens.push(this.CONSUME(LineTerminator)) },
        { ALT: () => (kind = this.SUBRULE(this.entry)) },
      ]),
    );
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
    this.current.push(this.CONSUME(EntryStart));
    this.MANY(() => this.current.push(this.CONSUME(EntryPart)));
    this.OPTION(() => this.current.push(this.CONSUME(LineTerminator)));
    return "entry";
  });
}

let parser: PropertiesParser | undefined;

export function parseLines(text: string): ParsedLines {
  parser ??= new PropertiesParser();
  return parser.read(tokenize(text));
}

import { CstParser, type CstNode, type IToken } from "chevrotain";
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

/**
 * document := line*
 * line     := Comment LineTerminator? | LineTerminator | Whitespace (Comment LineTerminator? | LineTerminator | entry)? | entry
 * entry    := (Text | Escape | Separator | Continuation | DanglingBackslash) (… | Whitespace)* LineTerminator?
 * Every token sequence the lexer can produce is a document, so parsing never fails.
 */
class PropertiesParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  document = this.RULE("document", () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  line = this.RULE("line", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.comment) },
      { ALT: () => this.CONSUME(LineTerminator) },
      {
        ALT: () => {
          this.CONSUME(Whitespace);
          this.OPTION(() =>
            this.OR2([
              { ALT: () => this.SUBRULE2(this.comment) },
              { ALT: () => this.CONSUME2(LineTerminator) },
              { ALT: () => this.SUBRULE2(this.entry) },
            ]),
          );
        },
      },
      { ALT: () => this.SUBRULE(this.entry) },
    ]);
  });

  comment = this.RULE("comment", () => {
    this.CONSUME(Comment);
    this.OPTION(() => this.CONSUME(LineTerminator));
  });

  entry = this.RULE("entry", () => {
    this.OR([
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(Escape) },
      { ALT: () => this.CONSUME(Separator) },
      { ALT: () => this.CONSUME(Continuation) },
      { ALT: () => this.CONSUME(DanglingBackslash) },
    ]);
    this.MANY(() =>
      this.OR2([
        { ALT: () => this.CONSUME2(Text) },
        { ALT: () => this.CONSUME2(Escape) },
        { ALT: () => this.CONSUME2(Separator) },
        { ALT: () => this.CONSUME2(Continuation) },
        { ALT: () => this.CONSUME2(DanglingBackslash) },
        { ALT: () => this.CONSUME(Whitespace) },
      ]),
    );
    this.OPTION(() => this.CONSUME(LineTerminator));
  });
}

let parser: PropertiesParser | undefined;

export interface ParsedLines {
  /** Each physical-or-logical line of the file as the tokens that make it up, in order. */
  lines: IToken[][];
  /** Which of those lines are entries (the rest are comments and blank lines). */
  kinds: ("entry" | "comment" | "blank")[];
}

function collect(node: CstNode, out: IToken[]): "entry" | "comment" | "blank" {
  let kind: "entry" | "comment" | "blank" = "blank";
  for (const [name, children] of Object.entries(node.children)) {
    for (const child of children) {
      if ("image" in child) out.push(child);
      else {
        kind = name === "entry" ? "entry" : name === "comment" ? "comment" : kind;
        collect(child, out);
      }
    }
  }
  return kind;
}

export function parseLines(text: string): ParsedLines {
  parser ??= new PropertiesParser();
  const lexed = propertiesLexer.tokenize(text);
  parser.input = lexed.tokens;
  const cst = parser.document();
  const lines: IToken[][] = [];
  const kinds: ("entry" | "comment" | "blank")[] = [];
  for (const line of cst.children["line"] ?? []) {
    const tokens: IToken[] = [];
    const kind = collect(line as CstNode, tokens);
    tokens.sort((a, b) => a.startOffset - b.startOffset);
    lines.push(tokens);
    kinds.push(kind);
  }
  return { lines, kinds };
}

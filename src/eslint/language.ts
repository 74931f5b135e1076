import { hostname } from "node:os";
import { relative, resolve } from "node:path";
import type { ESLint } from "eslint";
import { nodeFileSystem } from "../io/node-fs.js";
import type { Diagnostic } from "../lint/diagnostic.js";
import { runRules } from "../lint/engine.js";
import { buildWorkspace } from "../lint/project.js";
import { DEFAULT_VERSION, KNOWN_VERSIONS, parseVersion } from "../model/version.js";
import { parseDocument } from "../parse/document.js";
import { decodeLatin1, SourceText, type Position } from "../parse/source.js";
import { rules } from "../../rules/index.js";
import { isComposeFile } from "../compose/files.js";
import { ComposeSourceCode } from "./compose-language.js";

type Language = NonNullable<ESLint.Plugin["languages"]>[string];

/** `languageOptions` of the zoocfg language: what the CLI takes from options and settings files. */
export interface ZooCfgLanguageOptions {
  /** The ZooKeeper release line, "3.4" to "3.9" (default the newest stable). */
  zkVersion?: string;
  /** Read the configs' absolute paths under this directory (relative to ESLint's cwd). */
  root?: string;
  /** Skip every file-system check (myid, dataDir, dynamic file). */
  syntaxOnly?: boolean;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

/** One `key=value` entry, for rules of other plugins that visit "Entry". */
export interface EntryNode {
  type: "Entry";
  key: string;
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

export interface ZooCfgNode {
  type: "ZooCfg";
  entries: EntryNode[];
  range: [number, number];
  loc: SourceLocation;
}

type Node = ZooCfgNode | EntryNode;

/** What ESLint needs from a rule's context to lint this file as the CLI would. */
export interface LintContext {
  cwd: string;
  physicalFilename: string;
  languageOptions: ZooCfgLanguageOptions;
}

const VISITOR_KEYS = { ZooCfg: ["entries"], Entry: [], Compose: [] };
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * ESLint hands over text decoded as UTF-8 without its BOM; ZooKeeper reads the bytes as
 * ISO-8859-1. The model works on the bytes, so positions are mapped from byte offsets to
 * indices in ESLint's text (the same numbers when the file is ASCII).
 */
function byteToIndex(text: string, bom: boolean, byteLength: number): (offset: number) => number {
  const skip = bom ? UTF8_BOM.length : 0;
  if (skip === 0 && byteLength === text.length) return (offset) => offset;
  const table = new Int32Array(byteLength + 1);
  let byte = skip;
  let index = 0;
  for (const char of text) {
    const width = Buffer.byteLength(char, "utf8");
    for (let k = 0; k < width; k++) table[byte + k] = index;
    byte += width;
    index += char.length;
  }
  table[byte] = index;
  return (offset) => table[Math.min(Math.max(offset, 0), byteLength)] as number;
}

export class ZooCfgSourceCode {
  readonly text: string;
  readonly ast: ZooCfgNode;
  readonly hasBOM: boolean;
  readonly visitorKeys = VISITOR_KEYS;
  private readonly bytes: Uint8Array;
  private readonly bytesView: SourceText;
  private readonly textView: SourceText;
  private readonly indexOf: (offset: number) => number;
  private diagnostics: Diagnostic[] | undefined;
  private path: string | undefined;

  constructor(text: string, bom: boolean) {
    this.text = text;
    this.hasBOM = bom;
    const utf8 = Buffer.from(text, "utf8");
    this.bytes = bom ? Buffer.concat([UTF8_BOM, utf8]) : utf8;
    this.textView = new SourceText(text);
    this.indexOf = byteToIndex(text, bom, this.bytes.byteLength);
    const document = parseDocument(decodeLatin1(this.bytes));
    this.bytesView = document.source;
    const entries = document.entries.map((e): EntryNode => {
      const range = this.rangeOf(e.range.start, e.range.end);
      return { type: "Entry", key: e.key, value: e.value, range, loc: this.locOf(range) };
    });
    const whole: [number, number] = [0, text.length];
    this.ast = { type: "ZooCfg", entries, range: whole, loc: this.locOf(whole) };
  }

  private rangeOf(start: number, end: number): [number, number] {
    return [this.indexOf(start), this.indexOf(Math.max(start, end))];
  }

  private locOf([start, end]: [number, number]): SourceLocation {
    return { start: this.textView.positionAt(start), end: this.textView.positionAt(end) };
  }

  getLoc(node: Node): SourceLocation {
    return node.loc;
  }

  getRange(node: Node): [number, number] {
    return node.range;
  }

  *traverse(): Iterable<{ kind: 1; target: Node; phase: 1 | 2; args: unknown[] }> {
    const root = this.ast;
    yield { kind: 1, target: root, phase: 1, args: [root, undefined] };
    for (const entry of root.entries) {
      yield { kind: 1, target: entry, phase: 1, args: [entry, root] };
      yield { kind: 1, target: entry, phase: 2, args: [entry, root] };
    }
    yield { kind: 1, target: root, phase: 2, args: [root, undefined] };
  }

  /**
   * Every rule's diagnostics for this file, computed once per file: the file with the sibling
   * configs of its ensemble and its myid/dataDir facts, read from disk, as `zkcfg lint FILE` does.
   */
  diagnosticsFor(ruleId: string, context: LintContext): Diagnostic[] {
    if (!this.diagnostics) {
      const { cwd, physicalFilename, languageOptions: options } = context;
      const path = resolve(cwd, physicalFilename);
      this.path = path;
      const version = parseVersion(options.zkVersion ?? DEFAULT_VERSION) ?? DEFAULT_VERSION;
      const host = hostname();
      const workspace = buildWorkspace([{ path, name: relative(cwd, path) || path, bytes: this.bytes }], {
        fs: nodeFileSystem,
        cwd,
        version,
        syntaxOnly: options.syntaxOnly ?? false,
        hostname: host,
        ...(options.root !== undefined ? { root: resolve(cwd, options.root) } : {}),
      });
      const [result] = runRules(workspace, { version, hostname: host }, { rules });
      this.diagnostics = result?.messages ?? [];
    }
    return this.diagnostics.filter((d) => d.ruleId === ruleId);
  }

  /** Where a diagnostic's 1-based line and column (byte columns) fall in ESLint's text. */
  locOfDiagnostic(d: Diagnostic): SourceLocation {
    const offset = (line: number, column: number): number => (this.bytesView.lineStarts[line - 1] ?? 0) + column - 1;
    return this.locOf(this.rangeOf(offset(d.line, d.column), offset(d.endLine, d.endColumn)));
  }

  /** A zkcfg edit of this file as an ESLint fix; files it creates (a myid) or other files it edits are `zkcfg fix`'s. */
  fixOf(d: Diagnostic): { range: [number, number]; text: string } | undefined {
    const fix = d.fix;
    if (fix?.kind !== "edit" || fix.path !== this.path) return undefined;
    const [start, end] = this.rangeOf(fix.range.start, fix.range.end);
    // ESLint keeps the BOM out of the text; a fix reaches it by starting at -1.
    const fromBom = this.hasBOM && fix.range.start < UTF8_BOM.length;
    return { range: [fromBom ? -1 : start, end], text: Buffer.from(fix.text, "latin1").toString("utf8") };
  }
}

export function validateLanguageOptions(options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    if (key === "zkVersion") {
      if (typeof value !== "string" || !parseVersion(value)) {
        throw new TypeError(
          `zkVersion must be a ZooKeeper version from ${KNOWN_VERSIONS[0]} to ${KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1]}, not ${JSON.stringify(value)}`,
        );
      }
    } else if (key === "root") {
      if (typeof value !== "string") throw new TypeError(`root must be a directory (a string), not ${JSON.stringify(value)}`);
    } else if (key === "syntaxOnly") {
      if (typeof value !== "boolean") throw new TypeError(`syntaxOnly must be true or false, not ${JSON.stringify(value)}`);
    } else {
      throw new TypeError(`"${key}" is not an option of the zoocfg language; its options are zkVersion, root and syntaxOnly`);
    }
  }
}

/** ESLint's language for zoo.cfg files, parsed by zkcfg's parser, and for compose files (known by name), read as the CLI reads them. */
export const zoocfg = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys: VISITOR_KEYS,
  defaultLanguageOptions: {},
  validateLanguageOptions,
  // Properties.load never fails: whatever it cannot make sense of, the rules report.
  parse: (file: { body: string | Uint8Array; bom: boolean; path: string }) => {
    const text = typeof file.body === "string" ? file.body : Buffer.from(file.body).toString("utf8");
    const source = isComposeFile(file.path) ? new ComposeSourceCode(text, file.bom) : new ZooCfgSourceCode(text, file.bom);
    return { ok: true as const, ast: source.ast, source };
  },
  createSourceCode: (_file: unknown, parsed: { ast: unknown; source?: unknown }) => parsed.source as ZooCfgSourceCode | ComposeSourceCode,
} satisfies Language;

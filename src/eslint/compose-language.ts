import { hostname } from "node:os";
import { relative, resolve } from "node:path";
import { lintProjects } from "../compose/lint.js";
import { nodeFileSystem } from "../io/node-fs.js";
import type { Diagnostic } from "../lint/diagnostic.js";
import type { LintContext, SourceLocation } from "./language.js";

export interface ComposeNode {
  type: "Compose";
  range: [number, number];
  loc: SourceLocation;
}

/**
 * A compose file as ESLint sees it: one node for the whole file; YAML errors are findings of the
 * compose rule, as in the CLI, so parsing never fails. The findings are `zkcfg lint FILE`'s,
 * at the same lines and columns: both count the characters of the file decoded as UTF-8 without its BOM.
 */
export class ComposeSourceCode {
  readonly text: string;
  readonly ast: ComposeNode;
  readonly hasBOM: boolean;
  readonly visitorKeys = { Compose: [] };
  private diagnostics: Diagnostic[] | undefined;

  constructor(text: string, bom: boolean) {
    this.text = text;
    this.hasBOM = bom;
    const lines = text.split("\n");
    const end = { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    this.ast = { type: "Compose", range: [0, text.length], loc: { start: { line: 1, column: 1 }, end } };
  }

  getLoc(node: ComposeNode): SourceLocation {
    return node.loc;
  }

  getRange(node: ComposeNode): [number, number] {
    return node.range;
  }

  *traverse(): Iterable<{ kind: 1; target: ComposeNode; phase: 1 | 2; args: unknown[] }> {
    yield { kind: 1, target: this.ast, phase: 1, args: [this.ast, undefined] };
    yield { kind: 1, target: this.ast, phase: 2, args: [this.ast, undefined] };
  }

  /**
   * The findings of one rule in this file, computed once per file. The file is its own project:
   * ESLint lints one file at a time, so an override file is not merged into the file it overrides.
   */
  diagnosticsFor(ruleId: string, context: Pick<LintContext, "cwd" | "physicalFilename">): Diagnostic[] {
    if (!this.diagnostics) {
      const path = resolve(context.cwd, context.physicalFilename);
      // The CLI decodes the file without its BOM too, so the text is the same.
      const name = relative(context.cwd, path) || path;
      const results = lintProjects([{ path, name, bytes: Buffer.from(this.text, "utf8") }], nodeFileSystem, context.cwd, hostname());
      // Findings in a zoo.cfg the file mounts belong to that file, where `zkcfg lint` reports them.
      this.diagnostics = results.find((r) => r.filePath === name)?.messages ?? [];
    }
    return this.diagnostics.filter((d) => d.ruleId === ruleId);
  }

  /** Where ESLint shows a finding: the CLI's line and column, which count characters as ESLint does. */
  static locOf(d: Diagnostic): SourceLocation {
    return { start: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } };
  }
}

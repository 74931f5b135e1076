import { closest, distance } from "fastest-levenshtein";
import type { Document, Range } from "../parse/document.js";
import type { RuleMeta } from "./rule.js";

/** The id under which problems with disable comments are reported; settings can set it like a rule's. */
export const UNUSED_DISABLE = "unused-disable";

type DirectiveMessageId =
  | "unusedNextLine"
  | "noNextEntry"
  | "unusedFile"
  | "unknownRule"
  | "unknownRuleSimilar"
  | "unknownMessage"
  | "unknownMessageSimilar"
  | "noRule"
  | "unknownDirective";

export const unusedDisableMeta: RuleMeta<DirectiveMessageId> = {
  description: "Disable comments name zkcfg rules and each disables something",
  fixable: false,
  messages: {
    unusedNextLine: {
      text: '"{{directive}} {{rule}}" disables nothing: {{rule}} reports nothing on the next entry (line {{line}}); remove {{rule}} from the comment',
      impact: "maintenance",
    },
    noNextEntry: {
      text: '"{{directive}} {{rule}}" disables nothing: no entry follows the comment; remove the comment',
      impact: "maintenance",
    },
    unusedFile: {
      text: '"{{directive}} {{rule}}" disables nothing: {{rule}} reports nothing in this file; remove {{rule}} from the comment',
      impact: "maintenance",
    },
    unknownRule: {
      text: '"{{rule}}" is not a zkcfg rule, so "{{directive}}" disables nothing for it; use a rule id that "zkcfg rules" lists',
      impact: "maintenance",
    },
    unknownRuleSimilar: {
      text: '"{{rule}}" is not a zkcfg rule, so "{{directive}}" disables nothing for it; did you mean "{{suggestion}}"?',
      impact: "maintenance",
    },
    unknownMessage: {
      text: '"{{target}}" names no message of {{rule}}, so "{{directive}}" disables nothing for it; {{rule}}\'s message ids are {{messageIds}} (the messageId of --format json)',
      impact: "maintenance",
    },
    unknownMessageSimilar: {
      text: '"{{target}}" names no message of {{rule}}, so "{{directive}}" disables nothing for it; did you mean "{{rule}}/{{suggestion}}"?',
      impact: "maintenance",
    },
    noRule: {
      text: '"{{directive}}" names no rule, so it disables nothing; name the rules after it, separated by commas',
      impact: "maintenance",
    },
    unknownDirective: {
      text: '"{{directive}}" is not a zkcfg comment, so it disables nothing; write zkcfg-disable-next-line or zkcfg-disable',
      impact: "maintenance",
    },
  },
};

export interface DirectiveReport {
  messageId: DirectiveMessageId;
  data: Record<string, string | number>;
  range: Range;
}

interface Target {
  /** As written: `rule` or `rule/messageId`. */
  name: string;
  rule: string;
  /** Only this message of the rule (the messageId of --format json). */
  messageId?: string;
  range: Range;
  used: boolean;
}

export interface Directive {
  kind: "zkcfg-disable" | "zkcfg-disable-next-line";
  keyword: Range;
  targets: Target[];
  /** The lines it covers, inclusive: the whole file, or the lines of the entry after it (none when no entry follows). */
  lines?: { from: number; to: number };
}

/** `# zkcfg-disable…` or `! zkcfg-disable…`, then the rule names, then an optional ` -- reason`. */
const DIRECTIVE = /^[#!]\s*(zkcfg-(?:disable|enable)[\w-]*)/;
const NAME = /[^\s,]+/g;

/** Reads the disable comments of a document; misspelt directive words are reported, not ignored. */
export function parseDirectives(document: Document): { directives: Directive[]; reports: DirectiveReport[] } {
  const directives: Directive[] = [];
  const reports: DirectiveReport[] = [];
  for (const comment of document.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const word = match[1] as string;
    const wordStart = comment.range.start + match[0].length - word.length;
    const keyword = { start: wordStart, end: wordStart + word.length };
    if (word !== "zkcfg-disable" && word !== "zkcfg-disable-next-line") {
      reports.push({ messageId: "unknownDirective", data: { directive: word }, range: keyword });
      continue;
    }
    const rest = comment.text.slice(match[0].length);
    const reason = /\s--(\s|$)/.exec(rest);
    const names = reason ? rest.slice(0, reason.index) : rest;
    const targets: Target[] = [];
    for (const name of names.matchAll(NAME)) {
      const start = keyword.end + name.index;
      const [rule = "", messageId] = name[0].split("/", 2);
      targets.push({ name: name[0], rule, ...(messageId !== undefined ? { messageId } : {}), range: { start, end: start + name[0].length }, used: false });
    }
    const directive: Directive = { kind: word, keyword, targets };
    if (word === "zkcfg-disable") {
      directive.lines = { from: 1, to: Number.MAX_SAFE_INTEGER };
    } else {
      // The entry after the comment, however many physical lines its continuations span.
      const next = document.entries.find((e) => e.range.start >= comment.range.end);
      if (next) directive.lines = { from: document.source.positionAt(next.range.start).line, to: document.source.positionAt(next.range.end).line };
    }
    directives.push(directive);
  }
  return { directives, reports };
}

export interface Suppressible {
  ruleId: string;
  /** Notes have none: only a comment naming the whole rule disables them. */
  messageId?: string;
  line: number;
}

export interface DirectiveOptions {
  /** Every rule id zkcfg has. */
  known: ReadonlySet<string>;
  /** The rules that ran: a comment for a rule that is off cannot be told to be unused. */
  ran: ReadonlySet<string>;
  /** The message ids of the rules that ran, to check a `rule/messageId` comment against. */
  messageIds?: ReadonlyMap<string, readonly string[]>;
}

/** Drops what the document's disable comments disable, and reports the comments that disable nothing. */
export function applyDirectives<M extends Suppressible, N extends Suppressible>(
  document: Document,
  messages: M[],
  notes: N[],
  options: DirectiveOptions,
): { messages: M[]; notes: N[]; reports: DirectiveReport[] } {
  const { directives, reports } = parseDirectives(document);
  // Most files have no disable comment: nothing to drop, nothing to report.
  if (directives.length === 0) return { messages, notes, reports };
  const keep = (item: Suppressible): boolean => {
    let suppressed = false;
    for (const d of directives) {
      if (!d.lines || item.line < d.lines.from || item.line > d.lines.to) continue;
      for (const t of d.targets) {
        if (t.rule !== item.ruleId || (t.messageId !== undefined && t.messageId !== item.messageId)) continue;
        t.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  };
  const kept = { messages: messages.filter(keep), notes: notes.filter(keep) };
  const known = [...options.known];
  for (const d of directives) {
    if (d.targets.length === 0) reports.push({ messageId: "noRule", data: { directive: d.kind }, range: d.keyword });
    for (const t of d.targets) {
      const data = { directive: d.kind, rule: t.name };
      const messageIds = options.messageIds?.get(t.rule);
      if (!options.known.has(t.rule)) {
        const suggestion = known.length > 0 ? closest(t.rule, known) : undefined;
        const rule = { ...data, rule: t.rule };
        if (suggestion !== undefined && distance(t.rule, suggestion) <= 3)
          reports.push({ messageId: "unknownRuleSimilar", data: { ...rule, suggestion }, range: t.range });
        else reports.push({ messageId: "unknownRule", data: rule, range: t.range });
      } else if (t.messageId !== undefined && messageIds && !messageIds.includes(t.messageId)) {
        const unknown = unknownMessage(t.messageId, messageIds);
        reports.push({ messageId: unknown.messageId, data: { directive: d.kind, target: t.name, rule: t.rule, ...unknown.data }, range: t.range });
      } else if (!t.used && options.ran.has(t.rule)) {
        if (d.kind === "zkcfg-disable") reports.push({ messageId: "unusedFile", data, range: t.range });
        else if (d.lines) reports.push({ messageId: "unusedNextLine", data: { ...data, line: d.lines.from }, range: t.range });
        else reports.push({ messageId: "noNextEntry", data, range: t.range });
      }
    }
  }
  return { ...kept, reports };
}

/** The report for a message id the rule lacks: with the likely id, or the rule's ids to choose from. */
function unknownMessage(messageId: string, messageIds: readonly string[]): { messageId: DirectiveMessageId; data: Record<string, string> } {
  const suggestion = messageIds.length > 0 ? closest(messageId, messageIds) : undefined;
  if (suggestion !== undefined && distance(messageId, suggestion) <= 3) return { messageId: "unknownMessageSimilar", data: { suggestion } };
  return { messageId: "unknownMessage", data: { messageIds: messageIds.join(", ") } };
}

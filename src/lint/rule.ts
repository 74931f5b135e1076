import type { Range } from "../parse/document.js";
import type { ConfigFile } from "../model/config-file.js";
import type { Workspace } from "../model/ensemble.js";
import type { ZkVersion } from "../model/version.js";

/** What happens if the user ignores the message (DESIGN.md, "Diagnostics"). */
export type Impact = "startup" | "runtime" | "resilience" | "maintenance";
/** "info" messages are notes: shown, never counted as problems. */
export type MessageSeverity = "error" | "warn" | "info";

export interface MessageMeta {
  text: string;
  impact: Impact;
  /** Only where it differs from what the impact gives (see severityOf), with a comment saying why. */
  severity?: MessageSeverity;
}

/** A message's severity: what stops ZooKeeper starting is an error, the rest a warning, unless the message says otherwise. */
export function severityOf(message: MessageMeta): MessageSeverity {
  return message.severity ?? (message.impact === "startup" ? "error" : "warn");
}

export interface RuleMeta<M extends string> {
  description: string;
  fixable: boolean;
  messages: Record<M, MessageMeta>;
  /** Templates describing the suggestions the rule offers, by suggestion message id. */
  suggestions?: Record<string, string>;
}

/** A file the fix writer creates (a missing myid), with the directories it needs. */
export interface CreateFileFix {
  kind: "create";
  path: string;
  text: string;
  /** The tree (--root) the file and its directories must stay in; none: this machine's "/". */
  root?: string | undefined;
  /** The directory it goes in, when that does not exist yet: writing it creates the directories. */
  missingDirectory?: string;
}

/** A change to a linted config: `range` (offsets in the text as read) becomes `text`; every other byte stays. */
export interface EditFix {
  kind: "edit";
  path: string;
  range: Range;
  text: string;
}

export type Fix = CreateFileFix | EditFix;

/** An edit of the linted config `file`. */
export function editFix(file: ConfigFile, range: Range, text: string): EditFix {
  return { kind: "edit", path: file.path, range, text };
}

/** An edit offered with a message but never applied by `zkcfg fix`: a change that is only likely right (a rename). */
export interface Suggestion {
  /** Key of the rule's meta.suggestions, the template of its description. */
  messageId: string;
  data?: Record<string, string | number | bigint>;
  fix: EditFix;
}

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, string | number | bigint>;
  file: ConfigFile;
  range: Range;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export interface RuleContext {
  workspace: Workspace;
  version: ZkVersion;
  /** This machine's host name, for telling which server line a config is for. */
  hostname: string;
  /** An id the user gave with --myid for the one config being fixed. */
  myid?: bigint;
}

export interface Rule<M extends string = string> {
  id: string;
  meta: RuleMeta<M>;
  check(context: RuleContext): Iterable<Report<M>>;
}

/** Keeps a rule's message ids type-checked against its meta. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

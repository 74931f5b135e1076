import type { Entry } from "../../src/parse/document.js";
import type { ConfigFile } from "../../src/model/config-file.js";
import type { KeySpec } from "../../src/model/keys.js";
import type { TrailingComment } from "../../src/model/value-comment.js";
import type { EditFix, Report, Suggestion } from "../../src/lint/rule.js";

// value-type's messages, and what its checks share: the entry being checked and its suggestions.

export const messages = {
  notNumber: { text: '{{key}} "{{value}}" is not a whole number; ZooKeeper refuses to start ({{exception}}); write a plain decimal number', impact: "startup" },
  notDecimalNumber: {
    text: '{{key}} "{{value}}" is not a number; ZooKeeper refuses to start ({{exception}}); write a decimal number such as 0.5',
    impact: "startup",
  },
  notHexNumber: {
    text: '{{key}} "{{value}}" is not a hexadecimal number; ZooKeeper refuses to start ({{exception}}); write hexadecimal digits only, such as 100000000',
    impact: "startup",
  },
  notNumberComment: {
    text: '{{key}} "{{value}}" has a comment after the number, but # starts a comment only at the beginning of a line; ZooKeeper refuses to start ({{exception}}); move "{{comment}}" to a line of its own',
    impact: "startup",
  },
  numberIgnored: {
    text: '{{key}} "{{value}}" is not a number {{reader}} can read; ZooKeeper silently uses the default {{default}} instead; write a plain decimal number',
    impact: "runtime",
  },
  numberIgnoredBuiltIn: {
    text: '{{key}} "{{value}}" is not a number {{reader}} can read; ZooKeeper silently uses its built-in default instead; write a plain decimal number',
    impact: "runtime",
  },
  numberLogged: {
    text: '{{key}} "{{value}}" is not a whole number; ZooKeeper logs "{{zk}}" and uses the default {{default}} instead; write a plain decimal number',
    impact: "runtime",
  },
  decimalNumberLogged: {
    text: '{{key}} "{{value}}" is not a number; ZooKeeper logs "{{zk}}" and uses the default {{default}} instead; write a decimal number such as 0.5',
    impact: "runtime",
  },
  octal: {
    text: '{{key}} "{{value}}" starts with 0, so {{reader}} reads it as an octal number and ZooKeeper uses {{decoded}}; write {{key}}={{decimal}}',
    impact: "runtime",
  },
  octalInvalid: {
    text: '{{key}} "{{value}}" starts with 0, so {{reader}} reads it as an octal number, which cannot hold the digits 8 and 9; ZooKeeper silently uses the default {{default}} instead; write {{key}}={{decimal}}',
    impact: "runtime",
  },
  octalInvalidBuiltIn: {
    text: '{{key}} "{{value}}" starts with 0, so {{reader}} reads it as an octal number, which cannot hold the digits 8 and 9; ZooKeeper silently uses its built-in default instead; write {{key}}={{decimal}}',
    impact: "runtime",
  },
  portBelowRange: { text: "{{key}} {{value}} is below {{limit}}; ZooKeeper refuses to start ({{zk}}); use a port from 1 to 65535", impact: "startup" },
  portAboveRange: { text: "{{key}} {{value}} is above {{limit}}; ZooKeeper refuses to start ({{zk}}); use a port from 1 to 65535", impact: "startup" },
  belowMinimum: { text: "{{key}} {{value}} is below {{limit}}; ZooKeeper refuses to start ({{zk}}); use at least {{limit}}", impact: "startup" },
  portBelowRangeIgnored: { text: "{{key}} {{value}} is below {{limit}}; ZooKeeper {{zk}}; use a port from 1 to 65535", impact: "runtime" },
  portAboveRangeIgnored: { text: "{{key}} {{value}} is above {{limit}}; ZooKeeper {{zk}}; use a port from 1 to 65535", impact: "runtime" },
  belowMinimumIgnored: { text: "{{key}} {{value}} is below {{limit}}; ZooKeeper {{zk}}; use at least {{limit}}", impact: "runtime" },
  aboveMaximumIgnored: { text: "{{key}} {{value}} is above {{limit}}; ZooKeeper {{zk}}; use at most {{limit}}", impact: "runtime" },
  notAllowed: {
    text: "{{key}} {{value}} is not supported; ZooKeeper {{version}} refuses to start ({{zk}}); write {{key}}={{allowed}} or remove the line",
    impact: "startup",
  },
  deprecatedValue: {
    text: '{{key}} {{value}} still works in ZooKeeper {{version}}, but {{since}} and later refuse it ("{{zk}}"); write {{key}}={{allowed}}',
    impact: "maintenance",
  },
  strictBoolean: {
    text: "{{key}} \"{{value}}\" is neither true nor false; ZooKeeper {{version}} refuses to start (Invalid option {{value}} for {{key}}. Choose 'true' or 'false.'); write {{key}}=true or {{key}}=false",
    impact: "startup",
  },
  strictBooleanMeant: {
    text: "{{key}} \"{{value}}\" is neither true nor false; ZooKeeper {{version}} refuses to start (Invalid option {{value}} for {{key}}. Choose 'true' or 'false.'); write {{key}}={{meant}}",
    impact: "startup",
  },
  lenientBoolean: {
    text: '{{key}} "{{value}}" is not "true", so ZooKeeper {{version}} reads it as false ({{reader}} accepts only "true", in any case); write {{key}}=true or {{key}}=false',
    impact: "runtime",
  },
  lenientBooleanMeant: {
    text: '{{key}} "{{value}}" is not "true", so ZooKeeper {{version}} reads it as false ({{reader}} accepts only "true", in any case); write {{key}}=true',
    impact: "runtime",
  },
  exactBoolean: {
    text: '{{key}} "{{value}}" is not exactly "{{exact}}", the only text ZooKeeper compares it with, so ZooKeeper {{effect}}; write {{key}}={{exact}}',
    impact: "runtime",
  },
  enumRefused: { text: '{{key}} "{{value}}" is not one of {{allowed}}; ZooKeeper refuses to start ({{zk}}); write one of {{allowed}}', impact: "startup" },
  enumIgnored: { text: '{{key}} "{{value}}" is not one of {{allowed}}; ZooKeeper silently {{effect}}; write one of {{allowed}}', impact: "runtime" },
  shortClassName: {
    text: '{{key}} "{{value}}" is not a fully qualified class name; ZooKeeper refuses to start ({{zk}}); write {{key}}={{className}}',
    impact: "startup",
  },
  notShipped: {
    text: '{{key}} "{{value}}" is not a class ZooKeeper ships; unless a jar on its class path holds it, ZooKeeper refuses to start ({{zk}}); add that jar to the class path, or remove the line to use {{fallback}}',
    impact: "startup",
  },
  commentRefused: {
    text: '{{key}} "{{value}}" ends in the comment "{{comment}}", but # starts a comment only at the beginning of a line; ZooKeeper refuses to start ({{zk}}); move the comment to a line of its own',
    impact: "startup",
  },
  blankRefused: {
    text: '{{key}} "{{value}}" contains a blank, which no host name has; ZooKeeper refuses to start ({{zk}}); remove the blank',
    impact: "startup",
  },
  blankInClassName: {
    text: '{{key}} "{{value}}" contains a blank, which no class name has; ZooKeeper refuses to start ({{zk}}); remove the blank',
    impact: "startup",
  },
  commentInValue: {
    text: '{{key}} "{{value}}" ends in the comment "{{comment}}", but # starts a comment only at the beginning of a line; ZooKeeper uses the whole text, comment included; move the comment to a line of its own',
    impact: "runtime",
  },
  emptyAddress: {
    text: "{{key}} is empty, so ZooKeeper binds {{port}} to the loopback address only and no other host can connect; remove the line to listen on every address, or name the address",
    impact: "runtime",
  },
  backslash: {
    text: '{{key}} is written "{{written}}", which ZooKeeper reads as "{{value}}" because Properties treats a backslash as an escape; write forward slashes, "{{slashed}}"',
    impact: "runtime",
  },
  swallowedLine: {
    text: '{{key}} ends in a backslash, so ZooKeeper joins the next line, "{{line}}", to its value ("{{value}}") instead of reading it as an entry of its own; remove the trailing backslash',
    impact: "runtime",
  },
  swallowedComment: {
    text: '{{key}} ends in a backslash, so ZooKeeper joins the next line, "{{line}}", to its value ("{{value}}") instead of reading it as a comment; remove the trailing backslash',
    impact: "runtime",
  },
} as const;

export const suggestions = {
  replaceValue: "Write {{key}}={{to}}",
  removeComment: 'Remove "{{comment}}" from the value',
  removeBackslash: "Remove the backslash at the end of the {{key}} line",
};

export type Id = keyof typeof messages;
export type Reports = readonly Report<Id>[];

/** The entry whose value is checked, with what every check of it needs. */
export interface Checked {
  file: ConfigFile;
  entry: Entry;
  spec: KeySpec;
  key: string;
  /** The trimmed value ZooKeeper reads. */
  value: string;
  /** False when the file has no backslash: then no value has escapes or continuations. */
  backslashes: boolean;
}

export const NOTHING: Reports = [];

export function valueEdit(c: Checked, to: string): EditFix {
  return { kind: "edit", path: c.file.path, range: c.entry.valueRange, text: to };
}

export function replaceValue(c: Checked, to: string): Suggestion {
  return { messageId: "replaceValue", data: { key: c.key, to }, fix: valueEdit(c, to) };
}

export function removeComment(c: Checked, comment: TrailingComment): Suggestion {
  return { messageId: "removeComment", data: { comment: comment.text }, fix: { kind: "edit", path: c.file.path, range: comment.range, text: "" } };
}

/** A report on the checked value, built as one literal: configs with many bad values make many of them. */
export function report(c: Checked, messageId: Id, data: Record<string, string>, suggestions?: Suggestion[]): Report<Id> {
  const range = c.entry.valueRange;
  return suggestions ? { messageId, data, file: c.file, range, suggestions } : { messageId, data, file: c.file, range };
}

import type { Entry } from "../parse/document.js";
import type { ZooConfig } from "../model/config.js";
import type { MessageMeta, Report } from "./rule.js";

// A server, group or weight line can stand in the config itself or in its dynamic file. A message
// about such a line comes as two complete templates: the base one, and a twin that also names the
// line of the dynamic file. In a table given to withDynamicTwins, {{place}} marks where the twin
// names it; neither message has that placeholder.

const MARK = "{{place}}";
const SUFFIX = "InDynamicFile";
const WHERE = " (line {{dynamicLine}} of {{dynamicFile}})";

/** The id of a message's twin about a line of the dynamic file. */
export type Twin<K extends string> = `${K}${typeof SUFFIX}`;

/** The ids of a table whose text has the mark. */
type Marked<M> = { [K in keyof M & string]: M[K] extends { text: `${string}${typeof MARK}${string}` } ? K : never }[keyof M & string];

/** A message table with the mark taken out, and a twin for each marked message. */
export type WithTwins<M> = { [K in keyof M]: MessageMeta } & { [K in Marked<M> as Twin<K>]: MessageMeta };

/** `messages` without the mark, each marked message followed by its twin. */
export function withDynamicTwins<M extends Record<string, MessageMeta>>(messages: M): WithTwins<M> {
  const table: Record<string, MessageMeta> = {};
  for (const [id, meta] of Object.entries(messages)) {
    table[id] = { ...meta, text: meta.text.replace(MARK, "") };
    if (meta.text.includes(MARK)) table[id + SUFFIX] = { ...meta, text: meta.text.replace(MARK, WHERE) };
  }
  return table as WithTwins<M>;
}

/** The facts a twin names for an entry of the server source: none when it stands in the config itself. */
export function placeData(config: ZooConfig, entry: Entry): Record<string, string | number> {
  return config.sourceOf(entry) ?? {};
}

/** The report with its twin's id when its data places it in the dynamic file (see placeData); the engine applies it to every report. */
export function placed<M extends string>(messages: Record<M, MessageMeta>, report: Report<M>): Report<M> {
  if (report.data?.dynamicLine === undefined) return report;
  const twin = report.messageId + SUFFIX;
  // A message about a line of the dynamic file without a twin would not say where the line is.
  if (!(twin in messages)) throw new Error(`message ${report.messageId} has no ${SUFFIX} twin`);
  return { ...report, messageId: twin as M };
}

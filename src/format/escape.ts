/**
 * Characters that a terminal or a log reader acts on instead of showing: C0 controls (line breaks,
 * ESC), DEL, C1 controls (CSI, NEL), the Unicode line and paragraph separators, and the bidi marks
 * that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\0-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_NEWLINE = /[\0-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `\n`, `\r`, `\t`, `\x1b` for C0, `\u009b` and `\u2028` for the rest: the \u form is also a JSON
 * escape, so JSON text stays valid and means the same.
 */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x20 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

/**
 * Shows every control character of `text` as an escape, so that what a config, a file name or an
 * error holds is printed and never acted on. `keepNewlines` is for text whose line breaks are
 * zkcfg's own (JSON.stringify has escaped those of the data already).
 */
export function escapeControls(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, visible);
}

/** One printed line: `text` escaped, then the line break. */
export const printedLine = (text: string): string => `${escapeControls(text)}\n`;

/**
 * A path that begins a printed line, escaped; one starting with "::" gets "./" in front, so that it
 * cannot be read as a workflow command (`::error …`) by a CI runner that scans the output.
 */
export function escapeLeadingPath(path: string): string {
  const shown = escapeControls(path);
  return shown.startsWith("::") ? `./${shown}` : shown;
}

/** The styles the output formats use. */
export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
}

const plain = (s: string): string => s;

export const NO_COLORS: Colors = { bold: plain, dim: plain, underline: plain, red: plain, yellow: plain, blue: plain };

/**
 * Colours only on a terminal, never with NO_COLOR set (https://no-color.org), FORCE_COLOR to
 * insist. picocolors is loaded only for colours: loading it asks whether stdout is a terminal,
 * which costs a run that prints plain text.
 */
export async function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Promise<Colors> {
  const forced = env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0";
  const enabled = forced || (stream.isTTY === true && !("NO_COLOR" in env) && env["TERM"] !== "dumb");
  if (!enabled) return NO_COLORS;
  const { createColors } = await import("picocolors");
  return createColors(true);
}

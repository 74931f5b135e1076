import { createColors } from "picocolors";

export type Colors = ReturnType<typeof createColors>;

/** Colors only on a terminal, never with NO_COLOR set (https://no-color.org), FORCE_COLOR to insist. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  const forced = env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0";
  const enabled = forced || (stream.isTTY === true && !("NO_COLOR" in env) && env["TERM"] !== "dumb");
  return createColors(enabled);
}

export const NO_COLORS: Colors = createColors(false);

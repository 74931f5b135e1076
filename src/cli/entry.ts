import { printedLine } from "../format/escape.js";
import { main, type Io } from "./main.js";

export { main };

/**
 * A standard stream made only when something is written to it: a clean run prints nothing, and
 * making process.stdout of a pipe costs a pre-commit hook more than linting three files.
 */
function lazyStream(fd: 1 | 2, open: () => NodeJS.WriteStream): Io["stdout"] {
  let stream: NodeJS.WriteStream | undefined;
  return {
    // Asked only for colours, when there is something to show: node:tty loads node:net.
    get isTTY(): boolean {
      return process.getBuiltinModule("node:tty").isatty(fd);
    },
    write(s: string): boolean {
      if (s === "") return true;
      if (!stream) {
        stream = open();
        // A reader that stops early (zkcfg lint … | head) loses the rest of the output, and nothing
        // else: the run still ends with its exit code instead of an unhandled EPIPE.
        stream.on("error", (e: NodeJS.ErrnoException) => {
          if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
        });
      }
      return stream.write(s);
    },
  };
}

/** Runs zkcfg as a process: argv and the standard streams in, the exit code out. */
export function run(): void {
  const readStdin = async (): Promise<Uint8Array> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const stderr = lazyStream(2, () => process.stderr);
  const io: Io = { stdout: lazyStream(1, () => process.stdout), stderr, env: process.env, cwd: process.cwd(), readStdin };
  // Whatever fails inside zkcfg, or inside a settings file it ran, ends the run with one line and
  // exit 2: a stack or Node's dump of the failing source would bury it, and exit 1 would say
  // "problems found" to a pipeline.
  let failed = false;
  const internalError = (e: unknown): void => {
    if (!failed) stderr.write(printedLine(`zkcfg: internal error, the run is incomplete: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`));
    failed = true;
    process.exitCode = 2;
  };
  // Node's own warnings (one names a JavaScript settings file and its package.json) are messages too: one escaped line each.
  process.removeAllListeners("warning");
  process.on("warning", (w: Error & { code?: string }) =>
    stderr.write(printedLine(`zkcfg: warning from Node.js: ${w.code ? `[${w.code}] ` : ""}${w.message}`)),
  );
  process.on("uncaughtException", internalError);
  process.on("unhandledRejection", internalError);
  main(process.argv.slice(2), io).then((code) => {
    if (!failed) process.exitCode = code;
  }, internalError);
}

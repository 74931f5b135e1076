import { parseVersion, KNOWN_VERSIONS, type ZkVersion } from "../model/version.js";
import { parseJavaLong } from "../model/java-number.js";

export type Command = "lint" | "fix" | "explain" | "rules";
export type FormatName = "stylish" | "json" | "compact";

export interface CliOptions {
  command?: Command;
  args: string[];
  format: FormatName;
  zkVersion?: ZkVersion;
  maxWarnings?: number;
  quiet: boolean;
  root?: string;
  syntaxOnly: boolean;
  dryRun: boolean;
  check: boolean;
  myid?: bigint;
  noConfig: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const COMMANDS = new Set<string>(["lint", "fix", "explain", "rules"]);

export const HELP = `zkcfg — lint and fix Apache ZooKeeper configuration

Usage:
  zkcfg lint [options] <files or quoted globs…>   report problems in zoo.cfg files and their ensembles
  zkcfg fix  [options] <files or quoted globs…>   write what can be fixed safely (missing myid files)
  zkcfg explain <rule>                           print a rule's documentation
  zkcfg rules                                    list the rules

Options:
  --format stylish|json|compact   output format (default: stylish)
  --zk-version X.Y        ZooKeeper version the configs are for, ${KNOWN_VERSIONS[0]}–${KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1]} (default: newest stable)
  --root DIR              read (and fix) absolute paths of the configs under DIR
  --syntax-only           skip every file-system check (myid, dataDir, dynamic file)
  --max-warnings N        exit 1 when there are more than N warnings
  --quiet                 report errors only
  --no-config             ignore .zkcfgrc.json settings files
  --dry-run               fix: print what would be written, write nothing
  --check                 fix: write nothing, exit 1 if anything would be written
  --myid N                fix: the server id for the one config named
  -h, --help              show this help
  -v, --version           print zkcfg's version

Exit codes: 0 no errors; 1 errors, too many warnings, or fix --check found work;
2 usage error, unreadable input or internal failure (other files are still linted).
`;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { args: [], format: "stylish", quiet: false, syntaxOnly: false, dryRun: false, check: false, noConfig: false, help: false, version: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const take = (): string => inline ?? value(++i, flag);
    switch (flag) {
      case "--format": {
        const f = take();
        if (f !== "stylish" && f !== "json" && f !== "compact") throw new UsageError(`--format must be stylish, json or compact, not "${f}"`);
        o.format = f;
        break;
      }
      case "--zk-version": {
        const v = take();
        const parsed = parseVersion(v);
        if (!parsed) throw new UsageError(`--zk-version must be a ZooKeeper version from ${KNOWN_VERSIONS[0]} to ${KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1]}, not "${v}"`);
        o.zkVersion = parsed;
        break;
      }
      case "--max-warnings": {
        const v = take();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case "--root":
        o.root = take();
        break;
      case "--myid": {
        const v = take();
        const id = parseJavaLong(v);
        if (id === undefined || id < 0n) throw new UsageError(`--myid needs a server id (a whole number), not "${v}"`);
        o.myid = id;
        break;
      }
      case "--quiet":
        o.quiet = true;
        break;
      case "--syntax-only":
        o.syntaxOnly = true;
        break;
      case "--dry-run":
        o.dryRun = true;
        break;
      case "--check":
        o.check = true;
        break;
      case "--no-config":
        o.noConfig = true;
        break;
      case "-h":
      case "--help":
        o.help = true;
        break;
      case "-v":
      case "--version":
        o.version = true;
        break;
      default:
        if (raw.startsWith("-") && raw !== "-") throw new UsageError(`unknown option "${raw}"; see zkcfg --help`);
        if (o.command === undefined) {
          if (!COMMANDS.has(raw)) throw new UsageError(`unknown command "${raw}"; the commands are lint, fix, explain and rules`);
          o.command = raw as Command;
        } else o.args.push(raw);
    }
  }
  return o;
}

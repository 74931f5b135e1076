import { parseVersion, KNOWN_VERSIONS, type ZkVersion } from "../model/version.js";
import { parseJavaLong } from "../model/java-number.js";
import { FORMAT_NAMES, type FormatName } from "../format/index.js";

export type Command = "lint" | "fix" | "explain" | "rules" | "init";
export type { FormatName };

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
  /** fix: create a missing dataDir outside the working directory to write its myid. */
  createDataDir?: boolean;
  myid?: bigint;
  noConfig: boolean;
  /** --no-js-config: read JSON and YAML settings only; a JavaScript settings file is refused, never run. */
  noJsConfig: boolean;
  /** --config FILE: these settings alone, for every config. */
  config?: string;
  /** --print-config FILE: print the settings that apply to FILE. */
  printConfig?: string;
  help: boolean;
  version: boolean;
  /** Lint the text on standard input, as if it were the file at stdinFilename. */
  stdin: boolean;
  stdinFilename?: string;
  /** init: */
  servers?: number;
  hosts?: string[];
  observers?: number;
  basePort?: number;
  dir?: string;
  dataDir?: string;
  dataLogDir?: string;
}

export class UsageError extends Error {}

const COMMANDS = new Set<string>(["lint", "fix", "explain", "rules", "init"]);

export const HELP = `zkcfg — lint and fix Apache ZooKeeper configuration

Usage:
  zkcfg lint [options] <files or quoted globs…>   report problems in zoo.cfg files and their ensembles
  zkcfg fix  [options] <files or quoted globs…>   write what can be fixed safely (myid files, text edits)
  zkcfg explain <rule>                           print a rule's documentation
  zkcfg rules [--format json]                    list the rules: impacts, severities, fixable
  zkcfg init --servers N | --hosts a,b,c         write the configs and myid files of a new ensemble

Options:
  --format NAME           output format: stylish (default), json, compact, sarif or github
  --zk-version X.Y        ZooKeeper version the configs are for, ${KNOWN_VERSIONS[0]}–${KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1]} (default: newest stable)
  --root DIR              read (and fix) absolute paths of the configs under DIR
  --syntax-only           skip every file-system check (myid, dataDir, dynamic file)
  --max-warnings N        exit 1 when there are more than N warnings
  --quiet                 report errors only
  --config FILE           use the settings in FILE alone, instead of the nearest settings file of each config
  --no-config             read no settings files (.zkcfgrc*, zkcfg.config.*, package.json "zkcfg")
  --no-js-config          never run settings written in JavaScript (zkcfg.config.*): for CI on untrusted changes
  --print-config FILE     print the settings that apply to FILE, as JSON
  --dry-run               fix: print a diff of what would change, lint the result; init: print
                          what would be written; neither writes
  --check                 fix: write nothing, exit 1 if anything would be written
  --myid N                fix: the server id for the one config named
  --create-data-dir       fix: create a missing dataDir outside the working directory for its myid
  --stdin                 lint the config on standard input (fix: only with --dry-run or --check)
  --stdin-filename PATH   with --stdin: the file the text is for (settings, dataDir, sibling configs)
  -h, --help              show this help
  -v, --version           print zkcfg's version

Options of init (--zk-version and --dry-run apply too):
  --servers N             N voting servers on this host, on 127.0.0.1 (configs in DIR/conf, data in DIR/data)
  --hosts a,b,c           one server on each host (DIR/zoo.cfg for all, DIR/<host>/myid for each)
  --observers M           M observers more (with --hosts: the last M hosts named)
  --dir DIR               where to write (default: the current directory)
  --data-dir PATH         the data dirs: PATH/<id> (default: DIR/data/<id>; with --hosts: PATH on each host,
                          default /var/lib/zookeeper)
  --data-log-dir PATH     a transaction log dir per server: PATH/<id> (with --hosts: PATH on each host)
  --base-port N           ports from N up (default: 2181, 2888, 3888, 8080 and up); ports in use are skipped

Exit codes: 0 no errors; 1 errors, too many warnings, or fix --check found work;
2 usage error, unreadable input or internal failure (other files are still linted).
`;

type BooleanOption = "quiet" | "syntaxOnly" | "dryRun" | "check" | "createDataDir" | "stdin" | "noConfig" | "noJsConfig" | "help" | "version";

/** Flags that take no value, and the option each sets (a Map: a file may be named "constructor"). */
const SWITCHES = new Map<string, BooleanOption>(
  Object.entries({
    "--quiet": "quiet",
    "--syntax-only": "syntaxOnly",
    "--dry-run": "dryRun",
    "--check": "check",
    "--create-data-dir": "createDataDir",
    "--stdin": "stdin",
    "--no-config": "noConfig",
    "--no-js-config": "noJsConfig",
    "-h": "help",
    "--help": "help",
    "-v": "version",
    "--version": "version",
  } satisfies Record<string, BooleanOption>),
);

function wholeNumber(flag: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag} needs a whole number, not "${v}"`);
  return Number(v);
}

type Setter = (o: CliOptions, v: string, flag: string) => void;

/** Flags that take a value, and what each makes of it. */
const VALUED = new Map<string, Setter>(
  Object.entries({
    "--format": (o, f) => {
      if (!(FORMAT_NAMES as readonly string[]).includes(f))
        throw new UsageError(`--format must be ${FORMAT_NAMES.slice(0, -1).join(", ")} or ${FORMAT_NAMES.at(-1)}, not "${f}"`);
      o.format = f as FormatName;
    },
    "--zk-version": (o, v) => {
      const parsed = parseVersion(v);
      if (!parsed)
        throw new UsageError(`--zk-version must be a ZooKeeper version from ${KNOWN_VERSIONS[0]} to ${KNOWN_VERSIONS[KNOWN_VERSIONS.length - 1]}, not "${v}"`);
      o.zkVersion = parsed;
    },
    "--max-warnings": (o, v, flag) => (o.maxWarnings = wholeNumber(flag, v)),
    "--root": (o, v) => (o.root = v),
    "--servers": (o, v, flag) => (o.servers = wholeNumber(flag, v)),
    "--observers": (o, v, flag) => (o.observers = wholeNumber(flag, v)),
    "--base-port": (o, v, flag) => (o.basePort = wholeNumber(flag, v)),
    "--hosts": (o, v) => (o.hosts = v.split(",")),
    "--dir": (o, v) => (o.dir = v),
    "--data-dir": (o, v) => (o.dataDir = v),
    "--data-log-dir": (o, v) => (o.dataLogDir = v),
    "--myid": (o, v) => {
      const id = parseJavaLong(v);
      if (id === undefined || id < 0n) throw new UsageError(`--myid needs a server id (a whole number), not "${v}"`);
      o.myid = id;
    },
    "--stdin-filename": (o, v) => (o.stdinFilename = v),
    "--config": (o, v) => (o.config = v),
    "--print-config": (o, v) => (o.printConfig = v),
  } satisfies Record<string, Setter>),
);

/** An argument that is no option: the command, then the files. */
function takeOperand(o: CliOptions, raw: string): void {
  if (raw.startsWith("-") && raw !== "-") throw new UsageError(`unknown option "${raw}"; see zkcfg --help`);
  if (o.command !== undefined) o.args.push(raw);
  else if (COMMANDS.has(raw)) o.command = raw as Command;
  else throw new UsageError(`unknown command "${raw}"; the commands are lint, fix, explain, rules and init`);
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    args: [],
    format: "stylish",
    quiet: false,
    syntaxOnly: false,
    dryRun: false,
    check: false,
    noConfig: false,
    noJsConfig: false,
    help: false,
    version: false,
    stdin: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const set = VALUED.get(flag);
    const option = SWITCHES.get(flag);
    if (option !== undefined) o[option] = true;
    else if (set === undefined) takeOperand(o, raw);
    else if (eq > 0) set(o, raw.slice(eq + 1), flag);
    else {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      set(o, v, flag);
    }
  }
  if (o.config !== undefined && o.noConfig) throw new UsageError("--config names the settings to use and --no-config says to use none; give one of them");
  return o;
}

/** The options only init reads, by flag, when given. */
export function initFlagsGiven(o: CliOptions): string[] {
  const given: [string, unknown][] = [
    ["--servers", o.servers],
    ["--hosts", o.hosts],
    ["--observers", o.observers],
    ["--base-port", o.basePort],
    ["--dir", o.dir],
    ["--data-dir", o.dataDir],
    ["--data-log-dir", o.dataLogDir],
  ];
  return given.filter(([, v]) => v !== undefined).map(([flag]) => flag);
}

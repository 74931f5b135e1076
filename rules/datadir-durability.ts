import { posix } from "node:path";
import type { Entry } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { onSeveralHosts } from "../src/model/hosts.js";
import { directoryKey } from "../src/model/directory-key.js";
import { isWindowsAbsolute, type DirFact } from "../src/model/facts.js";
import { javaTrim } from "../src/model/java-number.js";
import { defineRule, editFix, type Report } from "../src/lint/rule.js";

/** Each temporary directory, with what happens to the files under it. */
const TMP = "/tmp, which most systems empty at boot and clean of files left untouched for days";
const VAR_TMP = "/var/tmp, which tmp cleaners (systemd-tmpfiles, tmpreaper) clean of files left untouched for weeks";
const TMP_DATA_DIR_QUORUM =
  'the server then loses its data and its myid, and ZooKeeper refuses to start with "myid file is missing"; move dataDir, with its myid, to a persistent directory such as /var/lib/zookeeper';
const TMP_DATA_DIR = "ZooKeeper then starts again with an empty database; move dataDir to a persistent directory such as /var/lib/zookeeper";
const TMP_DATA_LOG_DIR = "the server then loses the writes logged since its last snapshot; move dataLogDir to a persistent directory";

const PURGE_ADVICE = "set autopurge.purgeInterval=24 (hours), or purge with zkCleanup.sh from cron";
const LOG_DISK =
  "ZooKeeper syncs this log to disk before it acknowledges a write, and snapshots written to the same disk delay that until followers fall behind and sessions expire; set dataLogDir to a directory on a dedicated disk";

const messages = {
  tmpDataDirQuorum: { text: `dataDir "{{value}}" is under ${TMP}; ${TMP_DATA_DIR_QUORUM}`, impact: "resilience" },
  varTmpDataDirQuorum: { text: `dataDir "{{value}}" is under ${VAR_TMP}; ${TMP_DATA_DIR_QUORUM}`, impact: "resilience" },
  tmpDataDir: { text: `dataDir "{{value}}" is under ${TMP}; ${TMP_DATA_DIR}`, impact: "resilience" },
  varTmpDataDir: { text: `dataDir "{{value}}" is under ${VAR_TMP}; ${TMP_DATA_DIR}`, impact: "resilience" },
  tmpDataLogDir: { text: `dataLogDir "{{value}}" is under ${TMP}; ${TMP_DATA_LOG_DIR}`, impact: "resilience" },
  varTmpDataLogDir: { text: `dataLogDir "{{value}}" is under ${VAR_TMP}; ${TMP_DATA_LOG_DIR}`, impact: "resilience" },
  noDataLogDir: {
    text: 'dataLogDir is not set, so the transaction log goes to dataDir "{{value}}" with the snapshots; ' + LOG_DISK,
    impact: "resilience",
  },
  sameLogDir: {
    text: 'dataLogDir "{{logDir}}" is dataDir "{{value}}" itself, so the transaction log goes there with the snapshots; ' + LOG_DISK,
    impact: "resilience",
  },
  spelledDifferently: {
    text: 'dataLogDir "{{logDir}}" names the same directory as dataDir "{{value}}" in other words; ZooKeeper compares the two as text, takes them for two directories, and from the second start on exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; write dataLogDir exactly as dataDir, or remove it',
    impact: "startup",
  },
  logDirNotCreatable: {
    text: 'dataLogDir "{{value}}" cannot be a directory: {{blockedAt}} is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataLogDir elsewhere',
    impact: "startup",
  },
  autocreateOff: {
    text: '{{key}} "{{value}}" has no version-2/ directory and datadir.autocreate is "{{autocreate}}", so ZooKeeper exits with "Missing data directory {{path}}/version-2, automatic data directory creation is disabled"; create {{path}}/version-2 (zkServer-initialize.sh does) or remove datadir.autocreate',
    impact: "startup",
  },
  snapshotsInLogDir: {
    text: 'dataLogDir "{{value}}" holds snapshot files while dataDir is elsewhere; ZooKeeper exits with "Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct."; move them to dataDir\'s version-2/ or fix the paths',
    impact: "startup",
  },
  logsInDataDir: {
    text: 'dataDir "{{value}}" holds transaction log files while dataLogDir is elsewhere; ZooKeeper exits with "Snapshot directory has log files. Check if dataLogDir and dataDir configuration is correct."; move them to dataLogDir\'s version-2/ or fix the paths',
    impact: "startup",
  },
  autopurgeUnset: {
    text:
      "autopurge.purgeInterval is not set, so ZooKeeper never deletes old snapshots and transaction logs; they pile up until the disk is full and writes fail; " +
      PURGE_ADVICE,
    impact: "resilience",
  },
  autopurgeOff: {
    text:
      'autopurge.purgeInterval "{{value}}" turns purging off ("Purge task is not scheduled."); old snapshots and transaction logs pile up until the disk is full and writes fail; ' +
      PURGE_ADVICE,
    impact: "resilience",
  },
  retainTooLow: {
    text: 'autopurge.snapRetainCount "{{value}}" is below 3; ZooKeeper ignores it ("Invalid autopurge.snapRetainCount: {{count}}. Defaulting to 3") and keeps 3 snapshots; write autopurge.snapRetainCount=3',
    impact: "runtime",
  },
  forceSyncOff: {
    text: 'forceSync "no" makes ZooKeeper acknowledge writes before its transaction log reaches the disk; a power failure or kernel crash then loses acknowledged writes, and a quorum that loses power together loses committed data; remove forceSync=no',
    impact: "resilience",
  },
} as const;

type Id = keyof typeof messages;

/** The temporary directory an absolute POSIX path lies in, if any. */
function temporaryRoot(path: string): string | undefined {
  // Normalizing only drops chars: a path without "tmp" cannot lie in a temporary directory.
  if (!path.includes("tmp") || !posix.isAbsolute(path)) return undefined;
  const normal = posix.normalize(path);
  return ["/tmp", "/var/tmp"].find((t) => normal === t || normal.startsWith(`${t}/`));
}

/** java.io.File's own normalization on Unix: repeated and trailing slashes go, "." and ".." stay. */
function javaFilePath(path: string): string {
  // Most paths are already in that form.
  if (!path.includes("//") && (path.length < 2 || !path.endsWith("/"))) return path;
  const p = path.replace(/\/+/g, "/");
  return p.length > 1 ? p.replace(/\/$/, "") : p;
}

export default defineRule({
  id: "datadir-durability",
  meta: {
    description: "Snapshots and transaction logs are kept on persistent storage, synced, purged, and the transaction log has its own disk",
    fixable: true,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) yield* checkFile(file);
  },
});

/** The report for a directory under a temporary one, if it is: `ids` gives the message by temporary directory. */
function temporaryReport(file: ConfigFile, entry: Entry, path: string, ids: readonly [tmp: Id, varTmp: Id]): Report<Id> | undefined {
  const tmp = temporaryRoot(path);
  if (tmp === undefined) return undefined;
  return { messageId: tmp === "/tmp" ? ids[0] : ids[1], data: { value: path }, file, range: entry.valueRange };
}

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const dataDir = config.get("dataDir");
  const dataLogDir = config.get("dataLogDir");
  const value = dataDir ? javaTrim(dataDir.value) : undefined;
  const logDir = dataLogDir ? javaTrim(dataLogDir.value) : undefined;

  const dataTmp =
    dataDir && value !== undefined
      ? temporaryReport(file, dataDir, value, config.isQuorum ? ["tmpDataDirQuorum", "varTmpDataDirQuorum"] : ["tmpDataDir", "varTmpDataDir"])
      : undefined;
  if (dataTmp) yield dataTmp;
  const logTmp = dataLogDir && logDir !== undefined ? temporaryReport(file, dataLogDir, logDir, ["tmpDataLogDir", "varTmpDataLogDir"]) : undefined;
  if (logTmp) yield logTmp;

  const comparable = value && logDir && !isWindowsAbsolute(value) && !isWindowsAbsolute(logDir);
  const sameForJava = comparable && javaFilePath(value) === javaFilePath(logDir);
  // One directory as the machine resolves the paths (dot segments, links, the working directory).
  if (comparable && !sameForJava && dataLogDir && directoryKey(file.facts.dataDir as DirFact) === directoryKey(file.facts.dataLogDir as DirFact)) {
    yield { messageId: "spelledDifferently", data: { logDir, value }, file, range: dataLogDir.valueRange };
  }

  // Advice for ensembles that carry load: a standalone server or a pseudo-cluster on one host
  // (whose members share a disk anyway) is a development setup.
  if (config.isQuorum && dataDir && value && onSeveralHosts(config.servers)) {
    if (!dataLogDir) yield { messageId: "noDataLogDir", data: { value }, file, range: dataDir.valueRange };
    else if (sameForJava) yield { messageId: "sameLogDir", data: { logDir: logDir ?? "", value }, file, range: dataLogDir.valueRange };
    const interval = config.int("autopurge.purgeInterval");
    if (interval.kind === "absent") yield { messageId: "autopurgeUnset", file, range: { start: 0, end: 0 } };
    else if (interval.kind === "valid" && interval.value <= 0) {
      yield { messageId: "autopurgeOff", data: { value: javaTrim(interval.entry.value) }, file, range: interval.entry.valueRange };
    }
  }

  const retain = config.int("autopurge.snapRetainCount");
  if (retain.kind === "valid" && retain.value < 3) {
    const range = retain.entry.valueRange;
    yield {
      messageId: "retainTooLow",
      data: { value: javaTrim(retain.entry.value), count: retain.value },
      file,
      range,
      fix: editFix(file, range, "3"),
    };
  }

  yield* checkStores(file);

  const forceSync = config.get("forceSync");
  if (forceSync && javaTrim(forceSync.value) === "no") yield { messageId: "forceSyncOff", file, range: forceSync.valueRange };
}

/** What ZooKeeper's data-directory checks find at start-up (all fatal, exit 3). */
function* checkStores(file: ConfigFile): Generator<Report<Id>> {
  const { config, facts } = file;
  const data = facts.dataDir;
  const log = facts.dataLogDir;
  if (log?.state === "not-a-directory") {
    yield { messageId: "logDirNotCreatable", data: { value: log.configured, blockedAt: log.blockedAt }, file, range: log.entry.valueRange };
  }
  // Boolean.parseBoolean: anything but "true" turns automatic creation off.
  const autocreate = config.text("datadir.autocreate");
  if (autocreate !== undefined && autocreate.toLowerCase() !== "true") {
    for (const [key, dir] of [
      ["dataDir", data],
      ["dataLogDir", log],
    ] as const) {
      if ((dir?.state === "present" || dir?.state === "creatable") && !dir.store.hasData) {
        yield { messageId: "autocreateOff", data: { key, value: dir.configured, autocreate, path: dir.path }, file, range: dir.entry.valueRange };
      }
    }
  }
  const separate = data && log && data.configured !== log.configured;
  if (!separate) return;
  if (log.state === "present" && log.store.snapshots) {
    yield { messageId: "snapshotsInLogDir", data: { value: log.configured }, file, range: log.entry.valueRange };
  }
  if (data.state === "present" && data.store.logs) {
    yield { messageId: "logsInDataDir", data: { value: data.configured }, file, range: data.entry.valueRange };
  }
}

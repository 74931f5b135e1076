import { basename } from "node:path";
import type { ConfigFile } from "../src/model/config-file.js";
import { isDynamicKey, parseHexLong, versionFromFileName } from "../src/model/dynamic.js";
import { javaTrim } from "../src/model/java-number.js";
import { atLeast } from "../src/model/version.js";
import { excerpt } from "../src/lint/excerpt.js";
import type { UnreadReason } from "../src/model/named-file.js";
import { defineRule, type MessageMeta, type Report } from "../src/lint/rule.js";

// A file the config names that zkcfg does not read: which file, why not, what to do.
const DYNAMIC = 'dynamicConfigFile "{{value}}" ({{path}})';
const NEXT = "{{path}}, beside this config,";
const PSEUDO = "it is in {{directory}}, whose files hold a process's or the kernel's data, not a config";
const LINK_OUT = "it is a symbolic link leading out of {{directories}}";
const TOO_LARGE = "it is larger than {{limit}} MiB, far more than any config";
const NOT_FILE = "it is {{what}}";
const FAILED = "reading it failed ({{error}})";
const NAME_FILE = "name a regular file holding the server lines";
const DELETE_NEXT = "delete it unless a reconfiguration is really under way";

function notRead(file: string, why: string, advice: string): MessageMeta {
  return {
    text: `${file} is not read: ${why}; zkcfg checks none of its lines, and ZooKeeper would read it at startup; ${advice}`,
    impact: "startup",
    // What is at stake is startup, but zkcfg found no fault: it only could not look, so it warns.
    severity: "warn",
  };
}

const messages = {
  staticHasDynamicKey: {
    text: '{{key}} "{{value}}" is in the static config, which names a dynamic file; ZooKeeper exits with "parameter: {{key}} must be in a separate dynamic config file"; move the line to {{dynamic}}',
    impact: "startup",
  },
  versionInside: {
    text: 'version "{{value}}" (line {{line}} of {{name}}) is inside the dynamic file; ZooKeeper exits with "dynamic file shouldn\'t have version inside"; remove the line: the version comes from the file name\'s suffix',
    impact: "startup",
  },
  staticKeyInside: {
    text: '{{key}} "{{value}}" (line {{line}} of {{name}}) is not a server, group or weight line; ZooKeeper exits with "Unrecognised parameter: {{key}}"; move it to the static config',
    impact: "startup",
  },
  notReadPseudo: notRead(DYNAMIC, PSEUDO, NAME_FILE),
  notReadLinkOut: notRead(DYNAMIC, LINK_OUT, NAME_FILE),
  notReadTooLarge: notRead(DYNAMIC, TOO_LARGE, NAME_FILE),
  notReadNotFile: notRead(DYNAMIC, NOT_FILE, NAME_FILE),
  notReadFailed: notRead(DYNAMIC, FAILED, NAME_FILE),
  nextNotReadPseudo: notRead(NEXT, PSEUDO, DELETE_NEXT),
  nextNotReadLinkOut: notRead(NEXT, LINK_OUT, DELETE_NEXT),
  nextNotReadTooLarge: notRead(NEXT, TOO_LARGE, DELETE_NEXT),
  nextNotReadNotFile: notRead(NEXT, NOT_FILE, DELETE_NEXT),
  nextNotReadFailed: notRead(NEXT, FAILED, DELETE_NEXT),
  notDynamic: {
    text: "{{name}}, the dynamic file, has no server, group or weight line, only {{count}} other line(s), the first on line {{line}}: it is not a dynamic file, and ZooKeeper exits at startup on its first line; name the file holding the server lines",
    impact: "startup",
  },
  nextMalformed: {
    text: '{{next}} beside this config has a line ZooKeeper rejects (line {{line}}); ZooKeeper reads that file at startup and exits with "{{zk}}"; delete {{next}}, the leftover of an unfinished reconfiguration',
    impact: "startup",
  },
  nextPending: {
    text: "{{next}} beside this config holds configuration version {{nextVersion}}, newer than {{current}}; with reconfigEnabled=true ZooKeeper takes it for a reconfiguration under way, and a leader also waits for a quorum of its servers ({{servers}}); delete it unless such a reconfiguration is really under way",
    impact: "runtime",
  },
  suffixNotHex: {
    text: 'dynamicConfigFile "{{value}}" ends in ".{{suffix}}", which ZooKeeper does not read as a hexadecimal version, so the configuration gets version 0; end the name in a hexadecimal version such as ".100000000", or in no version',
    impact: "maintenance",
  },
  reconfigRewrites: {
    text: 'reconfigEnabled "{{value}}" with the server lines in this file: ZooKeeper copies it to {{base}}.bak at startup and, after the first election, rewrites it without its comments, its order and its server lines, which move to a new {{base}}.dynamic.<version>; move the server lines to a dynamic file named by dynamicConfigFile, or leave reconfigEnabled off',
    impact: "maintenance",
  },
  nextLeftover: {
    text: "{{next}} beside this config is left from a reconfiguration; ZooKeeper ignores it (reconfigEnabled is off) and deletes it at startup; delete it, so that no one takes it for the configuration in use",
    impact: "maintenance",
  },
  nextLeftoverOld: {
    text: "{{next}} beside this config is left from a reconfiguration; ZooKeeper ignores it (its version {{nextVersion}} is not newer than {{current}}) and deletes it at startup; delete it, so that no one takes it for the configuration in use",
    impact: "maintenance",
  },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "dynamic-config",
  meta: {
    description:
      "A dynamic config file holds only server, group and weight lines, the static file none of them, and no reconfiguration leftovers confuse ZooKeeper",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      // 3.4 has no dynamic configuration at all.
      if (!atLeast(file.config.version, "3.5")) continue;
      yield* checkStatic(file);
      yield* checkUnread(file);
      // Without a dynamic file or a leftover .dynamic.next there is nothing more to check.
      if (file.config.serverSource !== file.config.document) yield* checkDynamic(file);
      if (file.nextDynamic) yield* checkNext(file);
    }
  },
});

const reconfigOn = (file: ConfigFile): boolean => file.config.text("reconfigEnabled")?.toLowerCase() === "true";

function* checkStatic(file: ConfigFile): Generator<Report<Id>> {
  const { config, document } = file;
  const dyn = config.get("dynamicConfigFile");
  if (!dyn) {
    const reconfig = config.get("reconfigEnabled");
    // The copy and the rewrite happen only in quorum mode, with the servers in zoo.cfg itself.
    if (reconfig && reconfigOn(file) && config.isQuorum) {
      yield { messageId: "reconfigRewrites", data: { value: javaTrim(reconfig.value), base: basename(file.path) }, file, range: reconfig.valueRange };
    }
    return;
  }
  const dynamic = javaTrim(dyn.value);
  for (const entry of document.entries) {
    if (!isDynamicKey(entry.key)) continue;
    yield { messageId: "staticHasDynamicKey", data: { key: entry.key, value: entry.value, dynamic }, file, range: entry.keyRange };
  }
  const { suffix, version } = versionFromFileName(dynamic);
  if (version === undefined && /\d/.test(suffix)) {
    yield { messageId: "suffixNotHex", data: { value: dynamic, suffix }, file, range: dyn.valueRange };
  }
}

function* checkDynamic(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  // Named only when the server lines come from a dynamic file.
  const name = config.dynamicName;
  if (name === undefined) return;
  const { entries } = config.serverSource;
  // Not a dynamic file at all (a key, a password file): reported once, none of its lines quoted.
  const first = entries[0];
  if (first && !entries.some((e) => isDynamicKey(e.key))) {
    const data = { name, count: entries.length, line: config.sourceLine(first) };
    yield { messageId: "notDynamic", data, file, range: config.sourceRange(first) };
    return;
  }
  for (const entry of entries) {
    // The dynamic file is not the config's own text, and may be anything (a private file it was pointed at).
    const data = { key: excerpt(entry.key), value: excerpt(entry.value), line: config.sourceLine(entry), name };
    const range = config.sourceRange(entry);
    if (entry.key === "version") yield { messageId: "versionInside", data, file, range };
    else if (!isDynamicKey(entry.key)) yield { messageId: "staticKeyInside", data, file, range };
  }
}

function* checkUnread(file: ConfigFile): Generator<Report<Id>> {
  const dyn = file.config.get("dynamicConfigFile");
  if (!dyn) return;
  for (const { path, role, reason } of file.unread) {
    const [suffix, facts] = unreadFacts(reason);
    const messageId: Id = role === "dynamic" ? `notRead${suffix}` : `nextNotRead${suffix}`;
    yield { messageId, data: { value: javaTrim(dyn.value), path, ...facts }, file, range: dyn.valueRange };
  }
}

/** The message id's ending for why a file was not read, and the facts its message quotes. */
function unreadFacts(reason: UnreadReason): ["Pseudo" | "LinkOut" | "TooLarge" | "NotFile" | "Failed", Record<string, string | number>] {
  switch (reason.kind) {
    case "pseudo":
      return ["Pseudo", { directory: reason.directory }];
    case "linkOut":
      return ["LinkOut", { directories: reason.directories.join(" and ") }];
    case "tooLarge":
      return ["TooLarge", { limit: reason.limitMiB }];
    case "notFile":
      return ["NotFile", { what: reason.what }];
    case "failed":
      return ["Failed", { error: reason.error }];
  }
}

function* checkNext(file: ConfigFile): Generator<Report<Id>> {
  const next = file.nextDynamic;
  const dyn = file.config.get("dynamicConfigFile");
  if (!next || !dyn) return;
  const range = dyn.valueRange;
  const problem = next.config.serverErrors[0] ?? next.config.hierarchy.errors[0];
  if (problem) {
    const line = next.config.document.source.positionAt(problem.entry.keyRange.start).line;
    yield { messageId: "nextMalformed", data: { next: next.name, line, zk: problem.message }, file, range };
    return;
  }
  const nextVersion = parseHexLong(next.config.text("version") ?? "") ?? 0n;
  const current = versionFromFileName(javaTrim(dyn.value)).version ?? 0n;
  const hex = (v: bigint): string => v.toString(16);
  if (reconfigOn(file) && nextVersion > current) {
    const servers = next.config.servers.map((s) => `server.${s.id}`).join(", ") || "none";
    yield { messageId: "nextPending", data: { next: next.name, nextVersion: hex(nextVersion), current: hex(current), servers }, file, range };
    return;
  }
  if (reconfigOn(file)) yield { messageId: "nextLeftoverOld", data: { next: next.name, nextVersion: hex(nextVersion), current: hex(current) }, file, range };
  else yield { messageId: "nextLeftover", data: { next: next.name }, file, range };
}

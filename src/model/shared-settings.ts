import type { Range } from "../parse/document.js";
import type { ConfigFile } from "./config-file.js";
import type { ZooConfig } from "./config.js";
import { javaTrim, parseJavaInt } from "./java-number.js";
import { atLeast } from "./version.js";
import { addTo } from "./multimap.js";

/** What goes wrong when servers disagree on a setting: each a message of its own. */
export type Disagreement = "timing" | "election" | "tls" | "port-unification" | "sasl" | "reconfig";

export interface SharedSetting {
  key: string;
  kind: "int" | "bool";
  /** The value ZooKeeper uses when the key is absent; undefined when an absent key is another rule's error. */
  fallback?: string;
  since?: "3.5";
  disagreement: Disagreement;
}

/** Settings each server reads for itself, which only work when every server of the ensemble reads the same. */
export const SHARED_SETTINGS: readonly SharedSetting[] = [
  { key: "tickTime", kind: "int", fallback: "3000", disagreement: "timing" },
  { key: "initLimit", kind: "int", disagreement: "timing" },
  { key: "syncLimit", kind: "int", disagreement: "timing" },
  { key: "electionAlg", kind: "int", fallback: "3", disagreement: "election" },
  { key: "sslQuorum", kind: "bool", fallback: "false", since: "3.5", disagreement: "tls" },
  { key: "portUnification", kind: "bool", fallback: "false", since: "3.5", disagreement: "port-unification" },
  { key: "quorum.auth.enableSasl", kind: "bool", fallback: "false", disagreement: "sasl" },
  { key: "quorum.auth.learnerRequireSasl", kind: "bool", fallback: "false", disagreement: "sasl" },
  { key: "quorum.auth.serverRequireSasl", kind: "bool", fallback: "false", disagreement: "sasl" },
  { key: "reconfigEnabled", kind: "bool", fallback: "false", since: "3.5", disagreement: "reconfig" },
];

/** The value compared: as ZooKeeper uses it, or undefined when it is not a clear value (another rule's error). */
function sharedValue(config: ZooConfig, setting: SharedSetting, text: string | undefined): string | undefined {
  if (setting.since && !atLeast(config.version, setting.since)) return undefined;
  if (text === undefined) return setting.fallback;
  if (setting.kind === "int") return parseJavaInt(text)?.toString();
  // 3.7 reads these booleans strictly; earlier versions take anything but "true" as false.
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  return atLeast(config.version, "3.7") ? undefined : "false";
}

/** A setting's value in one config: as ZooKeeper uses it, and as written (undefined: not set, the fallback applies). */
export interface SettingValue {
  file: ConfigFile;
  value: string;
  written: string | undefined;
  range: Range;
}

/** True when the files hold two or more values of the setting: only then is there something to report. */
function valuesDiffer(files: readonly ConfigFile[], setting: SharedSetting): boolean {
  let seen: string | undefined;
  for (const { config } of files) {
    const value = sharedValue(config, setting, config.text(setting.key));
    if (value === undefined) continue;
    if (seen === undefined) seen = value;
    else if (value !== seen) return true;
  }
  return false;
}

/** The files grouped by the value of the setting ZooKeeper uses, when they hold two or more; otherwise none. */
export function settingValues(files: readonly ConfigFile[], setting: SharedSetting): SettingValue[][] {
  // Checked first, without building a value per file: the configs of an ensemble usually agree.
  if (!valuesDiffer(files, setting)) return [];
  const byValue = new Map<string, SettingValue[]>();
  for (const file of files) {
    const { config } = file;
    const entry = config.get(setting.key);
    const written = entry ? javaTrim(entry.value) : undefined;
    const value = sharedValue(config, setting, written);
    if (value === undefined) continue;
    const item = { file, value, written, range: entry ? entry.valueRange : config.anchor };
    addTo(byValue, value, item);
  }
  return [...byValue.values()];
}

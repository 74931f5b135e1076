import { exactMiss, readBooleanValue } from "../../src/model/boolean-value.js";
import { zkWords } from "../../src/model/keys.js";
import { NOTHING, replaceValue, report, type Checked, type Reports } from "./messages.js";

// Values ZooKeeper compares with words: booleans, exact spellings, enums.

export function checkBoolean(c: Checked): Reports {
  const { spec, key, value } = c;
  const version = c.file.config.version;
  const reading = readBooleanValue(spec, value, version);
  if (reading.kind === "read") return NOTHING;
  const { meant } = reading;
  const suggestions = meant === undefined ? undefined : [replaceValue(c, String(meant))];
  if (reading.kind === "refused") {
    if (meant === undefined) return [report(c, "strictBoolean", { key, value, version })];
    return [report(c, "strictBooleanMeant", { key, value, version, meant: String(meant) }, suggestions)];
  }
  return [report(c, meant === undefined ? "lenientBoolean" : "lenientBooleanMeant", { key, value, version, reader: reading.reader }, suggestions)];
}

export function checkExact(c: Checked): Reports {
  const { spec, key, value } = c;
  const miss = exactMiss(spec, value);
  if (!miss) return NOTHING;
  const exact = spec.exact ?? "";
  return [report(c, "exactBoolean", { key, value, exact, effect: spec.effect ?? "" }, miss.meant === undefined ? undefined : [replaceValue(c, exact)])];
}

export function checkEnum(c: Checked): Reports {
  const { spec, key, value } = c;
  const values = spec.values ?? [];
  const same = (a: string, b: string): boolean => (spec.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (spec.invalid === undefined || values.some((v) => same(v, value))) return NOTHING;
  const named = values.filter((v) => v !== "").map((v) => `"${v}"`);
  const allowed = values.includes("") ? `${named.join(", ")} or nothing` : named.join(" or ");
  if (spec.invalid === "runtime") return [report(c, "enumIgnored", { key, value, allowed, effect: spec.effect ?? "" })];
  return [report(c, "enumRefused", { key, value, allowed, zk: zkWords(spec.zkInvalid ?? "", key, value) })];
}

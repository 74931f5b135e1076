import { exactMiss, readBooleanValue } from "../../src/model/boolean-value.js";
import { zkWords } from "../../src/model/keys.js";
import type { Report } from "../../src/lint/rule.js";
import { at, NOTHING, replaceValue, type Checked, type Id, type Reports } from "./messages.js";

// Values ZooKeeper compares with words: booleans, exact spellings, enums.

export function checkBoolean(c: Checked): Reports {
  const { spec, key, value } = c;
  const version = c.file.config.version;
  const reading = readBooleanValue(spec, value, version);
  if (reading.kind === "read") return NOTHING;
  const where = reading.meant === undefined ? at(c) : { ...at(c), suggestions: [replaceValue(c, String(reading.meant))] };
  if (reading.kind === "refused") {
    const report: Report<Id> =
      reading.meant === undefined
        ? { messageId: "strictBoolean", data: { key, value, version }, ...where }
        : { messageId: "strictBooleanMeant", data: { key, value, version, meant: String(reading.meant) }, ...where };
    return [report];
  }
  return [{ messageId: reading.meant === undefined ? "lenientBoolean" : "lenientBooleanMeant", data: { key, value, version, reader: reading.reader }, ...where }];
}

export function checkExact(c: Checked): Reports {
  const { spec, key, value } = c;
  const miss = exactMiss(spec, value);
  if (!miss) return NOTHING;
  const exact = spec.exact ?? "";
  const data = { key, value, exact, effect: spec.effect ?? "" };
  return [{ messageId: "exactBoolean", data, ...at(c), ...(miss.meant === undefined ? {} : { suggestions: [replaceValue(c, exact)] }) }];
}

export function checkEnum(c: Checked): Reports {
  const { spec, key, value } = c;
  const values = spec.values ?? [];
  const same = (a: string, b: string): boolean => (spec.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (spec.invalid === undefined || values.some((v) => same(v, value))) return NOTHING;
  const named = values.filter((v) => v !== "").map((v) => `"${v}"`);
  const allowed = values.includes("") ? `${named.join(", ")} or nothing` : named.join(" or ");
  if (spec.invalid === "runtime") return [{ messageId: "enumIgnored", data: { key, value, allowed, effect: spec.effect ?? "" }, ...at(c) }];
  return [{ messageId: "enumRefused", data: { key, value, allowed, zk: zkWords(spec.zkInvalid ?? "", key, value) }, ...at(c) }];
}

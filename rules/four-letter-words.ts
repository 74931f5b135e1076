import { closest, distance } from "fastest-levenshtein";
import type { Range } from "../src/parse/document.js";
import { javaTrim } from "../src/model/java-number.js";
import { atLeast, type ZkVersion } from "../src/model/version.js";
import { defineRule, editFix } from "../src/lint/rule.js";

const KEY = "4lw.commands.whitelist";

/** The commands ZooKeeper's whitelist knows: dirs came with 3.5, hash with 3.6. */
function knownCommands(version: ZkVersion): string[] {
  const names = ["conf", "cons", "crst", "dump", "envi", "gtmk", "ruok", "stmk", "srst", "srvr", "stat", "wchc", "wchp", "wchs", "mntr", "isro"];
  if (atLeast(version, "3.5")) names.push("dirs");
  if (atLeast(version, "3.6")) names.push("hash");
  return names.sort();
}

interface Item {
  text: string;
  range: Range;
}

/** The list as ZooKeeper splits it: at commas, each item trimmed, empty items dropped. */
function splitItems(value: string, offsetOf: (index: number) => number): Item[] {
  const items: Item[] = [];
  let from = 0;
  for (const raw of value.split(",")) {
    const text = javaTrim(raw);
    const start = from + raw.indexOf(text);
    if (text !== "") items.push({ text, range: { start: offsetOf(start), end: offsetOf(start + text.length) } });
    from += raw.length + 1;
  }
  return items;
}

export default defineRule({
  id: "four-letter-words",
  meta: {
    description: "4lw.commands.whitelist is a comma-separated list of four-letter words that ZooKeeper knows",
    fixable: true,
    messages: {
      empty: {
        text: '4lw.commands.whitelist is empty; ZooKeeper then answers only srvr (which it always enables), so a health check sending ruok, stat or mntr gets "ruok is not executed because it is not in the whitelist."; list the commands your checks need, e.g. "srvr, ruok, mntr"',
        impact: "runtime",
      },
      listSeparator: {
        text: '4lw.commands.whitelist item "{{item}}" holds several names; ZooKeeper splits the list at commas only, takes "{{item}}" for one unknown command and enables none of them; write "{{fixed}}"',
        impact: "runtime",
      },
      wrongCase: {
        text: '4lw.commands.whitelist names "{{item}}"; ZooKeeper compares command names case-sensitively and ignores "{{item}}"; write "{{lower}}"',
        impact: "runtime",
      },
      unknownSimilar: {
        text: '4lw.commands.whitelist names "{{item}}", which is not a four-letter word of ZooKeeper {{version}}; ZooKeeper ignores it silently; did you mean "{{suggestion}}"?',
        impact: "runtime",
      },
      unknown: {
        text: '4lw.commands.whitelist names "{{item}}", which is not a four-letter word of ZooKeeper {{version}}; ZooKeeper ignores it silently; the commands are {{known}}',
        impact: "runtime",
      },
      starWithNames: {
        text: '4lw.commands.whitelist "{{value}}" lists names beside "*"; ZooKeeper enables every four-letter word as soon as one item is "*", so the names restrict nothing; write "*" alone, or only the names',
        impact: "runtime",
      },
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config } = file;
      const entry = config.get(KEY);
      if (!entry) continue;
      const value = javaTrim(entry.value);
      if (value === "") {
        yield { messageId: "empty", file, range: { start: entry.keyRange.start, end: entry.valueRange.end } };
        continue;
      }
      const lead = entry.value.indexOf(value);
      const items = splitItems(value, (i) => entry.valueOffset(lead + i));
      if (items.some((i) => i.text === "*")) {
        if (items.length > 1) yield { messageId: "starWithNames", data: { value }, file, range: entry.valueRange };
        continue;
      }
      const known = knownCommands(config.version);
      for (const { text: item, range } of items) {
        if (known.includes(item)) continue;
        const lower = item.toLowerCase();
        const words = item.split(/[\s;|]+/).filter((w) => w !== "");
        if (known.includes(lower)) {
          yield { messageId: "wrongCase", data: { item, lower }, file, range, fix: editFix(file, range, lower) };
        } else if (words.length > 1) {
          const fixed = words.join(", ");
          const certain = words.every((w) => known.includes(w));
          yield { messageId: "listSeparator", data: { item, fixed }, file, range, ...(certain ? { fix: editFix(file, range, fixed) } : {}) };
        } else {
          const suggestion = closest(lower, known);
          if (distance(lower, suggestion) <= 2) {
            yield { messageId: "unknownSimilar", data: { item, version: config.version, suggestion }, file, range };
          } else {
            yield { messageId: "unknown", data: { item, version: config.version, known: known.join(", ") }, file, range };
          }
        }
      }
    }
  },
});

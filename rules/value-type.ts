import { javaTrim } from "../src/model/java-number.js";
import { readsKey } from "../src/model/key-reads.js";
import { keySpec, knownIn } from "../src/model/keys.js";
import { isNumberKey } from "../src/model/number-value.js";
import { defineRule, type Report } from "../src/lint/rule.js";
import { messages, NOTHING, suggestions, type Checked, type Id, type Reports } from "./value-type/messages.js";
import { checkNumber } from "./value-type/numbers.js";
import { checkContinuations, checkName, checkText } from "./value-type/text.js";
import { checkBoolean, checkEnum, checkExact } from "./value-type/words.js";

export default defineRule({
  id: "value-type",
  meta: {
    description: "Every value has the type, range and form ZooKeeper reads for its key, in the selected version",
    fixable: true,
    messages,
    suggestions,
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const backslashes = file.document.source.text.includes("\\");
      for (const entry of file.document.entries) {
        if (backslashes) yield* checkContinuations(file, entry);
        const key = javaTrim(entry.key);
        // Only the entry ZooKeeper reads is checked; duplicate-key reports the others.
        if (!file.config.reads(key, entry)) continue;
        const spec = keySpec(key);
        // A key another rule owns (schemas/zoo-cfg-keys.json) gets its one message there.
        if (!spec || spec.owner !== undefined || !knownIn(spec, file.config.version) || !readsKey(file.config, spec)) continue;
        yield* checkValue({ file, entry, spec, key, value: javaTrim(entry.value), backslashes });
      }
    }
  },
});

const one = (report: Report<Id> | undefined): Reports => (report ? [report] : NOTHING);

/** The check of the key's type; each returns its reports as an array rather than yielding them: no generator per entry. */
function checkValue(c: Checked): Reports {
  if (isNumberKey(c.spec)) return one(checkNumber(c));
  switch (c.spec.type) {
    case "boolean-strict":
    case "boolean-lenient":
      return checkBoolean(c);
    case "boolean-exact":
      return checkExact(c);
    case "enum":
      return checkEnum(c);
    case "class":
    case "address":
      return checkName(c);
    case "path":
    case "string":
      return checkText(c);
  }
  return NOTHING;
}

// npm run docs, first step: writes rules/index.ts from the files in rules/, so that the second step
// (scripts/docs.ts) is built with every rule.
import { ruleListSource } from "./docs/rule-list.js";
import { writeChanged } from "./docs/write.js";

writeChanged(process.cwd(), new Map([["rules/index.ts", ruleListSource(process.cwd())]]));

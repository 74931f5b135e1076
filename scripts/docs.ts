// npm run docs, second step (after scripts/rule-list.ts): writes the generated parts of the rule docs
// and the README from the rules' meta. CONTRIBUTING.md describes them.
import { generatedFiles } from "./docs/generate.js";
import { writeChanged } from "./docs/write.js";

writeChanged(process.cwd(), generatedFiles(process.cwd()));

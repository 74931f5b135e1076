import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes each file of the repository at `root` whose text differs, and says which it wrote. */
export function writeChanged(root: string, files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    if (readFileSync(join(root, path), "utf8") === text) continue;
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
}

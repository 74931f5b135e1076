// Checks every rules/<id>.md against its rule in rules/index.ts.
//
// Shape of a doc: "# <id>", then meta.description, then a line derived from meta:
//   Impact: <distinct message impacts, in meta order> · Default severity: error|warning · Fixable: yes|no
// then exactly the H2 sections of SECTIONS, in that order; "## Examples" holds "### Incorrect"
// then "### Correct".
//
// The examples run. Under each of those two H3 headings, every fenced block is a file whose path is
// the caption line right above the fence ("conf/zoo_2181.cfg:"; relative paths hang off "/"). All
// files under one heading make one in-memory tree, and the ones whose path ends in ".cfg" are
// linted with the documented rule alone; other blocks (a myid, a dynamic file) are only present.
// Setup the reader does not need to see goes in HTML comments under the heading, one per line:
//   <!-- tree: /var/lib/zookeeper/d1/ /var/lib/zookeeper/d2/ -->   empty directories that exist
//   <!-- file: /var/lib/zookeeper/d1/myid = 1 -->                  a file: the text after "= ", plus "\n"
// Every config under Incorrect must get at least one diagnostic from the rule; nothing under
// Correct may get a diagnostic or a note. The tree is linted as one machine's files (--root /).
import { readFileSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { severityOf, type Rule } from "../src/lint/rule.js";
import { lintTree } from "./helpers/workspace.js";

const RULES_DIR = join(import.meta.dirname, "..", "rules");

const SECTIONS = ["Why", "Examples", "Fix", "Options", "When not to use it", "References"];
const EXAMPLES = ["Incorrect", "Correct"];

interface Block {
  lang: string;
  /** The path on the line right above the fence, without its colon. */
  caption: string | undefined;
  text: string;
}

interface Part {
  level: number;
  title: string;
  /** Lines outside code blocks, heading excluded. */
  prose: string[];
  blocks: Block[];
}

interface Doc {
  /** Non-empty lines before the first H2. */
  head: string[];
  parts: Part[];
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const CAPTION = /^(\S+):$/;

function parseDoc(markdown: string): Doc {
  const head: string[] = [];
  const parts: Part[] = [];
  let fence: { marker: string; lang: string; caption: string | undefined; lines: string[] } | undefined;
  let previous = "";
  for (const line of markdown.split(/\r?\n/)) {
    const current = parts[parts.length - 1];
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, "") === "") {
        const block = { lang: fence.lang, caption: fence.caption, text: fence.lines.join("\n") + "\n" };
        if (current) current.blocks.push(block);
        fence = undefined;
        previous = "";
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = { marker: open[1] ?? "```", lang: open[2] ?? "", caption: CAPTION.exec(previous.trim())?.[1], lines: [] };
      continue;
    }
    previous = line;
    const heading = HEADING.exec(line);
    if (heading && (heading[1] ?? "").length >= 2) {
      parts.push({ level: (heading[1] ?? "").length, title: heading[2] ?? "", prose: [], blocks: [] });
    } else if (current) {
      current.prose.push(line);
    } else if (line.trim() !== "") {
      head.push(line);
    }
  }
  if (fence) throw new Error("a code block is never closed");
  return { head, parts };
}

/** The line under the description, derived from meta. */
function summaryLine(rule: Rule): string {
  const messages = Object.values(rule.meta.messages);
  const impacts = [...new Set(messages.map((m) => m.impact))].join(", ");
  const severity = messages.some((m) => severityOf(m) === "error") ? "error" : "warning";
  return `Impact: ${impacts} · Default severity: ${severity} · Fixable: ${rule.meta.fixable ? "yes" : "no"}`;
}

function sectionText(doc: Doc, title: string): string {
  const part = doc.parts.find((p) => p.level === 2 && p.title === title);
  return (part?.prose ?? []).join("\n").trim();
}

/** The H3 parts that follow "## Examples", up to the next H2. */
function exampleParts(doc: Doc): Part[] {
  const start = doc.parts.findIndex((p) => p.level === 2 && p.title === "Examples");
  if (start < 0) return [];
  const end = doc.parts.findIndex((p, i) => i > start && p.level === 2);
  return doc.parts.slice(start + 1, end < 0 ? undefined : end).filter((p) => p.level === 3);
}

interface Tree {
  files: Record<string, string>;
  dirs: string[];
  configs: string[];
}

function exampleTree(part: Part): Tree {
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  const at = (path: string): string => posix.resolve("/", path);
  for (const block of part.blocks) {
    if (block.caption === undefined) throw new Error(`a block under "${part.title}" has no "path:" caption line`);
    files[at(block.caption)] = block.text;
  }
  for (const line of part.prose) {
    const comment = /^<!--\s*(tree|file):\s*(.*?)\s*-->$/.exec(line.trim());
    if (!comment) continue;
    const value = comment[2] ?? "";
    if (comment[1] === "tree") {
      dirs.push(...value.split(/\s+/).filter(Boolean).map(at));
    } else {
      const file = /^(\S+)\s*=\s?(.*)$/.exec(value);
      if (!file) throw new Error(`cannot read "${line.trim()}": write <!-- file: /path = content -->`);
      files[at(file[1] ?? "")] = `${file[2] ?? ""}\n`;
    }
  }
  const configs = Object.keys(files).filter((p) => p.endsWith(".cfg")).sort();
  return { files, dirs, configs };
}

const docIds = readdirSync(RULES_DIR)
  .filter((n) => n.endsWith(".md"))
  .map((n) => n.slice(0, -".md".length))
  .sort();

describe("rule docs", () => {
  it("every rule has rules/<id>.md and every rules/*.md has a rule", () => {
    expect(docIds).toEqual(rules.map((r) => r.id).sort());
  });
});

for (const rule of rules) {
  describe(`rules/${rule.id}.md`, () => {
    const read = (): Doc => parseDoc(readFileSync(join(RULES_DIR, `${rule.id}.md`), "utf8"));

    it("opens with the id, meta.description and the impact line", () => {
      const { head } = read();
      expect(head).toEqual([`# ${rule.id}`, rule.meta.description, summaryLine(rule)]);
    });

    it("has the known sections in order", () => {
      const doc = read();
      expect(doc.parts.filter((p) => p.level === 2).map((p) => p.title)).toEqual(SECTIONS);
      expect(exampleParts(doc).map((p) => p.title)).toEqual(EXAMPLES);
    });

    it("says what fix does and that there are no options", () => {
      const doc = read();
      const fix = sectionText(doc, "Fix");
      if (rule.meta.fixable) expect(fix).not.toContain("This rule has no automatic fix.");
      else expect(fix.startsWith("This rule has no automatic fix.")).toBe(true);
      expect(sectionText(doc, "Options")).toBe("This rule has no options.");
    });

    for (const title of EXAMPLES) {
      it(`${title} example ${title === "Incorrect" ? "is reported" : "is clean"}`, () => {
        const part = exampleParts(read()).find((p) => p.title === title);
        expect(part, `### ${title}`).toBeDefined();
        if (!part) return;
        const tree = exampleTree(part);
        expect(tree.configs.length, "configs (.cfg blocks) in the example").toBeGreaterThan(0);
        // An example's tree is the file system of its configs' machine (--root /).
        const { results } = lintTree({ files: tree.files, dirs: tree.dirs, rules: [rule], lint: tree.configs, root: "/" });
        const byPath = new Map(results.map((r) => [`/${r.filePath}`, r]));
        for (const path of tree.configs) {
          const result = byPath.get(path);
          const own = (result?.messages ?? []).filter((m) => m.ruleId === rule.id);
          if (title === "Incorrect") {
            expect(own.length, `diagnostics of ${rule.id} on ${path}`).toBeGreaterThan(0);
          } else {
            expect(result?.messages ?? [], `diagnostics on ${path}`).toEqual([]);
            expect(result?.notes ?? [], `notes on ${path}`).toEqual([]);
          }
        }
      });
    }
  });
}

describe("README", () => {
  it("lists every rule, with its description, impacts and whether it fixes, as in its meta", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    for (const rule of rules) {
      const impacts = [...new Set(Object.values(rule.meta.messages).map((m) => m.impact))].join(", ");
      expect(readme).toContain(`| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.meta.description} | ${impacts} | ${rule.meta.fixable ? "yes" : "no"} |`);
    }
  });
});

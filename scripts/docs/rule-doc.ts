// The format of a rule doc, rules/<id>.md (CONTRIBUTING.md, "The rule doc"), read for npm run docs
// and for test/docs.test.ts.
import { posix } from "node:path";

/** A part that npm run docs writes: a begin and an end comment line around it. */
export interface Marked {
  begin: string;
  end: string;
}

/** A doc's head: title, description, its messages' impacts and severities, whether it fixes. */
export const HEAD: Marked = {
  begin: "<!-- begin generated head: npm run docs writes it from the rule's meta -->",
  end: "<!-- end generated head -->",
};

/** What the rule reports on the files under "### Incorrect". */
export const OUTPUT: Marked = {
  begin: "<!-- begin generated output: npm run docs writes it by linting the files above with the rule -->",
  end: "<!-- end generated output -->",
};

/** The README's rule table. */
export const RULE_TABLE: Marked = {
  begin: "<!-- begin generated rules: npm run docs writes the table from the rules' meta -->",
  end: "<!-- end generated rules -->",
};

/** `text` with the lines between `marked`'s comments (exclusive) replaced by `lines`. */
export function replaceMarked(text: string, marked: Marked, lines: string[], where: string): string {
  const all = text.split("\n");
  const begin = all.indexOf(marked.begin);
  const end = all.indexOf(marked.end);
  if (begin < 0 || end < begin) throw new Error(`${where} lacks the lines\n${marked.begin}\n${marked.end}\naround the part npm run docs writes`);
  return [...all.slice(0, begin + 1), ...lines, ...all.slice(end)].join("\n");
}

export interface Block {
  lang: string;
  /** The path on the line right above the fence, without its colon. */
  caption: string | undefined;
  text: string;
}

export interface Part {
  level: number;
  title: string;
  /** Lines outside code blocks, heading excluded. */
  prose: string[];
  blocks: Block[];
}

export interface Doc {
  /** Non-empty lines before the first H2, generated ones included. */
  head: string[];
  parts: Part[];
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const CAPTION = /^(\S+):$/;

/** The doc's H2 and H3 parts, with their prose and code blocks; a generated output is left out. */
export function parseDoc(markdown: string): Doc {
  const head: string[] = [];
  const parts: Part[] = [];
  let fence: { marker: string; lang: string; caption: string | undefined; lines: string[] } | undefined;
  let generated = false;
  let previous = "";
  for (const line of markdown.split(/\r?\n/)) {
    const current = parts[parts.length - 1];
    if (line === OUTPUT.begin || line === OUTPUT.end) {
      generated = line === OUTPUT.begin;
      continue;
    }
    if (generated) continue;
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

/** The H3 parts that follow "## Examples", up to the next H2. */
export function exampleParts(doc: Doc): Part[] {
  const start = doc.parts.findIndex((p) => p.level === 2 && p.title === "Examples");
  if (start < 0) return [];
  const end = doc.parts.findIndex((p, i) => i > start && p.level === 2);
  return doc.parts.slice(start + 1, end < 0 ? undefined : end).filter((p) => p.level === 3);
}

export interface Tree {
  files: Record<string, string>;
  dirs: string[];
  /** The files ending in ".cfg", sorted: the ones linted. */
  configs: string[];
}

/**
 * The file tree an example describes: each code block is the file its caption names (relative
 * paths hang off "/"); `<!-- tree: /a/ /b/ -->` adds empty directories, `<!-- file: /p = text -->`
 * a one-line file the reader need not see.
 */
export function exampleTree(part: Part): Tree {
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
  const configs = Object.keys(files)
    .filter((p) => p.endsWith(".cfg"))
    .sort();
  return { files, dirs, configs };
}

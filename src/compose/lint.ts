import { posix } from "node:path";
import { MemoryFileSystem } from "../io/memory-fs.js";
import type { FileSystem } from "../io/fs.js";
import { buildConfigFile, type ConfigFile } from "../model/config-file.js";
import { groupWorkspace, type Host, type Workspace } from "../model/ensemble.js";
import { SourceText } from "../parse/source.js";
import type { Diagnostic, LintResult } from "../lint/diagnostic.js";
import { runRules } from "../lint/engine.js";
import { rules as allRules } from "../../rules/index.js";
import { officialTag, officialVersion, renderOfficial, zooCfgText, type Rendered } from "./images/official.js";
import { readCompose, volumeTarget } from "./read.js";
import type { ComposeService, ComposeSource } from "./model.js";

/** Where a service's rendered files live in the in-memory tree: one root per service, so each is its own machine. */
const rootOf = (service: string): string => `/services/${service}`;

interface ServiceRun {
  service: ComposeService;
  rendered: Rendered;
  file: ConfigFile;
}

/** Renders each ZooKeeper service of the project and lints the services as one ensemble, each its own host. */
export function lintCompose(files: { path: string; name: string; bytes: Uint8Array }[], fs: FileSystem, cwd: string, hostname: string): LintResult[] {
  const project = readCompose(files, fs, cwd);
  const out = new Map<ComposeSource, Diagnostic[]>(project.sources.map((s) => [s, []]));
  const texts = new Map<ComposeSource, SourceText>();
  const at = (source: ComposeSource, start: number, end: number) => {
    let text = texts.get(source);
    if (!text) texts.set(source, (text = new SourceText(source.text)));
    const a = text.positionAt(start);
    const b = text.positionAt(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const push = (source: ComposeSource, d: Diagnostic): void => void (out.get(source) ?? out.set(source, []).get(source))?.push(d);
  for (const p of project.problems) {
    push(p.source, { ruleId: "compose", severity: 2, impact: "startup", messageId: p.messageId, message: p.message, ...at(p.source, p.start, p.end) });
  }

  const memory = new MemoryFileSystem();
  const runs: ServiceRun[] = [];
  for (const service of project.services) {
    const image = service.image;
    const tag = image?.value === undefined ? undefined : officialTag(image.value);
    if (!image || tag === undefined) continue;
    const version = officialVersion(tag);
    if (version === undefined) continue;
    const rendered = renderOfficial(service, image, version, tag);
    if ("unknown" in rendered) continue;
    if (mountsConfig(service, rendered.confDir)) continue;
    const root = rootOf(service.name);
    const path = posix.join(root, rendered.confDir, "zoo.cfg");
    const text = zooCfgText(rendered);
    memory.write(path, text);
    memory.write(posix.join(root, rendered.dataDir, "myid"), `${rendered.myid.text}\n`);
    const view = { fs: memory, syntaxOnly: false, hostname: service.name, root };
    runs.push({ service, rendered, file: buildConfigFile(path, `${service.name}:${posix.join(rendered.confDir, "zoo.cfg")}`, Buffer.from(text, "latin1"), view, version) });
  }
  if (runs.length > 0) {
    const workspace = ownHosts(groupWorkspace(runs.map((r) => r.file)));
    const results = runRules(workspace, { version: runs[0]?.rendered.version ?? "3.9", hostname }, { rules: allRules });
    results.forEach((result, i) => {
      const run = runs.find((r) => r.file.path === result.filePath) ?? runs[i];
      if (!run) return;
      for (const d of result.messages) {
        const line = run.rendered.lines[d.line - 1];
        // A myid finding is the id's: the entrypoint writes ZOO_MY_ID into the dataDir.
        const origin = d.ruleId === "myid-matches-datadir" ? run.rendered.myid.origin : line?.origin;
        if (!origin) continue;
        // Fixes edit a zoo.cfg, and there is none on disk: the YAML is changed by hand.
        const shown: Diagnostic = { ...d, message: `service ${run.service.name}: ${inContainer(d.message)} (zoo.cfg as the image writes it: ${line?.text ?? ""})`, ...at(origin.source, origin.start, origin.end) };
        delete shown.fix;
        delete shown.suggestions;
        push(origin.source, shown);
      }
    });
  }
  return project.sources.map((source) => resultOf(source, out.get(source) ?? []));
}

/** Paths of the in-memory tree as the container's: "/services/zoo1/data/myid" → "zoo1:/data/myid". */
const inContainer = (message: string): string => message.replace(/\/services\/([^/\s]+)(?=\/)/g, "$1:");

/** A service whose conf directory or zoo.cfg is a volume: the entrypoint then writes no zoo.cfg. */
function mountsConfig(service: ComposeService, confDir: string): boolean {
  const targets = service.volumes.map((v) => volumeTarget(v.value)).filter((t) => t !== undefined).map((t) => posix.normalize(t));
  return targets.includes(posix.normalize(confDir)) || targets.includes(posix.join(confDir, "zoo.cfg"));
}

/** Each service is a machine of its own: its ports and directories clash with no other service's. */
function ownHosts(workspace: Workspace): Workspace {
  const hosts = new Map<ConfigFile, Host>(workspace.files.map((f) => [f, { key: `service:${f.path}`, files: [f] }]));
  return { ...workspace, hosts: [...hosts.values()], hostOf: (f) => hosts.get(f) as Host };
}

function resultOf(source: ComposeSource, messages: Diagnostic[]): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return { filePath: source.path, messages, notes: [], errorCount, warningCount: messages.length - errorCount, fixableErrorCount: 0, fixableWarningCount: 0 };
}

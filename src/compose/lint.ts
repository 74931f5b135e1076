import { join, posix, relative, resolve } from "node:path";
import { MemoryFileSystem } from "../io/memory-fs.js";
import type { FileSystem } from "../io/fs.js";
import { within } from "../io/rooted-path.js";
import { buildConfigFile, MAX_CONFIG_BYTES, type ConfigFile } from "../model/config-file.js";
import { groupWorkspace } from "../model/ensemble.js";
import { SourceText } from "../parse/source.js";
import type { Diagnostic, LintResult } from "../lint/diagnostic.js";
import { runRules } from "../lint/engine.js";
import { severityOf } from "../lint/rule.js";
import { rules as allRules } from "../../rules/index.js";
import { officialTag, officialVersion, renderOfficial, zooCfgText } from "./images/official.js";
import { readCompose, volumeTarget } from "./read.js";
import type { ComposeService, ComposeSource, Located } from "./model.js";
import { checkCompose, type ServiceRun } from "./checks.js";
import { COMPOSE, composeMeta, type ComposeMessageId } from "./meta.js";

/** Where a service's rendered files live in the in-memory tree: one root per service, so each is its own machine. */
const rootOf = (service: string): string => `/services/${service}`;

/**
 * Each directory's compose files are one project, merged in the order given (as `docker compose -f a -f b`
 * merges them); the projects of several directories (a pre-commit run) are linted apart.
 */
export function lintProjects(files: { path: string; name: string; bytes: Uint8Array }[], fs: FileSystem, cwd: string, hostname: string): LintResult[] {
  const byDir = new Map<string, typeof files>();
  for (const f of files) byDir.set(posix.dirname(f.path), [...(byDir.get(posix.dirname(f.path)) ?? []), f]);
  return [...byDir.values()].flatMap((group) => lintCompose(group, fs, cwd, hostname));
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
    push(p.source, composeDiagnostic(p.messageId, p.message, at(p.source, p.start, p.end)));
  }

  const memory = new MemoryFileSystem();
  // Compose resolves relative paths from the first file's directory: the project's.
  const projectDir = posix.dirname(project.sources[0]?.path ?? cwd);
  const mountedResults = new Map<string, Diagnostic[]>();
  const runs: ServiceRun[] = [];
  for (const service of project.services) {
    const image = service.image;
    const tag = image?.value === undefined ? undefined : officialTag(image.value);
    if (!image || tag === undefined) continue;
    const version = officialVersion(tag);
    if (version === undefined) continue;
    const rendered = renderOfficial(service, image, version, tag);
    if ("unknown" in rendered) continue;
    const root = rootOf(service.name);
    const path = posix.join(root, rendered.confDir, "zoo.cfg");
    const view = { fs: memory, syntaxOnly: false, hostname: service.name, root };
    // The entrypoint writes myid whether or not it wrote zoo.cfg.
    memory.write(posix.join(root, rendered.dataDir, "myid"), `${rendered.myid.text}\n`);
    const mounted = mountedConfig(service, rendered.confDir, projectDir, fs);
    if (mounted && "unread" in mounted) {
      push(mounted.volume.source, composeDiagnostic("mountedConfig", `service ${service.name} mounts its own zoo.cfg (${mounted.volume.value ?? ""}), which ${mounted.unread}; it is not linted`, at(mounted.volume.source, mounted.volume.start, mounted.volume.end)));
      runs.push({ service, tag, version, rendered, mounted: mounted.volume });
    } else if (mounted) {
      // Named after the service too: two services may mount one file.
      const name = `${service.name}:${relative(cwd, mounted.path) || mounted.path}`;
      memory.write(path, mounted.bytes);
      const file = buildConfigFile(path, name, mounted.bytes, view, version);
      runs.push({ service, tag, version, rendered, mounted: mounted.volume, file, own: { path: mounted.path, name } });
    } else {
      const text = zooCfgText(rendered);
      memory.write(path, text);
      runs.push({ service, tag, version, rendered, file: buildConfigFile(path, `${service.name}:${posix.join(rendered.confDir, "zoo.cfg")}`, Buffer.from(text, "latin1"), view, version) });
    }
  }
  lintRendered(runs, hostname, mountedResults, (origin, d) => push(origin.source, { ...d, ...at(origin.source, origin.start, origin.end) }));
  for (const f of checkCompose(project, runs)) {
    push(f.at.source, composeDiagnostic(f.messageId, f.message, at(f.at.source, f.at.start, f.at.end)));
  }
  // Named as zoo.cfg results are: relative to cwd, as annotations (github, sarif) need.
  return [...project.sources.map((source) => resultOf(source.name, out.get(source) ?? [])), ...[...mountedResults].map(([path, messages]) => resultOf(relative(cwd, path) || path, messages))];
}

/**
 * Lints the rendered configs as one ensemble. A finding goes to the YAML that wrote its line, or to
 * the service's own zoo.cfg (in `mounted`, by path) when it mounts one.
 */
function lintRendered(runs: ServiceRun[], hostname: string, mounted: Map<string, Diagnostic[]>, place: (origin: Located<unknown>, d: Diagnostic) => void): void {
  const rendered = runs.filter((r): r is ServiceRun & { file: ConfigFile } => r.file !== undefined);
  if (rendered.length === 0) return;
  const workspace = groupWorkspace(rendered.map((r) => r.file), { hostname });
  const results = runRules(workspace, { version: rendered[0]?.version ?? "3.9", hostname }, { rules: allRules });
  for (const result of results) {
    const run = rendered.find((r) => r.file.name === result.filePath);
    if (!run) continue;
    if (run.own) {
      const own = run.own;
      const list = mounted.get(own.path) ?? mounted.set(own.path, []).get(own.path);
      for (const d of result.messages) list?.push({ ...d, message: `service ${run.service.name}: ${inContainer(d.message)}` });
      continue;
    }
    for (const d of result.messages) {
      const line = run.rendered.lines[d.line - 1];
      // A myid finding is the id's: the entrypoint writes ZOO_MY_ID into the dataDir.
      const origin = d.ruleId === "myid-matches-datadir" ? run.rendered.myid.origin : line?.origin;
      if (!origin) continue;
      // Fixes edit a zoo.cfg, and there is none on disk: the YAML is changed by hand.
      const shown: Diagnostic = { ...d, message: `service ${run.service.name}: ${inContainer(d.message)} (zoo.cfg as the image writes it: ${line?.text ?? ""})` };
      delete shown.fix;
      delete shown.suggestions;
      place(origin, shown);
    }
  }
}

function composeDiagnostic(messageId: ComposeMessageId, message: string, place: Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn">): Diagnostic {
  const meta = composeMeta.messages[messageId];
  return { ruleId: COMPOSE, severity: severityOf(meta) === "error" ? 2 : 1, impact: meta.impact, messageId, message, ...place };
}

/** Paths of the in-memory tree as the container's: "/services/zoo1/data/myid" → "zoo1:/data/myid". */
const inContainer = (message: string): string => message.replace(/\/services\/([^/\s]+)(?=\/)/g, "$1:");

/**
 * The volume that puts the service's own zoo.cfg in the conf directory: a file mounted there, or a
 * project directory that holds one (the entrypoint then writes none). Its bytes, or why they are unknown.
 */
function mountedConfig(
  service: ComposeService,
  confDir: string,
  projectDir: string,
  fs: FileSystem,
): { volume: Located<string | undefined>; path: string; bytes: Uint8Array } | { volume: Located<string | undefined>; unread: string } | undefined {
  for (const volume of service.volumes) {
    const target = volumeTarget(volume.value);
    if (target === undefined || volume.value === undefined) continue;
    const isFile = posix.normalize(target) === posix.join(confDir, "zoo.cfg");
    if (!isFile && posix.normalize(target) !== posix.normalize(confDir)) continue;
    const source = volume.value.split(":")[0] as string;
    // A named volume starts as the image's conf directory, which holds no zoo.cfg: the entrypoint writes one.
    if (!isFile && !/^[./~]/.test(source)) continue;
    const hostPath = resolve(projectDir, source);
    const path = isFile ? hostPath : join(hostPath, "zoo.cfg");
    if (!isFile && fs.kind(path) === undefined && within(projectDir, hostPath) !== undefined) continue;
    if (within(projectDir, path) === undefined) return { volume, unread: "lies outside the project directory" };
    try {
      return { volume, path, bytes: fs.readFile(path, MAX_CONFIG_BYTES) };
    } catch {
      return { volume, unread: "cannot be read" };
    }
  }
  return undefined;
}

function resultOf(filePath: string, messages: Diagnostic[]): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  const errorCount = messages.filter((m) => m.severity === 2).length;
  return { filePath, messages, notes: [], errorCount, warningCount: messages.length - errorCount, fixableErrorCount: 0, fixableWarningCount: 0 };
}

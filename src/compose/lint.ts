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
import { configText } from "./images/family.js";
import { detectImage, type ImageSettings } from "./images/index.js";
import { readCompose, volumeTarget } from "./read.js";
import type { ComposeService, ComposeSource, Located } from "./model.js";
import { checkCompose, type ServiceRun } from "./checks.js";
import { COMPOSE, composeMeta, type ComposeMessageId } from "./meta.js";

/** Where a service's rendered files live in the in-memory tree: one root per service, so each is its own machine. */
const rootOf = (service: string): string => `/services/${service}`;

type Input = { path: string; name: string; bytes: Uint8Array };
type Place = Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn">;

/**
 * Each directory's compose files are one project, merged in the order given (as `docker compose -f a -f b`
 * merges them); the projects of several directories (a pre-commit run) are linted apart. `imagesFor`
 * gives the settings' image families for a compose file.
 */
export function lintProjects(
  files: Input[],
  fs: FileSystem,
  cwd: string,
  hostname: string,
  imagesFor: (path: string) => ImageSettings = () => ({}),
): LintResult[] {
  const byDir = new Map<string, Input[]>();
  for (const f of files) byDir.set(posix.dirname(f.path), [...(byDir.get(posix.dirname(f.path)) ?? []), f]);
  return [...byDir.values()].flatMap((group) => lintCompose(group, fs, cwd, hostname, imagesFor(group[0]?.path ?? cwd)));
}

/** The diagnostics of each compose file, placed by offsets into its text. */
class Findings {
  private readonly out = new Map<ComposeSource, Diagnostic[]>();
  private readonly texts = new Map<ComposeSource, SourceText>();

  constructor(private readonly sources: ComposeSource[]) {
    for (const s of sources) this.out.set(s, []);
  }

  at(source: ComposeSource, start: number, end: number): Place {
    let text = this.texts.get(source);
    if (!text) this.texts.set(source, (text = new SourceText(source.text)));
    const a = text.positionAt(start);
    const b = text.positionAt(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  push(source: ComposeSource, d: Diagnostic): void {
    (this.out.get(source) ?? this.out.set(source, []).get(source))?.push(d);
  }

  compose(messageId: ComposeMessageId, message: string, at: { source: ComposeSource; start: number; end: number }): void {
    this.push(at.source, composeDiagnostic(messageId, message, this.at(at.source, at.start, at.end)));
  }

  results(): LintResult[] {
    // Named as zoo.cfg results are: relative to cwd, as annotations (github, sarif) need.
    return this.sources.map((source) => resultOf(source.name, this.out.get(source) ?? []));
  }
}

/** Renders each ZooKeeper service of the project and lints the services as one ensemble, each its own host. */
export function lintCompose(files: Input[], fs: FileSystem, cwd: string, hostname: string, images: ImageSettings = {}): LintResult[] {
  const project = readCompose(files, fs, cwd);
  const findings = new Findings(project.sources);
  for (const p of project.problems) findings.compose(p.messageId, p.message, p);
  // Compose resolves relative paths from the first file's directory: the project's.
  const context: RenderContext = { memory: new MemoryFileSystem(), projectDir: posix.dirname(project.sources[0]?.path ?? cwd), fs, cwd, findings };
  const runs = project.services.flatMap((service) => runOf(service, images, context) ?? []);
  const mounted = lintRuns(runs, hostname, findings);
  for (const f of checkCompose(project, runs)) findings.compose(f.messageId, f.message, f.at);
  return [...findings.results(), ...[...mounted].map(([path, messages]) => resultOf(relative(cwd, path) || path, messages))];
}

interface RenderContext {
  memory: MemoryFileSystem;
  projectDir: string;
  fs: FileSystem;
  cwd: string;
  findings: Findings;
}

/** A service of a ZooKeeper image, rendered into the in-memory tree (or its own zoo.cfg put there); undefined for other services. */
function runOf(service: ComposeService, images: ImageSettings, { memory, projectDir, fs, cwd, findings }: RenderContext): ServiceRun | undefined {
  const image = service.image;
  const match = image?.value === undefined ? undefined : detectImage(image.value, images);
  if (!image || !match) return undefined;
  const { family, tag, version } = match;
  const rendered = family.render(service, image, version, tag);
  if ("unknown" in rendered) return undefined;
  const run: ServiceRun = { service, family, tag, version, rendered };
  const refusals = family.refusals(service, image, version);
  for (const r of refusals) findings.compose("imageRefuses", `service ${service.name}: ${r.message}`, r.at);
  // The entrypoint exits before it writes anything: there is no config to lint.
  if (refusals.length > 0) return run;
  const root = rootOf(service.name);
  // The model groups configs at the top of their roots (a conf/ folder stands for its parent) with the
  // machines beside them, so each service's config goes there whatever its path in the container; messages name that path.
  const path = posix.join(root, "conf", posix.basename(rendered.confPath));
  const view = { fs: memory, syntaxOnly: false, hostname: service.name, root };
  // The entrypoint writes myid whether or not it wrote the config.
  if (rendered.myid) memory.write(posix.join(root, rendered.dataDir, "myid"), rendered.myid.file);
  if (!family.keepsMountedConfig) overwritten(run, findings);
  const mounted = family.keepsMountedConfig ? mountedConfig(service, rendered.confPath, projectDir, fs) : undefined;
  if (mounted && "unread" in mounted) {
    findings.compose(
      "mountedConfig",
      `service ${service.name} mounts its own zoo.cfg (${mounted.volume.value ?? ""}), which ${mounted.unread}; it is not linted`,
      mounted.volume,
    );
    return { ...run, mounted: mounted.volume };
  }
  if (mounted) {
    // Named after the service too: two services may mount one file.
    const name = `${service.name}:${relative(cwd, mounted.path) || mounted.path}`;
    memory.write(path, mounted.bytes);
    return { ...run, mounted: mounted.volume, file: buildConfigFile(path, name, mounted.bytes, view, version), own: { path: mounted.path, name } };
  }
  const text = configText(rendered);
  memory.write(path, text);
  return { ...run, file: buildConfigFile(path, `${service.name}:${rendered.confPath}`, Buffer.from(text, "latin1"), view, version) };
}

/**
 * Runs the zoo.cfg rules over the services' configs as one workspace. Findings in a rendered config go
 * to the YAML that wrote the line; findings in a mounted zoo.cfg stay in that file (returned by path).
 */
function lintRuns(runs: ServiceRun[], hostname: string, findings: Findings): Map<string, Diagnostic[]> {
  const mounted = new Map<string, Diagnostic[]>();
  const linted = runs.filter((r): r is ServiceRun & { file: ConfigFile } => r.file !== undefined);
  if (linted.length === 0) return mounted;
  const workspace = groupWorkspace(
    linted.map((r) => r.file),
    { hostname },
  );
  for (const result of runRules(workspace, { version: linted[0]?.version ?? "3.9", hostname }, { rules: allRules })) {
    const run = linted.find((r) => r.file.name === result.filePath);
    if (!run) continue;
    if (run.own) {
      const list = mounted.get(run.own.path) ?? mounted.set(run.own.path, []).get(run.own.path);
      for (const d of result.messages) list?.push({ ...d, message: `service ${run.service.name}: ${inContainer(d.message)}` });
      continue;
    }
    for (const d of result.messages) {
      const line = run.rendered.lines[d.line - 1];
      // A myid finding is the id's: the entrypoint writes the id variable into the dataDir.
      const origin = d.ruleId === "myid-matches-datadir" ? (run.rendered.myid?.origin ?? run.service.image) : line?.origin;
      if (!origin) continue;
      // Fixes edit a zoo.cfg, and there is none on disk: the YAML is changed by hand.
      const written = line?.text ? ` (${posix.basename(run.rendered.confPath)} as the image writes it: ${line.text})` : "";
      const shown: Diagnostic = {
        ...d,
        message: `service ${run.service.name}: ${inContainer(d.message)}${written}`,
        ...findings.at(origin.source, origin.start, origin.end),
      };
      delete shown.fix;
      delete shown.suggestions;
      findings.push(origin.source, shown);
    }
  }
  return mounted;
}

/** A file mounted where an entrypoint that renders its config at every start writes it: the file has no effect. */
function overwritten({ service, family, tag, rendered }: ServiceRun, findings: Findings): void {
  for (const volume of service.volumes) {
    const target = volumeTarget(volume.value);
    if (target === undefined || posix.normalize(target) !== rendered.confPath) continue;
    findings.compose(
      "configOverwritten",
      `service ${service.name} mounts its own ${posix.basename(rendered.confPath)} (${volume.value ?? ""}), which the ${family.label}:${tag} entrypoint renders over from its ${family.prefix}* variables at every start, so the mounted file has no effect; set its values as ${family.prefix}* variables instead`,
      volume,
    );
  }
}

function composeDiagnostic(messageId: ComposeMessageId, message: string, place: Place): Diagnostic {
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
  confPath: string,
  projectDir: string,
  fs: FileSystem,
): { volume: Located<string | undefined>; path: string; bytes: Uint8Array } | { volume: Located<string | undefined>; unread: string } | undefined {
  for (const volume of service.volumes) {
    const target = volumeTarget(volume.value);
    if (target === undefined || volume.value === undefined) continue;
    const isFile = posix.normalize(target) === posix.normalize(confPath);
    if (!isFile && posix.normalize(target) !== posix.dirname(confPath)) continue;
    const source = volume.value.split(":")[0] as string;
    // A named volume starts as the image's conf directory, which holds no zoo.cfg: the entrypoint writes one.
    if (!isFile && !/^[./~]/.test(source)) continue;
    const hostPath = resolve(projectDir, source);
    const path = isFile ? hostPath : join(hostPath, posix.basename(confPath));
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

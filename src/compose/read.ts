import { dirname, join, relative, resolve } from "node:path";
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import type { FileSystem } from "../io/fs.js";
import { within } from "../io/rooted-path.js";
import { interpolate, parseEnvFile } from "./interpolate.js";
import type { ComposeProblem, ComposeProject, ComposeService, ComposeSource, EnvEntry, Located } from "./model.js";

/** Compose files are small; this keeps a stranger's file from costing much. */
const MAX_BYTES = 1024 * 1024;

type Entry = { key: string; keyNode: Node; value: Node | null };

/** Reads compose files (and the `.env` beside the first), merging them as Compose does. */
export function readCompose(files: { path: string; name: string; bytes: Uint8Array }[], fs: FileSystem, cwd: string): ComposeProject {
  const problems: ComposeProblem[] = [];
  const sources: ComposeSource[] = [];
  const services = new Map<string, ComposeService>();
  // The project directory is the first file's: .env and env_file paths are looked up from there.
  const projectDir = dirname(files[0]?.path ?? cwd);
  const vars = new Map<string, string>();
  const dotenv = join(projectDir, ".env");
  try {
    if (fs.kind(dotenv) === "file") for (const e of parseEnvFile(new TextDecoder().decode(fs.readFile(dotenv, MAX_BYTES)))) vars.set(e.name, e.value);
  } catch {
    // An unreadable .env sets nothing: every value that needs one of its variables is reported as unresolved.
  }

  for (const file of files) {
    const source: ComposeSource = { path: file.path, name: file.name, text: new TextDecoder().decode(file.bytes) };
    sources.push(source);
    const doc = parseDocument(source.text, { merge: true, uniqueKeys: true, prettyErrors: false });
    for (const e of doc.errors) {
      const [start, end] = e.pos;
      problems.push({ messageId: "yamlError", message: `${source.name} is not valid YAML: ${e.message.split("\n")[0] ?? ""}`, source, start, end });
    }
    if (doc.errors.length > 0) continue;
    const reader = new Reader(doc, source, vars, problems, fs, projectDir, cwd);
    const root = reader.deref(doc.contents);
    const servicesNode = isMap(root) ? reader.get(root, "services") : undefined;
    if (!isMap(servicesNode)) continue;
    for (const { key, keyNode, value } of reader.entries(servicesNode)) {
      const node = reader.deref(value);
      if (!isMap(node)) continue;
      let service = services.get(key);
      if (!service) {
        service = { name: key, key: reader.located(keyNode, key), aliases: [], addresses: [], environment: new Map(), ports: [], volumes: [] };
        services.set(key, service);
      }
      reader.mergeService(service, node);
    }
  }
  return { sources, services: [...services.values()], problems };
}

class Reader {
  constructor(
    private readonly doc: Document,
    private readonly source: ComposeSource,
    private readonly vars: ReadonlyMap<string, string>,
    private readonly problems: ComposeProblem[],
    private readonly fs: FileSystem,
    private readonly projectDir: string,
    private readonly cwd: string,
  ) {}

  deref(node: unknown): Node | null {
    let n = node as Node | null | undefined;
    // An alias of an alias resolves in a few steps; the limit only guards against a cycle.
    for (let i = 0; i < 64 && isAlias(n); i++) n = n.resolve(this.doc) as Node | undefined;
    return n ?? null;
  }

  /** A map's entries in order, with `<<` merge keys expanded (the map's own keys win, then the first merged map). */
  entries(map: YAMLMap): Entry[] {
    const own: Entry[] = [];
    const merged: Entry[] = [];
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node;
      // With merge keys on, the library reads "<<" as a symbol; its source text stays "<<".
      const key = isScalar(keyNode) ? (typeof keyNode.value === "symbol" ? (keyNode.source ?? "") : String(keyNode.value)) : "";
      if (key === "<<") {
        const target = this.deref(pair.value);
        const list = isSeq(target) ? target.items.map((i) => this.deref(i)) : [target];
        for (const m of list) if (isMap(m)) merged.push(...this.entries(m));
        continue;
      }
      own.push({ key, keyNode, value: pair.value as Node | null });
    }
    const seen = new Set(own.map((e) => e.key));
    for (const e of merged) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      own.push(e);
    }
    return own;
  }

  get(map: YAMLMap, key: string): Node | null | undefined {
    const entry = this.entries(map).find((e) => e.key === key);
    return entry ? this.deref(entry.value) : undefined;
  }

  located<T>(node: Node | null, value: T): Located<T> {
    const range = node?.range ?? [0, 0, 0];
    return { value, source: this.source, start: range[0], end: range[1] };
  }

  /** A scalar's text with variables substituted; undefined (and a problem reported) when one is missing. */
  text(node: Node | null, what: string): Located<string | undefined> {
    const raw = isScalar(node) && node.value !== null ? String(node.value) : undefined;
    if (raw === undefined) return this.located(node, undefined);
    const result = interpolate(raw, this.vars);
    if ("value" in result) return this.located(node, result.value);
    this.unresolved(
      node,
      `${what} uses \${${result.missing}}, which the project's .env does not set and which has no default; zkcfg does not read its own environment, so this value is unknown: set it in .env or give a default (\${${result.missing}:-value})`,
    );
    return this.located(node, undefined);
  }

  private unresolved(node: Node | null, message: string): void {
    const { start, end } = this.located(node, undefined);
    this.problems.push({ messageId: "unresolved", message, source: this.source, start, end });
  }

  private list(node: Node | null | undefined): Node[] {
    const n = this.deref(node);
    return isSeq(n) ? n.items.map((i) => this.deref(i)).filter((i): i is Node => i !== null) : [];
  }

  mergeService(service: ComposeService, node: YAMLMap): void {
    const name = service.name;
    for (const { key, value } of this.entries(node)) {
      const v = this.deref(value);
      switch (key) {
        case "image":
          service.image = this.text(v, `image of service ${name}`);
          break;
        case "hostname":
          service.hostname = this.text(v, `hostname of service ${name}`);
          break;
        case "env_file":
          for (const item of isSeq(v) ? this.list(v) : [v]) this.envFile(service, item);
          break;
        case "environment":
          this.environment(service, v);
          break;
        case "ports":
          for (const p of this.list(v)) service.ports.push(isMap(p) ? this.longPort(service, p) : this.text(p, `a port of service ${name}`));
          break;
        case "volumes":
          this.volumes(service, v);
          break;
        case "networks":
          if (isMap(v)) {
            for (const net of this.entries(v)) {
              const cfg = this.deref(net.value);
              const aliases = isMap(cfg) ? this.list(this.get(cfg, "aliases")) : [];
              for (const field of ["ipv4_address", "ipv6_address"]) {
                const address = isMap(cfg) ? this.get(cfg, field) : undefined;
                const t = address ? this.text(address, `the ${field} of service ${name}`).value : undefined;
                if (t !== undefined) service.addresses.push(t);
              }
              for (const a of aliases) {
                const t = this.text(a, `a network alias of service ${name}`);
                if (t.value !== undefined) service.aliases.push({ ...t, value: t.value });
              }
            }
          }
          break;
        case "container_name": {
          // On a user-defined network the container's name resolves too.
          const t = this.text(v, `container_name of service ${name}`);
          if (t.value !== undefined) service.aliases.push({ ...t, value: t.value });
          break;
        }
        case "network_mode": {
          const mode = this.text(v, `network_mode of service ${name}`).value;
          if (mode !== undefined) service.networkMode = mode;
          break;
        }
        case "healthcheck":
          if (isMap(v)) this.healthcheck(service, this.get(v, "test") ?? null);
          break;
      }
    }
  }

  private environment(service: ComposeService, v: Node | null): void {
    const put = (entry: EnvEntry): void => void service.environment.set(entry.name, { ...entry, fromEnvFile: false });
    if (isMap(v)) {
      for (const { key, keyNode, value } of this.entries(v)) {
        const node = this.deref(value);
        const start = keyNode.range?.[0] ?? 0;
        if (node === null || (isScalar(node) && node.value === null)) {
          // Compose takes a variable without a value from the environment it runs in, which zkcfg does not read.
          const entry = { name: key, value: undefined, source: this.source, start, end: keyNode.range?.[1] ?? start };
          this.fromShell(service, entry);
          put(entry);
          continue;
        }
        const t = this.text(node, `${key} of service ${service.name}`);
        put({ name: key, ...t, start });
      }
      return;
    }
    for (const item of this.list(v)) {
      const t = this.text(item, `an environment entry of service ${service.name}`);
      const raw = isScalar(item) ? String(item.value) : "";
      const eq = raw.indexOf("=");
      const name = eq < 0 ? raw : raw.slice(0, eq);
      if (eq < 0) {
        const entry = { name, ...t, value: undefined };
        this.fromShell(service, entry);
        put(entry);
      } else if (t.value === undefined) put({ name, ...t });
      else put({ name, ...t, value: t.value.slice(t.value.indexOf("=") + 1) });
    }
  }

  /** A variable without a value: Compose takes it from the shell it runs in, which zkcfg does not read. */
  private fromShell(service: ComposeService, entry: EnvEntry): void {
    this.problems.push({
      messageId: "unresolved",
      message: `${entry.name} of service ${service.name} has no value, so docker compose takes it from the shell it runs in, which zkcfg does not read; this value is unknown: give it here or in .env`,
      source: this.source,
      start: entry.start,
      end: entry.end,
    });
  }

  private envFile(service: ComposeService, item: Node | null): void {
    const node = isMap(item) ? (this.get(item, "path") ?? null) : item;
    const t = this.text(node, `env_file of service ${service.name}`);
    if (t.value === undefined) return;
    const path = resolve(this.projectDir, t.value);
    const report = (message: string): void => void this.problems.push({ messageId: "envFile", message, source: this.source, start: t.start, end: t.end });
    if (within(this.projectDir, path) === undefined) {
      report(
        `env_file "${t.value}" of service ${service.name} lies outside the project directory; zkcfg reads only the project's own files, so its variables are unknown`,
      );
      return;
    }
    let text: string;
    try {
      text = new TextDecoder().decode(this.fs.readFile(path, MAX_BYTES));
    } catch {
      report(`env_file "${t.value}" of service ${service.name} cannot be read (${relative(this.cwd, path) || path}), so its variables are unknown`);
      return;
    }
    for (const e of parseEnvFile(text)) {
      // `environment:` wins over env_file, wherever either is written.
      if (service.environment.get(e.name)?.fromEnvFile === false) continue;
      service.environment.set(e.name, { name: e.name, value: e.value, source: this.source, start: t.start, end: t.end, fromEnvFile: true });
    }
  }

  /**
   * A port in long syntax (target, published, host_ip, protocol) as the short syntax says it, at the
   * entry: `published: "2181-2183"` is, as "2181-2183:2181" is, one free port of the range.
   */
  private longPort(service: ComposeService, item: YAMLMap): Located<string | undefined> {
    const field = (key: string): Located<string | undefined> | undefined => {
      const node = this.get(item, key);
      return node === undefined || node === null ? undefined : this.text(node, `the ${key} of a port of service ${service.name}`);
    };
    const [target, published, ip, protocol] = ["target", "published", "host_ip", "protocol"].map(field);
    // An unresolved field is reported by text(): the entry is then unknown.
    if ([target, published, ip, protocol].some((f) => f !== undefined && f.value === undefined) || !target?.value) return this.located(item, undefined);
    const host = published?.value ? `${ip?.value ? `${ip.value.includes(":") ? `[${ip.value}]` : ip.value}:` : ""}${published.value}:` : "";
    return this.located(item, `${host}${target.value}${protocol?.value ? `/${protocol.value}` : ""}`);
  }

  private volumes(service: ComposeService, v: Node | null): void {
    for (const item of this.list(v)) {
      let t: Located<string | undefined>;
      if (isMap(item)) {
        const src = this.text(this.get(item, "source") ?? null, `a volume of service ${service.name}`).value;
        const target = this.text(this.get(item, "target") ?? null, `a volume of service ${service.name}`).value;
        t = this.located(item, target === undefined ? undefined : `${src ?? ""}:${target}`);
      } else t = this.text(item, `a volume of service ${service.name}`);
      // A later file's volume for the same container path replaces the earlier one.
      const target = volumeTarget(t.value);
      const i = target === undefined ? -1 : service.volumes.findIndex((o) => volumeTarget(o.value) === target);
      if (i >= 0) service.volumes[i] = t;
      else service.volumes.push(t);
    }
  }

  private healthcheck(service: ComposeService, test: Node | null): void {
    if (isSeq(test)) {
      const parts = this.list(test).map((p) => this.text(p, `the health check of service ${service.name}`).value);
      const words = parts.includes(undefined) ? undefined : (parts as string[]).filter((p, i) => i > 0 || !/^(CMD|CMD-SHELL|NONE)$/.test(p)).join(" ");
      service.healthcheck = this.located(test, words);
    } else if (test !== null) service.healthcheck = this.text(test, `the health check of service ${service.name}`);
  }
}

/** The container path of a short-syntax volume ("./conf:/conf:ro" → "/conf"). */
export function volumeTarget(volume: string | undefined): string | undefined {
  if (volume === undefined) return undefined;
  const parts = volume.split(":");
  if (parts.length === 1) return parts[0];
  const last = parts.at(-1) as string;
  return /^(ro|rw|z|Z|cached|delegated|consistent|nocopy)(,.*)?$/.test(last) && parts.length >= 3 ? parts.at(-2) : last;
}

import type { ComposeMessageId } from "./meta.js";

/** A Docker Compose project as zkcfg reads it: the services, each value with the place in the YAML that set it. */

/** One compose file (or env file) as read: its path, its name for messages and its text. */
export interface ComposeSource {
  path: string;
  name: string;
  text: string;
}

/** A value and the range (offsets into `source.text`) of the YAML that gave it. */
export interface Located<T> {
  value: T;
  source: ComposeSource;
  start: number;
  end: number;
}

/** An environment variable of a service; `value` undefined when it cannot be resolved (reported as a problem). */
export interface EnvEntry extends Located<string | undefined> {
  name: string;
  /** Set by an `env_file:` (which `environment:` overrides). */
  fromEnvFile?: boolean;
}

export interface ComposeService {
  name: string;
  /** The service's own key in the YAML (the first file that names it). */
  key: Located<string>;
  image?: Located<string | undefined>;
  hostname?: Located<string | undefined>;
  /** Other names the service answers to on its networks. */
  aliases: Located<string>[];
  /** Fixed addresses given on its networks (ipv4_address, ipv6_address). */
  addresses: string[];
  /** `network_mode:` (host: the container shares the Docker host's network). */
  networkMode?: string;
  /** By name; a later file or `environment:` overrides `env_file:`. */
  environment: Map<string, EnvEntry>;
  ports: Located<string | undefined>[];
  volumes: Located<string | undefined>[];
  /** The health check's test, joined into one command line. */
  healthcheck?: Located<string | undefined>;
}

/** A problem with the compose files themselves: YAML errors, unresolved variables, unreadable env files. */
export interface ComposeProblem {
  messageId: Extract<ComposeMessageId, "yamlError" | "unresolved" | "envFile">;
  message: string;
  source: ComposeSource;
  start: number;
  end: number;
}

export interface ComposeProject {
  /** The compose files, in the order given (a later one overrides an earlier one, as Compose merges them). */
  sources: ComposeSource[];
  services: ComposeService[];
  problems: ComposeProblem[];
}

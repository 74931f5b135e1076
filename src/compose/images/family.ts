import type { ZkVersion } from "../../model/version.js";
import type { ComposeService, Located } from "../model.js";

/** The image families zkcfg renders; a settings file may name one for an image of another name. */
export const FAMILY_IDS = ["official", "bitnami", "confluent"] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

/** One line the entrypoint writes, with the YAML that decided it (the variable, or the image line for a default). */
export interface RenderedLine {
  text: string;
  origin: Located<unknown>;
}

/** What an image's entrypoint writes for a service: its config file, line by line, and its myid. */
export interface Rendered {
  version: ZkVersion;
  /** The config file ZooKeeper is started with, inside the container. */
  confPath: string;
  /** Where the entrypoint writes myid. */
  dataDir: string;
  /** Each line of the config file; the file is these lines, each ending in "\n". */
  lines: RenderedLine[];
  /** The id the entrypoint writes into dataDir/myid, and the file's exact text; none when it writes no myid. */
  myid?: RenderedLine & { file: string };
}

/** Something the entrypoint checks before ZooKeeper starts, and refuses: the container exits. */
export interface Refusal {
  message: string;
  at: Located<unknown>;
}

export interface ImageFamily {
  id: FamilyId;
  /** The image as messages name it. */
  label: string;
  /** Repository names (no registry host, no tag) of this image. */
  names: readonly string[];
  /** The prefix of the variables it reads; a variable of another family's prefix is reported. */
  prefix: string;
  /** The ZooKeeper line of a tag; undefined when zkcfg cannot render that tag. */
  version(tag: string): ZkVersion | undefined;
  /** The variables that image version reads. */
  variables(version: ZkVersion): readonly string[];
  /**
   * The variable that sets each zoo.cfg key (`myid` for the id, `server` for the server list):
   * what this image calls a variable written in another image's spelling.
   */
  keyVariables: Readonly<Record<string, string>>;
  /** How this image sets a key it has no variable of its own for, if it has a way. */
  extraFor?(key: string): string;
  /** Variables that only feed the generated config: void when the service mounts its own. */
  configOnly(name: string): boolean;
  /** Whether the entrypoint keeps a config file mounted where it writes its own (else it overwrites it). */
  keepsMountedConfig: boolean;
  /** Variables that pass JVM options, where `-Dzookeeper.4lw.commands.whitelist=` may be set. */
  jvmOptions: readonly string[];
  /** How to whitelist four-letter words on an image with no variable for the key (keyVariables), for `words` (comma-separated). */
  whitelistHint?(words: string): string;
  render(service: ComposeService, image: Located<string | undefined>, version: ZkVersion, tag: string): Rendered | { unknown: string };
  /** What the entrypoint refuses in the service's variables before ZooKeeper starts. */
  refusals(service: ComposeService, image: Located<string | undefined>, version: ZkVersion): Refusal[];
}

/** The config file's text: one line each, each ending in a newline. */
export const configText = (rendered: Rendered): string => rendered.lines.map((l) => `${l.text}\n`).join("");

/** The first variable of `names` that the service sets with no known value: the config then cannot be told. */
export function unknownVariable(service: ComposeService, names: readonly string[]): string | undefined {
  return names.find((name) => service.environment.has(name) && service.environment.get(name)?.value === undefined);
}

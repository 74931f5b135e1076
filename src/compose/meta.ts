import type { RuleMeta } from "../lint/rule.js";

/** The id of every finding about the compose files themselves; documented in the README's "Docker Compose files". */
export const COMPOSE = "compose";

export type ComposeMessageId =
  | "yamlError"
  | "unresolved"
  | "envFile"
  | "mountedConfig"
  | "imageRefuses"
  | "configOverwritten"
  | "noEffect"
  | "myidElsewhere"
  | "unknownVariable"
  | "serverHost"
  | "serverIdMismatch"
  | "ownAddress"
  | "hostPort"
  | "healthcheck4lw";

/** Impact of each compose message, from which its severity follows; the texts describe them (the messages name the service and values). */
export const composeMeta: RuleMeta<ComposeMessageId> = {
  description: "Docker Compose services of ZooKeeper images: the YAML, the image's variables, and the services together",
  fixable: false,
  messages: {
    yamlError: { text: "The compose file is not valid YAML", impact: "startup" },
    unresolved: { text: "A value uses a variable that the project's .env does not set", impact: "startup" },
    envFile: { text: "An env_file cannot be read or lies outside the project", impact: "startup" },
    mountedConfig: { text: "A mounted zoo.cfg cannot be read, so it is not linted", impact: "maintenance" },
    imageRefuses: { text: "The image's entrypoint refuses the service's variables and exits before ZooKeeper starts", impact: "startup" },
    configOverwritten: { text: "A config file mounted where the image renders its own at every start", impact: "runtime" },
    noEffect: { text: "A variable that only feeds the zoo.cfg the entrypoint writes, on a service that mounts its own", impact: "runtime" },
    myidElsewhere: { text: "A mounted zoo.cfg keeps its data where the entrypoint writes no myid", impact: "startup" },
    unknownVariable: { text: "A ZOO_* variable that the image version does not read", impact: "runtime" },
    serverHost: { text: "A server line names a host that no service of the project is called", impact: "runtime" },
    serverIdMismatch: { text: "A server line names the service that runs another id", impact: "startup" },
    ownAddress: { text: "A service's own server line names an address its container does not have", impact: "startup" },
    hostPort: { text: "Two services publish one port of the Docker host", impact: "startup" },
    // The server runs, but its health check always fails, so the container never reports healthy.
    healthcheck4lw: { text: "A health check sends a four-letter word that the server does not whitelist", impact: "runtime", severity: "error" },
  },
};

import { basename } from "node:path";

/** Compose files by name: docker-compose.yml, compose.yaml, compose.override.yml, docker-compose.prod.yaml… */
export const isComposeFile = (path: string): boolean => /^(docker-)?compose(\.[^/]+)?\.ya?ml$/.test(basename(path));

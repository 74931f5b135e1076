import type { ZkVersion } from "../../model/version.js";
import { bitnami } from "./bitnami.js";
import { confluent } from "./confluent.js";
import type { FamilyId, ImageFamily } from "./family.js";
import { official } from "./official.js";

/** Every image family zkcfg renders: what each reads and writes is the family's own module. */
export const FAMILIES: readonly ImageFamily[] = [official, bitnami, confluent];

export const familyById = (id: FamilyId): ImageFamily => FAMILIES.find((f) => f.id === id) as ImageFamily;

/** Settings: image name (no tag; `*` matches any characters) → the family it is built like. */
export type ImageSettings = Readonly<Record<string, FamilyId>>;

export interface ImageMatch {
  family: ImageFamily;
  tag: string;
  version: ZkVersion;
}

/** "docker.io/bitnami/zookeeper:3.9@sha256:…" → name "docker.io/bitnami/zookeeper", tag "3.9" (no tag: "latest"). */
export function splitImage(image: string): { name: string; tag: string } {
  const ref = image.trim().replace(/@.*$/, "");
  const colon = ref.lastIndexOf(":");
  // A colon before the last slash belongs to a registry's port (registry:5000/zk).
  if (colon > ref.lastIndexOf("/")) return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { name: ref, tag: "latest" };
}

/** The name on Docker Hub without its host and `library/`: "docker.io/library/zookeeper" → "zookeeper". */
const hubName = (name: string): string => name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "").replace(/^library\//, "");

const globMatches = (glob: string, name: string): boolean =>
  new RegExp(
    `^${glob
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  ).test(name);

/** The family an image is built like, by its name or the settings; undefined for other images and for tags zkcfg cannot render. */
export function detectImage(image: string, settings: ImageSettings = {}): ImageMatch | undefined {
  const { name, tag } = splitImage(image);
  const named = Object.entries(settings).find(([glob]) => globMatches(glob, name));
  const family = named ? familyById(named[1]) : FAMILIES.find((f) => f.names.includes(hubName(name)));
  if (!family) return undefined;
  const version = family.version(tag);
  return version === undefined ? undefined : { family, tag, version };
}

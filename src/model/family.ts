import type { ConfigFile } from "./config-file.js";
import { addressHost } from "./hosts.js";
import { sameServerLines } from "./member-signature.js";

/**
 * Configs whose server lists overlap, as the configs of one ensemble do even when they disagree:
 * they name one quorum or election address (host and port), one server id on one named host, or
 * belong to one ensemble. A family is at least as large as each of its files' ensembles.
 */
export class Family {
  readonly files: ConfigFile[] = [];
  #same: boolean | undefined;

  /** Every file has the same server lines, written alike (the usual ensemble): asked once, then kept. */
  get sameServerLines(): boolean {
    return (this.#same ??= sameServerLines(this.files.map((f) => f.config.servers)));
  }
}

/** A port's key among a host's keys: quorum ports as they are, election ports above every port. */
const ELECTION = 65536;

/**
 * Links files that share a key (union-find over hashed keys), so the work grows with the number
 * of server lines, never with pairs of files. The keys of a host sit in one map of their own
 * (ports as numbers, member ids as bigints), so no key string is built per address. Hosts are
 * told apart per site: a name in another folder's configs is another project's machine.
 */
export function groupFamilies<E>(files: ConfigFile[], ensembleOf: (file: ConfigFile) => E, siteOf: (file: ConfigFile) => string): Map<ConfigFile, Family> {
  const parent = files.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  const link = <K>(owner: Map<K, number>, key: K, i: number): void => {
    const first = owner.get(key);
    if (first === undefined) owner.set(key, i);
    else parent[root(i)] = root(first);
  };
  const byEnsemble = new Map<E, number>();
  const byHost = new Map<string, Map<number | bigint, number>>();
  files.forEach((file, i) => {
    link(byEnsemble, ensembleOf(file), i);
    const site = siteOf(file);
    for (const spec of file.config.servers) {
      for (const a of spec.addresses) {
        // A wildcard (a server's own line bound to 0.0.0.0) names no machine.
        const host = addressHost(a.host.value);
        if (host === "*") continue;
        const hostInSite = `${site}\0${host}`;
        let keys = byHost.get(hostInSite);
        if (!keys) byHost.set(hostInSite, (keys = new Map()));
        // By role: one cluster's election port that is another's quorum port is a clash, not a shared server.
        link(keys, a.quorumPort.value, i);
        link(keys, ELECTION + a.electionPort.value, i);
        // Loopback ids repeat in every pseudo-cluster on a machine; a named host's do not.
        if (host !== "loopback") link(keys, spec.id, i);
      }
    }
  });
  const families = new Map<number, Family>();
  const out = new Map<ConfigFile, Family>();
  files.forEach((file, i) => {
    const r = root(i);
    let family = families.get(r);
    if (!family) families.set(r, (family = new Family()));
    family.files.push(file);
    out.set(file, family);
  });
  return out;
}

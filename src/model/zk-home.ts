import { dirname, join } from "node:path";
import type { FileSystem } from "../io/fs.js";

/** A ZooKeeper installation a config sits in, and the file or directory that shows it. */
export interface ZookeeperHome {
  /** The home: zkServer.sh runs from its bin/ and looks up bare config names in its conf/. */
  dir: string;
  /** What was found there: its bin/zkServer.sh, or its conf/ directory. */
  evidence: string;
}

/**
 * The ZooKeeper home around a config kept outside conf/: the config's own directory when it holds
 * bin/zkServer.sh or a conf/ directory, or its parent when that holds bin/zkServer.sh (a config
 * kept in bin/ or another folder of the home). A Docker, Kubernetes or provisioning repository has
 * neither, and there zkServer.sh's lookup is not what starts the server.
 */
export function findZookeeperHome(fs: FileSystem, configPath: string): ZookeeperHome | undefined {
  const dir = dirname(configPath);
  const candidates: [string, string, "file" | "directory"][] = [
    [dir, join(dir, "bin", "zkServer.sh"), "file"],
    [dir, join(dir, "conf"), "directory"],
    [dirname(dir), join(dirname(dir), "bin", "zkServer.sh"), "file"],
  ];
  for (const [home, evidence, kind] of candidates) if (fs.kind(evidence) === kind) return { dir: home, evidence };
  return undefined;
}

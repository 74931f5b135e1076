import { basename, dirname, join, resolve } from "node:path";
import { isAbsolutePath } from "../src/model/facts.js";
import { javaTrim } from "../src/model/java-number.js";
import { hasPlaceholder } from "../src/model/template.js";
import { atLeast } from "../src/model/version.js";
import { defineRule } from "../src/lint/rule.js";

/** zkServer.sh's own config names; Kafka-style *.properties are started by other scripts. */
const ZK_SERVER_CONFIG = /^zoo.*\.cfg$/;

/**
 * zkEnv.sh's conf dir: $ZOOBINDIR/../conf, or $ZOOBINDIR/../etc/zookeeper when there is no
 * ../conf (the layout of packages that put the scripts in <prefix>/bin, e.g. Homebrew's).
 */
function inConfDir(path: string, directoryName: string): boolean {
  if (directoryName === "conf") return true;
  const dir = dirname(resolve(path));
  return basename(dir) === "zookeeper" && basename(dirname(dir)) === "etc";
}

export default defineRule({
  id: "config-location",
  meta: {
    description: "Config files, data directories and dynamic files are where ZooKeeper and zkServer.sh will look for them",
    fixable: false,
    messages: {
      outsideConfDir: {
        text: '{{file}} is not in the conf/ directory of the ZooKeeper home it sits in ({{evidence}}): "zkServer.sh start {{base}}" looks for it in {{confDir}} and fails with "file is missing"; start it as "zkServer.sh start {{absolute}}" or move it into {{confDir}}',
        impact: "maintenance",
      },
      relativeDir: {
        text: '{{key}} "{{value}}" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        impact: "runtime",
      },
      emptyDir: {
        text: '{{key}} "{{value}}" is empty: ZooKeeper crashes while checking it (StringIndexOutOfBoundsException) and exits; use an absolute path',
        impact: "startup",
      },
      tooShortDir: {
        text: '{{key}} "{{value}}" is a one-character relative path: ZooKeeper crashes while checking it (StringIndexOutOfBoundsException) and exits; use an absolute path',
        impact: "startup",
      },
      missingDynamicFile: {
        text: 'dynamicConfigFile "{{value}}" does not exist ({{path}}); ZooKeeper exits with "Error processing {{value}}" (FileNotFoundException); create it with the server.N lines or fix the path',
        impact: "startup",
      },
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config, facts } = file;
      const base = basename(file.path);
      const home = facts.zookeeperHome;
      // Only a ZooKeeper home has a zkServer.sh whose conf-dir lookup could miss the file.
      if (home && ZK_SERVER_CONFIG.test(base) && !inConfDir(file.path, facts.directoryName)) {
        yield {
          messageId: "outsideConfDir",
          data: { file: file.name, base, absolute: resolve(file.path), evidence: home.evidence, confDir: join(home.dir, "conf") },
          file,
          range: { start: 0, end: 0 },
        };
      }
      for (const key of ["dataDir", "dataLogDir"]) {
        const entry = config.get(key);
        if (!entry) continue;
        const value = javaTrim(entry.value);
        // A template's placeholder (dataDir=${DATA_DIR}) becomes the path when the file is rendered.
        if (isAbsolutePath(value) || hasPlaceholder(value)) continue;
        // ZooKeeper's relative-path check (3.5+) reads the first two chars: shorter values crash it.
        if (value.length < 2 && atLeast(config.version, "3.5")) {
          yield { messageId: value.length === 0 ? "emptyDir" : "tooShortDir", data: { key, value }, file, range: entry.valueRange };
        } else {
          yield { messageId: "relativeDir", data: { key, value }, file, range: entry.valueRange };
        }
      }
      const dyn = facts.dynamicFile;
      const dataDirState = facts.dataDir?.state;
      // 3.4 has no dynamic config: the key is just another system property.
      if (!dyn || !atLeast(config.version, "3.5")) continue;
      if (dyn.configured !== "" && dyn.relative && !hasPlaceholder(dyn.configured)) {
        // ZooKeeper opens it from the working directory, so whether it exists depends on where the server starts.
        yield { messageId: "relativeDir", data: { key: "dynamicConfigFile", value: dyn.configured }, file, range: dyn.entry.valueRange };
      }
      if (dyn.exists === false && dataDirState !== "elsewhere") {
        // A config for another machine (dataDir not here) has its dynamic file there too.
        yield { messageId: "missingDynamicFile", data: { value: dyn.configured, path: dyn.path }, file, range: dyn.entry.valueRange };
      }
    }
  },
});

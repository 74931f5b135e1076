import { basename, isAbsolute, resolve } from "node:path";
import { javaTrim } from "../src/model/java-number.js";
import { defineRule } from "../src/lint/rule.js";

/** zkServer.sh's own config names; Kafka-style *.properties are started by other scripts. */
const ZK_SERVER_CONFIG = /^zoo.*\.cfg$/;

export default defineRule({
  id: "config-location",
  meta: {
    description: "Config files, data directories and dynamic files are where ZooKeeper and zkServer.sh will look for them",
    fixable: false,
    messages: {
      outsideConfDir: {
        text: '{{file}} is not in a conf/ directory: "zkServer.sh start {{base}}" looks for it in zkServer.sh\'s conf dir and fails with "file is missing"; start it as "zkServer.sh start {{absolute}}" or move it into conf/',
        impact: "maintenance",
        severity: "warn",
      },
      relativeDir: {
        text: '{{key}} "{{value}}" is relative: ZooKeeper resolves it against the directory the server happens to be started from; use an absolute path',
        impact: "runtime",
        severity: "warn",
      },
      tooShortDir: {
        text: '{{key}} "{{value}}" is {{what}}: ZooKeeper crashes while checking it (StringIndexOutOfBoundsException) and exits; use an absolute path',
        impact: "startup",
        severity: "error",
      },
      missingDynamicFile: {
        text: 'dynamicConfigFile "{{value}}" does not exist ({{path}}); ZooKeeper exits with "Error processing {{value}}" (FileNotFoundException); create it with the server.N lines or fix the path',
        impact: "startup",
        severity: "error",
      },
    },
  },
  *check({ workspace }) {
    for (const file of workspace.files) {
      const { config, facts } = file;
      const base = basename(file.path);
      if (ZK_SERVER_CONFIG.test(base) && facts.directoryName !== "conf") {
        yield {
          messageId: "outsideConfDir",
          data: { file: file.name, base, absolute: resolve(file.path) },
          file,
          range: { start: 0, end: 0 },
        };
      }
      for (const key of ["dataDir", "dataLogDir"]) {
        const entry = config.get(key);
        if (!entry) continue;
        const value = javaTrim(entry.value);
        if (isAbsolute(value)) continue;
        // ZooKeeper's relative-path check reads the first two chars: shorter values crash it.
        if (value.length < 2) {
          const what = value.length === 0 ? "empty" : "a one-character relative path";
          yield { messageId: "tooShortDir", data: { key, value, what }, file, range: entry.valueRange };
        } else {
          yield { messageId: "relativeDir", data: { key, value }, file, range: entry.valueRange };
        }
      }
      const dyn = facts.dynamicFile;
      const dataDirState = facts.dataDir?.state;
      // A config for another machine: its dynamic file is not here either.
      if (dyn && dyn.exists === false && dataDirState !== "elsewhere") {
        yield { messageId: "missingDynamicFile", data: { value: dyn.configured, path: dyn.path }, file, range: dyn.entry.valueRange };
      }
    }
  },
});

// The ESLint plugin, through ESLint's own API: the same diagnostics as the CLI (messages, ids,
// severities, lines and columns), from the same rule implementations.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import plugin from "../../src/eslint/plugin.js";
import { REPO, writeTree, zkcfg } from "../cli/run-cli.js";

const EXAMPLE = "fixtures/examples/pseudo-cluster";
const work = realpathSync(mkdtempSync(join(tmpdir(), "zkcfg-eslint-")));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Shown {
  file: string;
  ruleId: string;
  messageId: string;
  message: string;
  severity: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const order = (a: Shown, b: Shown): number =>
  `${a.file}\0${a.line}\0${a.column}\0${a.ruleId}\0${a.message}`.localeCompare(`${b.file}\0${b.line}\0${b.column}\0${b.ruleId}\0${b.message}`);

/** The recommended config (its processor included) for every .cfg file, with these options and rule settings. */
function zoocfgConfig(languageOptions: Record<string, unknown> = {}, ruleSettings: Linter.RulesRecord = plugin.configs.recommended.rules): Linter.Config[] {
  return [{ ...plugin.configs.recommended, files: ["**/*.cfg"], languageOptions, rules: ruleSettings }];
}

async function eslintLint(cwd: string, patterns: string[], config: Linter.Config[]): Promise<Shown[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((r) =>
      r.messages.map((m) => ({
        file: relative(cwd, r.filePath),
        ruleId: (m.ruleId ?? "").replace(/^zkcfg\//, ""),
        messageId: m.messageId ?? "",
        message: m.message,
        severity: m.severity,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? 0,
        endColumn: m.endColumn ?? 0,
      })),
    )
    .sort(order);
}

function cliLint(cwd: string, args: string[]): Shown[] {
  const r = zkcfg(["lint", "--format", "json", ...args], { cwd });
  const results = JSON.parse(r.stdout) as { filePath: string; messages: Omit<Shown, "file">[] }[];
  return results
    .flatMap((res) =>
      res.messages.map(({ ruleId, messageId, message, severity, line, column, endLine, endColumn }) => ({
        file: res.filePath,
        ruleId,
        messageId,
        message,
        severity,
        line,
        column,
        endLine,
        endColumn,
      })),
    )
    .sort(order);
}

describe("zkcfg/zoocfg with the recommended rules", () => {
  it("reports on the pseudo-cluster example what `zkcfg lint` reports, each message at the CLI's severity", async () => {
    const fromEslint = await eslintLint(REPO, [`${EXAMPLE}/conf/*.cfg`], zoocfgConfig({ root: EXAMPLE }));
    const fromCli = cliLint(REPO, [`${EXAMPLE}/conf/*.cfg`]);
    expect(fromEslint).toEqual(fromCli);
    // port-collision, a rule with error messages, reports its AdminServer clash as the warning it is.
    expect(fromEslint.filter((m) => m.ruleId === "port-collision").map((m) => [m.messageId, m.severity])).toEqual(Array(3).fill(["adminInQuorum", 1]));
    expect(fromEslint.filter((m) => m.ruleId === "myid-matches-datadir").map((m) => m.severity)).toEqual([2, 2, 2]);
    // The walk-through's findings are there: three missing myids and three servers on port 8080.
    expect(fromEslint.filter((m) => m.messageId === "missingMyidFixable").map((m) => `${m.file}:${m.line}:${m.column}-${m.endColumn}`)).toEqual(
      [1, 2, 3].map((i) => `${EXAMPLE}/conf/zoo_218${i}.cfg:4:9-47`),
    );
    expect(fromEslint.filter((m) => m.ruleId === "port-collision" && m.message.startsWith("Port 8080"))).toHaveLength(3);
  });

  const fixtureCases = [
    "port-collision/invalid/seed-layout-admin-server-default-8080",
    "port-collision/invalid/admin-server-port-copied-to-second-config",
    "myid-matches-datadir/invalid/duplicate-myid-across-configs",
    "myid-matches-datadir/invalid/myid-not-in-server-list",
    "odd-server-count/invalid/four-voters",
    "init-sync-limits/invalid/sync-limit-longer-than-init-limit",
  ];

  const configsIn = (dir: string): string[] => {
    const found: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith(".cfg")) found.push(relative(dir, p));
      }
    };
    walk(dir);
    return found;
  };

  it.each(fixtureCases)("reports on fixtures/%s what the CLI and the fixture's .out report", async (name) => {
    const dir = join(REPO, "fixtures", name);
    const ruleId = name.split("/")[0] as string;
    const files = configsIn(dir);
    // The case folder stands for "/" of its host, as in the fixture tests.
    const fromEslint = await eslintLint(dir, files, zoocfgConfig({ root: "." }));
    expect(fromEslint).toEqual(cliLint(dir, ["--no-config", "--root", ".", ...files]));
    const expected = readFileSync(`${dir}.out`, "utf8").split("\n").filter(Boolean);
    // Paths under the root print as they are on disk; the .out was made with the case mounted at "/".
    const own = fromEslint.filter((m) => m.ruleId === ruleId).map((m) => `${m.file}:${m.line}:${m.column}: ${m.message.split(dir).join("")} [${m.ruleId}]`);
    expect(own).toEqual(expected.map((l) => l.replace(/: (error|warning) /, ": ")));
  });

  it("runs only the rules the config turns on, never above the severity it gives", async () => {
    const only = await new ESLint({
      cwd: REPO,
      overrideConfigFile: true,
      overrideConfig: zoocfgConfig({ root: EXAMPLE }, { "zkcfg/port-collision": "warn", "zkcfg/myid-matches-datadir": "warn" }),
    }).lintFiles([`${EXAMPLE}/conf/zoo_2181.cfg`]);
    // The missing myid, an error at "error", is a warning at "warn".
    expect(only[0]?.messages.map((m) => [m.ruleId, m.messageId, m.severity, m.line, m.column])).toEqual([
      ["zkcfg/port-collision", "adminInQuorum", 1, 1, 1],
      ["zkcfg/myid-matches-datadir", "missingMyidFixable", 1, 4, 9],
    ]);
    expect([only[0]?.errorCount, only[0]?.warningCount]).toEqual([0, 2]);
  });
});

describe("zkcfg/compose with the recommended rules", () => {
  const COMPOSE_EXAMPLE = "fixtures/examples/compose/official/docker-compose.yml";
  const composeConfig = (): Linter.Config[] => [plugin.configs.recommended];
  // The CLI prints a compose file's absolute path; ESLint's is made relative like the others.
  const cliCompose = (cwd: string, args: string[]): Shown[] =>
    cliLint(cwd, ["--no-config", ...args]).map((m) => ({ ...m, file: relative(cwd, resolve(cwd, m.file)) }));
  // A compose finding's message is the CLI's, which names the service: ESLint passes it whole, under the message id with "InCompose".
  const asEslint = (shown: Shown[]): Shown[] => shown.map((m) => ({ ...m, messageId: `${m.messageId}InCompose` }));

  it("finds nothing in the clean compose example, as `zkcfg lint` finds nothing", async () => {
    expect(await eslintLint(REPO, [COMPOSE_EXAMPLE], composeConfig())).toEqual([]);
    expect(cliCompose(REPO, [COMPOSE_EXAMPLE])).toEqual([]);
  });

  it.each(["same-id", "published-port-clash", "bitnami-variable", "healthcheck-not-whitelisted"])(
    "reports on fixtures/compose/invalid/%s what the CLI reports, at the same YAML positions",
    async (name) => {
      const file = `fixtures/compose/invalid/${name}/docker-compose.yml`;
      const fromEslint = await eslintLint(REPO, [file], composeConfig());
      expect(fromEslint.length).toBeGreaterThan(0);
      expect(fromEslint).toEqual(asEslint(cliCompose(REPO, [file])));
    },
  );

  it("reports a YAML error at its position, and a compose file that is not UTF-8 ASCII at the character ESLint counts", async () => {
    const dir = writeTree(join(work, "compose"), {
      "broken/compose.yaml": "services:\n  zoo1:\n    image: [zookeeper\n",
      "accents/compose.yaml":
        "# Zoë's ensemble\nservices:\n  zoo1:\n    image: zookeeper:3.9\n    environment:\n      ZOO_MY_ID: 1\n      ZOO_SERVERS: server.1=zoë:2888:3888;2181 server.2=zoo2:2888:3888;2181\n",
    });
    for (const file of ["broken/compose.yaml", "accents/compose.yaml"]) {
      const fromEslint = await eslintLint(dir, [file], composeConfig());
      expect(fromEslint.length, file).toBeGreaterThan(0);
      expect(fromEslint).toEqual(asEslint(cliCompose(dir, [file])));
    }
  });
});

describe("language options", () => {
  it("zkVersion: 3.4 has no AdminServer, so no clash on 8080", async () => {
    const messages = await eslintLint(REPO, [`${EXAMPLE}/conf/zoo_2181.cfg`], zoocfgConfig({ root: EXAMPLE, zkVersion: "3.4" }));
    expect(messages.some((m) => m.message.includes("8080"))).toBe(false);
    expect(messages.some((m) => m.messageId === "missingMyidFixable")).toBe(true);
  });

  it("syntaxOnly skips the file-system checks; without root, the loopback example's data dirs are not read", async () => {
    const syntaxOnly = await eslintLint(REPO, [`${EXAMPLE}/conf/zoo_2181.cfg`], zoocfgConfig({ root: EXAMPLE, syntaxOnly: true }));
    expect(syntaxOnly.some((m) => m.ruleId === "myid-matches-datadir")).toBe(false);
    const rooted = await eslintLint(REPO, [`${EXAMPLE}/conf/zoo_2181.cfg`], zoocfgConfig({ root: EXAMPLE }));
    expect(rooted.some((m) => m.messageId === "missingMyidFixable")).toBe(true);
    // Loopback lines prove one host, not this one: /usr/local/zookeeper/quorum-data here is not that host's.
    const unrooted = await eslintLint(REPO, [`${EXAMPLE}/conf/zoo_2181.cfg`], zoocfgConfig());
    expect(unrooted.some((m) => m.ruleId === "myid-matches-datadir")).toBe(false);
  });

  it.each([
    [{ zkVersion: "4.0" }, 'zkVersion must be a ZooKeeper version from 3.4 to 3.9, not "4.0"'],
    [{ root: 1 }, "root must be a directory (a string), not 1"],
    [{ syntaxOnly: "yes" }, 'syntaxOnly must be true or false, not "yes"'],
    [{ ecmaVersion: 2024 }, '"ecmaVersion" is not an option of the zoocfg language; its options are zkVersion, root and syntaxOnly'],
  ])("rejects %j", async (options, message) => {
    await expect(eslintLint(REPO, [`${EXAMPLE}/conf/zoo_2181.cfg`], zoocfgConfig(options))).rejects.toThrow(message);
  });
});

describe("text ESLint decodes differently from ZooKeeper", () => {
  const dir = writeTree(join(work, "bytes"), {
    "conf/umlaut.cfg": "tickTime=2000\ninitLimit=ä5\nsyncLimit=2\ndataDir=/nonexistent/zk\nclientPort=2181\n",
    "conf/bom.cfg": "\uFEFFtickTime=2000\ninitLimit=5\nsyncLimit=2\ndataDir=/nonexistent/zk\nclientPort=2181\n4lw.commands.whitelist=RUOK, stat\n",
  });

  it("columns count ESLint's characters, not the file's bytes", async () => {
    const [notNumber] = (await eslintLint(dir, ["conf/umlaut.cfg"], zoocfgConfig())).filter((m) => m.messageId === "notNumber");
    expect(notNumber).toMatchObject({ line: 2, column: 11, endLine: 2, endColumn: 13 });
    expect(readFileSync(join(dir, "conf/umlaut.cfg"), "utf8").split("\n")[1]?.slice(10, 12)).toBe("ä5");
    // The CLI counts bytes: "ä" is two of them in UTF-8.
    expect(cliLint(dir, ["conf/umlaut.cfg"]).find((m) => m.messageId === "notNumber")).toMatchObject({ line: 2, column: 11, endColumn: 14 });
  });

  it("eslint --fix makes the edits `zkcfg fix` makes, the byte order mark included", async () => {
    const eslint = new ESLint({ cwd: dir, fix: true, overrideConfigFile: true, overrideConfig: zoocfgConfig() });
    const [result] = await eslint.lintFiles(["conf/bom.cfg"]);
    const copy = join(work, "fixed");
    cpSync(dir, copy, { recursive: true });
    expect(zkcfg(["fix", "conf/bom.cfg"], { cwd: copy }).stderr).toBe("");
    const fixedByCli = readFileSync(join(copy, "conf/bom.cfg"), "utf8");
    expect(fixedByCli).not.toBe(readFileSync(join(dir, "conf/bom.cfg"), "utf8"));
    expect(fixedByCli).toContain("4lw.commands.whitelist=ruok, stat\n");
    expect(result?.output).toBe(fixedByCli);
  });
});

describe("the published plugin", () => {
  it("is exported as zkcfg/eslint-plugin, built, with the language, every rule and the recommended config", () => {
    const script = `
      const { ESLint } = await import("eslint");
      const { default: plugin } = await import("zkcfg/eslint-plugin");
      const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.recommended, { languageOptions: { root: ${JSON.stringify(EXAMPLE)} } }] });
      const [result] = await eslint.lintFiles([${JSON.stringify(`${EXAMPLE}/conf/zoo_2182.cfg`)}]);
      console.log(JSON.stringify({ meta: plugin.meta, rules: Object.keys(plugin.rules), recommended: plugin.configs.recommended.rules, messages: result.messages.map((m) => [m.ruleId, m.line, m.column, m.severity]) }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const shown = JSON.parse(r.stdout) as { meta: object; rules: string[]; recommended: Record<string, string>; messages: [string, number, number, number][] };
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { name: string; version: string };
    expect(shown.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: "zkcfg" });
    expect(shown.rules).toEqual([...rules.map((r) => r.id), "compose"]);
    expect(shown.recommended).toEqual(plugin.configs.recommended.rules);
    expect(shown.messages).toContainEqual(["zkcfg/myid-matches-datadir", 4, 9, 2]);
    expect(shown.messages).toContainEqual(["zkcfg/port-collision", 1, 1, 1]);
  });

  it("recommends every rule at error, with the processor that gives each message zkcfg's severity", () => {
    expect(plugin.configs.recommended).toMatchObject({
      files: expect.arrayContaining(["**/zoo*.cfg", "**/conf/**/*.cfg", "**/docker-compose.yml", "**/compose.yaml"]),
      language: "zkcfg/zoocfg",
      processor: "zkcfg/severities",
    });
    expect(plugin.configs.recommended.rules).toEqual(Object.fromEntries([...rules.map((r) => r.id), "compose"].map((id) => [`zkcfg/${id}`, "error"])));
  });

  it("the processor lowers a message to zkcfg's severity and leaves other plugins' messages alone", () => {
    const { postprocess } = plugin.processors.severities;
    const at = { line: 1, column: 1, message: "m" };
    const messages: Linter.LintMessage[] = [
      { ...at, ruleId: "zkcfg/odd-server-count", messageId: "even", severity: 2 },
      { ...at, ruleId: "zkcfg/myid-matches-datadir", messageId: "missingMyidFixable", severity: 2 },
      { ...at, ruleId: "zkcfg/myid-matches-datadir", messageId: "missingMyidFixable", severity: 1 },
      { ...at, ruleId: "other/rule", messageId: "even", severity: 2 },
    ];
    expect(postprocess?.([messages], "zoo.cfg").map((m) => m.severity)).toEqual([1, 2, 1, 2]);
  });
});

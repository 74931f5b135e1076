// What datadir-durability, four-letter-words and zkserver-script-compat say ZooKeeper does,
// checked against the real server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { zkcfg } from "../cli/run-cli.js";
import { describeWithZooKeeper, fourLetter, freePorts, runConfigCheck, startServer, stopAll, waitForMode } from "./harness.js";

interface JsonMessage {
  ruleId: string;
  messageId: string;
  severity: number;
  impact: string;
}

describeWithZooKeeper("the three rules' claims about ZooKeeper", () => {
  const work = mkdtempSync(join(tmpdir(), "zkcfg-durability-"));
  afterEach(async () => {
    await stopAll();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  let cases = 0;
  /** A standalone config in a fresh folder: its path and its data directory. */
  async function standalone(lines: string[], bytes?: (text: string) => Buffer): Promise<{ config: string; data: string; port: number }> {
    const dir = join(work, `case${cases++}`);
    const data = join(dir, "data");
    mkdirSync(join(dir, "conf"), { recursive: true });
    mkdirSync(data);
    const [port] = await freePorts(1);
    const text =
      ["tickTime=2000", `dataDir=${data}`, `clientPort=${port}`, "clientPortAddress=127.0.0.1", "admin.enableServer=false", ...lines].join("\n") + "\n";
    const config = join(dir, "conf", "zoo.cfg");
    writeFileSync(config, bytes ? bytes(text) : text);
    return { config, data, port: port as number };
  }

  const lint = (config: string): JsonMessage[] => {
    // --root /: the config is for this machine, whose files ZooKeeper reads.
    const run = zkcfg(["lint", "--format", "json", "--no-config", "--root", "/", config]);
    return (JSON.parse(run.stdout) as { messages: JsonMessage[] }[]).flatMap((r) => r.messages);
  };

  it("dataLogDir naming dataDir through a dot: the first start works, every later one exits", async () => {
    const { config, data } = await standalone([]);
    writeFileSync(config, `dataLogDir=${data}/.\n`, { flag: "a" });
    expect(lint(config)).toContainEqual(expect.objectContaining({ messageId: "spelledDifferently", severity: 2, impact: "startup" }));
    const first = await runConfigCheck(config, 5_000);
    expect(first.refused, first.output.slice(-600)).toBe(false);
    const second = await runConfigCheck(config, 5_000);
    expect(second.exitCode).toBe(3);
    expect(second.output).toContain("Log directory has snapshot files. Check if dataLogDir and dataDir configuration is correct.");
  }, 30_000);

  it("a byte order mark before dataDir: ZooKeeper exits with dataDir is not set", async () => {
    const { config } = await standalone([], (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.split("\n").slice(1).join("\n"))]));
    expect(lint(config)).toContainEqual(expect.objectContaining({ messageId: "bomDataDir", severity: 2, impact: "startup" }));
    const check = await runConfigCheck(config, 5_000);
    expect(check.exitCode).toBe(2);
    expect(check.output).toContain("dataDir is not set");
  }, 30_000);

  it("autopurge.snapRetainCount below 3 is replaced by 3, with a warning", async () => {
    const { config, port } = await standalone(["autopurge.snapRetainCount=1"]);
    expect(lint(config)).toContainEqual(expect.objectContaining({ messageId: "retainTooLow", impact: "runtime" }));
    const server = startServer(config);
    await waitForMode(port, 15_000, { server });
    expect(server.log()).toContain("Invalid autopurge.snapRetainCount: 1. Defaulting to 3");
  }, 30_000);

  const whitelists: { value: string | undefined; messageIds: string[]; answered: string[]; refused: string[] }[] = [
    { value: undefined, messageIds: [], answered: ["srvr"], refused: ["ruok", "mntr"] },
    { value: "ruok stat mntr", messageIds: ["listSeparator"], answered: ["srvr"], refused: ["ruok", "stat"] },
    { value: "RUOK, mntr", messageIds: ["wrongCase"], answered: ["mntr"], refused: ["ruok"] },
    { value: "ruok, *", messageIds: ["starWithNames"], answered: ["ruok", "wchs", "conf"], refused: [] },
    { value: "", messageIds: ["empty"], answered: ["srvr"], refused: ["ruok"] },
  ];
  for (const w of whitelists) {
    it(`4lw.commands.whitelist ${w.value === undefined ? "absent" : JSON.stringify(w.value)}`, async () => {
      const { config, port } = await standalone(w.value === undefined ? [] : [`4lw.commands.whitelist=${w.value}`]);
      expect(
        lint(config)
          .filter((m) => m.ruleId === "four-letter-words")
          .map((m) => m.messageId),
      ).toEqual(w.messageIds);
      const server = startServer(config);
      await waitForMode(port, 15_000, { server });
      for (const cmd of w.answered) expect(await fourLetter(port, cmd)).not.toContain("is not executed");
      for (const cmd of w.refused) expect(await fourLetter(port, cmd)).toBe(`${cmd} is not executed because it is not in the whitelist.\n`);
    }, 30_000);
  }
});

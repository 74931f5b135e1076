// Ports published on the Docker host: the short syntax's variants, the long syntax, and when two
// bindings share a port (protocol and address overlapping).
import { describe, expect, it } from "vitest";
import { MemoryFileSystem } from "../../src/io/memory-fs.js";
import { lintCompose } from "../../src/compose/lint.js";
import { hostPortsOf } from "../../src/compose/ports.js";

describe("the host ports of a short-syntax entry", () => {
  it.each([
    ["2181:2181", { ip: "", proto: "tcp", from: 2181, to: 2181, fixed: true }],
    ["127.0.0.1:2181:2181", { ip: "127.0.0.1", proto: "tcp", from: 2181, to: 2181, fixed: true }],
    ["[::1]:2181:2181", { ip: "::1", proto: "tcp", from: 2181, to: 2181, fixed: true }],
    ["::1:2181:2181", { ip: "::1", proto: "tcp", from: 2181, to: 2181, fixed: true }],
    ["2181:2181/udp", { ip: "", proto: "udp", from: 2181, to: 2181, fixed: true }],
    ["2181-2183:2181-2183", { ip: "", proto: "tcp", from: 2181, to: 2183, fixed: true }],
    // One free port of the range, whichever Docker finds.
    ["2181-2183:2181", { ip: "", proto: "tcp", from: 2181, to: 2183, fixed: false }],
  ])("%s", (spec, expected) => expect(hostPortsOf(spec)).toEqual(expected));

  it.each(["2181", "2181-2183", "127.0.0.1::2181", "2183-2181:2181", "${PORT}:2181"])("%s publishes no port zkcfg can name", (spec) => {
    expect(hostPortsOf(spec)).toBeUndefined();
  });
});

/** The host-port findings of two services publishing `a` and `b` (YAML list items). */
function clashes(a: string, b: string, env: Record<string, string> = {}) {
  const service = (name: string, ports: string) =>
    `  ${name}:\n    image: zookeeper:3.9\n    environment:\n      ZOO_MY_ID: ${name.slice(-1)}\n    ports:\n${ports}`;
  const text = `services:\n${service("zoo1", a)}${service("zoo2", b)}`;
  const files = new MemoryFileSystem({
    "/p/.env": Object.entries(env)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  });
  const [result] = lintCompose([{ path: "/p/compose.yaml", name: "compose.yaml", bytes: Buffer.from(text) }], files, "/p", "ci");
  return (result?.messages ?? []).filter((m) => m.ruleId === "compose").map((m) => `${m.messageId} ${m.line}:${m.column}`);
}

const short = (spec: string) => `      - "${spec}"\n`;
const long = (fields: Record<string, string>) =>
  `      - ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n        ")}\n`;

describe("published ports clashing on the Docker host", () => {
  it.each([
    ["no address and 127.0.0.1", "2181:2181", "127.0.0.1:2181:2181"],
    ["0.0.0.0 and 127.0.0.1", "0.0.0.0:2181:2181", "127.0.0.1:2181:2181"],
    ["no address and ::1", "2181:2181", "[::1]:2181:2181"],
    [":: and ::1", "[::]:2181:2181", "::1:2181:2181"],
    ["a range and a port inside it", "2180-2182:2180-2182", "2181:2181"],
  ])("clash: %s", (_, a, b) => expect(clashes(short(a), short(b))).toEqual(["hostPort 13:9"]));

  it.each([
    ["tcp and udp", "2181:2181", "2181:2181/udp"],
    ["two addresses", "127.0.0.1:2181:2181", "127.0.0.2:2181:2181"],
    ["0.0.0.0 (IPv4 only) and ::1", "0.0.0.0:2181:2181", "[::1]:2181:2181"],
    ["a port and a range with a port free", "2181:2181", "2181-2182:2181"],
    ["ports Docker picks", "2181", "2181"],
  ])("no clash: %s", (_, a, b) => expect(clashes(short(a), short(b))).toEqual([]));

  it("reads the long syntax, with its published range, host_ip and protocol, at the entry", () => {
    expect(clashes(short("2181:2181"), long({ target: "2181", published: '"2181"', protocol: "tcp", host_ip: "127.0.0.1", mode: "host" }))).toEqual([
      "hostPort 13:9",
    ]);
    expect(clashes(short("2181:2181"), long({ target: "2181", published: '"2181-2182"' }))).toEqual([]);
    expect(clashes(short("2181-2182:2181-2182"), long({ target: "2181", published: '"2181-2182"' }))).toEqual(["hostPort 13:9"]);
    expect(clashes(short("2181:2181"), long({ target: "2181", published: "2181", protocol: "udp" }))).toEqual([]);
    expect(clashes(short("127.0.0.1:2181:2181"), long({ target: "2181", published: "2181", host_ip: "::1" }))).toEqual([]);
    // No published port: Docker picks one.
    expect(clashes(short("2181:2181"), long({ target: "2181" }))).toEqual([]);
  });

  it("takes the long syntax's values from .env, and reports what it does not set instead of guessing", () => {
    expect(clashes(short("2181:2181"), long({ target: "2181", published: "${ZK_PORT:-2181}" }))).toEqual(["hostPort 13:9"]);
    expect(clashes(short("2181:2181"), long({ target: "2181", published: "${ZK_PORT}" }), { ZK_PORT: "2182" })).toEqual([]);
    expect(clashes(short("2181:2181"), long({ target: "2181", published: "${ZK_PORT}" }))).toEqual(["unresolved 14:20"]);
  });

  it("does not count expose:, which publishes nothing on the host", () => {
    const text = "services:\n  zoo1:\n    image: zookeeper:3.9\n    ports:\n      - 2181:2181\n  zoo2:\n    image: zookeeper:3.9\n    expose:\n      - 2181\n";
    const [result] = lintCompose([{ path: "/p/compose.yaml", name: "compose.yaml", bytes: Buffer.from(text) }], new MemoryFileSystem(), "/p", "ci");
    expect(result?.messages.filter((m) => m.messageId === "hostPort")).toEqual([]);
  });
});

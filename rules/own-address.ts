import type { ConfigFile } from "../src/model/config-file.js";
import { addressesOf, addressHost, isAddressLiteral, isLoopbackAddress, type MachineNames } from "../src/model/hosts.js";
import type { Workspace } from "../src/model/ensemble.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const messages = {
  loopbackOwnName: {
    text: "server.{{id}} is this server's own line and names \"{{host}}\", which /etc/hosts under its root maps to {{address}}, a loopback address: ZooKeeper binds its quorum and election ports there, where its peers cannot reach it, and the ensemble forms without it; map {{host}} to the machine's network address in /etc/hosts, or write 0.0.0.0 as this server's own address",
    impact: "runtime",
    // It starts, but never takes part in its ensemble: the part it breaks is the server's reason to exist.
    severity: "error",
  },
  notLocal: {
    text: "server.{{id}} is this server's own line, but {{address}} is not an address of this machine ({{machine}}: {{local}}, by /etc/hosts under its root); ZooKeeper cannot bind its election port there (\"Cannot assign requested address\") and exits while starting; write this machine's own address or name, or 0.0.0.0",
    impact: "startup",
  },
} as const;

type Id = keyof typeof messages;

export default defineRule({
  id: "own-address",
  meta: {
    description: "A server's own line names an address its machine can bind and its peers can reach",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) yield* checkFile(workspace, file);
  },
});

/** The machine's own addresses, from /etc/hosts: what its host name maps to, when that is a network address. */
function localAddresses(names: MachineNames): string[] | undefined {
  const own = names.hostname === undefined ? undefined : addressesOf(names, names.hostname);
  return own?.some((a) => !isLoopbackAddress(a)) ? own : undefined;
}

function* checkFile(ws: Workspace, file: ConfigFile): Generator<Report<Id>> {
  const names = file.facts.machineNames;
  const own = ws.ownServer(file);
  // Only a root is one machine's file system: this machine's /etc says nothing about a config.
  if (!names || !own || ws.hostOf(file).evidence !== "root" || !file.config.isQuorum) return;
  const address = own.addresses[0];
  if (!address) return;
  const host = address.host.value.trim();
  const kind = addressHost(host);
  if (kind === "*" || kind === "loopback") return;
  const range = file.config.serverRange(own, address.host.range);
  const data = { id: own.id, host };
  const local = localAddresses(names);
  let ip = host;
  if (!isAddressLiteral(host)) {
    const mapped = addressesOf(names, host);
    if (!mapped || mapped.length === 0) return;
    ip = mapped[0] as string;
    // The resolver takes the first line naming the host: a loopback one (Debian's 127.0.1.1) wins.
    if (isLoopbackAddress(ip)) {
      yield { messageId: "loopbackOwnName", data: { ...data, address: ip }, file, range };
      return;
    }
  }
  if (local && !local.includes(ip))
    yield { messageId: "notLocal", data: { ...data, address: ip, machine: names.hostname ?? "", local: local.join(", ") }, file, range };
}

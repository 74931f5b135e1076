import type { Entry } from "../../src/parse/document.js";
import type { ZooConfig } from "../../src/model/config.js";
import { lineValue } from "../../src/model/server-spec.js";
import type { Report } from "../../src/lint/rule.js";
import { placeData, withDynamicTwins } from "../../src/lint/placed.js";

// server-spec's messages. {{place}} marks where the twin of a message about a server line names its line of the
// dynamic file (see withDynamicTwins). The messages only 3.4 gives have none: 3.4 has no dynamic file.

export const messages = withDynamicTwins({
  badId: {
    text: '{{key}}{{place}}: "{{id}}" is not a number; ZooKeeper exits with "{{zk}}"; write the server id, a number from 1 to 255, after "server."',
    impact: "startup",
  },
  badForm: {
    text: '{{key}} "{{value}}"{{place}} does not have the form ZooKeeper {{version}} reads; it exits with "{{zk}}"; write host:quorumPort:electionPort, optionally :observer, then optionally ;clientPort or ;clientHost:clientPort',
    impact: "startup",
  },
  badForm34: {
    text: '{{key}} "{{value}}" does not have the form ZooKeeper {{version}} reads; it exits with "{{zk}}"; write host:quorumPort:electionPort, optionally followed by :observer',
    impact: "startup",
  },
  badPort: {
    text: '{{key}} "{{value}}"{{place}} has a port that is not a number from 0 to 65535; ZooKeeper exits with "{{zk}}"; fix the port',
    impact: "startup",
  },
  badRole: {
    text: '{{key}} "{{value}}"{{place}} has a role ZooKeeper does not accept; it exits with "{{zk}}"; the fourth field is participant or observer, the same on every address; a client port goes after ";"',
    impact: "startup",
  },
  badRole34: {
    text: '{{key}} "{{value}}" has a role ZooKeeper does not accept; it exits with "{{zk}}"; the fourth field is participant or observer',
    impact: "startup",
  },
  samePorts: {
    text: '{{key}} "{{value}}"{{place}} uses one port as quorum and election port; ZooKeeper exits with "{{zk}}"; give the election port a number of its own',
    impact: "startup",
  },
  trailingBlank: {
    text: '{{key}} "{{value}}"{{place}} ends in blanks, and ZooKeeper {{version}} does not trim server lines; it exits with "{{zk}}"; remove the blanks at the end of the line',
    impact: "startup",
  },
  clientPartUnsupported: {
    text: '{{key}} "{{value}}" has a ";" client part, which ZooKeeper 3.4 does not know (it came with 3.5); it exits with "{{zk}}"; remove the part from ";" on and set clientPort instead',
    impact: "startup",
  },
  pipeUnsupported: {
    text: '{{key}} "{{value}}"{{place}} lists several addresses with "|", which ZooKeeper {{version}} does not know (multi-address lines came with 3.6); it exits with "{{zk}}"; keep one address',
    impact: "startup",
  },
  noElectionPort: {
    text: '{{key}} "{{value}}" has no election port; ZooKeeper 3.4 exits with "{{zk}}" when it runs a quorum; write host:quorumPort:electionPort',
    impact: "startup",
  },
  multiAddress: {
    text: '{{key}} "{{value}}"{{place}} lists {{count}} addresses; ZooKeeper exits with "Multiple address feature is disabled, but multiple addresses were specified for sid {{id}}" unless every server\'s JVM runs with -Dzookeeper.multiAddress.enabled=true, which no zoo.cfg key can set; keep one address, or add that flag to the JVM options',
    impact: "startup",
  },
  badOwnHost: {
    text: '{{key}} "{{value}}"{{place}} is this server\'s line, and "{{host}}" cannot be a host name or address; ZooKeeper cannot listen on it and exits with "As I\'m leaving the listener thread, I won\'t be able to participate in leader election any longer"; write this server\'s host name or address',
    impact: "startup",
  },
  // Runtime, yet an error: the ensemble runs without server.N for good.
  badHost: {
    text: '{{key}} "{{value}}"{{place}} names "{{host}}", which cannot be a host name or address; no server can connect to server.{{id}} ("UnknownHostException: {{host}}"); write the host name or address of server.{{id}}',
    impact: "runtime",
    severity: "error",
  },
  wildcardOwn: {
    text: "{{key}} \"{{value}}\"{{place}} is this server's own line, with the wildcard address {{host}}: ZooKeeper listens on every address, but from 3.5 on it also hands this line out as the address of server.{{id}}: clients that learn the ensemble from getConfig (the /zookeeper/config node, Curator's EnsembleTracker) are told to connect to {{host}}; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address",
    impact: "runtime",
  },
  wildcardOwnRejoin: {
    text: "{{key}} \"{{value}}\"{{place}} is this server's own line, with the wildcard address {{host}}: ZooKeeper listens on every address, but from 3.5 on it also hands this line out as the address of server.{{id}}: clients that learn the ensemble from getConfig (the /zookeeper/config node, Curator's EnsembleTracker) are told to connect to {{host}}, and peers before {{fixedIn}} cannot reconnect to it after it restarts (they connect back to {{host}}); write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address",
    impact: "runtime",
  },
  // Runtime, yet an error: after a reconfiguration no peer reaches this server again.
  wildcardOwnReconfig: {
    text: '{{key}} "{{value}}"{{place}} is this server\'s own line, with the wildcard address {{host}}, and reconfigEnabled is true: when this server leads a reconfiguration, it commits its own line into the configuration that every server then writes to its dynamic file, and from then on the others connect to {{host}}, which is themselves, never server.{{id}}; clients that read getConfig are told {{host}} too; write the name or address others reach this server by, and set quorumListenOnAllIPs=true to keep listening on every address',
    impact: "runtime",
    severity: "error",
  },
  // Runtime, yet an error (the three wildcardOther messages): this server never reaches server.N.
  wildcardOther: {
    text: "{{key}} \"{{value}}\"{{place}} gives server.{{id}} the wildcard address {{host}} but is not this server's own line ({{own}}); this server connects to {{host}}, which is itself, and never reaches server.{{id}}; write the name or address of server.{{id}} (the wildcard belongs only on a server's own line, if anywhere)",
    impact: "runtime",
    severity: "error",
  },
  wildcardOtherShared: {
    text: "{{key}} \"{{value}}\"{{place}} gives server.{{id}} the wildcard address {{host}}, as {{others}} also does, and only one line can be this server's own; this server connects to {{host}}, which is itself, and never reaches server.{{id}}; write the name or address of server.{{id}} (the wildcard belongs only on a server's own line, if anywhere)",
    impact: "runtime",
    severity: "error",
  },
  wildcardOtherSharedMany: {
    text: "{{key}} \"{{value}}\"{{place}} gives server.{{id}} the wildcard address {{host}}, as {{others}} also do, and only one line can be this server's own; this server connects to {{host}}, which is itself, and never reaches server.{{id}}; write the name or address of server.{{id}} (the wildcard belongs only on a server's own line, if anywhere)",
    impact: "runtime",
    severity: "error",
  },
  ignoredFields: {
    text: '{{key}} "{{value}}" has more than four fields; ZooKeeper 3.4 logs "{{zk}}" and ignores "{{ignored}}"; remove the extra fields',
    impact: "runtime",
  },
  skippedChar: {
    text: '{{key}} "{{value}}"{{place}} has "{{char}}" after "]" where a colon belongs; ZooKeeper skips that char unread and uses port {{port}}; write "]:" before the port',
    impact: "runtime",
  },
  idOutOfRange: {
    text: "{{key}}{{place}}: id {{id}} is outside 1-255; ZooKeeper accepts it, but session ids carry only the id's low 8 bits ({{low}}), and the admin guide asks for 1-255; use an id from 1 to 255",
    impact: "runtime",
  },
  // Runtime, yet an error: clashing session ids break clients of both servers.
  idSessionClash: {
    text: "{{key}}{{place}} and {{other}} have ids with the same low 8 bits ({{low}}); ZooKeeper builds session ids from those bits, so the two servers can hand out the same session ids; give every server an id from 1 to 255",
    impact: "runtime",
    severity: "error",
  },
  // Runtime, yet an error: the server with this id can never start.
  idUnset: {
    text: '{{key}}{{place}}: id -1 is what ZooKeeper uses for "no id"; the server whose myid says -1 exits with "myid file is missing", so this server can never start; use an id from 1 to 255',
    impact: "runtime",
    severity: "error",
  },
  duplicateId: {
    text: "{{key}}{{place}} and {{other}} both give server id {{id}}; ZooKeeper keeps one of them, chosen by hash order rather than line order; keep one line per id",
    impact: "runtime",
  },
  clientAddress: {
    text: '{{setting}} "{{static}}" is not the client address of this server\'s line {{key}} "{{value}}"{{place}}; ZooKeeper exits with "client address for this server (id = {{id}}) in static config file is {{zkStatic}} is different from client address found in dynamic file: {{zkLine}}"; make {{setting}} match the server line, or remove it and let the line decide',
    impact: "startup",
  },
  clientAddressEveryLine: {
    text: '{{setting}} "{{static}}" is not the client address of any server line, and every line has one; whichever server this is, ZooKeeper exits with "client address for this server (id = N) in static config file is {{zkStatic}} is different from client address found in dynamic file: …"; make {{setting}} match this server\'s line, or remove it',
    impact: "startup",
  },
  clientPortRequired: {
    text: 'clientPort is not set; ZooKeeper 3.4 exits with "clientPort is not set"; set the port clients connect to, e.g. clientPort=2181',
    impact: "startup",
  },
  clientPortZero34: {
    text: 'clientPort is {{port}}; ZooKeeper 3.4 exits with "clientPort is not set"; set the port clients connect to, e.g. clientPort=2181',
    impact: "startup",
  },
  // Runtime, yet an error (the six messages below): no client can ever use this server.
  noClientPort: {
    text: 'neither clientPort nor secureClientPort is set; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181',
    impact: "runtime",
    severity: "error",
  },
  noClientPortOnLines: {
    text: 'neither clientPort nor secureClientPort is set, and no server line has a ";" client port; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";<port>" to each server line',
    impact: "runtime",
    severity: "error",
  },
  noClientPortOnOwnLine: {
    text: 'neither clientPort nor secureClientPort is set, and this server\'s line {{key}} "{{value}}"{{place}} has no ";" client port; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";2181" to {{key}}',
    impact: "runtime",
    severity: "error",
  },
  zeroClientPort: {
    text: 'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9); ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181',
    impact: "runtime",
    severity: "error",
  },
  zeroClientPortOnLines: {
    text: 'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9), and no server line has a ";" client port; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";<port>" to each server line',
    impact: "runtime",
    severity: "error",
  },
  zeroClientPortOnOwnLine: {
    text: 'clientPort and secureClientPort set no port (0 means none before ZooKeeper 3.9), and this server\'s line {{key}} "{{value}}"{{place}} has no ";" client port; ZooKeeper {{version}} starts without a client listener (it only logs "clientPort is not set"), so no client can connect to this server; set clientPort=2181, or add ";2181" to {{key}}',
    impact: "runtime",
    severity: "error",
  },
  peerTypeObserver: {
    text: 'peerType "{{peerType}}" says this server is an observer, but its line {{key}}{{place}} makes it a participant; ZooKeeper logs "Peer type from servers list (PARTICIPANT) doesn\'t match peerType (OBSERVER). Defaulting to servers list." and runs it as a participant; make peerType and the server line agree',
    impact: "runtime",
  },
  peerTypeParticipant: {
    text: 'peerType "{{peerType}}" says this server is a participant, but its line {{key}}{{place}} makes it an observer; ZooKeeper logs "Peer type from servers list (OBSERVER) doesn\'t match peerType (PARTICIPANT). Defaulting to servers list." and runs it as an observer; make peerType and the server line agree',
    impact: "runtime",
  },
  observersWithoutParticipants: {
    text: '{{key}}{{place}} is an observer, and no server line is a participant; ZooKeeper exits with "Observers w/o participants is an invalid configuration"; add participants, or remove the observers',
    impact: "startup",
  },
  observersWithoutQuorum: {
    text: '{{key}}{{place}} is an observer beside a single participant, which makes ZooKeeper run standalone; it exits with "Observers w/o quorum is an invalid configuration"; add participants, or set standaloneEnabled=false to run a quorum of one',
    impact: "startup",
  },
  observersWithoutQuorum34: {
    text: '{{key}} is an observer beside a single participant, which makes ZooKeeper run standalone; it exits with "Observers w/o quorum is an invalid configuration"; add participants',
    impact: "startup",
  },
  standaloneWithoutParticipants: {
    text: 'standaloneEnabled "{{value}}" asks for a quorum, and no server line is a participant; ZooKeeper exits with "standaloneEnabled = false then number of participants should be >0"; add server lines, or remove standaloneEnabled=false',
    impact: "startup",
  },
} as const);

export type Id = keyof typeof messages;
export type Reports = Generator<Report<Id>>;

/** A message's placeholders, to which a check adds its own (by assignment: no copy per report). */
export type Data = Record<string, string | number | bigint>;

/** The placeholders every message about a server line has: its key, its value as ZooKeeper reads it, and where it stands. */
export function lineData(config: ZooConfig, entry: Entry): Data {
  return { key: entry.key, value: lineValue(entry, config.version), ...placeData(config, entry) };
}

/** The placeholders of a message about a server line's key: the key and where it stands. */
export function keyData(config: ZooConfig, entry: Entry): Data {
  return { key: entry.key, ...placeData(config, entry) };
}

/** `data` with the placeholders of `more` added. */
export function withData(data: Data, more: Data): Data {
  return Object.assign(data, more);
}

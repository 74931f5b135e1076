// myid-matches-datadir's messages: complete templates, the facts they name passed as data.

const MISSING = 'dataDir "{{dataDir}}" has no myid file; ZooKeeper exits with "myid file is missing"';
const WRITES = `${MISSING}; zkcfg fix writes {{id}} to it`;
const CANNOT = `${MISSING}; zkcfg cannot tell which of {{ids}} this server is`;
const RUN = "run zkcfg fix --myid N {{file}}";
const NOT_A_NUMBER = '; ZooKeeper exits with "serverid {{line}} is not a number"; write only the id, digits and a newline';
const ONE_HOST =
  "both run as server.{{id}} and bind its election port: whichever starts second cannot and exits while starting (started after it, this server dies; started first, it stops that one); give each server its own id";

export const messages = {
  missingMyid: { text: `${CANNOT} (no server line carries its clientPort and the servers are on several hosts): ${RUN}`, impact: "startup" },
  missingMyidNotEveryDirNew: {
    text: `${CANNOT} (no server line carries its clientPort, and not every config of this host has its own new, empty dataDir): ${RUN}`,
    impact: "startup",
  },
  missingMyidPartial: {
    text: `${CANNOT} (only {{present}} of the ensemble's {{total}} configs are here, and the others may hold any id): ${RUN}`,
    impact: "startup",
  },
  missingMyidHeld: { text: `${CANNOT} ({{holder}} already says {{id}}): ${RUN}`, impact: "startup" },
  missingMyidSharedDir: { text: `${CANNOT} ({{sharer}} has this dataDir too): ${RUN}`, impact: "startup" },
  missingMyidOptionNoLine: { text: `${CANNOT} (--myid {{myid}} names no server line of this config): ${RUN}`, impact: "startup" },
  missingMyidRivalClientPort: {
    text: `${CANNOT} (server.{{id}} carries clientPort {{clientPort}}, but {{rival}} is placed on server.{{id}} too): ${RUN}`,
    impact: "startup",
  },
  missingMyidRivalWildcard: {
    text: `${CANNOT} (server.{{id}} is written as 0.0.0.0, as a server writes its own line, but {{rival}} is placed on server.{{id}} too): ${RUN}`,
    impact: "startup",
  },
  missingMyidRivalHostName: { text: `${CANNOT} (server.{{id}} names this host, but {{rival}} is placed on server.{{id}} too): ${RUN}`, impact: "startup" },
  missingMyidRivalOption: { text: `${CANNOT} (given with --myid, but {{rival}} is placed on server.{{id}} too): ${RUN}`, impact: "startup" },
  missingMyidFixable: { text: `${WRITES} (one host, no myid yet: ids follow file-name order)`, impact: "startup" },
  missingMyidFixableClientPort: { text: `${WRITES} (server.{{id}} carries clientPort {{clientPort}})`, impact: "startup" },
  missingMyidFixableWildcard: { text: `${WRITES} (server.{{id}} is written as 0.0.0.0, as a server writes its own line)`, impact: "startup" },
  missingMyidFixableHostName: { text: `${WRITES} (server.{{id}} names this host)`, impact: "startup" },
  missingMyidFixableOption: { text: `${WRITES} (given with --myid)`, impact: "startup" },
  missingMyidWithData: {
    text: 'dataDir "{{dataDir}}" has no myid file but holds data (version-2/) of unknown identity; ZooKeeper exits with "myid file is missing"; write the id of the server that wrote this data to {{path}}',
    impact: "startup",
  },
  missingMyidRelative: {
    text: `dataDir "{{dataDir}}" is relative and has no myid at {{path}}; ZooKeeper exits with "myid file is missing"; zkcfg fix does not write it: ZooKeeper resolves a relative dataDir from the directory the server is started in, which zkcfg cannot know; make dataDir absolute, or write the id there yourself`,
    impact: "startup",
  },
  unsetMyid: {
    text: '{{path}} says -1, which ZooKeeper reads as "no id": it exits with "myid file is missing"; write this server\'s id ({{ids}})',
    impact: "startup",
  },
  unparsableMyid: { text: `{{path}} does not hold a plain number${NOT_A_NUMBER}`, impact: "startup" },
  emptyMyid: { text: `{{path}} does not hold a plain number (it is empty)${NOT_A_NUMBER}`, impact: "startup" },
  myidWithByteOrderMark: { text: `{{path}} does not hold a plain number (it starts with a byte order mark)${NOT_A_NUMBER}`, impact: "startup" },
  myidWithTrailingBlank: { text: `{{path}} does not hold a plain number (trailing blank)${NOT_A_NUMBER}`, impact: "startup" },
  unreadableMyid: { text: "{{path}} cannot be read ({{reason}}); ZooKeeper runs as a user who must read it; fix its permissions", impact: "startup" },
  myidNotAFile: {
    text: "{{path}} is not a regular file; ZooKeeper cannot read the server id from it; replace it with a file holding this server's id",
    impact: "startup",
  },
  notInPeerList: {
    text: '{{path}} says {{id}}, but no server.{{id}} line is in this config; ZooKeeper exits with "My id {{id}} not in the peer list"; write one of {{ids}} or add server.{{id}}',
    impact: "startup",
  },
  // An error though each server starts: two servers with one id break the ensemble.
  duplicateMyid: {
    text: "{{path}} says {{id}}, as {{other}} of {{otherFile}} does; two servers with one id break the ensemble; give each server its own id",
    impact: "runtime",
    severity: "error",
  },
  duplicateMyidOneHost: { text: `{{path}} says {{id}}, as {{other}} of {{otherFile}} on this host does; ${ONE_HOST}`, impact: "startup" },
  sharedDataDir: {
    text: `dataDir "{{dataDir}}" is also the dataDir of {{otherFile}} on this host; both read one myid and run as one server, so whichever starts second cannot bind that server's election port and exits while starting (started after it, this server dies; started first, it stops that one); two servers writing one data directory also corrupt each other's data; give each its own`,
    impact: "startup",
  },
  dataDirNotDirectory: {
    text: 'dataDir "{{dataDir}}" cannot be a directory: {{blockedAt}} is a file; ZooKeeper exits with "Unable to create data directory"; remove it or point dataDir elsewhere',
    impact: "startup",
  },
  notSet: { text: 'dataDir is not set; ZooKeeper exits with "dataDir is not set"; add dataDir with an absolute path', impact: "startup" },
  // Notes: what zkcfg assumed or could not check, not a problem of the config.
  relativeAssumed: {
    text: 'dataDir "{{dataDir}}" is relative: zkcfg checked {{path}}, assuming the server starts in {{workdir}}, where zkServer.sh is usually run from',
    impact: "maintenance",
    severity: "info",
  },
  elsewhere: {
    text: 'dataDir "{{dataDir}}" is not checked here: nothing says this config is for this machine (no server line names it), so its myid and data were not read; run zkcfg on the server (zkcfg fix --myid N writes its id there), or with --root DIR on a copy of its files',
    impact: "maintenance",
    severity: "info",
  },
  elsewhereOneHost: {
    text: 'dataDir "{{dataDir}}" is not checked here: every server line is on loopback, so these configs run on one machine, but nothing says it is this one, so its myid and data were not read; on that machine run zkcfg with --root /, or name it in the settings\' "hosts"',
    impact: "maintenance",
    severity: "info",
  },
  myidOutsideLink: {
    text: "{{path}} is a symbolic link leading out of its data directory to a file not named myid; zkcfg does not read what it leads to; make myid a regular file holding this server's id, or a link to another myid",
    impact: "maintenance",
  },
} as const;

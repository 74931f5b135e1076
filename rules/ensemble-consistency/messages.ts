import { withDynamicTwins } from "../../src/lint/placed.js";

// ensemble-consistency's messages: complete templates, the facts they name passed as data. A server
// line from a dynamic file has an id of its own ("…InDynamicFile", see withDynamicTwins); a
// shared setting that is not set in this config ("…UnsetHere") or in the others ("…UnsetThere") has
// one that names the default ZooKeeper uses instead.

const MAKE_SAME = "make {{key}} the same in every config of the ensemble";
const VOTE = "servers that disagree on a member's address or role cannot all reach it or count its vote";
const CLIENTS_TOLD =
  "each server answers getConfig (the /zookeeper/config node that Curator's EnsembleTracker and reconfig-aware clients read) with its own server lines, so clients are told different client addresses for {{key}} depending on which server they ask";
const LINE = '{{key}} "{{value}}"{{place}}';
const MEMBER_DIFFERS = `differs from {{key}} "{{other}}" in {{files}}; ${VOTE}; ${MAKE_SAME}`;
const CLIENT_DIFFERS = `gives the client address "{{client}}", but "{{other}}" in {{files}}; ${CLIENTS_TOLD}; ${MAKE_SAME}`;
const CLIENT_DIFFERS_FROM_OWN = `gives the client address "{{client}}", but "{{other}}" in {{ownFile}}, {{key}}'s own config; ${CLIENTS_TOLD}; ${MAKE_SAME}`;
const MISSING = "a server not in every list cannot vote with the servers that lack it; give every config of the ensemble the same server lines";

const SET = '{{key}} "{{value}}" here, but "{{other}}" in {{files}}';
const UNSET_HERE = '{{key}} is not set ({{default}}) here, but "{{other}}" in {{files}}';
const UNSET_THERE = '{{key}} "{{value}}" here, but not set ({{default}}) in {{files}}';
const ONE_VALUE = "use one value in every config of the ensemble";
const TIMING = `the leader and its followers time the same exchanges with their own values, so the limits in force depend on which server leads; ${ONE_VALUE}`;
const PORT_UNIFICATION = `only some servers accept both TLS and plain quorum connections, which breaks a rolling switch to TLS; ${ONE_VALUE}`;
const SASL = `a server that requires SASL rejects peers that do not use it; ${ONE_VALUE}`;
const RECONFIG = `only some servers accept reconfig and rewrite their config files; ${ONE_VALUE}`;
const ELECTION = `servers running different election algorithms cannot elect a leader together; ${ONE_VALUE}`;
const TLS = `a server that speaks TLS to its peers cannot talk to one that does not; ${ONE_VALUE}`;

export const messages = withDynamicTwins({
  // Errors though each server starts: a member the servers disagree on is not part of one quorum.
  memberDiffers: { text: `${LINE} ${MEMBER_DIFFERS}`, impact: "runtime", severity: "error" },
  clientPartDiffers: { text: `${LINE} ${CLIENT_DIFFERS}`, impact: "runtime" },
  clientPartDiffersFromOwn: { text: `${LINE} ${CLIENT_DIFFERS_FROM_OWN}`, impact: "runtime" },
  memberMissing: { text: `{{ids}} of {{files}} is missing here; ${MISSING}`, impact: "runtime" },
  membersMissing: { text: `{{ids}} of {{files}} are missing here; ${MISSING}`, impact: "runtime" },
  timingDiffers: { text: `${SET}; ${TIMING}`, impact: "runtime" },
  timingDiffersUnsetHere: { text: `${UNSET_HERE}; ${TIMING}`, impact: "runtime" },
  timingDiffersUnsetThere: { text: `${UNSET_THERE}; ${TIMING}`, impact: "runtime" },
  portUnificationDiffers: { text: `${SET}; ${PORT_UNIFICATION}`, impact: "runtime" },
  portUnificationDiffersUnsetHere: { text: `${UNSET_HERE}; ${PORT_UNIFICATION}`, impact: "runtime" },
  portUnificationDiffersUnsetThere: { text: `${UNSET_THERE}; ${PORT_UNIFICATION}`, impact: "runtime" },
  saslDiffers: { text: `${SET}; ${SASL}`, impact: "runtime" },
  saslDiffersUnsetHere: { text: `${UNSET_HERE}; ${SASL}`, impact: "runtime" },
  saslDiffersUnsetThere: { text: `${UNSET_THERE}; ${SASL}`, impact: "runtime" },
  reconfigDiffers: { text: `${SET}; ${RECONFIG}`, impact: "runtime" },
  reconfigDiffersUnsetHere: { text: `${UNSET_HERE}; ${RECONFIG}`, impact: "runtime" },
  reconfigDiffersUnsetThere: { text: `${UNSET_THERE}; ${RECONFIG}`, impact: "runtime" },
  // Errors though each server starts: servers that disagree here never form a quorum.
  electionAlgDiffers: { text: `${SET}; ${ELECTION}`, impact: "runtime", severity: "error" },
  electionAlgDiffersUnsetHere: { text: `${UNSET_HERE}; ${ELECTION}`, impact: "runtime", severity: "error" },
  electionAlgDiffersUnsetThere: { text: `${UNSET_THERE}; ${ELECTION}`, impact: "runtime", severity: "error" },
  sslQuorumDiffers: { text: `${SET}; ${TLS}`, impact: "runtime", severity: "error" },
  sslQuorumDiffersUnsetHere: { text: `${UNSET_HERE}; ${TLS}`, impact: "runtime", severity: "error" },
  sslQuorumDiffersUnsetThere: { text: `${UNSET_THERE}; ${TLS}`, impact: "runtime", severity: "error" },
} as const);

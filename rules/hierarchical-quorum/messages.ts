import { withDynamicTwins } from "../../src/lint/placed.js";

// hierarchical-quorum's messages: complete templates, the facts they name passed as data. {{place}} marks where
// the twin of a message about a group or weight line names its line of the dynamic file (see withDynamicTwins).

const LINE = '{{key}} "{{value}}"{{place}}';
const CRASHES = "ZooKeeper crashes with a NullPointerException while adding up the group's weight and exits";
const NEVER_LEADS = "ZooKeeper starts, but never elects a leader";

export const messages = withDynamicTwins({
  keyNotNumbered: {
    text: '{{key}}{{place}} starts with "{{prefix}}", so ZooKeeper reads it as a {{prefix}}.N line; "{{id}}" is not a number, and it exits with "{{zk}}"; rename the key if it is not about hierarchical quorums, or write {{prefix}}.N',
    impact: "startup",
  },
  valueNotNumbers: {
    text: `${LINE} is not a list of server ids separated by colons; ZooKeeper exits with "{{zk}}"; write a list of server ids separated by colons, with no blanks`,
    impact: "startup",
  },
  weightNotNumber: { text: `${LINE} is not a whole number; ZooKeeper exits with "{{zk}}"; write a whole number, with no blanks`, impact: "startup" },
  inTwoGroups: {
    text: `${LINE} lists server {{id}}, which {{other}} lists too; ZooKeeper exits with "Server {{id}}is in multiple groups"; keep each server in one group`,
    impact: "startup",
  },
  twiceInGroup: {
    text: `${LINE} lists server {{id}}, which this line lists too; ZooKeeper exits with "Server {{id}}is in multiple groups"; keep each server in one group`,
    impact: "startup",
  },
  notInGroup: {
    text: '{{key}}{{place}} is a participant in no group; ZooKeeper exits with "Server {{id}}is not in a group"; add {{id}} to one group.N line',
    impact: "startup",
  },
  groupCountLegacy: {
    text: 'the group lines list {{grouped}} server(s), and the config has {{participants}} participant(s); ZooKeeper 3.4 exits with "Every server must be in exactly one group"; list every participant in exactly one group, and nothing else',
    impact: "startup",
  },
  weightWithoutGroups: {
    text: `${LINE} is a weight without any group.N line, which still makes ZooKeeper use hierarchical quorums; it exits with "Server {{id}}is not in a group"; add group.N lines for every participant, or remove the weights`,
    impact: "startup",
  },
  unknownMember: {
    text: `${LINE} lists {{id}}, which has no server line and no weight; ${CRASHES}; remove {{id}} from the group, or add server.{{id}}`,
    impact: "startup",
  },
  observerMember: { text: `${LINE} lists observer {{id}}, which has no weight; ${CRASHES}; remove observers from the groups`, impact: "startup" },
  nonVoterWeighed: {
    text: `${LINE} lists observer {{id}}: it never votes, but ZooKeeper counts its weight ({{weight}}) in the group, so the group needs more votes than its voters' majority; remove {{id}} from the group`,
    impact: "runtime",
  },
  unknownWeighed: {
    text: `${LINE} lists {{id}}, which has no server line: it never votes, but ZooKeeper counts its weight ({{weight}}) in the group, so the group needs more votes than its voters' majority; remove {{id}} from the group`,
    impact: "runtime",
  },
  zeroWeight: {
    text: `${LINE} gives participant {{id}} no weight; its vote never counts toward a quorum, and it is never elected leader; give it a positive weight, or make it an observer`,
    impact: "resilience",
  },
  negativeWeight: {
    text: `${LINE} is negative; ZooKeeper adds it up like any weight, so a vote of server {{id}} takes votes away from its group; use a positive weight`,
    impact: "runtime",
  },
  zeroGroup: {
    text: `${LINE} has a total weight of 0; ZooKeeper leaves such a group out when it counts groups, so its servers never count toward a quorum; give its participants weights, or remove the group`,
    impact: "resilience",
  },
  // Errors though ZooKeeper starts: an ensemble that can never elect a leader serves nothing.
  noCountedGroup: {
    text: `every group has a total weight of 0, and ZooKeeper leaves such groups out when it counts groups, so no set of servers is ever a quorum; ${NEVER_LEADS}; give the participants positive weights`,
    impact: "runtime",
    severity: "error",
  },
  noQuorum: {
    text: `only {{able}} of the {{counted}} counted groups can reach a majority of their own weight with their participants' votes, and a quorum needs a majority in more than {{half}} of them; ${NEVER_LEADS}; give each group participants holding more than half of its weight`,
    impact: "runtime",
    severity: "error",
  },
  weightIgnoredLegacy: {
    text: '{{key}} "{{value}}" is a weight without any group.N line; ZooKeeper 3.4 uses weights only with groups and ignores it; add group.N lines, or remove the weights',
    impact: "maintenance",
  },
  unusedWeight: {
    text: `${LINE} weighs observer {{id}}, which is in no group; ZooKeeper never uses this weight; remove the line, or fix the id`,
    impact: "maintenance",
  },
  unusedWeightUnknown: {
    text: `${LINE} weighs server {{id}} (no server line), which is in no group; ZooKeeper never uses this weight; remove the line, or fix the id`,
    impact: "maintenance",
  },
} as const);

import type { Rule } from "../src/lint/rule.js";
import configLocation from "./config-location.js";
import initSyncLimits from "./init-sync-limits.js";
import myidMatchesDatadir from "./myid-matches-datadir.js";
import oddServerCount from "./odd-server-count.js";
import portCollision from "./port-collision.js";

/** Every rule, sorted by id. */
export const rules: readonly Rule[] = [configLocation, initSyncLimits, myidMatchesDatadir, oddServerCount, portCollision];

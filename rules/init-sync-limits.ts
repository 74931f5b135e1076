import type { Entry, Range } from "../src/parse/document.js";
import type { ConfigFile } from "../src/model/config-file.js";
import { javaTrim } from "../src/model/java-number.js";
import { atLeast } from "../src/model/version.js";
import { defineRule, type Report } from "../src/lint/rule.js";

const INT_MAX = 2147483647;
/** Beyond these a timeout is almost surely milliseconds written where ticks were meant. */
const LONG_INIT_MS = 10 * 60_000;
const LONG_SYNC_MS = 5 * 60_000;
/** Below these a follower is dropped at the first pause of the JVM or the network. */
const SHORT_INIT_MS = 2_000;
const SHORT_SYNC_MS = 1_000;

const MIN_OVER_MAX = 'ZooKeeper exits with "minSessionTimeout must not be larger than maxSessionTimeout"';
const UNSET_34 = "not set, which ZooKeeper 3.4 compares as -1";

const messages = {
  notSet: {
    text: '{{key}} is not set; ZooKeeper refuses to start a quorum with "{{key}} is not set"; add {{key}}={{suggested}} ({{key}} counts ticks of tickTime)',
    impact: "startup",
  },
  notNumber: {
    text: '{{key}} "{{value}}" is not a whole number; ZooKeeper refuses it (NumberFormatException: For input string: "{{value}}"); write a plain decimal number',
    impact: "startup",
  },
  tickZero: {
    text: 'tickTime 0 is refused: ZooKeeper exits with "tickTime is not set"; use tickTime=2000',
    impact: "startup",
  },
  tickMissing: {
    text: "tickTime is not set, so ZooKeeper uses 3000 ms (not the 2000 of zoo_sample.cfg) and every limit counts in 3 s ticks; set tickTime explicitly",
    impact: "runtime",
  },
  negative: {
    text: "{{key}} {{value}} is not positive; ZooKeeper accepts it, but then no follower can connect or stay in sync; use a positive number of ticks",
    impact: "runtime",
    // It starts, but no ensemble can form: the part it breaks is the server's reason to exist.
    severity: "error",
  },
  tickNegative: {
    text: "tickTime {{value}} is not positive; every timeout derived from it is broken; use tickTime=2000",
    impact: "runtime",
    // It starts, but no timeout works, so no ensemble forms and no session lasts.
    severity: "error",
  },
  syncOverInit: {
    text: "syncLimit {{sync}} ({{syncSeconds}} s) is longer than initLimit {{init}} ({{initSeconds}} s): a follower gets less time to join than to answer once joined; raise initLimit or lower syncLimit",
    impact: "runtime",
  },
  overflow: {
    text: "{{key}} {{value}} × tickTime {{tick}} ms = {{product}} ms does not fit the 32-bit int ZooKeeper computes this timeout in, so it wraps to a meaningless value; {{key}} counts ticks, not milliseconds",
    impact: "runtime",
    // It starts, but the wrapped timeout (negative for most products) keeps followers out as a negative limit does.
    severity: "error",
  },
  initTooLong: {
    text: "{{key}} {{value}} × tickTime {{tick}} ms = {{seconds}} s; a dead follower syncing with the leader is noticed only after that long; {{key}} counts ticks, not milliseconds",
    impact: "runtime",
  },
  tooLong: {
    text: "{{key}} {{value}} × tickTime {{tick}} ms = {{seconds}} s; a dead follower is noticed only after that long; {{key}} counts ticks, not milliseconds",
    impact: "runtime",
  },
  tooShort: {
    text: "{{key}} {{value}} × tickTime {{tick}} ms = {{seconds}} s leaves no room for a GC pause or a slow network; followers will be dropped and re-sync; allow at least {{least}} s",
    impact: "runtime",
  },
  sessionBounds: { text: `minSessionTimeout {{min}} ms is larger than maxSessionTimeout {{max}} ms; ${MIN_OVER_MAX}`, impact: "startup" },
  sessionBoundsDefaultMin: {
    text: `minSessionTimeout {{min}} ms (2 × tickTime) is larger than maxSessionTimeout {{max}} ms; ${MIN_OVER_MAX}`,
    impact: "startup",
  },
  sessionBoundsDefaultMax: {
    text: `minSessionTimeout {{min}} ms is larger than maxSessionTimeout {{max}} ms (20 × tickTime); ${MIN_OVER_MAX}`,
    impact: "startup",
  },
  sessionBoundsDefaults: {
    text: `minSessionTimeout {{min}} ms (2 × tickTime) is larger than maxSessionTimeout {{max}} ms (20 × tickTime); ${MIN_OVER_MAX}`,
    impact: "startup",
  },
  sessionBoundsUnsetMin: {
    text: `minSessionTimeout {{min}} ms (${UNSET_34}) is larger than maxSessionTimeout {{max}} ms; ${MIN_OVER_MAX}`,
    impact: "startup",
  },
  sessionBoundsUnsetMax: {
    text: `minSessionTimeout {{min}} ms is larger than maxSessionTimeout {{max}} ms (${UNSET_34}); ${MIN_OVER_MAX}`,
    impact: "startup",
  },
} as const;

type Id = keyof typeof messages;

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

function valueRange(entry: Entry): Range {
  return entry.valueRange;
}

export default defineRule({
  id: "init-sync-limits",
  meta: {
    description: "tickTime, initLimit and syncLimit are set, positive and sensible, and session timeouts fit",
    fixable: false,
    messages,
  },
  *check({ workspace }) {
    for (const file of workspace.files) yield* checkFile(file);
  },
});

function* checkFile(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const tick = config.int("tickTime");
  let tickMs: number | undefined = 3000;
  if (tick.kind === "invalid") {
    tickMs = undefined;
    yield { messageId: "notNumber", data: { key: "tickTime", value: tick.text }, file, range: valueRange(tick.entry) };
  } else if (tick.kind === "valid") {
    tickMs = tick.value;
    if (tick.value === 0) yield { messageId: "tickZero", file, range: valueRange(tick.entry) };
    else if (tick.value < 0) yield { messageId: "tickNegative", data: { value: tick.value }, file, range: valueRange(tick.entry) };
    if (tick.value <= 0) tickMs = undefined;
  } else if (config.isQuorum) {
    yield { messageId: "tickMissing", file, range: { start: 0, end: 0 } };
  }

  yield* checkSessions(file);

  const limits: Record<"initLimit" | "syncLimit", number | undefined> = { initLimit: undefined, syncLimit: undefined };
  for (const key of ["initLimit", "syncLimit"] as const) {
    const s = config.int(key);
    const suggested = key === "initLimit" ? 10 : 5;
    // ZooKeeper parses both as numbers in every mode, but needs them only in a quorum.
    if (s.kind === "invalid") yield { messageId: "notNumber", data: { key, value: s.text }, file, range: valueRange(s.entry) };
    else if (!config.isQuorum) continue;
    else if (s.kind === "absent") yield { messageId: "notSet", data: { key, suggested }, file, range: config.anchor };
    else if (s.value === 0) yield { messageId: "notSet", data: { key, suggested }, file, range: valueRange(s.entry) };
    else if (s.value < 0) yield { messageId: "negative", data: { key, value: s.value }, file, range: valueRange(s.entry) };
    else {
      limits[key] = s.value;
      const span = tickMs === undefined ? undefined : checkSpan(file, key, s.value, s.entry, tickMs);
      if (span) yield span;
    }
  }
  const { initLimit, syncLimit } = limits;
  if (initLimit !== undefined && syncLimit !== undefined && tickMs !== undefined && syncLimit > initLimit) {
    const entry = config.get("syncLimit") as Entry;
    yield {
      messageId: "syncOverInit",
      data: {
        sync: syncLimit,
        init: initLimit,
        syncSeconds: seconds(syncLimit * tickMs),
        initSeconds: seconds(initLimit * tickMs),
      },
      file,
      range: valueRange(entry),
    };
  }
}

/** The one problem a limit's span in milliseconds can have, if any. */
function checkSpan(file: ConfigFile, key: "initLimit" | "syncLimit", value: number, entry: Entry, tick: number): Report<Id> | undefined {
  const product = value * tick;
  if (product > INT_MAX) return { messageId: "overflow", data: { key, value, tick, product }, file, range: valueRange(entry) };
  const long = key === "initLimit" ? LONG_INIT_MS : LONG_SYNC_MS;
  const short = key === "initLimit" ? SHORT_INIT_MS : SHORT_SYNC_MS;
  if (product > long)
    return {
      messageId: key === "initLimit" ? "initTooLong" : "tooLong",
      data: { key, value, tick, seconds: seconds(product) },
      file,
      range: valueRange(entry),
    };
  if (product < short)
    return { messageId: "tooShort", data: { key, value, tick, seconds: seconds(product), least: seconds(short) }, file, range: valueRange(entry) };
  return undefined;
}

function* checkSessions(file: ConfigFile): Generator<Report<Id>> {
  const { config } = file;
  const min = config.int("minSessionTimeout");
  const max = config.int("maxSessionTimeout");
  for (const s of [min, max]) {
    if (s.kind === "invalid") {
      yield { messageId: "notNumber", data: { key: javaTrim(s.entry.key), value: s.text }, file, range: valueRange(s.entry) };
    }
  }
  if (min.kind === "invalid" || max.kind === "invalid") return;
  const tick = config.int("tickTime");
  const t = tick.kind === "valid" ? tick.value : tick.kind === "absent" ? 3000 : undefined;
  // tickTime 0 stops ZooKeeper before it looks at session timeouts.
  if (t === undefined || t === 0) return;
  if (!atLeast(config.version, "3.5")) {
    // 3.4 compares the values as written, -1 when unset, before any default applies.
    const rawMin = min.kind === "valid" ? min.value : -1;
    const rawMax = max.kind === "valid" ? max.value : -1;
    const at = min.kind === "valid" ? min : max;
    if (rawMin <= rawMax || at.kind !== "valid") return;
    const messageId = min.kind !== "valid" ? "sessionBoundsUnsetMin" : max.kind !== "valid" ? "sessionBoundsUnsetMax" : "sessionBounds";
    yield { messageId, data: { min: rawMin, max: rawMax }, file, range: valueRange(at.entry) };
    return;
  }
  // -1 (or absence) means ZooKeeper's defaults: 2 and 20 ticks.
  const explicitMin = min.kind === "valid" && min.value !== -1;
  const explicitMax = max.kind === "valid" && max.value !== -1;
  const minMs = explicitMin ? (min as { value: number }).value : 2 * t;
  const maxMs = explicitMax ? (max as { value: number }).value : 20 * t;
  if (minMs <= maxMs) return;
  const at = explicitMin ? min : explicitMax ? max : tick;
  const range = at.kind === "absent" ? { start: 0, end: 0 } : valueRange(at.entry);
  const messageId = explicitMin
    ? explicitMax
      ? "sessionBounds"
      : "sessionBoundsDefaultMax"
    : explicitMax
      ? "sessionBoundsDefaultMin"
      : "sessionBoundsDefaults";
  yield { messageId, data: { min: minMs, max: maxMs }, file, range };
}

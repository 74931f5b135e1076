// How many inputs each property tries. ZKCFG_PROPERTY_RUNS multiplies them all (e.g. 10 for a
// long exploration with ZKCFG_PROPERTY_SEED set to something new).
const SCALE = Number(process.env["ZKCFG_PROPERTY_RUNS"] ?? 1);

const BASE = {
  parseBytes: 40_000,
  parseSyntax: 30_000,
  parseConfigs: 30_000,
  parseCorpus: 8_000,
  tokens: 20_000,
  lintConfigs: 8_000,
  lintCorpus: 3_000,
  lintTrees: 2_000,
  fixTrees: 2_000,
  fixConfigs: 4_000,
  outputs: 150,
};

export type Property = keyof typeof BASE;

export const RUNS: Record<Property, number> = Object.fromEntries(Object.entries(BASE).map(([name, n]) => [name, Math.max(1, Math.round(n * SCALE))])) as Record<
  Property,
  number
>;

/** At least this many generated inputs per run at the default scale. */
export const MINIMUM_TOTAL = 100_000;

export const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

/** Per test: generous at the default scale on a busy 2-core machine, growing with the scale. */
export const TIMEOUT = Math.max(1, SCALE) * 60_000;

/** Orders strings by code unit, the same on every machine and locale (output must be deterministic). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

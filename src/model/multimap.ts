/** Adds `item` to the list `into` holds under `key`, starting the list when there is none. */
export function addTo<K, T>(into: Map<K, T[]>, key: K, item: T): void {
  const list = into.get(key);
  if (list) list.push(item);
  else into.set(key, [item]);
}

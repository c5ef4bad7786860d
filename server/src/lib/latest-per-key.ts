/**
 * Edited things (commentary, targets) are kept as one row per edit, oldest first: the newest row
 * of each key is current, and how many rows the key has is its version number.
 */
export function latestPerKey<T>(rows: T[], keyOf: (row: T) => string): { latest: T; version: number }[] {
  const byKey = new Map<string, { latest: T; version: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    byKey.set(key, { latest: row, version: (byKey.get(key)?.version ?? 0) + 1 });
  }
  return [...byKey.values()];
}
